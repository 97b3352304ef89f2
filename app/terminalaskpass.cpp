#include "app/terminalaskpass.h"

#include <cerrno>
#include <csignal>
#include <cstdio>

#include <termios.h>
#include <unistd.h>

#include "app/commandline.h"
#include "app/stopsignals.h"

namespace mailtls {

namespace {

enum class TerminalAnswer { Given, NoTerminal, Interrupted };

// Reads a line from the terminal without echoing it; Ctrl+C or SIGTERM
// interrupt the read (their StopSignals handler is installed without
// SA_RESTART around it).
TerminalAnswer askOnTerminal(const QString &prompt, QString *answer)
{
    FILE *tty = std::fopen("/dev/tty", "r+");
    if (!tty)
        return TerminalAnswer::NoTerminal;
    const int fd = fileno(tty);
    termios saved = {};
    const bool isTerminal = ::tcgetattr(fd, &saved) == 0;
    if (isTerminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    const QByteArray text = prompt.toLocal8Bit();
    std::fwrite(text.constData(), 1, std::size_t(text.size()), tty);
    std::fflush(tty);
    struct sigaction interrupting = {};
    interrupting.sa_handler = StopSignals::handler;
    sigemptyset(&interrupting.sa_mask);
    struct sigaction savedInt = {};
    struct sigaction savedTerm = {};
    ::sigaction(SIGINT, &interrupting, &savedInt);
    ::sigaction(SIGTERM, &interrupting, &savedTerm);
    char buffer[1024];
    errno = 0;
    const bool read = std::fgets(buffer, sizeof buffer, tty) != nullptr;
    const bool interrupted = !read && errno == EINTR;
    ::sigaction(SIGINT, &savedInt, nullptr);
    ::sigaction(SIGTERM, &savedTerm, nullptr);
    if (isTerminal)
        ::tcsetattr(fd, TCSAFLUSH, &saved);
    std::fputs("\n", tty);
    std::fclose(tty);
    if (!read)
        return interrupted ? TerminalAnswer::Interrupted : TerminalAnswer::NoTerminal;
    *answer = QString::fromLocal8Bit(buffer).chopped(QByteArrayView(buffer).endsWith('\n') ? 1 : 0);
    return TerminalAnswer::Given;
}

} // namespace

TerminalAskpass::TerminalAskpass(const QString &verb, const QStringList &acceptedHostKeys, QObject *parent)
    : QObject(parent)
    , m_verb(verb)
    , m_server(&m_secrets)
{
    for (const QString &fingerprint : acceptedHostKeys)
        m_server.addAcceptedHostKey(fingerprint);
    connect(&m_server, &AskpassServer::hostKeyQuestion, this,
            [this](quint64 id, const HostKeyQuestion &question, const QString &) { onHostKey(id, question); });
    connect(&m_server, &AskpassServer::secretNeeded, this, &TerminalAskpass::onSecret);
}

bool TerminalAskpass::listen(QString *error)
{
    return m_server.listen(error);
}

QString TerminalAskpass::socketName() const
{
    return m_server.isListening() ? m_server.name() : QString();
}

void TerminalAskpass::onHostKey(quint64 id, const HostKeyQuestion &question)
{
    CommandLine::printError(tr("%1 (port %2) is a host MailTLS does not know. Its %3 key fingerprint is %4. If the "
                               "server's administrator confirms that fingerprint (ssh-keygen -lf "
                               "/etc/ssh/ssh_host_%5_key.pub on the server), run again with --accept-host-key %4")
                                .arg(question.host)
                                .arg(question.port)
                                .arg(question.keyType, question.fingerprint, question.keyType.toLower()));
    m_server.answerHostKey(id, false);
}

void TerminalAskpass::onSecret(const AskpassServer::SecretQuestion &question)
{
    QString answer;
    const TerminalAnswer asked = askOnTerminal(question.prompt + QLatin1Char(' '), &answer);
    if (asked == TerminalAnswer::Interrupted) {
        m_server.refuseSecret(question.id);
        return;
    }
    if (asked == TerminalAnswer::Given) {
        const bool remember = question.storeError != SecretStore::Error::NoBackend;
        if (!remember && !question.storeMessage.isEmpty())
            CommandLine::printError(question.storeMessage + QLatin1Char(' ') + tr("It will be asked for each time."));
        m_server.answerSecret(question.id, answer, remember);
        return;
    }
    CommandLine::printError(tr("ssh asks \"%1\", and there is no terminal to ask on: use a key without a passphrase "
                               "or an ssh-agent, or run %2 once in a terminal so the answer is kept in the keychain")
                                .arg(question.prompt.trimmed(), m_verb));
    m_server.refuseSecret(question.id);
}

} // namespace mailtls
