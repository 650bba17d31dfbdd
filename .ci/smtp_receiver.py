"""An SMTP server for the delivery tests: aiosmtpd on 127.0.0.1, keeping every message.

    smtp_receiver.py --dir DIR [--port N]

Message N is written as DIR/N.eml (its data, as received) and then DIR/N.json (its envelope:
"from" and "to"); a reader that sees N.json finds N.eml complete. Prints "ready PORT" once
it listens, and runs until it is terminated.
"""

import argparse
import json
import os
import signal
import socket
import threading
import time

from aiosmtpd.controller import Controller


class Keeper:
    def __init__(self, folder):
        self.folder = folder
        self.lock = threading.Lock()
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            number = self.count
        base = os.path.join(self.folder, str(number))
        with open(base + ".eml", "wb") as out:
            out.write(envelope.original_content)
        with open(base + ".json.part", "w") as out:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos}, out)
        os.rename(base + ".json.part", base + ".json")
        return "250 2.0.0 kept as %d" % number


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port", type=int, default=0)
    options = parser.parse_args()
    port = options.port
    if port == 0:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
    # Terminated at a test's end: nothing is waiting on an open connection then. A test
    # runner may have started it with SIGTERM blocked.
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    controller = Controller(Keeper(options.dir), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready %d" % port, flush=True)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    main()
