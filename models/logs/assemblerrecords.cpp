#include "models/logs/assemblerrecords.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace mailtls {

namespace {

// Records of one kind reserved ahead for the next batch, at most.
constexpr std::size_t kMaxReserve = 1 << 16;
constexpr std::size_t kFirstReserve = 1 << 12;

bool isAscii(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

} // namespace

template <typename Record>
Record &AssemblerRecords::Records<Record>::next()
{
    if (used == records.size()) {
        // A first batch grows from room for a few thousand, not from one.
        if (records.capacity() == 0)
            records.reserve(kFirstReserve);
        records.emplace_back();
    }
    return records[used++];
}

template <typename Record>
std::vector<Record> AssemblerRecords::Records<Record>::take()
{
    // Records of a recycled output that this one did not need.
    records.resize(used);
    std::vector<Record> taken = std::exchange(records, std::move(spare));
    spare = std::vector<Record>();
    used = 0;
    if (records.empty()) {
        // The next batch is likely about as large as this one: room reserved now
        // (with a margin for a busier batch) spares the vector its growth, a move
        // of every record at each doubling.
        records.reserve(std::min(taken.size() + taken.size() / 2, kMaxReserve));
    }
    return taken;
}

template <typename Record>
void AssemblerRecords::Records<Record>::recycle(std::vector<Record> &&spent)
{
    // One output waits; should a second come before it is used, the larger stays.
    if (spent.size() > spare.size())
        spare.swap(spent);
}

TransferRecord &AssemblerRecords::transfer()
{
    return m_transfers.next();
}

ConnectionRecord &AssemblerRecords::connection()
{
    return m_connections.next();
}

TlsFailureRecord &AssemblerRecords::failure()
{
    // Most failures name no message: the envelope starts empty, so that only
    // an attempt that names one sets it.
    TlsFailureRecord &r = m_failures.next();
    clearText(r.queueId);
    clearText(r.sender);
    clearText(r.recipients);
    return r;
}

RefusalRecord &AssemblerRecords::refusal()
{
    return m_refusals.next();
}

AssemblerOutput AssemblerRecords::take()
{
    AssemblerOutput taken;
    taken.transfers = m_transfers.take();
    taken.connections = m_connections.take();
    taken.failures = m_failures.take();
    taken.refusals = m_refusals.take();
    return taken;
}

void AssemblerRecords::recycle(AssemblerOutput &&spent)
{
    m_transfers.recycle(std::move(spent.transfers));
    m_connections.recycle(std::move(spent.connections));
    m_failures.recycle(std::move(spent.failures));
    m_refusals.recycle(std::move(spent.refusals));
}

void AssemblerRecords::setUtf8(QString &to, std::string_view text)
{
    if (to.isDetached() && isAscii(text)) {
        // The text's own buffer, kept by resize(): no allocation once it is large enough.
        to.resize(0);
        to.append(QLatin1String(text.data(), qsizetype(text.size())));
        return;
    }
    to = QString::fromUtf8(text.data(), qsizetype(text.size()));
}

void AssemblerRecords::appendUtf8(QString &to, std::string_view text)
{
    // ASCII reads the same as Latin-1 and as UTF-8.
    if (isAscii(text))
        to.append(QLatin1String(text.data(), qsizetype(text.size())));
    else
        to.append(QString::fromUtf8(text.data(), qsizetype(text.size())));
}

void AssemblerRecords::clearDetails(TlsDetails &details)
{
    details.trust = Trust::Unknown;
    clearText(details.protocol);
    clearText(details.cipher);
    details.cipherBits = 0;
    clearText(details.keyExchange);
    details.keyExchangeBits = 0;
    details.dhe = false;
}

} // namespace mailtls
