#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "models/logs/assemblertext.h"

namespace mailtls {

// A hash table of SessionAssembler's open state, keyed by process (host and pid)
// or by queue id. Values stay where they are (references survive inserts) and
// are recycled: an erased entry's value, with the buffers it grew, serves a later
// insert, so that once the table has grown to the busiest moment of a log its
// sessions and queue ids cost no allocations. `recycle(Value &)` (found by
// argument-dependent lookup) resets a value to its default state, keeping buffers.
//
// Open addressing with linear probing and backward-shift deletion; the slot
// array stays at most half full.
template <typename Key, typename Value>
class AssemblerTable final
{
public:
    using Lookup = std::conditional_t<std::is_same_v<Key, AssemblerText>, std::string_view, Key>;

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

    // The hash the calls below look `key` up by: whoever has the time may work
    // it out ahead and hand it in (0: not known).
    static std::uint64_t hash(Lookup key) { return hashOf(key) | 1; }

    Value *find(Lookup key, std::uint64_t known = 0)
    {
        const std::size_t slot = findSlot(key, known != 0 ? known : hash(key));
        return slot == kNotFound ? nullptr : &m_entries[m_slots[slot] - 1].value;
    }

    // The value of `key`, inserted (default state) when absent; `inserted` says which.
    Value &obtain(Lookup key, bool *inserted = nullptr, std::uint64_t known = 0)
    {
        const std::uint64_t hash = known != 0 ? known : AssemblerTable::hash(key);
        const std::size_t found = findSlot(key, hash);
        if (found != kNotFound) {
            if (inserted)
                *inserted = false;
            return m_entries[m_slots[found] - 1].value;
        }
        if ((m_size + 1) * 2 > m_slots.size())
            rehash(m_slots.empty() ? 16 : m_slots.size() * 2);
        std::uint32_t index;
        if (!m_free.empty()) {
            index = m_free.back();
            m_free.pop_back();
        } else {
            index = static_cast<std::uint32_t>(m_entries.size());
            m_entries.emplace_back();
        }
        Entry &e = m_entries[index];
        storeKey(e.key, key);
        e.hash = hash;
        e.live = true;
        std::size_t slot = hash & (m_slots.size() - 1);
        while (m_slots[slot] != 0)
            slot = (slot + 1) & (m_slots.size() - 1);
        m_slots[slot] = index + 1;
        ++m_size;
        if (inserted)
            *inserted = true;
        return e.value;
    }

    bool erase(Lookup key, std::uint64_t known = 0)
    {
        std::size_t hole = findSlot(key, known != 0 ? known : hash(key));
        if (hole == kNotFound)
            return false;
        const std::uint32_t index = m_slots[hole] - 1;
        const std::size_t mask = m_slots.size() - 1;
        // Backward shift: later entries of the probe run move up into the hole,
        // so that no lookup ever stops early at it.
        std::size_t next = hole;
        for (;;) {
            next = (next + 1) & mask;
            const std::uint32_t moving = m_slots[next];
            if (moving == 0)
                break;
            const std::size_t home = m_entries[moving - 1].hash & mask;
            const bool stays = hole <= next ? (hole < home && home <= next)
                                            : (hole < home || home <= next);
            if (!stays) {
                m_slots[hole] = moving;
                hole = next;
            }
        }
        m_slots[hole] = 0;
        Entry &e = m_entries[index];
        e.live = false;
        recycle(e.value);
        m_free.push_back(index);
        --m_size;
        return true;
    }

    // Calls f(key, value) for every entry, in no particular order. `f` may erase
    // the entry it is given, and no other.
    template <typename F>
    void forEach(F &&f)
    {
        for (Entry &e : m_entries) {
            if (e.live)
                f(std::as_const(e.key), e.value);
        }
    }
    template <typename F>
    void forEach(F &&f) const
    {
        for (const Entry &e : m_entries) {
            if (e.live)
                f(e.key, e.value);
        }
    }

    void clear()
    {
        for (Entry &e : m_entries) {
            if (e.live)
                recycle(e.value);
        }
        m_entries.clear();
        m_free.clear();
        m_slots.clear();
        m_size = 0;
    }

private:
    struct Entry
    {
        Key key{};
        std::uint64_t hash = 0;
        bool live = false;
        Value value;
    };

    static constexpr std::size_t kNotFound = ~std::size_t(0);

    static std::uint64_t mix(std::uint64_t h)
    {
        // splitmix64's finaliser: every input bit moves every output bit.
        h ^= h >> 30;
        h *= 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 27;
        h *= 0x94d049bb133111ebULL;
        h ^= h >> 31;
        return h;
    }
    static std::uint64_t hashOf(std::uint64_t key) { return mix(key); }
    static std::uint64_t hashOf(std::string_view key)
    {
        std::uint64_t h = key.size();
        const char *p = key.data();
        std::size_t n = key.size();
        while (n >= 8) {
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            h = mix(h ^ word);
            p += 8;
            n -= 8;
        }
        if (n > 0) {
            std::uint64_t word = 0;
            std::memcpy(&word, p, n);
            h = mix(h ^ word ^ (std::uint64_t(n) << 56));
        }
        return mix(h);
    }
    static void storeKey(std::uint64_t &stored, std::uint64_t key) { stored = key; }
    static void storeKey(AssemblerText &stored, std::string_view key) { stored.assign(key); }

    std::size_t findSlot(Lookup key, std::uint64_t hash) const
    {
        if (m_size == 0)
            return kNotFound;
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
            const std::uint32_t index = m_slots[slot];
            if (index == 0)
                return kNotFound;
            const Entry &e = m_entries[index - 1];
            if (e.hash == hash && e.key == key)
                return slot;
        }
    }

    void rehash(std::size_t slotCount)
    {
        m_slots.assign(slotCount, 0);
        const std::size_t mask = slotCount - 1;
        for (std::size_t i = 0; i < m_entries.size(); ++i) {
            if (!m_entries[i].live)
                continue;
            std::size_t slot = m_entries[i].hash & mask;
            while (m_slots[slot] != 0)
                slot = (slot + 1) & mask;
            m_slots[slot] = static_cast<std::uint32_t>(i + 1);
        }
    }

    std::deque<Entry> m_entries;
    std::vector<std::uint32_t> m_free;
    std::vector<std::uint32_t> m_slots;   // index into m_entries + 1; 0 is an empty slot
    std::size_t m_size = 0;
};

} // namespace mailtls
