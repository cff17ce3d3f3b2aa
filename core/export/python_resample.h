// The `resample` step in an exported Python script: imbalanced-learn 0.10's RandomOverSampler,
// RandomUnderSampler and SMOTE written out on numpy's RandomState and scikit-learn's
// NearestNeighbors (the script then needs no imblearn), drawing exactly the rows PrepLab's
// resample op draws (core/bias/resampling.h). SMOTE's neighbours come from NearestNeighbors as in
// imblearn; where distances tie exactly, PrepLab orders the neighbours by row and scikit-learn's
// tree may not, so the synthetic rows can then differ.
#pragma once

#include "core/export/python_fitted_steps.h"

#include <string_view>

namespace preplab::exporting {

// Python helpers the resample block calls; the exporter adds them after the prelude when a
// recipe has an enabled resample step. Ends with a newline.
std::string_view pythonResampleHelpers();

void emitResample(StepBlock& block);

} // namespace preplab::exporting
