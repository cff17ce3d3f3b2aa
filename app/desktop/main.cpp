// preplab: the desktop workbench. Parses the command line and opens the main window.
#include "app/desktop/main_window.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstring>
#include <memory>

namespace {

void describe()
{
    QCoreApplication::setApplicationName(QStringLiteral("preplab"));
    QCoreApplication::setOrganizationName(QStringLiteral("PrepLab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PREPLAB_VERSION));
}

// --version and --help must work without a display (scripts, packaging checks).
bool wantsTextOnly(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
        for (const char* flag : {"--version", "-v", "--help", "-h", "--help-all"})
            if (std::strcmp(argv[i], flag) == 0)
                return true;
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    std::unique_ptr<QCoreApplication> app;
    if (wantsTextOnly(argc, argv))
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    describe();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("PrepLab: see what data preprocessing does."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("Table to open (CSV, TSV, JSON, ARFF, SQLite)."));
    parser.process(*app);  // exits after printing --version or --help

    QApplication::setDesktopFileName(QStringLiteral("io.github.preplab"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/preplab.svg")));
    preplab::desktop::MainWindow window;
    window.show();
    if (!window.offerRestore())
        window.openInitial(parser.positionalArguments().value(0));
    return QApplication::exec();
}
