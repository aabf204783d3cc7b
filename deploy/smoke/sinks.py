"""Stand-ins for the mail server and the SMS gateway: they accept what the outbox sends and count it."""

import socketserver
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Smtp(socketserver.StreamRequestHandler):
    """Enough SMTP for Django's backend: EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT."""

    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 smoke ESMTP")
        recipients = []
        while line := self.rfile.readline():
            verb = line.decode(errors="replace").strip()
            upper = verb.upper()
            if upper.startswith(("EHLO", "HELO")):
                self.reply("250 smoke")
            elif upper.startswith("MAIL"):
                recipients = []
                self.reply("250 ok")
            elif upper.startswith("RCPT"):
                recipients.append(verb.split(":", 1)[1].strip().strip("<>").lower())
                self.reply("250 ok")
            elif upper == "DATA":
                self.reply("354 end with .")
                while (data := self.rfile.readline()) and data.rstrip(b"\r\n") != b".":
                    pass
                self.server.received(recipients)
                self.reply("250 queued")
            elif upper == "QUIT":
                self.reply("221 bye")
                return
            else:  # RSET, NOOP
                self.reply("250 ok")


class SmtpSink(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Smtp)
        self.by_recipient, self._lock = Counter(), threading.Lock()
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def port(self):
        return self.server_address[1]

    def handle_error(self, request, client_address):
        """A worker killed in the middle of a conversation drops its connection: not the sink's error."""

    def received(self, recipients):
        with self._lock:
            self.by_recipient.update(recipients)


class _Gateway(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - the http.server API
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with self.server.lock:
            self.server.count += 1
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


class SmsSink(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Gateway)
        self.count, self.lock = 0, threading.Lock()
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def port(self):
        return self.server_address[1]
