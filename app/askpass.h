#pragma once

namespace mailtls {

// The program as ssh's SSH_ASKPASS helper. Whoever starts ssh points
// SSH_ASKPASS at `mailtls` and puts the AskpassServer's socket in
// MAILTLS_ASKPASS_SOCKET; ssh then runs `mailtls PROMPT` when it needs a
// password, a passphrase or a yes to a host key. The helper hands the prompt
// to the server, prints its answer on standard output for ssh and exits 0, or
// exits 1 when the answer is no or there is nobody to ask. It opens no
// window and parses no options.
class Askpass final
{
public:
    // True when ssh runs this process as its askpass helper: the socket
    // variable is set and the prompt is the only argument.
    static bool isInvoked(int argc);
    // Asks, answers ssh, and returns the exit code.
    static int run(int argc, char *argv[]);
};

} // namespace mailtls
