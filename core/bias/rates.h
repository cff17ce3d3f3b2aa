// Rate: a proportion k/n with its Wilson score interval, or "undefined" with the reason when n = 0.
// Every rate PrepLab shows per group carries its denominator, so small groups are read with care.
//
// Wilson interval (95%, z = 1.959963984540054):
//   centre = (p + z²/2n) / (1 + z²/n),  half = z·sqrt(p(1-p)/n + z²/4n²) / (1 + z²/n)
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace preplab::bias {

struct Rate {
    double numerator = 0;    // (weighted) count of the event
    double denominator = 0;  // (weighted) count of the rows it is a rate of
    std::optional<double> value;  // numerator / denominator; empty when undefined
    double low = 0, high = 0;     // Wilson 95% interval (only when defined)
    std::string undefinedReason;  // why value is empty ("no rows in group", ...)
};

Rate makeRate(double numerator, double denominator, const std::string& reasonIfEmpty = "no rows");

struct Interval {
    double low = 0, high = 0;
};
Interval wilsonInterval(double successes, double n, double z = 1.959963984540054);

} // namespace preplab::bias
