#include "core/stats/correlation.h"

#include "core/util/parallel.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>

namespace preplab::stats {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// r from sums of deviations from a shift (close to the mean), over n complete rows. The centred
// sums subtract the remaining offset exactly enough because the shift is near the mean; a centred
// sum of squares that is a rounding residue of its raw sum means the column is constant there.
double correlationFromSums(double n, double sx, double sy, double sxx, double syy, double sxy)
{
    if (n < 2.0)
        return kNaN;
    const double cxx = sxx - sx * sx / n;
    const double cyy = syy - sy * sy / n;
    const double cxy = sxy - sx * sy / n;
    if (!(cxx > 1e-12 * sxx) || !(cyy > 1e-12 * syy))
        return kNaN;
    return std::clamp(cxy / std::sqrt(cxx * cyy), -1.0, 1.0);
}

// Rows [begin, begin + len) of a column into d (value - shift, 0 where missing or not finite) and,
// when m is given, its 0/1 presence. Branch-free loops per storage type, so they vectorise.
void fillBlock(const Column& col, std::size_t begin, std::size_t len, double shift, double* d, double* m)
{
    const std::uint8_t* valid = col.validMask().empty() ? nullptr : col.validMask().data() + begin;
    if (col.type() == ColumnType::Numeric) {
        const double* src = col.doubles().data() + begin;
        for (std::size_t r = 0; r < len; ++r) {
            const bool ok = (!valid || valid[r]) && std::isfinite(src[r]);
            d[r] = ok ? src[r] - shift : 0.0;
            if (m)
                m[r] = ok ? 1.0 : 0.0;
        }
        return;
    }
    auto fill = [&](const auto* src) {
        for (std::size_t r = 0; r < len; ++r) {
            const bool ok = !valid || valid[r];
            d[r] = ok ? static_cast<double>(src[r]) - shift : 0.0;
            if (m)
                m[r] = ok ? 1.0 : 0.0;
        }
    };
    if (col.oneByte())
        fill(col.bytes().data() + begin);
    else
        fill(col.ints().data() + begin);
}

bool present(const Column& c, std::size_t i, double& v)
{
    if (!c.isValid(i))
        return false;
    v = c.number(i);
    return std::isfinite(v);
}

} // namespace

double pearson(std::span<const double> x, std::span<const double> y)
{
    const std::size_t n = std::min(x.size(), y.size());
    double sx = 0.0, sy = 0.0;
    std::size_t count = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (std::isnan(x[i]) || std::isnan(y[i]))
            continue;
        sx += x[i];
        sy += y[i];
        ++count;
    }
    if (count < 2)
        return kNaN;
    const double mx = sx / static_cast<double>(count), my = sy / static_cast<double>(count);
    double sxx = 0.0, syy = 0.0, sxy = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        if (std::isnan(x[i]) || std::isnan(y[i]))
            continue;
        const double dx = x[i] - mx, dy = y[i] - my;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }
    if (sxx == 0.0 || syy == 0.0)
        return kNaN;
    return std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);
}

