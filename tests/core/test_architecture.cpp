// The core must stay GUI-independent: nothing under core/ may include a Qt header.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

TEST_CASE("Architecture: nothing under core/ includes Qt", "[architecture]")
{
    namespace fs = std::filesystem;
    const fs::path core = fs::path(PREPLAB_SOURCE_DIR) / "core";
    REQUIRE(fs::is_directory(core));
    const std::regex qtInclude(R"(^\s*#\s*include\s*[<"](Q[A-Za-z]|Qt[A-Za-z]*/))");
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(core)) {
        if (!entry.is_regular_file())
            continue;
        auto ext = entry.path().extension().string();
        if (ext != ".h" && ext != ".cpp" && ext != ".txt")
            continue;
        ++files;
        std::ifstream in(entry.path());
        std::string line;
        int lineNo = 0;
        while (std::getline(in, line)) {
            ++lineNo;
            INFO(entry.path().string() << ":" << lineNo << ": " << line);
            CHECK_FALSE(std::regex_search(line, qtInclude));
            if (ext == ".txt")
                CHECK(line.find("Qt6") == std::string::npos);
        }
    }
    CHECK(files > 5);
}
