"""seed_gevent.py PORT: the classic Python upper-casing echo server on gevent, one greenlet per connection.

A benchmark peer for bench/servers-vs-reference.sh, not part of shout: the same blocking loop as the
threaded seed (seed_loop.py), run on gevent's event loop instead of OS threads. Listens on
127.0.0.1:PORT until killed. Needs Debian's python3-gevent.
"""
from gevent.server import StreamServer

import seed_loop

BACKLOG = 1024  # as the threaded seed: a burst of connects waits instead of being refused


def main():
    port = seed_loop.port_argument("seed_gevent.py")
    # StreamServer hands each accepted socket (already cooperative) to a new greenlet.
    server = StreamServer(("127.0.0.1", port), lambda sock, _address: seed_loop.serve_connection(sock), backlog=BACKLOG)
    server.serve_forever()


if __name__ == "__main__":
    main()
