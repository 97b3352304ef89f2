#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include <QHash>
#include <QString>
#include <QTimeZone>

#include "models/logs/lineprefixparser.h"
#include "models/logs/logformat.h"

namespace mailtls {

class LineIngest;
class LogAssembler;
class LogReader;

// Reads a log with LineIngest's results, spread over the machine's cores: a
// thread reads blocks of whole lines, parser threads parse them in any order,
// and the caller's thread feeds their events, block after block in log order,
// to its LogAssembler (which must see every line in order, so it stays on one
// thread). When every parser is busy and the next block is not parsed
// yet, the feeding thread parses a waiting block itself rather than wait.
//
// Year inference is what ties one line's parse to the lines before it. The
// reading thread only copies text (whole lines, without a look at each); a
// block is parsed from the year state the latest block parsed ended with, and
// the feeding thread, which knows the state each block really starts with
// (the one the block before it ended with), parses a block again in the rare
// case the two differ (a month or year turned in a block not yet parsed). So
// the events are exactly those of one LineIngest reading the whole log
// (tst_lineingest checks it across New Year).
class ParallelIngest final
{
public:
    struct Options
    {
        int threads = -1;                   // parser threads; -1: one per core besides the feeding
                                            // thread's (at least one), at most 4;
                                            // 0: none (the feeding thread parses every block)
        std::int64_t blockBytes = 1 << 18;  // a block ends with the line that takes it past this
        std::int64_t boundaryLines = 0;     // and after every multiple of this many lines, if > 0
        int blocksAhead = 0;                // blocks read but not yet fed, at most; 0: 4 per parser
        std::optional<LogFormat> formatHint; // only this MTA's lines (LineIngest::setFormatHint)
    };

    // What feedNext() fed.
    struct Fed
    {
        std::int64_t lines = 0;
        std::int64_t end = 0;           // stream position just past the block's last line
        std::string_view lastLine;      // as LogReader returned it; valid until the next feedNext()
        bool last = false;              // the reader has no more: the end, or an error
        std::int64_t rawBytesRead = 0;  // LogReader::rawBytesRead() after the block, for progress
    };

    // `reader` must be open and must not be touched by the caller between start()
    // and the time feedNext() returns false (or stop() returns).
    ParallelIngest(LogReader &reader, const QTimeZone &zone, Options options);
    ~ParallelIngest();
    ParallelIngest(const ParallelIngest &) = delete;
    ParallelIngest &operator=(const ParallelIngest &) = delete;

    // For year inference (LinePrefixParser::setReferenceTime); before start().
    void setReferenceTime(std::int64_t utcSeconds);

    // Starts the threads. `firstLine` (at `firstOffset`) is the line the reader
    // returned last: the read begins with it.
    void start(std::string_view firstLine, std::int64_t firstOffset);

    // Feeds the next block's events to `assembler`, waiting for it to be parsed.
    // False when every block was fed.
    bool feedNext(LogAssembler &assembler, Fed &fed);

    // Ends the threads early (a cancelled import). Blocks not fed are dropped.
    void stop();

    // Of the blocks fed: lines no rule recognised per program, and lines read, since
    // the last call (as LineIngest::takeUnrecognised() and takeLines()).
    QHash<QString, qint64> takeUnrecognised();
    std::int64_t takeLines();

private:
    struct Block;

    void readLoop(std::string firstLine, std::int64_t firstOffset);
    void parseLoop();
    // Parses `block` from the year state it holds.
    void parseBlock(LineIngest &ingest, Block &block);
    // Under m_mutex: the block is to be parsed now, from the latest year state
    // known; it was parsed, and its end state is the latest if no later block's is.
    void startParsing(Block &block);
    void parsed(Block &block);
    LineIngest &helper();
    std::unique_ptr<Block> spareBlock();

    LogReader &m_reader;
    QTimeZone m_zone;
    Options m_options;
    std::int64_t m_referenceTime = 0;
    bool m_referenceSet = false;

    std::mutex m_mutex;
    std::condition_variable m_readerWakes;   // room for another block, or stop
    std::condition_variable m_parserWakes;   // a block to parse, or stop
    std::condition_variable m_feederWakes;   // the oldest block parsed, or the read ended
    std::deque<std::unique_ptr<Block>> m_blocks;   // in log order, read but not yet fed
    std::size_t m_unparsed = 0;                    // index in m_blocks of the first block no parser took
    int m_idleParsers = 0;                         // parser threads waiting for a block
    std::vector<std::unique_ptr<Block>> m_spare;   // fed blocks, their buffers kept for reuse
    bool m_readDone = false;
    bool m_stopping = false;
    // The year state the latest block parsed (in log order) ended with, and its
    // number: where the next block to parse most likely starts.
    LinePrefixParser::YearState m_latestYear;
    std::int64_t m_latestYearBlock = -1;
    // The year state the next block to feed starts with, as a read in order has it.
    LinePrefixParser::YearState m_fedYear;

    std::unique_ptr<Block> m_current;        // the block fed last (Fed::lastLine points into it)
    std::unique_ptr<LineIngest> m_helper;    // parses on the feeding thread when no parser is free
    std::thread m_readThread;
    std::vector<std::thread> m_parseThreads;

    std::unordered_map<std::string, std::int64_t> m_unrecognised;
    std::int64_t m_lines = 0;
};

} // namespace mailtls
