// preplab: the desktop workbench. Parses the command line and opens the main window.
#include "app/desktop/main_window.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("PrepLab"));
    QApplication::setOrganizationName(QStringLiteral("PrepLab"));
    QApplication::setApplicationVersion(QStringLiteral(PREPLAB_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.preplab"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/preplab.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("See what data preprocessing does."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("Table to open (CSV, TSV, JSON, ARFF, SQLite)."));
    parser.process(app);

    preplab::desktop::MainWindow window;
    window.show();
    window.openInitial(parser.positionalArguments().value(0));
    return QApplication::exec();
}
