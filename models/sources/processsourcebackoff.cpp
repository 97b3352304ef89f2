#include "models/sources/processsourcebackoff.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include <QRandomGenerator>

namespace mailtls {

namespace {

constexpr double jitter = 0.2;

} // namespace

ProcessSourceBackoff::ProcessSourceBackoff(int firstMs, int capMs, std::function<double()> random)
    : m_firstMs(std::max(1, firstMs))
    , m_capMs(std::max(m_firstMs, capMs))
    , m_random(std::move(random))
{
    if (!m_random)
        m_random = [] { return QRandomGenerator::global()->generateDouble(); };
}

int ProcessSourceBackoff::nextDelay()
{
    // Doubling stops once the cap is reached, so the shift never overflows.
    double nominal = m_firstMs;
    for (int i = 0; i < m_failures && nominal < m_capMs; ++i)
        nominal *= 2;
    nominal = std::min<double>(nominal, m_capMs);
    ++m_failures;

    const double r = std::clamp(m_random(), 0.0, 1.0);
    const double factor = 1.0 - jitter + 2.0 * jitter * r;
    return std::max(1, static_cast<int>(std::lround(nominal * factor)));
}

} // namespace mailtls
