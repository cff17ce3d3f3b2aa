// gen_mixed_csv: writes a deterministic mixed-type CSV for the load benchmark.
//   usage: gen_mixed_csv ROWS OUT.csv [SEED]
// 16 columns, one of each kind a real table holds:
//   id, age, visits                 integers (sequential, uniform 18..90, geometric-like 0..60)
//   income, score, ratio, temp      floats, each missing (empty field) in 5% of rows
//   city, color                     low-cardinality strings (24 and 8 values)
//   sku                             high-cardinality string (~ROWS/2 distinct)
//   comment                         quoted text with commas and doubled quotes
//   active, verified                booleans (true/false)
//   signup, last_login              dates (YYYY-MM-DD)
//   target                          imbalanced 0/1 label (about 8% ones)
// The generator uses its own PRNG (splitmix64) so the same ROWS and SEED give the same bytes
// everywhere.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
    std::uint64_t below(std::uint64_t n) { return next() % n; }
    double normal()  // Box-Muller; one value per call keeps the stream simple
    {
        double u1 = uniform(), u2 = uniform();
        if (u1 < 1e-300)
            u1 = 1e-300;
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
};

const char* const kCities[] = {"Amsterdam", "Berlin",  "Cairo",   "Dakar",    "Edinburgh", "Florence",
                               "Geneva",    "Hanoi",   "Istanbul", "Jakarta", "Kyoto",     "Lima",
                               "Madrid",    "Nairobi", "Oslo",    "Porto",    "Quito",     "Riga",
                               "Seoul",     "Tunis",   "Utrecht", "Vienna",   "Warsaw",    "Zagreb"};
const char* const kColors[] = {"red", "green", "blue", "black", "white", "grey", "yellow", "purple"};
const char* const kOpenings[] = {"Great product",  "Arrived late",   "Not as described", "Works fine",
                                 "Broke after a week", "Good value", "Too small",     "Exactly right",
                                 "Would not buy again", "Five stars"};
const char* const kMiddles[] = {", honestly", ", but the box was damaged", "", ", said \"\"meh\"\"",
                                ", colour off", ", \"\"as advertised\"\"", ", fast shipping", ", no manual",
                                "; returned it", ", gift for a friend"};
const char* const kEndings[] = {"", " - thanks", " (second order)", ", 10/10", " again, \"\"really\"\"",
                                "!", " ...", ", see photos", " & more", ", cheers"};

template <class T, std::size_t N>
constexpr std::size_t count(const T (&)[N])
{
    return N;
}

void appendInt(std::string& out, std::int64_t v)
{
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

void appendFixed(std::string& out, double v, int digits)
{
    char buf[48];
    auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, digits);
    out.append(buf, r.ptr);
}

void appendDate(std::string& out, std::int64_t daysSinceEpoch)
{
    // civil_from_days (Howard Hinnant)
    std::int64_t z = daysSinceEpoch + 719468;
    std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = static_cast<unsigned>(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    y += (m <= 2);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(y), m, d);
    out += buf;
}

void appendMaybeMissing(std::string& out, SplitMix64& rng, double v, int digits)
{
    if (rng.uniform() >= 0.05)
        appendFixed(out, v, digits);
    out += ',';
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: gen_mixed_csv ROWS OUT.csv [SEED]\n");
        return 2;
    }
    const long long rows = std::atoll(argv[1]);
    const std::uint64_t seed = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 42;
    std::FILE* f = std::fopen(argv[2], "wb");
    if (!f || rows < 0) {
        std::fprintf(stderr, "gen_mixed_csv: cannot write %s\n", argv[2]);
        return 1;
    }
    SplitMix64 rng{seed};
    std::string out;
    out.reserve(1 << 22);
    out += "id,age,visits,income,score,ratio,temp,city,color,sku,comment,active,verified,signup,last_login,target\n";
    const std::int64_t firstDay = 16071;  // 2014-01-01
    for (long long i = 0; i < rows; ++i) {
        appendInt(out, i + 1);
        out += ',';
        appendInt(out, 18 + static_cast<std::int64_t>(rng.below(73)));
        out += ',';
        appendInt(out, static_cast<std::int64_t>(-std::log(1.0 - rng.uniform()) * 8.0) % 61);
        out += ',';
        double income = std::exp(10.5 + 0.6 * rng.normal());
        appendMaybeMissing(out, rng, income, 2);
        appendMaybeMissing(out, rng, 50.0 + 15.0 * rng.normal(), 3);
        appendMaybeMissing(out, rng, rng.uniform(), 5);
        appendMaybeMissing(out, rng, 12.0 + 8.0 * rng.normal(), 1);
        out += kCities[rng.below(count(kCities))];
        out += ',';
        out += kColors[rng.below(count(kColors))];
        out += ",SKU-";
        appendInt(out, 100000 + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(rows / 2 + 1))));
        out += ",\"";
        out += kOpenings[rng.below(count(kOpenings))];
        out += kMiddles[rng.below(count(kMiddles))];
        out += kEndings[rng.below(count(kEndings))];
        out += "\",";
        out += rng.uniform() < 0.7 ? "true," : "false,";
        out += rng.uniform() < 0.4 ? "true," : "false,";
        std::int64_t signup = firstDay + static_cast<std::int64_t>(rng.below(3000));
        appendDate(out, signup);
        out += ',';
        appendDate(out, signup + static_cast<std::int64_t>(rng.below(400)));
        out += ',';
        double risk = 0.03 + (income < 25000 ? 0.12 : 0.0);
        out += rng.uniform() < risk ? "1\n" : "0\n";
        if (out.size() > (1 << 22) - 512) {
            std::fwrite(out.data(), 1, out.size(), f);
            out.clear();
        }
    }
    std::fwrite(out.data(), 1, out.size(), f);
    if (std::fclose(f) != 0) {
        std::fprintf(stderr, "gen_mixed_csv: write failed for %s\n", argv[2]);
        return 1;
    }
    return 0;
}
