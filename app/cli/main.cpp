#include <cstdio>
#include <cstring>

int main(int argc, char** argv)
{
    if (argc > 1 && std::strcmp(argv[1], "--version") == 0) {
        std::printf("preplab-cli %s\n", PREPLAB_VERSION);
        return 0;
    }
    std::fprintf(stderr, "usage: preplab-cli COMMAND ...\n");
    return 2;
}
