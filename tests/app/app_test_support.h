// Helpers shared by the desktop app tests: small tables built in memory and the bundled samples.
#pragma once

#include "app/desktop/workers/load_worker.h"
#include "core/table/table.h"

#include <QString>

#include <memory>

namespace preplab::desktop::testing {

// 5 rows: x numeric with one missing, g categorical with one missing, n integer.
std::shared_ptr<const Table> smallTable();
// The bundled penguins sample, read through the worker's load function; REQUIREs success.
LoadOutcome loadPenguins();
QString samplesDir();

} // namespace preplab::desktop::testing