std::vector<double> pearsonMatrix(const std::vector<const Column*>& columns, std::span<const double> means)
{
    const std::size_t k = columns.size();
    std::vector<double> out(k * k, kNaN);
    if (k == 0)
        return out;
    const std::size_t rows = columns[0]->size();

    // Shift of each column: the mean of its present finite values. Columns with a missing or
    // non-finite value get a mask column (index into the mask matrix); the others need none.
    std::vector<double> shift(k, 0.0);
    std::vector<int> maskIndex(k, -1);
    parallelFor(
        k,
        [&](std::size_t begin, std::size_t end) {
            for (std::size_t c = begin; c < end; ++c) {
                const Column& col = *columns[c];
                if (means.size() == k && std::isfinite(means[c])) {
                    shift[c] = means[c];
                    const bool nonFinite = col.type() == ColumnType::Numeric &&
                                           std::any_of(col.doubles().begin(), col.doubles().end(),
                                                       [](double v) { return !std::isfinite(v); });
                    maskIndex[c] = col.missingCount() > 0 || nonFinite ? 0 : -1;
                    continue;
                }
                double sum = 0.0, v = 0.0;
                std::size_t count = 0;
                for (std::size_t i = 0; i < rows; ++i)
                    if (present(col, i, v)) {
                        sum += v;
                        ++count;
                    }
                shift[c] = count > 0 ? sum / static_cast<double>(count) : 0.0;
                maskIndex[c] = count < rows ? 0 : -1;
            }
        },
        1);
    int masks = 0;
    for (std::size_t c = 0; c < k; ++c)
        if (maskIndex[c] >= 0)
            maskIndex[c] = masks++;

    // Per row block: D (values - shift, 0 where missing), D2 = D^2, M (0/1 masks). Accumulated:
    // G = D'D (lower triangle; sum dx dy on complete rows, since missing cells are 0), A = D'M (sum dx where the
    // other column is present), B = D2'M, N = M'M (complete-row counts), s = column sums of D.
    using Matrix = Eigen::MatrixXd;
    const auto kk = static_cast<Eigen::Index>(k), mm = static_cast<Eigen::Index>(masks);
    Matrix gTotal = Matrix::Zero(kk, kk), aTotal = Matrix::Zero(kk, mm), bTotal = Matrix::Zero(kk, mm),
           nTotal = Matrix::Zero(mm, mm);
    Eigen::VectorXd sTotal = Eigen::VectorXd::Zero(kk);
    std::mutex merge;
    parallelFor(
        rows,
        [&](std::size_t begin, std::size_t end) {
            constexpr std::size_t kBlock = 2048;
            Matrix g = Matrix::Zero(kk, kk), a = Matrix::Zero(kk, mm), b = Matrix::Zero(kk, mm),
                   n = Matrix::Zero(mm, mm);
            Eigen::VectorXd s = Eigen::VectorXd::Zero(kk);
            Matrix d(static_cast<Eigen::Index>(kBlock), kk), m(static_cast<Eigen::Index>(kBlock), mm);
            for (std::size_t b0 = begin; b0 < end; b0 += kBlock) {
                const std::size_t len = std::min(kBlock, end - b0);
                const auto rowsHere = static_cast<Eigen::Index>(len);
                for (std::size_t c = 0; c < k; ++c)
                    fillBlock(*columns[c], b0, len, shift[c], d.col(static_cast<Eigen::Index>(c)).data(),
                              maskIndex[c] >= 0 ? m.col(maskIndex[c]).data() : nullptr);
                const auto dBlock = d.topRows(rowsHere);
                g.selfadjointView<Eigen::Lower>().rankUpdate(dBlock.transpose());
                s += dBlock.colwise().sum().transpose();
                if (masks > 0) {
                    const auto mBlock = m.topRows(rowsHere);
                    a.noalias() += dBlock.transpose() * mBlock;
                    b.noalias() += dBlock.array().square().matrix().transpose() * mBlock;
                    n.noalias() += mBlock.transpose() * mBlock;
                }
            }
            std::lock_guard lock(merge);
            gTotal += g;
            aTotal += a;
            bTotal += b;
            nTotal += n;
            sTotal += s;
        },
        16384);

    const double all = static_cast<double>(rows);
    for (std::size_t x = 0; x < k; ++x) {
        for (std::size_t y = x; y < k; ++y) {
            const auto xi = static_cast<Eigen::Index>(x), yi = static_cast<Eigen::Index>(y);
            const int mx = maskIndex[x], my = maskIndex[y];
            double n = all;
            if (mx >= 0 && my >= 0)
                n = nTotal(mx, my);
            else if (mx >= 0)
                n = nTotal(mx, mx);
            else if (my >= 0)
                n = nTotal(my, my);
            // Sums of x over rows where y is present, and the other way round.
            const double sx = my >= 0 ? aTotal(xi, my) : sTotal(xi);
            const double sxx = my >= 0 ? bTotal(xi, my) : gTotal(xi, xi);
            const double sxy = gTotal(std::max(xi, yi), std::min(xi, yi));  // G's lower triangle
            const double sy = mx >= 0 ? aTotal(yi, mx) : sTotal(yi);
            const double syy = mx >= 0 ? bTotal(yi, mx) : gTotal(yi, yi);
            double r = correlationFromSums(n, sx, sy, sxx, syy, sxy);
            if (x == y)
                r = std::isnan(r) ? kNaN : 1.0;
            out[x * k + y] = out[y * k + x] = r;
        }
    }
    return out;
}

} // namespace preplab::stats
