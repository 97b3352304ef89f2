#include "tests/bench/loggen/dovecotlines.h"

#include <string>

#include "tests/bench/loggen/commonlines.h"
#include "tests/bench/loggen/textappend.h"

namespace mailtls::bench::dovecot {

void imapSession(Scenario &scenario, Random &random, MailWorld &world, std::int64_t &nextPid, std::int64_t t)
{
    const User &user = world.pickUser(random);
    const Host &device = world.host(user.devices[random.below(user.devices.size())]);
    const std::string session = lines::randomToken(random, 16, lines::base64, 64);
    nextPid += random.range(1, 20);
    const std::int64_t pid = nextPid;
    std::string &login = scenario.line(t, "dovecot");
    login += "imap-login: Login: user=<" + user.address + ">, method=PLAIN, rip=" + device.ip + ", lip=";
    login += lines::isIpv6(device.ip) ? lines::ownIpv6 : MailWorld::ownIp;
    login += ", mpid=";
    appendInt(login, pid);
    login += ", TLS, session=<" + session + ">";
    t += static_cast<std::int64_t>(random.range(20, 5400)) * lines::second;
    std::string &out = scenario.line(t, "dovecot");
    out += "imap(" + user.address + ")<";
    appendInt(out, pid);
    out += "><" + session + ">: Logged out in=";
    appendInt(out, random.range(80, 4000));
    out += " out=";
    appendInt(out, random.range(500, 900000));
    out += " deleted=0 expunged=0 trashed=0 hdr_count=0 hdr_bytes=0 body_count=0 body_bytes=0";
}

void imapProbe(Scenario &scenario, Random &random, MailWorld &world, std::int64_t t)
{
    const Host &bot = world.host(world.pickBot(random));
    std::string &line = scenario.line(t, "dovecot");
    line += "imap-login: Disconnected (no auth attempts in ";
    appendInt(line, random.range(0, 9));
    line += " secs): user=<>, rip=" + bot.ip + ", lip=";
    line += lines::isIpv6(bot.ip) ? lines::ownIpv6 : MailWorld::ownIp;
    line += ", TLS, session=<" + lines::randomToken(random, 16, lines::base64, 64) + ">";
}

} // namespace mailtls::bench::dovecot
