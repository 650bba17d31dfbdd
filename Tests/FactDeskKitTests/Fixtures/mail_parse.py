"""Reads a message the way a mail program does and prints what a reader would see, as JSON.

    mail_parse.py FILE

Python's email package with its default policy decodes the RFC 2047 words and the base64
parts; "longest_header_line" and "encoded_words" let the tests hold the headers' shape.
"""

import email
import email.policy
import json
import re
import sys

raw = open(sys.argv[1], "rb").read()
message = email.message_from_bytes(raw, policy=email.policy.default)
head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")


def text(part):
    return part.get_content().replace("\r\n", "\n") if part is not None else None


print(json.dumps({
    "subject": str(message["subject"]),
    "from_address": message["from"].addresses[0].addr_spec,
    "from_name": message["from"].addresses[0].display_name,
    "to": [address.addr_spec for address in message["to"].addresses],
    "to_names": [address.display_name for address in message["to"].addresses],
    "header_names": list(message.keys()),
    "headers": {key: str(value) for key, value in message.items()},
    "content_type": message.get_content_type(),
    "plain": text(message.get_body(("plain",))),
    "html": text(message.get_body(("html",))),
    "defects": [type(defect).__name__ for defect in message.defects]
               + [type(defect).__name__ for part in message.walk() for defect in part.defects],
    "longest_line": max(len(line) for line in raw.split(b"\r\n")),
    "longest_header_line": max(len(line) for line in head.split("\r\n")),
    "encoded_words": re.findall(r"=\?[^?]+\?[bBqQ]\?[^?]*\?=", head),
    "bare_newlines": raw.replace(b"\r\n", b"").count(b"\n"),
    "ascii": all(byte < 128 for byte in raw),
}, ensure_ascii=False))
