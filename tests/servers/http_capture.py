#!/usr/bin/python3
"""tests/servers/http_capture.py — owns the webhook receiver of the benchmark
(tests/bench/run): a real HTTP server (Python's http.server) on 127.0.0.1 only,
answering 200 to every POST and keeping each body it receives.

  http_capture.py serve DIR   listen on a free port of 127.0.0.1; write the port
                              to DIR/port once listening; store every POST body
                              as DIR/NNN.body (its raw bytes); stop on SIGTERM
                              or SIGINT
"""
import os
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def serve(folder):
    count = [0]
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            n = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(n)
            with lock:
                count[0] += 1
                path = os.path.join(folder, "%03d.body" % count[0])
            with open(path + ".tmp", "wb") as f:
                f.write(body)
            os.rename(path + ".tmp", path)
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, fmt, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(os.path.join(folder, "port.tmp"), "w") as f:
        f.write("%d\n" % httpd.server_address[1])
    os.rename(os.path.join(folder, "port.tmp"), os.path.join(folder, "port"))
    signal.signal(signal.SIGTERM, lambda *a: threading.Thread(target=httpd.shutdown).start())
    signal.signal(signal.SIGINT, lambda *a: threading.Thread(target=httpd.shutdown).start())
    httpd.serve_forever()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "serve":
        serve(sys.argv[2])
    else:
        sys.exit("usage: http_capture.py serve DIR")
