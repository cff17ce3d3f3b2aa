#include "app/desktop/views/column_inspector.h"

#include "app/desktop/util/qt_convert.h"
#include "app/desktop/views/type_badge.h"

#include <QRegularExpression>

#include <cmath>

namespace preplab::desktop {
namespace {

QString number(double v)
{
    if (std::isnan(v))
        return QStringLiteral("NaN");
    const double a = std::fabs(v);
    if (a != 0 && (a >= 1e7 || a < 1e-3))
        return QString::number(v, 'g', 4);
    return QString::number(v, 'f', a >= 100 ? 1 : 3).remove(QRegularExpression(QStringLiteral("\\.?0+$")));
}

QString row(const QString& label, const QString& value)
{
    return QStringLiteral("<tr><td class='k'>%1</td><td class='v'>%2</td></tr>").arg(label, value);
}

QString optionalRow(const QString& label, const std::optional<double>& v, bool datetime, bool hasTime)
{
    if (!v)
        return {};
    if (datetime)
        return row(label, toQString(formatDatetime(static_cast<std::int64_t>(*v), hasTime)));
    return row(label, number(*v));
}

} // namespace

QString columnProfileHtml(const profile::TableProfile& table, const profile::ColumnProfile& column)
{
    const bool datetime = column.type == ColumnType::Datetime;
    const std::int64_t total = column.count + column.missing;
    QString html = QStringLiteral("<style>td.k{color:#666;padding-right:12px} td.v{text-align:right}"
                                  " h3{margin:2px 0} .why{color:#555} .alert{margin:4px 0}</style>");
    html += QStringLiteral("<h3>%1 <span style='color:%2;font-size:small'>%3</span></h3>")
                .arg(toQString(column.name).toHtmlEscaped(), typeColor(column.type).name(),
                     toQString(columnTypeName(column.type)));
    html += QStringLiteral("<table cellspacing=0>");
    html += row(QStringLiteral("Present"), QString::number(column.count));
    html += row(QStringLiteral("Missing"), QStringLiteral("%1 (%2%)")
                                               .arg(column.missing)
                                               .arg(total ? 100.0 * double(column.missing) / double(total) : 0.0, 0, 'f', 1));
    html += row(QStringLiteral("Distinct"), QString::number(column.distinct));
    html += optionalRow(QStringLiteral("Mean"), column.mean, datetime, true);
    html += optionalRow(QStringLiteral("Std (n−1)"), datetime ? std::nullopt : column.std, false, false);
    html += optionalRow(QStringLiteral("Min"), column.min, datetime, true);
    html += optionalRow(QStringLiteral("25%"), column.q25, datetime, true);
    html += optionalRow(QStringLiteral("Median"), column.median, datetime, true);
    html += optionalRow(QStringLiteral("75%"), column.q75, datetime, true);
    html += optionalRow(QStringLiteral("Max"), column.max, datetime, true);
    html += optionalRow(QStringLiteral("Skewness"), column.skewness, false, false);
    if (column.zeros)
        html += row(QStringLiteral("Zeros"), QString::number(*column.zeros));
    if (column.outliers)
        html += row(QStringLiteral("Outliers (1.5 IQR)"), QString::number(*column.outliers));
    if (column.numberLike > 0)
        html += row(QStringLiteral("Number-like values"), QString::number(column.numberLike));
    html += QStringLiteral("</table>");

    if (!column.top.empty()) {
        html += QStringLiteral("<p><b>Most frequent</b></p><table cellspacing=0>");
        for (const auto& top : column.top)
            html += row(toQString(top.value).toHtmlEscaped(), QString::number(top.count));
        html += QStringLiteral("</table>");
    }
    QString alerts;
    for (const auto& alert : table.alerts) {
        if (alert.column != column.name)
            continue;
        alerts += QStringLiteral("<div class='alert'>⚠ <b>%1</b>: %2<br><span class='why'>Why it matters: %3</span></div>")
                      .arg(toQString(alert.kind).toHtmlEscaped(), toQString(alert.message).toHtmlEscaped(),
                           toQString(alert.why).toHtmlEscaped());
    }
    if (!alerts.isEmpty())
        html += QStringLiteral("<p><b>Alerts</b></p>") + alerts;
    return html;
}

ColumnInspector::ColumnInspector(QWidget* parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setToolTip(tr("The full profile of the selected column and its data-quality alerts"));
    setPlaceholderText(tr("Select a column to see its profile."));
}

void ColumnInspector::showColumn(const profile::TableProfile& table, const profile::ColumnProfile* column)
{
    if (!column) {
        clear();
        return;
    }
    setHtml(columnProfileHtml(table, *column));
}

} // namespace preplab::desktop
