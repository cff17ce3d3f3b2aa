// Shared expectations for the format readers: every copy of the Palmer penguins data in
// shared/datasets/formats must read to the table that penguins.csv holds. The figures come from
// pandas 1.5 (tests/tools/formats_expected.py, output in tests/data/formats/penguins_expected.txt).
#pragma once

#include "core/table/table.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace preplab::testing {

inline std::string sharedPath(const std::string& relative) { return std::string(PREPLAB_SHARED_DIR) + "/" + relative; }
inline std::string testDataPath(const std::string& relative)
{
    return std::string(PREPLAB_TEST_DATA_DIR) + "/" + relative;
}

inline std::string fileBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline double presentSum(const Column& c)
{
    double sum = 0;
    for (std::size_t i = 0; i < c.size(); ++i)
        if (c.isValid(i))
            sum += c.number(i);
    return sum;
}

// The 344 x 8 penguins table, whatever file it came from. Species categories may be in any order
// (first appearance in CSV/JSON, declared order in ARFF): values are compared as text.
inline void checkPenguins(const Table& t)
{
    using Catch::Matchers::WithinRel;
    REQUIRE(t.rowCount() == 344);
    REQUIRE(t.columnCount() == 8);
    CHECK(t.names() == std::vector<std::string>{"species", "island", "bill_length_mm", "bill_depth_mm",
                                                "flipper_length_mm", "body_mass_g", "sex", "year"});
    const std::size_t missing[] = {0, 0, 2, 2, 2, 2, 11, 0};
    const ColumnType types[] = {ColumnType::Categorical, ColumnType::Categorical, ColumnType::Numeric,
                                ColumnType::Numeric,     ColumnType::Integer,     ColumnType::Integer,
                                ColumnType::Categorical, ColumnType::Integer};
    for (std::size_t c = 0; c < 8; ++c) {
        INFO("column " << t.name(c));
        CHECK(t.column(c).missingCount() == missing[c]);
        CHECK(t.column(c).type() == types[c]);
    }
    CHECK_THAT(presentSum(t.column(2)), WithinRel(15021.3, 1e-12));
    CHECK_THAT(presentSum(t.column(3)), WithinRel(5865.7, 1e-12));
    CHECK(presentSum(t.column(4)) == 68713.0);
    CHECK(presentSum(t.column(5)) == 1437000.0);
    CHECK(presentSum(t.column(7)) == 690762.0);
    std::size_t adelie = 0, gentoo = 0, chinstrap = 0;
    for (std::size_t r = 0; r < 344; ++r) {
        auto s = t.column(0).text(r);
        adelie += s == "Adelie";
        gentoo += s == "Gentoo";
        chinstrap += s == "Chinstrap";
    }
    CHECK(adelie == 152);
    CHECK(gentoo == 124);
    CHECK(chinstrap == 68);
    auto row = [&](std::size_t r) {
        std::string out;
        for (std::size_t c = 0; c < 8; ++c) {
            if (c > 0)
                out += ',';
            out += t.column(c).format(r);
        }
        return out;
    };
    CHECK(row(0) == "Adelie,Torgersen,39.1,18.7,181,3750,male,2007");
    CHECK(row(3) == "Adelie,Torgersen,,,,,,2007");
    CHECK(row(343) == "Chinstrap,Dream,50.2,18.7,198,3775,female,2009");
}

// Cell-by-cell equality of two tables through their canonical text.
inline void checkSameCells(const Table& a, const Table& b)
{
    REQUIRE(a.rowCount() == b.rowCount());
    REQUIRE(a.names() == b.names());
    for (std::size_t c = 0; c < a.columnCount(); ++c) {
        INFO("column " << a.name(c));
        CHECK(a.column(c).type() == b.column(c).type());
        std::size_t differing = 0;
        for (std::size_t r = 0; r < a.rowCount(); ++r)
            differing += a.column(c).isValid(r) != b.column(c).isValid(r) || a.column(c).format(r) != b.column(c).format(r);
        CHECK(differing == 0);
    }
}

} // namespace preplab::testing
