#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QTextStream>

#include "models/logs/logevent.h"
#include "models/logs/logline.h"
#include "models/logs/postfixparser.h"

// What both PostfixParser test executables share: the expected-event row type,
// its readable form for QCOMPARE, and a parse of one bare message.
namespace mailtls::testutil {

inline QString str(std::string_view v)
{
    return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
}

// The expected event of a row. Fields a row does not set keep LogEvent's
// defaults, and every field is compared, so a row states the whole event.
struct Expect
{
    LogEvent e;
    QByteArray storage[12];

    Expect() = default;
    explicit Expect(EventKind kind, Daemon daemon)
    {
        e.kind = kind;
        e.daemon = daemon;
    }
    std::string_view keep(int slot, const char *text)
    {
        storage[slot] = QByteArray(text);
        return std::string_view(storage[slot].constData(), std::size_t(storage[slot].size()));
    }
    Expect &service(const char *s) { e.service = keep(0, s); return *this; }
    Expect &queue(const char *q) { e.queueId = keep(1, q); return *this; }
    Expect &peer(const char *host, const char *ip, int port = 0)
    {
        e.host = keep(2, host);
        e.ip = keep(3, ip);
        e.port = port;
        return *this;
    }
    Expect &to(const char *r) { e.recipient = keep(4, r); return *this; }
    Expect &origTo(const char *r) { e.origRecipient = keep(5, r); return *this; }
    Expect &status(DeliveryStatus s, const char *text)
    {
        e.status = s;
        e.statusText = keep(6, text);
        return *this;
    }
    Expect &connUse(int n) { e.connUse = n; return *this; }
    Expect &tlsField(bool encrypted)
    {
        e.hasTlsField = true;
        e.tlsFieldEncrypted = encrypted;
        return *this;
    }
    Expect &from(const char *s, std::int64_t size, int nrcpt)
    {
        e.sender = keep(7, s);
        e.size = size;
        e.nrcpt = nrcpt;
        return *this;
    }
    Expect &auth() { e.authenticated = true; return *this; }
    Expect &stats(int starttlsOk, int starttlsTried, int mailOk, int mailTried)
    {
        e.hasStats = true;
        e.starttlsOk = starttlsOk;
        e.starttlsTried = starttlsTried;
        e.mailOk = mailOk;
        e.mailTried = mailTried;
        return *this;
    }
    Expect &tls(Trust trust, const char *protocol, const char *cipher, int bits, const char *kex,
                int kexBits, bool dhe)
    {
        e.tls.trust = trust;
        e.tls.protocol = keep(8, protocol);
        e.tls.cipher = keep(9, cipher);
        e.tls.cipherBits = bits;
        e.tls.keyExchange = keep(10, kex);
        e.tls.keyExchangeBits = kexBits;
        e.tls.dhe = dhe;
        return *this;
    }
    Expect &problem(TlsProblem p, const char *text)
    {
        e.problem = p;
        e.problemText = keep(11, text);
        return *this;
    }
};

inline QString describe(const LogEvent &e)
{
    QString s;
    QTextStream out(&s);
    out << "kind=" << int(e.kind) << " daemon=" << int(e.daemon) << " service=" << str(e.service)
        << "\nqueue=" << str(e.queueId) << " host=" << str(e.host) << " ip=" << str(e.ip)
        << " port=" << e.port << "\nto=" << str(e.recipient) << " orig_to=" << str(e.origRecipient)
        << " status=" << int(e.status) << " text=" << str(e.statusText)
        << "\nconn_use=" << e.connUse << " tls_field=" << e.hasTlsField << '/'
        << e.tlsFieldEncrypted << "\nfrom=" << str(e.sender) << " size=" << e.size
        << " nrcpt=" << e.nrcpt << "\nauth=" << e.authenticated << " stats=" << e.hasStats
        << " starttls=" << e.starttlsOk << '/' << e.starttlsTried << " mail=" << e.mailOk << '/'
        << e.mailTried << "\ntrust=" << int(e.tls.trust) << " protocol=" << str(e.tls.protocol)
        << " cipher=" << str(e.tls.cipher) << " bits=" << e.tls.cipherBits
        << " kex=" << str(e.tls.keyExchange) << " kexbits=" << e.tls.keyExchangeBits
        << " dhe=" << e.tls.dhe << "\nproblem=" << int(e.problem)
        << " problemText=" << str(e.problemText);
    return s;
}

inline LogEvent parseMessage(const QByteArray &program, const QByteArray &message)
{
    LogLine line;
    line.program = std::string_view(program.constData(), std::size_t(program.size()));
    line.message = std::string_view(message.constData(), std::size_t(message.size()));
    line.pid = 1;
    return PostfixParser().parse(line);
}

} // namespace mailtls::testutil

Q_DECLARE_METATYPE(mailtls::testutil::Expect)
