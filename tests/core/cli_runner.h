// Runs the built preplab-cli (PREPLAB_CLI_PATH) for the CLI integration tests: exit code,
// stdout and stderr of one invocation.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace preplab::test {

struct CliRun {
    int exitCode = -1;
    std::string out;
    std::string err;
};

inline std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void writeFile(const std::filesystem::path& path, const std::string& bytes)
{
    std::ofstream(path, std::ios::binary) << bytes;
}

inline std::string shellQuote(const std::string& s)
{
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// A fresh temporary folder, removed at the end of the test.
struct TempDir {
    std::filesystem::path path;
    TempDir()
    {
        static int counter = 0;
        path = std::filesystem::temp_directory_path() /
               ("preplab-cli-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::filesystem::path operator/(const std::string& name) const { return path / name; }
};

// Runs `preplab-cli <args>` (args already shell-quoted where needed), stdin from `input`;
// `outRedirect` replaces the capture of stdout (e.g. "/dev/full").
inline CliRun runCli(const std::string& args, const std::string& input = "/dev/null",
                     const std::string& outRedirect = {})
{
    static TempDir io;
    const auto out = io / "stdout", err = io / "stderr";
    std::string command = shellQuote(PREPLAB_CLI_PATH) + " " + args + " <" + shellQuote(input) + " >" +
                          (outRedirect.empty() ? shellQuote(out.string()) : outRedirect) + " 2>" +
                          shellQuote(err.string());
    int status = std::system(command.c_str());
    CliRun run;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    run.out = outRedirect.empty() ? readFile(out) : std::string();
    run.err = readFile(err);
    return run;
}

inline std::string sharedDataset(const std::string& name)
{
    return shellQuote(std::string(PREPLAB_SHARED_DIR) + "/datasets/" + name);
}

} // namespace preplab::test
