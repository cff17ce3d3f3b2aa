// libFuzzer target: content sniffing and the CSV writer's quoting on arbitrary bytes.
#include "core/io/content_sniffer.h"
#include "core/io/csv_writer.h"
#include "core/io/json_writer.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    (void)preplab::io::binaryKind(bytes);
    (void)preplab::io::sniffTextFormat(bytes);
    (void)preplab::io::csvField(bytes);
    std::string json;
    (void)preplab::io::appendJsonString(json, bytes);
    return 0;
}
