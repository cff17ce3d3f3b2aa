// The thin conversion layer between the core's plain C++ types and Qt's: strings, errors,
// diagnostics. Everything the GUI shows from the core goes through these few functions.
#pragma once

#include "core/util/diagnostic.h"
#include "core/util/result.h"

#include <QString>

#include <string>
#include <string_view>

namespace preplab::desktop {

inline QString toQString(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }
inline std::string toStdString(const QString& s) { return s.toUtf8().toStdString(); }

// "FILE, line N: message" for a dialog: the file name first, so the user knows what failed.
QString describeError(const Error& error);
// "line N, column C: message" for the Issues panel.
QString describeDiagnostic(const Diagnostic& diagnostic);

} // namespace preplab::desktop
