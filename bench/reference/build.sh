#!/usr/bin/env bash
# bench/reference/build.sh: builds the reference C programs when missing or stale (make -C bench/reference)
# and prints the directory that holds them, for the bench scripts: BIN=$(bench/reference/build.sh) || exit 1.
# Without cc or make, or when the build fails, it says so in one line on stderr (after the compiler's output)
# and exits 1.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
command -v cc >/dev/null || { echo "bench/reference: needs a C compiler as 'cc' to build the reference server and client (Debian: apt-get install gcc)" >&2; exit 1; }
command -v make >/dev/null || { echo "bench/reference: needs 'make' to build the reference server and client (Debian: apt-get install make)" >&2; exit 1; }
if ! log=$(make -s -C "$HERE" 2>&1); then
  printf '%s\n' "$log" >&2
  echo "bench/reference: the build failed (make -C $HERE)" >&2
  exit 1
fi
echo "$HERE/build"
