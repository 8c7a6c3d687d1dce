#!/usr/bin/python3
"""tests/servers/smtp_capture.py — owns the test mailbox of tests/test_mail.c:
a real SMTP server (Debian's python3-aiosmtpd) on 127.0.0.1 only, keeping each
message it accepts, and the reading of such a message with Python's own e-mail
and HTML parsers.

  smtp_capture.py serve DIR   listen on a free port of 127.0.0.1; write the port
                              to DIR/port once listening; store every message
                              as DIR/NNN.eml (its raw bytes, as received); stop
                              on SIGTERM or SIGINT
  smtp_capture.py inspect FILE
                              print one JSON object about the message in FILE:
                              subject (RFC 2047 decoded), content_type, parts
                              [{content_type, charset, text}], html_errors (the
                              problems html.parser's walk finds: an end tag
                              that closes nothing open, an element left open)
"""
import asyncio
import email
import email.policy
import json
import os
import signal
import socket
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}


class Mailbox:
    """The aiosmtpd handler: every DATA becomes the next DIR/NNN.eml."""

    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        path = os.path.join(self.folder, "%03d.eml" % self.count)
        with open(path + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(path + ".tmp", path)
        return "250 OK"


def serve(folder):
    from aiosmtpd.controller import Controller
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    ctl = Controller(Mailbox(folder), hostname="127.0.0.1", port=port)
    ctl.start()
    with open(os.path.join(folder, "port.tmp"), "w") as f:
        f.write("%d\n" % port)
    os.rename(os.path.join(folder, "port.tmp"), os.path.join(folder, "port"))
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    loop.run_until_complete(stop.wait())
    ctl.stop()


class Walk(HTMLParser):
    """The stack of open elements: what does not nest is an error."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("</%s> closes %s" % (tag, self.stack[-1] if self.stack else "nothing"))
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def inspect(path):
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    parts = []
    errors = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        text = part.get_content()
        parts.append({"content_type": part.get_content_type(),
                      "charset": part.get_content_charset(), "text": text})
        if part.get_content_type() == "text/html":
            w = Walk()
            w.feed(text)
            w.close()
            errors += w.errors + ["<%s> is never closed" % t for t in w.stack]
            parts[-1]["html_text"] = "".join(w.text)
    print(json.dumps({"subject": str(msg["subject"]), "content_type": msg.get_content_type(),
                      "parts": parts, "html_errors": errors,
                      "defects": [str(d) for d in msg.defects]}, ensure_ascii=False))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "serve":
        serve(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "inspect":
        inspect(sys.argv[2])
    else:
        sys.exit("usage: smtp_capture.py serve DIR | inspect FILE")
