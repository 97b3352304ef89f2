#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace mailtls::bench {

// xoshiro256** seeded through splitmix64: fast, and the same sequence for a
// given seed on every run, which is what makes a generated log reproducible.
class Random final
{
public:
    explicit Random(std::uint64_t seed)
    {
        for (std::uint64_t &word : m_state) {
            seed += 0x9e3779b97f4a7c15ULL;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            word = z ^ (z >> 31);
        }
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    // 0 .. n-1 (the modulo bias is far below anything a log shows).
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next() % n; }
    // lo .. hi inclusive
    int range(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo + 1))); }
    double real() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return real() < p; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * real(); }
    double exponential(double mean) { return -mean * std::log(1.0 - real()); }
    double logNormal(double median, double sigma)
    {
        // Box-Muller; one of the pair is enough here.
        const double u1 = 1.0 - real();
        const double u2 = real();
        const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
        return median * std::exp(sigma * z);
    }

    template<typename T, std::size_t N>
    const T &pick(const T (&items)[N])
    {
        return items[below(N)];
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

    std::uint64_t m_state[4] = {};
};

} // namespace mailtls::bench
