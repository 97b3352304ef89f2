#include "models/ingest/parallelingest.h"

#include <algorithm>
#include <utility>

#include <QThread>

#include "models/ingest/lineingest.h"
#include "models/ingest/logreader.h"
#include "models/logs/logassembler.h"

namespace mailtls {

namespace {
constexpr int MaxDefaultThreads = 4;
} // namespace

struct ParallelIngest::Block
{
    std::string text;
    std::int64_t offset = 0;                 // stream offset of text[0]
    std::int64_t number = 0;                 // blocks in log order: 0, 1, 2, …
    LinePrefixParser::YearState year;        // year inference at the block's first line, as parsed
    LinePrefixParser::YearState yearAtEnd;   // … and after its last
    std::int64_t lines = 0;
    std::size_t lastStart = 0;               // the last line, as the reader returned it
    std::size_t lastLength = 0;
    std::int64_t end = 0;
    std::int64_t rawBytesRead = 0;
    bool last = false;
    bool parsed = false;
    std::vector<LineIngest::Parsed> events;
    LineIngest::Counts unrecognised;
};

ParallelIngest::ParallelIngest(LogReader &reader, const QTimeZone &zone, Options options)
    : m_reader(reader)
    , m_zone(zone)
    , m_options(options)
{
    // The feeding thread keeps a core (and parses when no parser is free): one
    // parser per core besides, since threads beyond the cores only take turns
    // (on two cores, one parser reads 1,000,000 lines faster than two); more
    // than a few would only wait, holding blocks in memory.
    if (m_options.threads < 0)
        m_options.threads = std::clamp(QThread::idealThreadCount() - 1, 1, MaxDefaultThreads);
    if (m_options.blocksAhead <= 0)
        m_options.blocksAhead = 4 * std::max(1, m_options.threads);
    // Line ends within a block are kept in 32 bits.
    m_options.blockBytes = std::clamp<std::int64_t>(m_options.blockBytes, 1, std::int64_t(1) << 30);
}

ParallelIngest::~ParallelIngest()
{
    stop();
}

void ParallelIngest::setReferenceTime(std::int64_t utcSeconds)
{
    m_referenceTime = utcSeconds;
    m_referenceSet = true;
}

void ParallelIngest::start(std::string_view firstLine, std::int64_t firstOffset)
{
    // The first line is copied: the reader's buffer moves on once its thread reads.
    m_readThread = std::thread(&ParallelIngest::readLoop, this, std::string(firstLine), firstOffset);
    for (int i = 0; i < m_options.threads; ++i)
        m_parseThreads.emplace_back(&ParallelIngest::parseLoop, this);
}

void ParallelIngest::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_readerWakes.notify_all();
    m_parserWakes.notify_all();
    m_feederWakes.notify_all();
    if (m_readThread.joinable())
        m_readThread.join();
    for (std::thread &thread : m_parseThreads)
        thread.join();
    m_parseThreads.clear();
}

std::unique_ptr<ParallelIngest::Block> ParallelIngest::spareBlock()
{
    if (m_spare.empty()) {
        auto block = std::make_unique<Block>();
        // Room for a block's text and its last line, so that it is not grown line by line.
        block->text.reserve(std::size_t(m_options.blockBytes) + 4096);
        return block;
    }
    std::unique_ptr<Block> block = std::move(m_spare.back());
    m_spare.pop_back();
    return block;
}

void ParallelIngest::readLoop(std::string firstLine, std::int64_t firstOffset)
{
    // A block is handed on once the next one has a line (or the read ended), so
    // that it knows whether it is the last.
    std::unique_ptr<Block> previous;
    auto handOn = [this, &previous](bool last) {
        if (!previous)
            return;
        previous->last = last;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_blocks.push_back(std::move(previous));
        }
        m_parserWakes.notify_one();
        m_feederWakes.notify_one();
    };

    std::int64_t number = 0;
    std::int64_t linesRead = 0;
    bool first = true;
    for (;;) {
        std::unique_ptr<Block> block;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_readerWakes.wait(lock, [this] {
                return m_stopping || m_blocks.size() < std::size_t(m_options.blocksAhead);
            });
            if (m_stopping)
                break;
            block = spareBlock();
        }
        block->text.clear();
        block->number = number++;
        block->lines = 0;
        block->parsed = false;
        // Blocks end after every multiple of boundaryLines lines, when set.
        auto linesLeft = [&] {
            return m_options.boundaryLines > 0 ? m_options.boundaryLines - linesRead % m_options.boundaryLines : 0;
        };
        bool ended = false;
        if (first) {
            // The line the caller read, and the bytes between it and the next as the
            // log has them ("\n" or "\r\n"), so that offsets in the block are
            // offsets in the log; none for a piece of a runaway line or an
            // unfinished last line, which end the block.
            first = false;
            block->offset = firstOffset;
            const std::int64_t terminator = m_reader.position() - firstOffset - std::int64_t(firstLine.size());
            block->text.append(firstLine);
            block->text.append(terminator == 2 ? "\r\n" : "\n", std::size_t(terminator));
            block->lastStart = 0;
            block->lastLength = firstLine.size();
            block->lines = 1;
            ++linesRead;
            ended = terminator == 0 || std::int64_t(block->text.size()) >= m_options.blockBytes
                || linesLeft() == m_options.boundaryLines;
        } else {
            block->offset = m_reader.position();
        }
        if (!ended) {
            const std::int64_t lines = m_reader.appendLines(block->text, std::size_t(m_options.blockBytes),
                                                            linesLeft(), block->lastStart, block->lastLength);
            block->lines += lines;
            linesRead += lines;
        }
        if (block->lines == 0) {
            // The end, or a read error: the block before was the last.
            std::lock_guard<std::mutex> lock(m_mutex);
            m_spare.push_back(std::move(block));
            break;
        }
        block->end = m_reader.position();
        block->rawBytesRead = m_reader.rawBytesRead();
        handOn(false);
        previous = std::move(block);
    }
    handOn(true);
    std::lock_guard<std::mutex> lock(m_mutex);
    m_readDone = true;
    m_feederWakes.notify_all();
}

