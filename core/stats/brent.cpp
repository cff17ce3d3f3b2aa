#include "core/stats/brent.h"

#include <cmath>
#include <utility>

namespace preplab::stats {

namespace {

struct Bracket {
    double xa, xb, xc, fa, fb, fc;
    int calls;
    bool failed = false;
};

// scipy.optimize.bracket, step for step (the names are scipy's).
Bracket bracket(const std::function<double(double)>& f, double xa, double xb)
{
    constexpr double gold = 1.618034;
    constexpr double verySmall = 1e-21;
    constexpr double growLimit = 110.0;
    constexpr int maxIter = 1000;
    double fa = f(xa), fb = f(xb);
    if (fa < fb) {
        std::swap(xa, xb);
        std::swap(fa, fb);
    }
    double xc = xb + gold * (xb - xa);
    double fc = f(xc);
    int calls = 3, iter = 0;
    while (fc < fb) {
        const double tmp1 = (xb - xa) * (fb - fc);
        const double tmp2 = (xb - xc) * (fb - fa);
        const double val = tmp2 - tmp1;
        const double denom = std::abs(val) < verySmall ? 2.0 * verySmall : 2.0 * val;
        double w = xb - ((xb - xc) * tmp2 - (xb - xa) * tmp1) / denom;
        const double wlim = xb + growLimit * (xc - xb);
        if (iter > maxIter)
            return {xa, xb, xc, fa, fb, fc, calls, true};
        ++iter;
        double fw;
        if ((w - xc) * (xb - w) > 0.0) {
            fw = f(w);
            ++calls;
            if (fw < fc) {
                xa = xb;
                xb = w;
                fa = fb;
                fb = fw;
                return {xa, xb, xc, fa, fb, fc, calls};
            }
            if (fw > fb) {
                xc = w;
                fc = fw;
                return {xa, xb, xc, fa, fb, fc, calls};
            }
            w = xc + gold * (xc - xb);
            fw = f(w);
            ++calls;
        } else if ((w - wlim) * (wlim - xc) >= 0.0) {
            w = wlim;
            fw = f(w);
            ++calls;
        } else if ((w - wlim) * (xc - w) > 0.0) {
            fw = f(w);
            ++calls;
            if (fw < fc) {
                xb = xc;
                xc = w;
                w = xc + gold * (xc - xb);
                fb = fc;
                fc = fw;
                fw = f(w);
                ++calls;
            }
        } else {
            w = xc + gold * (xc - xb);
            fw = f(w);
            ++calls;
        }
        xa = xb;
        xb = xc;
        xc = w;
        fa = fb;
        fb = fc;
        fc = fw;
    }
    return {xa, xb, xc, fa, fb, fc, calls};
}

} // namespace

BrentResult brentMinimize(const std::function<double(double)>& f, double xa0, double xb0)
{
    constexpr double tol = 1.48e-8;
    constexpr double minTol = 1.0e-11;
    constexpr double cg = 0.3819660;
    constexpr int maxIter = 500;

    const Bracket br = bracket(f, xa0, xb0);
    BrentResult result;
    result.bracketFailed = br.failed;
    double x = br.xb, w = br.xb, v = br.xb;
    double fx = br.fb, fw = br.fb, fv = br.fb;
    double a = br.xa < br.xc ? br.xa : br.xc;
    double b = br.xa < br.xc ? br.xc : br.xa;
    double deltax = 0.0, rat = 0.0;
    int calls = br.calls, iter = 0;
    while (iter < maxIter) {
        const double tol1 = tol * std::abs(x) + minTol;
        const double tol2 = 2.0 * tol1;
        const double xmid = 0.5 * (a + b);
        if (std::abs(x - xmid) < (tol2 - 0.5 * (b - a)))
            break;
        if (std::abs(deltax) <= tol1) {
            deltax = x >= xmid ? a - x : b - x;  // golden section step
            rat = cg * deltax;
        } else {  // parabolic step
            double tmp1 = (x - w) * (fx - fv);
            double tmp2 = (x - v) * (fx - fw);
            double p = (x - v) * tmp2 - (x - w) * tmp1;
            tmp2 = 2.0 * (tmp2 - tmp1);
            if (tmp2 > 0.0)
                p = -p;
            tmp2 = std::abs(tmp2);
            const double dxTemp = deltax;
            deltax = rat;
            if (p > tmp2 * (a - x) && p < tmp2 * (b - x) && std::abs(p) < std::abs(0.5 * tmp2 * dxTemp)) {
                rat = p * 1.0 / tmp2;
                const double u = x + rat;
                if ((u - a) < tol2 || (b - u) < tol2)
                    rat = xmid - x >= 0 ? tol1 : -tol1;
            } else {
                deltax = x >= xmid ? a - x : b - x;
                rat = cg * deltax;
            }
        }
        double u;
        if (std::abs(rat) < tol1)
            u = rat >= 0 ? x + tol1 : x - tol1;
        else
            u = x + rat;
        const double fu = f(u);
        ++calls;
        if (fu > fx) {
            if (u < x)
                a = u;
            else
                b = u;
            if (fu <= fw || w == x) {
                v = w;
                w = u;
                fv = fw;
                fw = fu;
            } else if (fu <= fv || v == x || v == w) {
                v = u;
                fv = fu;
            }
        } else {
            if (u >= x)
                a = x;
            else
                b = x;
            v = w;
            w = x;
            x = u;
            fv = fw;
            fw = fx;
            fx = fu;
        }
        ++iter;
    }
    result.xmin = x;
    result.fmin = fx;
    result.iterations = iter;
    result.evaluations = calls;
    return result;
}

} // namespace preplab::stats
