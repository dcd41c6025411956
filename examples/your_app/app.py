"""your_app: a small web service (Python 3 standard library only).

GET /          counts the visit in the RPC backend and answers with the counts (JSON)
GET /healthz   "ok" when the backend answers
The backend's password is read from the systemd credential `password`, never from the
command line, the environment or the store.
"""
import json
import os
import socket
import sys
import xmlrpc.client
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def read_password():
    directory = os.environ.get("CREDENTIALS_DIRECTORY")
    if not directory:
        sys.exit("your_app: no $CREDENTIALS_DIRECTORY (start me with LoadCredential=password:FILE)")
    with open(os.path.join(directory, "password"), encoding="utf-8") as f:
        return f.read().strip()


PASSWORD = read_password()
BACKEND = os.environ.get("BACKEND_URL", "http://127.0.0.1:8001/RPC2")


def backend():
    # One proxy per request: ServerProxy is not safe to share between threads.
    return xmlrpc.client.ServerProxy(BACKEND, allow_none=False)


class Handler(BaseHTTPRequestHandler):
    server_version = "your_app/1.0"

    def reply(self, status, body, content_type="application/json"):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        try:
            if self.path == "/healthz":
                backend().ping(PASSWORD)
                self.reply(200, "ok\n", "text/plain")
            elif self.path == "/" or self.path.startswith("/?"):
                rpc = backend()
                visits = rpc.hit(PASSWORD, "visits")
                self.reply(200, json.dumps({"visits": visits, "counts": rpc.counts(PASSWORD)}) + "\n")
            else:
                self.reply(404, json.dumps({"error": "not found"}) + "\n")
        except (OSError, xmlrpc.client.Error) as e:
            self.reply(502, json.dumps({"error": "backend unavailable: %s" % type(e).__name__}) + "\n")

    def log_message(self, fmt, *args):
        sys.stderr.write("your_app: %s %s\n" % (self.address_string(), fmt % args))


def main():
    host = os.environ.get("APP_HOST", "127.0.0.1")
    port = int(os.environ.get("APP_PORT", "8000"))
    if ":" in host:  # an IPv6 address
        ThreadingHTTPServer.address_family = socket.AF_INET6
    server = ThreadingHTTPServer((host, port), Handler)
    sys.stderr.write("your_app: listening on %s:%d, backend %s\n" % (host, port, BACKEND))
    sys.stderr.flush()
    server.serve_forever()


if __name__ == "__main__":
    main()
