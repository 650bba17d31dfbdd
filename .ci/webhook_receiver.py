"""A webhook receiver for the notification tests: checks every post with the Standard
Webhooks library, and keeps what it got.

    webhook_receiver.py --dir DIR --secret whsec_... [--port N] [--fail N] [--slack]

Each post is appended to DIR/received.jsonl as {"id", "timestamp", "verified", "status",
"body"} (before it is answered) and answered 500 for the first --fail posts of each webhook-id, then 204. A post
whose signature does not verify is answered 401 and recorded with "verified": false.
With --slack it checks the shape Slack's incoming webhooks take: a JSON object whose
"text" is a non-empty string (answering 400 otherwise), as Slack does. Prints
"ready PORT" once it listens.
"""

import argparse
import json
import os
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook, WebhookVerificationError


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--secret")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--fail", type=int, default=0)
    parser.add_argument("--slack", action="store_true")
    parser.add_argument("--drip", type=float, default=0, help="answer 200 and then drip the body a byte every this many seconds")
    args = parser.parse_args()
    lock = threading.Lock()
    failures = {}
    path = os.path.join(args.dir, "received.jsonl")
    verifier = Webhook(args.secret) if args.secret else None

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_):
            pass

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            headers = {k.lower(): v for k, v in self.headers.items()}
            record = {"id": headers.get("webhook-id"), "timestamp": headers.get("webhook-timestamp"),
                      "body": body.decode("utf-8", "replace"), "headers": headers}
            verified = False
            if verifier is not None:
                try:
                    verifier.verify(body, headers)
                    verified = True
                except WebhookVerificationError as error:
                    record["error"] = str(error)
            record["verified"] = verified
            if args.slack:
                try:
                    shape = json.loads(body)
                    ok = isinstance(shape, dict) and isinstance(shape.get("text"), str) and shape["text"].strip() != ""
                except ValueError:
                    ok = False
                status = 200 if ok else 400
            elif not verified:
                status = 401
            else:
                with lock:
                    seen = failures.get(record["id"], 0)
                    failures[record["id"]] = seen + 1
                status = 500 if seen < args.fail else 204
            record["status"] = status
            with lock:
                with open(path, "a") as out:
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
            if args.drip:
                self.send_response(200)
                self.send_header("Content-Length", "1000")
                self.end_headers()
                try:
                    for _ in range(1000):
                        self.wfile.write(b".")
                        self.wfile.flush()
                        time.sleep(args.drip)
                except OSError:
                    pass
                return
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print("ready %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
