// The fixed part of an exported Python script (python_exporter.h): imports, the missing-value
// markers PrepLab reads, and the helpers that reproduce PrepLab's exact semantics where pandas and
// scikit-learn have no one-call equivalent (the seeded split, formula operators with missing
// propagation, canonical text, the CSV output format).
#pragma once

#include <string_view>

namespace preplab::exporting {

// Python source: module docstring placeholder excluded, ends with a newline.
std::string_view pythonPrelude();

} // namespace preplab::exporting
