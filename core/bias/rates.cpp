#include "core/bias/rates.h"

#include <algorithm>
#include <cmath>

namespace preplab::bias {

Interval wilsonInterval(double successes, double n, double z)
{
    if (n <= 0)
        return {};
    const double p = successes / n;
    const double z2 = z * z;
    const double denom = 1.0 + z2 / n;
    const double centre = (p + z2 / (2 * n)) / denom;
    const double half = z * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom;
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

Rate makeRate(double numerator, double denominator, const std::string& reasonIfEmpty)
{
    Rate r;
    r.numerator = numerator;
    r.denominator = denominator;
    if (denominator <= 0) {
        r.undefinedReason = reasonIfEmpty;
        return r;
    }
    r.value = numerator / denominator;
    auto ci = wilsonInterval(numerator, denominator);
    r.low = ci.low;
    r.high = ci.high;
    return r;
}

} // namespace preplab::bias
