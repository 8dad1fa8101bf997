"""The connection loop both Python seed servers share (seed_threaded.py, seed_gevent.py).

It is the project's seed, the socket-course server, with its one loose end tied: up to 1024 bytes
received, the same bytes upper-cased sent back, until the client closes. `bytes.upper()` changes only
a-z, as PROTOCOL.md asks. The seed used `send()`, which may take only part of a reply and drop the rest;
`sendall()` writes all of it, so the benchmark's byte-for-byte check holds at any size.
"""

import sys

RECEIVE_BYTES = 1024


def port_argument(program):
    """The one argument, PORT; bad usage is a one-line error and exit 2."""
    if len(sys.argv) != 2 or not sys.argv[1].isdigit() or not 0 < int(sys.argv[1]) < 65536:
        print(f"usage: python3 {program} PORT   (1-65535; listens on 127.0.0.1)", file=sys.stderr)
        sys.exit(2)
    return int(sys.argv[1])


def serve_connection(sock):
    """Answers one connection until the client half-closes or the connection fails, then closes it."""
    with sock:
        try:
            while chunk := sock.recv(RECEIVE_BYTES):
                sock.sendall(chunk.upper())
        except (ConnectionResetError, BrokenPipeError):
            pass  # the client went away: nobody is left to answer, as with any server
