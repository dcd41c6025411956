"""your_app's RPC backend: a tiny XML-RPC server (Python 3 standard library only).

It keeps named counters in memory. Every call carries the shared password, read at start
from the systemd credential `password` ($CREDENTIALS_DIRECTORY/password), so the file it
comes from may stay readable by root only.
"""
import hmac
import os
import sys
import threading
from xmlrpc.server import SimpleXMLRPCRequestHandler, SimpleXMLRPCServer


def read_password():
    directory = os.environ.get("CREDENTIALS_DIRECTORY")
    if not directory:
        sys.exit("backend: no $CREDENTIALS_DIRECTORY (start me with LoadCredential=password:FILE)")
    with open(os.path.join(directory, "password"), encoding="utf-8") as f:
        return f.read().strip()


class Counters:
    def __init__(self, password):
        self._password = password.encode()
        self._lock = threading.Lock()
        self._counts = {}

    def _check(self, password):
        if not hmac.compare_digest(str(password).encode(), self._password):
            raise PermissionError("wrong password")

    def ping(self, password):
        self._check(password)
        return "pong"

    def hit(self, password, name):
        """Add one to counter `name` and return its new value."""
        self._check(password)
        with self._lock:
            self._counts[name] = self._counts.get(name, 0) + 1
            return self._counts[name]

    def counts(self, password):
        self._check(password)
        with self._lock:
            return dict(self._counts)


class Quiet(SimpleXMLRPCRequestHandler):
    rpc_paths = ("/RPC2",)

    def log_message(self, fmt, *args):  # one line per call on stderr (the journal)
        sys.stderr.write("backend: %s\n" % (fmt % args))


def main():
    host = os.environ.get("BACKEND_HOST", "127.0.0.1")
    port = int(os.environ.get("BACKEND_PORT", "8001"))
    server = SimpleXMLRPCServer((host, port), requestHandler=Quiet, allow_none=False, logRequests=True)
    server.register_instance(Counters(read_password()))
    sys.stderr.write("backend: listening on %s:%d\n" % (host, port))
    sys.stderr.flush()
    server.serve_forever()


if __name__ == "__main__":
    main()
