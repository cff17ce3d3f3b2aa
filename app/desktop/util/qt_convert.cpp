#include "app/desktop/util/qt_convert.h"

#include <QFileInfo>

namespace preplab::desktop {

QString describeError(const Error& error)
{
    QString out;
    if (!error.file.empty()) {
        out += QFileInfo(toQString(error.file)).fileName();
        if (error.line >= 0) {
            out += QStringLiteral(", line %1").arg(error.line);
            if (error.column >= 0)
                out += QStringLiteral(", column %1").arg(error.column);
        }
        out += QStringLiteral(": ");
    }
    return out + toQString(error.message);
}

QString describeDiagnostic(const Diagnostic& diagnostic)
{
    QString where;
    if (diagnostic.line >= 0)
        where = QStringLiteral("line %1").arg(diagnostic.line);
    if (!diagnostic.column.empty())
        where += (where.isEmpty() ? QString() : QStringLiteral(", ")) + QStringLiteral("column “%1”").arg(toQString(diagnostic.column));
    return where.isEmpty() ? toQString(diagnostic.message) : where + QStringLiteral(": ") + toQString(diagnostic.message);
}

} // namespace preplab::desktop
