"""seed_threaded.py PORT: the classic Python thread-per-connection upper-casing echo server.

A benchmark peer for bench/servers-vs-reference.sh, not part of shout: one OS thread per connection,
each running the seed's blocking loop (seed_loop.py). Listens on 127.0.0.1:PORT until killed.
Needs only the standard library.
"""
import socketserver

import seed_loop


class _Connection(socketserver.BaseRequestHandler):
    def handle(self):
        seed_loop.serve_connection(self.request)


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True      # a connection thread never holds the process open, nor is it kept in a list
    request_queue_size = 1024  # the listen backlog: a burst of connects waits instead of being refused


def main():
    with _Server(("127.0.0.1", seed_loop.port_argument("seed_threaded.py")), _Connection) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
