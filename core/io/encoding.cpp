#include "core/io/encoding.h"

#include <cstring>

namespace preplab::io {

namespace {

// Windows-1252 code points for bytes 0x80..0x9F; the five undefined bytes keep their C1 value
// (as the WHATWG encoding standard does).
constexpr std::uint16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

constexpr std::uint32_t kReplacement = 0xFFFD;

bool allAscii8(const unsigned char* p)
{
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return (w & 0x8080808080808080ULL) == 0;
}

} // namespace

std::string_view encodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8: return "utf-8";
    case TextEncoding::Utf8Bom: return "utf-8-bom";
    case TextEncoding::Utf16Le: return "utf-16le";
    case TextEncoding::Utf16Be: return "utf-16be";
    case TextEncoding::Windows1252: return "windows-1252";
    case TextEncoding::Utf32: return "utf-32";
    }
    return "utf-8";
}

void appendUtf8(std::string& out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

EncodingGuess detectEncoding(std::string_view head)
{
    auto starts = [&](std::string_view bom) { return head.substr(0, bom.size()) == bom; };
    EncodingGuess g;
    if (starts(std::string_view("\x00\x00\xFE\xFF", 4)) || starts(std::string_view("\xFF\xFE\x00\x00", 4))) {
        g.encoding = TextEncoding::Utf32;
        g.bomLength = 4;
        return g;
    }
    if (starts("\xEF\xBB\xBF")) {
        g.encoding = TextEncoding::Utf8Bom;
        g.bomLength = 3;
        return g;
    }
    std::string_view body = head.substr(0, 4096);
    bool le = starts("\xFF\xFE"), be = starts("\xFE\xFF");
    if (le || be)
        body.remove_prefix(2);
    std::size_t zeroOdd = 0, zeroEven = 0;
    for (std::size_t i = 0; i < body.size(); ++i)
        if (body[i] == '\0')
            ++(i % 2 ? zeroOdd : zeroEven);
    const std::size_t pairs = body.size() / 2;
    if (le || be) {
        g.encoding = le ? TextEncoding::Utf16Le : TextEncoding::Utf16Be;
        g.bomLength = 2;
        // UTF-16 text of a table is mostly ASCII, so half its bytes are NUL; none at all means the
        // BOM sits in front of single-byte text.
        if (pairs >= 4 && zeroOdd == 0 && zeroEven == 0) {
            g.encoding = TextEncoding::Utf8;
            g.bogusBom = true;
        }
        return g;
    }
    if (pairs >= 4 && zeroOdd * 10 >= pairs * 7 && zeroEven * 10 < pairs)
        g.encoding = TextEncoding::Utf16Le;
    else if (pairs >= 4 && zeroEven * 10 >= pairs * 7 && zeroOdd * 10 < pairs)
        g.encoding = TextEncoding::Utf16Be;
    return g;
}

std::size_t validUtf8Prefix(std::string_view bytes, std::size_t& incomplete)
{
    incomplete = 0;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n) {
        if (i + 8 <= n && allAscii8(p + i)) {
            i += 8;
            continue;
        }
        unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0)
                lo = 0xA0;
            if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0)
                lo = 0x90;
            if (c == 0xF4)
                hi = 0x8F;
        } else {
            return i;
        }
        for (std::size_t k = 1; k < len; ++k) {
            if (i + k >= n) {
                incomplete = n - i;
                return i;
            }
            unsigned char b = p[i + k];
            if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF))
                return i;
        }
        i += len;
    }
    return i;
}

void TextDecoder::decode(std::string_view raw, bool final, std::string& out)
{
    switch (m_encoding) {
    case TextEncoding::Utf16Le:
    case TextEncoding::Utf16Be: decodeUtf16(raw, final, out); return;
    case TextEncoding::Windows1252:
        out.reserve(out.size() + raw.size() + raw.size() / 8);
        for (char ch : raw) {
            auto b = static_cast<unsigned char>(ch);
            if (b < 0x80)
                out.push_back(ch);
            else
                appendUtf8(out, b < 0xA0 ? kCp1252High[b - 0x80] : b);
        }
        return;
    default: out.append(raw); return;
    }
}

void TextDecoder::decodeUtf16(std::string_view raw, bool final, std::string& out)
{
    std::string joined;
    if (!m_pending.empty()) {
        joined = m_pending + std::string(raw);
        raw = joined;
        m_pending.clear();
    }
    const bool le = m_encoding == TextEncoding::Utf16Le;
    out.reserve(out.size() + raw.size() / 2 + raw.size() / 8);
    std::size_t i = 0;
    for (; i + 2 <= raw.size(); i += 2) {
        auto b0 = static_cast<unsigned char>(raw[i]), b1 = static_cast<unsigned char>(raw[i + 1]);
        std::uint32_t unit = le ? (b0 | (b1 << 8)) : ((b0 << 8) | b1);
        if (m_highSurrogate) {
            if (unit >= 0xDC00 && unit <= 0xDFFF) {
                appendUtf8(out, 0x10000 + ((m_highSurrogate - 0xD800) << 10) + (unit - 0xDC00));
                m_highSurrogate = 0;
                continue;
            }
            appendUtf8(out, kReplacement);
            ++m_replacements;
            m_highSurrogate = 0;
        }
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            m_highSurrogate = unit;
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            appendUtf8(out, kReplacement);
            ++m_replacements;
        } else {
            appendUtf8(out, unit);
        }
    }
    if (i < raw.size())
        m_pending.assign(raw.substr(i));
    if (final && (m_highSurrogate || !m_pending.empty())) {
        appendUtf8(out, kReplacement);
        ++m_replacements;
        m_highSurrogate = 0;
        m_pending.clear();
    }
}

} // namespace preplab::io