void ParallelIngest::parseLoop()
{
    LineIngest ingest(m_zone);
    ingest.setFormatHint(m_options.formatHint);
    if (m_referenceSet)
        ingest.setReferenceTime(m_referenceTime);
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        ++m_idleParsers;
        m_parserWakes.wait(lock, [this] { return m_stopping || m_unparsed < m_blocks.size(); });
        --m_idleParsers;
        if (m_stopping)
            return;
        Block *block = m_blocks[m_unparsed++].get();
        startParsing(*block);
        lock.unlock();
        parseBlock(ingest, *block);
        lock.lock();
        parsed(*block);
        if (block == m_blocks.front().get())
            m_feederWakes.notify_one();
    }
}

void ParallelIngest::startParsing(Block &block)
{
    block.year = m_latestYear;
}

void ParallelIngest::parsed(Block &block)
{
    block.parsed = true;
    if (block.number > m_latestYearBlock) {
        m_latestYear = block.yearAtEnd;
        m_latestYearBlock = block.number;
    }
}

void ParallelIngest::parseBlock(LineIngest &ingest, Block &block)
{
    ingest.setYearState(block.year);
    block.events.clear();
    // At most an event a line: the vector is not moved as it grows.
    block.events.reserve(std::size_t(block.lines) + 1);
    ingest.parse(block.text, block.offset, block.events);
    block.unrecognised = ingest.takeUnrecognisedCounts();
    block.yearAtEnd = ingest.yearState();
}

LineIngest &ParallelIngest::helper()
{
    if (!m_helper) {
        m_helper = std::make_unique<LineIngest>(m_zone);
        m_helper->setFormatHint(m_options.formatHint);
        if (m_referenceSet)
            m_helper->setReferenceTime(m_referenceTime);
    }
    return *m_helper;
}

bool ParallelIngest::feedNext(LogAssembler &assembler, Fed &fed)
{
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        if (m_current) {
            m_spare.push_back(std::move(m_current));
            m_readerWakes.notify_one();
        }
        for (;;) {
            // Until the next block is parsed, this thread parses blocks that no parser
            // took and none is free to take (they are all busy, or other programs have
            // the cores) rather than wait.
            m_feederWakes.wait(lock, [this] {
                return m_stopping
                    || (!m_blocks.empty()
                        && (m_blocks.front()->parsed || (m_unparsed < m_blocks.size() && m_idleParsers == 0)))
                    || (m_blocks.empty() && m_readDone);
            });
            if (m_stopping || m_blocks.empty() || m_blocks.front()->parsed)
                break;
            Block &block = *m_blocks[m_unparsed++];
            startParsing(block);
            lock.unlock();
            parseBlock(helper(), block);
            lock.lock();
            parsed(block);
        }
        if (m_stopping || m_blocks.empty()) {
            lock.unlock();
            // The reader is the caller's again once its thread is gone.
            stop();
            return false;
        }
        m_current = std::move(m_blocks.front());
        m_blocks.pop_front();
        --m_unparsed;
    }
    Block &block = *m_current;
    if (block.year != m_fedYear) {
        // Parsed from a year state other than the one the lines before it leave:
        // parsed again from that one.
        block.year = m_fedYear;
        parseBlock(helper(), block);
        std::lock_guard<std::mutex> lock(m_mutex);
        if (block.number >= m_latestYearBlock) {
            m_latestYear = block.yearAtEnd;
            m_latestYearBlock = block.number;
        }
    }
    m_fedYear = block.yearAtEnd;
    for (const LineIngest::Parsed &parsed : block.events) {
        if (parsed.passed != LineIngest::Parsed::kNoTime)
            assembler.passTime(parsed.passed);
        if (!parsed.other) {
            assembler.feed(parsed.time, parsed.process, parsed.event, parsed.offset, parsed.hints);
        } else if (!assembler.feedOther(*parsed.other, parsed.line, parsed.offset)) {
            // Counted as LineIngest counts the lines no rule knows.
            m_unrecognised[std::string(parsed.line.program)] += 1;
        }
    }
    for (const auto &[program, count] : block.unrecognised)
        m_unrecognised[program] += count;
    m_lines += block.lines;
    fed.lines = block.lines;
    fed.end = block.end;
    fed.lastLine = std::string_view(block.text).substr(block.lastStart, block.lastLength);
    fed.last = block.last;
    fed.rawBytesRead = block.rawBytesRead;
    return true;
}

QHash<QString, qint64> ParallelIngest::takeUnrecognised()
{
    const LineIngest::Counts counts(m_unrecognised.begin(), m_unrecognised.end());
    m_unrecognised.clear();
    return LineIngest::toHash(counts);
}

std::int64_t ParallelIngest::takeLines()
{
    return std::exchange(m_lines, 0);
}

} // namespace mailtls
