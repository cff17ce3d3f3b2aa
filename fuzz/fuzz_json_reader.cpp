// libFuzzer target: the JSON / JSON Lines reader must turn any bytes into a table or an Error,
// never crash, hang or read out of bounds.
#include "core/io/reader.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto result = preplab::io::readJsonBuffer(bytes, "fuzz.json", {});
    (void)result;
    return 0;
}
