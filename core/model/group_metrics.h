// Per-group rates of a binary classifier and the gaps between groups (Fairlearn semantics:
// unsigned max - min over the groups). A rate with a zero denominator (TPR of a group without
// positives, anything of an empty group) is undefined with a reason, never 0 as
// confusion_matrix-based tools report it; groups whose rate is undefined are left out of a gap
// and named in its note.
#pragma once

#include "core/model/metric_value.h"

#include <string>
#include <vector>

namespace preplab::model {

struct GroupRates {
    std::string group;
    std::size_t rows = 0;
    std::size_t positives = 0;            // yTrue == positive
    std::size_t negatives = 0;
    std::size_t predictedPositives = 0;   // yPred == positive
    MetricValue selectionRate;            // P(yPred = +)        = predictedPositives / rows
    MetricValue truePositiveRate;         // P(yPred = + | y = +) = TP / positives
    MetricValue falsePositiveRate;        // P(yPred = + | y = -) = FP / negatives
    MetricValue accuracy;                 // P(yPred = y)
};

struct GroupMetrics {
    GroupRates overall;
    std::vector<GroupRates> groups;
    MetricValue demographicParityDifference;  // max SR - min SR
    MetricValue equalOpportunityDifference;   // max TPR - min TPR
    MetricValue equalizedOddsDifference;      // max(max TPR - min TPR, max FPR - min FPR) (worst case)
};

// groupOf[i] indexes groupNames (or is negative for a row without a group, which only counts in
// `overall`). A group with no rows gets undefined rates.
// Golden (semantics reference §1): SR 0.6 / 0.3, TPR 0.8 / 0.6667, FPR 0.4 / 0.142857,
// equalized odds difference 0.257143.
GroupMetrics groupMetrics(const std::vector<int>& yTrue, const std::vector<int>& yPred, const std::vector<int>& groupOf,
                          const std::vector<std::string>& groupNames, int positive = 1);

} // namespace preplab::model
