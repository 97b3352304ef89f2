#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include <QString>

#include "models/logs/records.h"

namespace mailtls {

// Where SessionAssembler's records go: the output collected since it was last
// taken, and outputs handed back once their reader is done with them
// (SessionAssembler::recycle). An output handed back becomes the next one to
// fill: its records are overwritten in order, their line lists and recipient
// texts keep their buffers, and a string a record shares with the one it now
// holds is not touched at all. So a read whose batches come back costs no
// allocation per record once the first batches have gone round, and frees
// nothing on the thread that stored them.
//
// transfer(), connection(), failure() and refusal() give a record to fill: it may hold
// another record's values, so every field must be set (the helpers below set
// one field each without an allocation where they can).
class AssemblerRecords final
{
public:
    TransferRecord &transfer();
    ConnectionRecord &connection();
    TlsFailureRecord &failure();
    RefusalRecord &refusal();

    // The records collected since the last take, in the order they were made;
    // room for about as many is reserved for the next ones.
    AssemblerOutput take();
    void recycle(AssemblerOutput &&spent);

    // `to` becomes (or stays) a shared copy of `from`.
    static void setText(QString &to, const QString &from)
    {
        if (!to.isSharedWith(from)) {
            // QString's copy constructor and swap are inline, its copy
            // assignment a call into Qt.
            QString copy(from);
            to.swap(copy);
        }
    }
    static void clearText(QString &to)
    {
        if (!to.isNull()) {
            QString none;
            to.swap(none);
        }
    }
    // `to` becomes `text` (UTF-8), in its own buffer when it has one to itself.
    static void setUtf8(QString &to, std::string_view text);
    // Appends `text` (UTF-8).
    static void appendUtf8(QString &to, std::string_view text);
    static void clearDetails(TlsDetails &details);
    template <typename Lines>
    static void setLines(LineOffsets &to, const Lines &from)
    {
        to.assign(from.begin(), from.end());
    }

private:
    // One kind of record: the first `used` are this output's, the rest are
    // records of an output handed back, waiting to be overwritten.
    template <typename Record>
    struct Records
    {
        std::vector<Record> records;
        std::size_t used = 0;
        std::vector<Record> spare;   // an output handed back, for the next take()

        Record &next();
        std::vector<Record> take();
        void recycle(std::vector<Record> &&spent);
    };

    Records<TransferRecord> m_transfers;
    Records<ConnectionRecord> m_connections;
    Records<TlsFailureRecord> m_failures;
    Records<RefusalRecord> m_refusals;
};

} // namespace mailtls
