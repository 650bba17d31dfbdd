"""An SMTP server for the mail tests: aiosmtpd on 127.0.0.1, saving what it receives.

Each message is saved as N.eml (the data as received, dot-stuffing undone) with N.json
beside it (the envelope: MAIL FROM and RCPT TO). Prints "ready PORT" once it listens, and
runs until it is terminated.

    smtp_receiver.py --dir DIR [--port N] [--cert CERT --key KEY] [--user U --password P]
                     [--only-login] [--reject ADDRESS] [--silent]

--cert/--key offer STARTTLS and require it; --user/--password require a login (AUTH PLAIN
and LOGIN, or LOGIN alone with --only-login); --reject answers 550 to RCPT TO for that
address; --silent accepts connections and never says a word, for the timeout test.
"""

import argparse
import json
import logging
import os
import signal
import socket
import ssl
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Saver:
    def __init__(self, folder, reject):
        self.folder = folder
        self.reject = reject
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == self.reject:
            return "550 5.1.1 <%s>: no such mailbox here" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.folder, str(self.count))
        with open(base + ".json.part", "w") as out:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos,
                       "authenticated": bool(getattr(session, "authenticated", False))}, out)
        with open(base + ".eml", "wb") as out:
            out.write(envelope.original_content)
        os.rename(base + ".json.part", base + ".json")
        return "250 2.0.0 saved as %d" % self.count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--only-login", action="store_true")
    parser.add_argument("--reject")
    parser.add_argument("--silent", action="store_true")
    options = parser.parse_args()
    port = options.port or free_port()
    logging.basicConfig(level=logging.DEBUG)
    # Stopping the controller waits for open connections; the tests' end needs none of that.
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    # Started from a thread that blocks SIGTERM, the block is inherited: lift it.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM])

    if options.silent:
        listener = socket.socket()
        listener.bind(("127.0.0.1", port))
        listener.listen(5)
        print("ready %d" % port, flush=True)
        held = []
        while True:
            connection, _ = listener.accept()
            held.append(connection)

    settings = {}
    if options.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(options.cert, options.key)
        settings.update(tls_context=context, require_starttls=True)
    if options.user:
        def check(server, session, envelope, mechanism, auth_data):
            ok = (isinstance(auth_data, LoginPassword)
                  and auth_data.login.decode() == options.user
                  and auth_data.password.decode() == options.password)
            # handled=False: aiosmtpd then answers a refusal with 535 itself.
            return AuthResult(success=ok, handled=False, auth_data=auth_data.login if ok else None)
        settings.update(authenticator=check, auth_required=True, auth_require_tls=bool(options.cert))
        if options.only_login:
            settings.update(auth_exclude_mechanism=["PLAIN"])
    controller = Controller(Saver(options.dir, options.reject), hostname="127.0.0.1", port=port,
                            server_hostname="receiver.test", **settings)
    controller.start()
    print("ready %d" % port, flush=True)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    main()
