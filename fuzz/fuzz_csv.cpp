// libFuzzer target for the CSV reader: any bytes must give a table or a clean error, never a
// crash, a hang or a table whose columns disagree in length. The first byte picks options.
#include "core/io/reader.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::uint8_t pick = data[0];
    std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    preplab::io::ReadOptions options;
    static constexpr char delimiters[] = {0, ',', ';', '\t', '|', ' ', 'x', '\''};
    if (char d = delimiters[pick & 7])
        options.delimiter = d;
    if (pick & 8)
        options.header = (pick & 16) != 0;
    options.threads = (pick & 32) ? 2 : 1;
    if (pick & 64)
        options.naMarkers = std::vector<std::string>{"-", "x"};
    if (pick & 128) {
        options.typeOverrides["a"] = preplab::ColumnType::Integer;
        options.typeOverrides["column_2"] = preplab::ColumnType::Datetime;
    }
    auto result = preplab::io::readCsvBuffer(bytes, "<fuzz>", options);
    if (!result)
        return 0;
    const preplab::Table& table = result->table;
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        const preplab::Column& column = table.column(c);
        if (column.size() != table.rowCount())
            std::abort();
        for (std::size_t r = 0; r < column.size(); ++r)
            (void)column.format(r);
    }
    return 0;
}
