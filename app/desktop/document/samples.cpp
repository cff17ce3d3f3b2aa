#include "app/desktop/document/samples.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace preplab::desktop {

const QVector<Sample>& samples()
{
    static const QVector<Sample> list = {
        {QStringLiteral("Palmer penguins"), QStringLiteral("penguins.csv"),
         QStringLiteral("344 penguins, 8 columns: imputing numbers and categories, unequal species counts")},
        {QStringLiteral("Adult census income"), QStringLiteral("adult.csv"),
         QStringLiteral("32,561 people: '?' as missing, 76/24 imbalance, sex and race disparities")},
        {QStringLiteral("UC Berkeley admissions"), QStringLiteral("ucb_admissions_individual.csv"),
         QStringLiteral("4,526 applicants: Simpson's paradox across departments")},
        {QStringLiteral("New York air quality"), QStringLiteral("airquality.csv"),
         QStringLiteral("153 days: 24% of Ozone missing, mean against median imputation")},
    };
    return list;
}

QString samplesDirectory()
{
    QStringList candidates;
    const QString env = qEnvironmentVariable("PREPLAB_SAMPLES_DIR");
    if (!env.isEmpty())
        candidates << env;
    if (QCoreApplication::instance())
        candidates << QCoreApplication::applicationDirPath() + QStringLiteral("/../share/preplab/samples");
    candidates << QStringLiteral(PREPLAB_SAMPLES_SOURCE_DIR);
    for (const QString& dir : candidates)
        if (QFileInfo(dir + QStringLiteral("/penguins.csv")).isFile())
            return QDir(dir).canonicalPath();
    return {};
}

QString samplePath(const QString& fileName)
{
    const QString dir = samplesDirectory();
    if (dir.isEmpty())
        return {};
    const QString path = dir + QLatin1Char('/') + fileName;
    return QFileInfo(path).isFile() ? path : QString();
}

} // namespace preplab::desktop
