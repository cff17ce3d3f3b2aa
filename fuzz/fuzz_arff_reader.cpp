// libFuzzer target: the ARFF reader must turn any bytes into a table or an Error, never crash,
// hang or read out of bounds (quotes, sparse rows, nominal lists and escapes included).
#include "core/io/reader.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto result = preplab::io::readArffBuffer(bytes, "fuzz.arff", {});
    (void)result;
    return 0;
}
