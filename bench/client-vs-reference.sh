#!/usr/bin/env bash
# bench/client-vs-reference.sh [CONNECTIONS...]: is `shout load` a bottleneck? Drives the reference C epoll
# server from bench/reference with the reference C client and with `shout load`, alternately, pinned:
# server on cpu 0, client on cpu 1. Prints each run's msgs/s and the ratio shout/C per connection count.
# Loopback only; every run is 2 s warm-up + 10 s measured. IO=nio measures the JDK-selector engine
# instead of the default (auto: epoll on Linux with JDK 22+). ROUNDS (default 2) alternated rounds.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PORT=${PORT:-9105}
ROUNDS=${ROUNDS:-2}
IO=${IO:-auto}

[ $# -gt 0 ] && COUNTS=("$@") || COUNTS=(100 1000)

command -v taskset >/dev/null || { echo "client-vs-reference: needs taskset (util-linux)" >&2; exit 1; }
BIN=$("$ROOT/bench/reference/build.sh") || exit 1     # it says what is missing in one line
"$ROOT/shout" build >/dev/null
ulimit -n 20000
taskset -c 0 "$BIN/epoll_upper" "$PORT" >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
sleep 0.5

c_rate() { taskset -c 1 "$BIN/pingpong" -p "$PORT" -c "$1" -s 64 -P 1 -d 10 -w 2 -m upper | sed -n 's/.*rt\/s=\([0-9]*\).*/\1/p'; }
shout_rate() {
  taskset -c 1 "$ROOT/shout" load --port "$PORT" --connections "$1" --size 64 --duration 10s --warmup 2s --threads 1 --quiet --io "$IO" \
    | sed -n 's/^messages .* = \([0-9]*\) msgs\/s/\1/p'
}

ENGINE=$("$ROOT/shout" load --port "$PORT" --connections 1 --duration 100ms --warmup 0 --threads 1 --quiet --io "$IO" \
  | sed -n 's/^target .*, io \([a-z]*\)$/\1/p')
echo "$(date -u +%F) $(nproc) cpus, $(uname -r); server: epoll_upper on cpu 0; clients on cpu 1; 64 B, pipeline 1; shout io $ENGINE"
for c in "${COUNTS[@]}"; do
  c_sum=0 s_sum=0
  for round in $(seq "$ROUNDS"); do
    cr=$(c_rate "$c"); sr=$(shout_rate "$c")
    echo "connections=$c round=$round reference=$cr shout=$sr"
    c_sum=$((c_sum + cr)); s_sum=$((s_sum + sr))
  done
  awk -v c="$c" -v a="$c_sum" -v b="$s_sum" -v n="$ROUNDS" \
    'BEGIN { printf "connections=%d mean reference=%.0f shout=%.0f ratio=%.2f\n", c, a / n, b / n, b / a }'
done
