// Test runner for the desktop app: a QApplication (offscreen unless a platform is given) around
// Catch2, with QStandardPaths in test mode so that settings and autosaves never touch the user's.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>
#include <QStandardPaths>

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("PrepLabTests"));
    QApplication::setApplicationName(QStringLiteral("preplab_app_tests"));
    return Catch::Session().run(argc, argv);
}
