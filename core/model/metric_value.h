// MetricValue: a metric result that is either a number or "undefined, because ...".
// A rate with a zero denominator (TPR of a group without positives, ROC AUC with one class) is
// never reported as a silent 0: it carries the reason instead, so a view can say
// "n/a — no positives in group B". A defined value may still carry a note (for example which
// classes were left out of a macro average).
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace preplab::model {

struct MetricValue {
    std::optional<double> value;
    std::string reason;  // why the value is undefined; empty when defined
    std::string note;    // optional remark on a defined value

    static MetricValue of(double v, std::string note = {}) { return MetricValue{v, {}, std::move(note)}; }
    static MetricValue undefined(std::string why) { return MetricValue{std::nullopt, std::move(why), {}}; }

    bool defined() const { return value.has_value(); }
    double operator*() const { return *value; }
    double valueOr(double fallback) const { return value.value_or(fallback); }
};

} // namespace preplab::model
