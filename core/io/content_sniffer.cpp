#include "core/io/content_sniffer.h"

#include <algorithm>
#include <cctype>

namespace preplab::io {

namespace {

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view skipBomAndSpace(std::string_view s)
{
    if (startsWith(s, "\xEF\xBB\xBF"))
        s.remove_prefix(3);
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    return s;
}

std::optional<std::string> zipKind(std::string_view head)
{
    if (head.find("xl/") != std::string_view::npos)
        return "an Excel workbook (.xlsx, a zip archive); export the sheet as CSV first";
    if (head.find("opendocument.spreadsheet") != std::string_view::npos)
        return "an OpenDocument spreadsheet (.ods, a zip archive); export the sheet as CSV first";
    if (head.find("word/") != std::string_view::npos)
        return "a Word document (.docx, a zip archive)";
    return "a zip archive; extract the table from it first (unzip)";
}

// UTF-16 text has a NUL in every other byte for ASCII characters: all NULs on one parity.
bool looksLikeUtf16(std::string_view head, std::size_t nulEven, std::size_t nulOdd)
{
    const std::size_t half = head.size() / 2;
    if (half == 0)
        return false;
    const std::size_t onOneSide = std::max(nulEven, nulOdd), onOther = std::min(nulEven, nulOdd);
    return onOther * 20 <= onOneSide && onOneSide * 10 >= half * 3;
}

} // namespace

bool isSqliteHeader(std::string_view head) { return startsWith(head, std::string_view("SQLite format 3\0", 16)); }

std::optional<std::string> binaryKind(std::string_view head)
{
    using namespace std::string_view_literals;
    if (startsWith(head, "\x1F\x8B"sv))
        return "gzip-compressed data; decompress it first (gunzip)";
    if (startsWith(head, "PK\x03\x04"sv) || startsWith(head, "PK\x05\x06"sv) || startsWith(head, "PK\x07\x08"sv))
        return zipKind(head);
    if (head.size() >= 4 && startsWith(head, "BZh"sv) && head[3] >= '1' && head[3] <= '9')
        return "bzip2-compressed data; decompress it first (bunzip2)";
    if (startsWith(head, "\xFD" "7zXZ\x00"sv))
        return "xz-compressed data; decompress it first (unxz)";
    if (startsWith(head, "7z\xBC\xAF\x27\x1C"sv))
        return "a 7-Zip archive; extract the table from it first";
    if (startsWith(head, "\x28\xB5\x2F\xFD"sv))
        return "zstd-compressed data; decompress it first (unzstd)";
    if (startsWith(head, "Rar!\x1A\x07"sv))
        return "a RAR archive; extract the table from it first";
    if (startsWith(head, "PAR1"sv))
        return "an Apache Parquet file; convert it to CSV first";
    if (startsWith(head, "ARROW1"sv))
        return "an Apache Arrow / Feather file; convert it to CSV first";
    if (startsWith(head, "\x89HDF\r\n\x1A\n"sv))
        return "an HDF5 file; convert it to CSV first";
    if (startsWith(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv))
        return "an Excel 97-2003 workbook (.xls) or another OLE2 document; export the sheet as CSV first";
    if (startsWith(head, "%PDF-"sv))
        return "a PDF document";
    if (startsWith(head, "\x89PNG\r\n\x1A\n"sv))
        return "a PNG image";
    if (startsWith(head, "\xFF\xD8\xFF"sv))
        return "a JPEG image";
    if (startsWith(head, "GIF87a"sv) || startsWith(head, "GIF89a"sv))
        return "a GIF image";
    if (startsWith(head, "\x7F" "ELF"sv))
        return "an executable program (ELF)";

    if (startsWith(head, "\xFF\xFE"sv) || startsWith(head, "\xFE\xFF"sv))
        return std::nullopt;  // UTF-16 with a byte-order mark
    std::size_t nulEven = 0, nulOdd = 0;
    for (std::size_t i = 0; i < head.size(); ++i)
        if (head[i] == '\0')
            ++(i % 2 == 0 ? nulEven : nulOdd);
    const std::size_t nuls = nulEven + nulOdd;
    if (nuls >= 4 && nuls * 100 >= head.size() && !looksLikeUtf16(head, nulEven, nulOdd))
        return "binary data (" + std::to_string(nuls) + " NUL bytes in the first " + std::to_string(head.size()) +
               " bytes), not text";
    return std::nullopt;
}

TextFormat sniffTextFormat(std::string_view head)
{
    std::string_view s = skipBomAndSpace(head);
    if (s.empty())
        return TextFormat::Csv;
    if (s.front() == '[' || s.front() == '{') {
        std::string_view rest = skipBomAndSpace(s.substr(1));
        if (rest.empty())
            return TextFormat::Json;
        const char next = rest.front();
        if (s.front() == '[' && (next == '{' || next == ']'))
            return TextFormat::Json;
        if (s.front() == '{' && (next == '"' || next == '}'))
            return TextFormat::Json;
        return TextFormat::Csv;
    }
    // ARFF: '%' comment lines, then "@relation".
    while (!s.empty() && s.front() == '%') {
        auto eol = s.find('\n');
        s = eol == std::string_view::npos ? std::string_view{} : skipBomAndSpace(s.substr(eol + 1));
    }
    std::string word(s.substr(0, 9));
    std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
    return word == "@relation" ? TextFormat::Arff : TextFormat::Csv;
}

} // namespace preplab::io
