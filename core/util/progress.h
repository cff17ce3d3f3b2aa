// Progress: reports the fraction done of a long operation and carries its cancel flag.
// Long loops call report() now and then and stop (returning ErrorCode::Cancelled) once
// cancelled() is true. A default-constructed Progress reports nowhere and never cancels.
#pragma once

#include <atomic>
#include <functional>
#include <string_view>

namespace preplab {

class Progress {
public:
    using Callback = std::function<void(double fraction, std::string_view stage)>;

    Progress() = default;
    explicit Progress(Callback callback, const std::atomic<bool>* cancel = nullptr)
        : m_callback(std::move(callback)), m_cancel(cancel)
    {
    }

    void report(double fraction, std::string_view stage = {}) const
    {
        if (m_callback)
            m_callback(m_from + (m_to - m_from) * fraction, stage);
    }
    bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }

    // A Progress for a sub-task that covers [from, to] of this one's range.
    Progress sub(double from, double to) const
    {
        Progress p = *this;
        p.m_from = m_from + (m_to - m_from) * from;
        p.m_to = m_from + (m_to - m_from) * to;
        return p;
    }

private:
    Callback m_callback;
    const std::atomic<bool>* m_cancel = nullptr;
    double m_from = 0.0;
    double m_to = 1.0;
};

} // namespace preplab
