// Helpers shared by the desktop app tests: small tables built in memory, the bundled samples,
// waiting for the main window's background work and saving screenshots.
#pragma once

#include "app/desktop/workers/load_worker.h"
#include "core/table/table.h"

#include <QString>

class QWidget;

#include <memory>

namespace preplab::desktop {
class MainWindow;
}

namespace preplab::desktop::testing {

// 5 rows: x numeric with one missing, g categorical with one missing, n integer.
std::shared_ptr<const Table> smallTable();
// The bundled penguins sample, read through the worker's load function; REQUIREs success.
LoadOutcome loadPenguins();
QString samplesDir();
// Processes events until the window's load and evaluation workers are idle and its scatter has
// drawn, so what the test reads (or grabs) is the result of everything asked so far.
void settleWindow(MainWindow& window);
// Saves widget.grab() as <build>/screenshots/<name>; REQUIREs the write.
void saveScreenshot(QWidget& widget, const QString& name);

} // namespace preplab::desktop::testing
