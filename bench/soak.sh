#!/usr/bin/env bash
# bench/soak.sh MODE [DURATION]: one server mode under moderate, bounded load for DURATION (default 10m),
# sampling its resident memory, open descriptors and threads every few seconds, then saying whether any
# of them grew (mean of the middle third vs the last third). Then the full churn test for that mode:
# 20,000 short connections, descriptors and threads back where they started.
# Loopback only; the server is pinned to cpu 0 when taskset exists, the load client to the other cpus.
set -euo pipefail

MODE=${1:?usage: bench/soak.sh MODE [DURATION]   (MODE: one of ./shout server --list-modes; DURATION like 60s or 10m)}
DURATION=${2:-10m}
SAMPLE_SECONDS=${SAMPLE_SECONDS:-5}
GROWTH_PERCENT=${GROWTH_PERCENT:-10}   # last third above the first third by more than this is "grew"
SETTLE_SECONDS=${SETTLE_SECONDS:-10}   # samples before this are left out: the load client is still starting and connecting
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

seconds() {                     # 90 | 90s | 10m | 1h -> seconds
  case "$1" in
    *h) echo $(( ${1%h} * 3600 )) ;; *m) echo $(( ${1%m} * 60 )) ;; *s) echo "${1%s}" ;; *) echo "$1" ;;
  esac
}
TOTAL=$(seconds "$DURATION")
PIN_SERVER=() PIN_LOAD=()
if command -v taskset >/dev/null && [ "$(nproc)" -gt 1 ]; then
  PIN_SERVER=(taskset -c 0) PIN_LOAD=(taskset -c 1-$(( $(nproc) - 1 )))
fi

"$ROOT/shout" build >/dev/null
OUT=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$OUT"' EXIT
"${PIN_SERVER[@]}" "$ROOT/shout" server --mode "$MODE" --port 0 --grace 2s >"$OUT/server.out" 2>"$OUT/server.err" &
SERVER=$!
for _ in $(seq 100); do grep -q '^listening on' "$OUT/server.out" && break; sleep 0.1; done
PORT=$(sed -n 's/^listening on [^ ]*:\([0-9]*\) .*/\1/p' "$OUT/server.out")
[ -n "$PORT" ] || { echo "soak: server did not start: $(cat "$OUT/server.err")" >&2; exit 1; }
JAVA_PID=$(pgrep -P "$SERVER" java || echo "$SERVER")     # the launcher may exec java or run it as a child
echo "soak: mode=$MODE port=$PORT pid=$JAVA_PID duration=${TOTAL}s sampling every ${SAMPLE_SECONDS}s"

"${PIN_LOAD[@]}" "$ROOT/shout" load --port "$PORT" --connections 200 --rate 20000 --duration "${TOTAL}s" \
  >"$OUT/load.out" 2>"$OUT/load.err" &
LOAD=$!

echo "t_s rss_kib fds threads" | tee "$OUT/samples"
START=$SECONDS
while kill -0 "$LOAD" 2>/dev/null && [ $(( SECONDS - START )) -le $(( TOTAL + 30 )) ]; do
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$JAVA_PID/status")
  fds=$(ls "/proc/$JAVA_PID/fd" | wc -l)
  threads=$(awk '/^Threads:/ {print $2}' "/proc/$JAVA_PID/status")
  echo "$(( SECONDS - START )) $rss $fds $threads" | tee -a "$OUT/samples"
  sleep "$SAMPLE_SECONDS"
done
wait "$LOAD" && echo "soak: load client: $(tail -n 3 "$OUT/load.out" | tr '\n' ' ')" \
  || echo "soak: load client FAILED: $(tail -n 3 "$OUT/load.err" | tr '\n' ' ')"

# Middle third vs last third of the settled samples, per column: a JVM's heap grows to its working size
# early on and then stays (that is not a leak), while a leak keeps growing into the last third.
awk -v limit="$GROWTH_PERCENT" -v settle="$SETTLE_SECONDS" 'NR > 1 && $1 >= settle { t[++n] = $0 }
  END {
    if (n < 3) { print "soak: too few samples"; exit 1 }
    split("rss_kib fds threads", name, " "); third = int(n / 3); grew = 0
    for (c = 2; c <= 4; c++) {
      middle = 0; last = 0
      for (i = third + 1; i <= 2 * third; i++) { split(t[i], f, " "); middle += f[c] }
      for (i = n - third + 1; i <= n; i++) { split(t[i], f, " "); last += f[c] }
      middle /= third; last /= third; pct = middle > 0 ? 100 * (last - middle) / middle : 0
      verdict = pct > limit ? "GREW" : "stable"; if (pct > limit) grew = 1
      printf "soak: %-8s middle third %10.1f  last third %10.1f  %+6.1f%%  %s\n", name[c - 1], middle, last, pct, verdict
    }
    exit grew
  }' "$OUT/samples" && RESULT=0 || RESULT=1

kill -TERM "$SERVER"; wait "$SERVER" || RESULT=1
echo "soak: server $(grep '^stopped:' "$OUT/server.out" || echo 'printed no stop line')"

echo "soak: churn, 20,000 short connections against $MODE"
# Through the launcher, so the test runs on the JDK 21+ it finds (the default java may be older).
"$ROOT/shout" test -q -pl servers -Dtest='ChurnTest' -Dsurefire.failIfNoSpecifiedTests=false \
   -Dshout.churn.connections=20000 -Dshout.churn.modes="$MODE" && echo "soak: churn ok" || RESULT=1
exit $RESULT
