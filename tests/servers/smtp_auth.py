#!/usr/bin/python3
"""tests/servers/smtp_auth.py — an SMTP server for tests/test_deliver.c on 127.0.0.1 only.

Debian's python3-aiosmtpd, configured as a careless server would be: no TLS
(no STARTTLS offered), yet AUTH PLAIN and LOGIN offered and accepted in clear.
Every AUTH command ("AUTH <mechanism> [initial response]"), the credentials it
carried ("CREDENTIALS user:password") and every message accepted (its DATA, then
"=== END") are appended to LOG, so that a test can tell whether a client sent
its secret in clear.

    smtp_auth.py PORT LOG     (runs until killed)
"""
import asyncio
import sys
import warnings

from aiosmtpd.smtp import MISSING, SMTP, AuthResult

PORT, LOG = int(sys.argv[1]), sys.argv[2]
# aiosmtpd 1.4 warns about its own use of Session.login_data on every AUTH
warnings.filterwarnings("ignore", category=DeprecationWarning)


def record(text):
    with open(LOG, "a", encoding="utf-8", errors="backslashreplace") as f:
        f.write(text + "\n")


class Handler:
    async def handle_AUTH(self, server, session, envelope, args):
        record("AUTH " + " ".join(args))
        return MISSING  # go on with aiosmtpd's own PLAIN / LOGIN exchange

    async def handle_DATA(self, server, session, envelope):
        record(envelope.content.decode("utf-8", "backslashreplace") + "\n=== END")
        return "250 queued"


def authenticator(server, session, envelope, mechanism, auth_data):
    login = auth_data.login.decode("utf-8", "backslashreplace")
    password = auth_data.password.decode("utf-8", "backslashreplace")
    record(f"CREDENTIALS {login}:{password}")
    return AuthResult(success=True)


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(Handler(), hostname="sink", auth_require_tls=False,
                     authenticator=authenticator),
        host="127.0.0.1", port=PORT)
    async with server:
        await server.serve_forever()


asyncio.run(main())
