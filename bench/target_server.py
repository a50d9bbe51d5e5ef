"""A local staging stand-in for benchmarks: every GET answers 200 after a fixed delay."""
import json
import socket
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DELAY = float(sys.argv[2]) if len(sys.argv) > 2 else 0.1


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        # The status line and headers, then the body, go out in separate writes; with Nagle's
        # algorithm on, the body waits for the client's delayed ACK of the headers (40 ms on
        # Linux), and every answer would take DELAY + 40 ms instead of DELAY.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self):
        time.sleep(DELAY)
        body = json.dumps({"status": "UP"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True
    # The default backlog of 5 drops connections when hundreds arrive at once, and a dropped SYN
    # is retried after a second: that would time the kernel, not the tools.
    request_queue_size = 1024


Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
