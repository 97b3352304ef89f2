#pragma once

#include <cstdint>
#include <string>

namespace mailtls::bench {

// Number formatting without snprintf: the generator writes a million lines a
// second, and these run several times per line.

inline void appendInt(std::string &out, std::int64_t value)
{
    char buffer[24];
    char *end = buffer + sizeof buffer;
    char *p = end;
    const bool negative = value < 0;
    std::uint64_t v = negative ? static_cast<std::uint64_t>(-(value + 1)) + 1 : static_cast<std::uint64_t>(value);
    do {
        *--p = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v != 0);
    if (negative)
        *--p = '-';
    out.append(p, static_cast<std::size_t>(end - p));
}

// Zero-padded to `width` digits.
inline void appendPadded(std::string &out, std::int64_t value, int width)
{
    char buffer[24];
    int n = 0;
    std::uint64_t v = static_cast<std::uint64_t>(value < 0 ? 0 : value);
    do {
        buffer[n++] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v != 0);
    for (int i = n; i < width; ++i)
        out += '0';
    while (n > 0)
        out += buffer[--n];
}

inline void appendHex(std::string &out, std::uint64_t value, int minWidth, bool upper)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char buffer[20];
    int n = 0;
    do {
        buffer[n++] = digits[value & 0xF];
        value >>= 4;
    } while (value != 0);
    for (int i = n; i < minWidth; ++i)
        out += '0';
    while (n > 0)
        out += buffer[--n];
}

// A duration the way Postfix prints delay= and delays=: whole seconds from 10 s,
// one decimal from 1 s, hundredths below, trailing zeros dropped, "0" when tiny.
inline void appendDelay(std::string &out, std::int64_t micros)
{
    if (micros < 0)
        micros = 0;
    if (micros >= 10000000) {
        appendInt(out, micros / 1000000);
        return;
    }
    if (micros >= 1000000) {
        const std::int64_t tenths = micros / 100000;
        appendInt(out, tenths / 10);
        if (tenths % 10 != 0) {
            out += '.';
            out += static_cast<char>('0' + tenths % 10);
        }
        return;
    }
    const std::int64_t hundredths = micros / 10000;
    if (hundredths == 0) {
        out += '0';
        return;
    }
    out += "0.";
    out += static_cast<char>('0' + hundredths / 10);
    if (hundredths % 10 != 0)
        out += static_cast<char>('0' + hundredths % 10);
}

} // namespace mailtls::bench
