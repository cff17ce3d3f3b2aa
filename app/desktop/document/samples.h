// The sample datasets shipped with PrepLab (resources/samples): where they are and what each one
// teaches, for File > Open Sample.
#pragma once

#include <QString>
#include <QVector>

namespace preplab::desktop {

struct Sample {
    QString title;        // "Palmer penguins"
    QString fileName;     // "penguins.csv"
    QString description;  // one line: what it teaches
};

const QVector<Sample>& samples();
// The folder that holds the samples: $PREPLAB_SAMPLES_DIR, then <exe>/../share/preplab/samples,
// then the source tree's resources/samples. Empty when none exists.
QString samplesDirectory();
// Full path of a sample file, empty when not found.
QString samplePath(const QString& fileName);

} // namespace preplab::desktop
