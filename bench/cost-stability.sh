#!/usr/bin/env bash
# bench/cost-stability.sh [RUNS] [RATE] [CONNECTIONS]: is the server's CPU per message the steadier figure?
# RUNS times (default 3) it runs two compares back to back over blocking, virtual, nio, netty and the reference
# C server (bench/reference/epoll_upper, as a peer with its pid, so its cost is measured too): one open loop at
# RATE msgs/s in all (default 10k), one closed loop, each at CONNECTIONS (default 100,1000). Then it prints, for
# every server and connection count, the spread over the runs of server us/msg (open loop) beside the spread of
# msgs/s (closed loop), spread being (max - min) / median; and, for every pair of servers whose us/msg differ by
# 15% or more in the median, whether their order held in every run. Servers on cpu 0, the load client on cpu 1.
# Each run's report stays in OUT (default results/cost-stability-<time>). DURATION (default 5s) is each cell's.
set -euo pipefail

usage="usage: bench/cost-stability.sh [RUNS] [RATE] [CONNECTIONS]   (e.g. 3 10k 100,1000)"
RUNS=${1:-3}
RATE=${2:-10k}
CONNECTIONS=${3:-100,1000}
DURATION=${DURATION:-5s}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${OUT:-$ROOT/results/cost-stability-$(date -u +%Y%m%dT%H%M%SZ)}
MODES=blocking,virtual,nio,netty
die() { echo "cost-stability: $*" >&2; exit 2; }
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive whole number, not '$RUNS' ($usage)"
[[ "$RATE" =~ ^[1-9][0-9]*[kM]?$ ]] || die "RATE must be msgs/s such as 10k, not '$RATE' ($usage)"
[[ "$CONNECTIONS" =~ ^[1-9][0-9]*[kM]?(,[1-9][0-9]*[kM]?)*$ ]] || die "CONNECTIONS must be a list such as 100,1000, not '$CONNECTIONS'"
command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ] || die "needs taskset and two cpus (servers on cpu 0, client on cpu 1)"
command -v jq >/dev/null || die "needs jq to read the reports' results.json"
ulimit -n "$(ulimit -Hn)"

mkdir -p "$OUT"
PEER=""
trap '[ -z "$PEER" ] || kill "$PEER" 2>/dev/null || true' EXIT
"$ROOT/shout" build >"$OUT/build.log" 2>&1 || { tail -n 30 "$OUT/build.log" >&2; die "./shout build failed"; }
BIN=$("$ROOT/bench/reference/build.sh") || die "the reference C server did not build"
taskset -c 0 "$BIN/epoll_upper" 0 2>"$OUT/c-server.err" &
PEER=$!
for _ in $(seq 100); do grep -q 'listening' "$OUT/c-server.err" && break; sleep 0.1; done
PORT=$(sed -n 's/.* port \([0-9]*\),.*/\1/p' "$OUT/c-server.err")
[ -n "$PORT" ] || die "the C server did not start: $(cat "$OUT/c-server.err")"

echo "cost-stability: runs=$RUNS rate=$RATE connections=$CONNECTIONS duration=$DURATION $(date -u +%FT%TZ) loadavg=$(cut -d' ' -f1-3 /proc/loadavg) out=$OUT"
common=(compare --modes "$MODES" --connections "$CONNECTIONS" --duration "$DURATION" --peer "c=127.0.0.1:$PORT,pid=$PEER")
for run in $(seq "$RUNS"); do
  for kind in open closed; do
    extra=(); [ "$kind" = open ] && extra=(--rate "$RATE")
    "$ROOT/shout" "${common[@]}" "${extra[@]}" --out "$OUT/run$run-$kind" >"$OUT/run$run-$kind.log" 2>&1 \
      || { tail -n 20 "$OUT/run$run-$kind.log" >&2; die "run $run ($kind) failed"; }
    echo "run $run $kind: done, loadavg $(cut -d' ' -f1-3 /proc/loadavg)"
  done
done

# One line per cell: run kind target connections us/msg msgs/s sustained
for f in "$OUT"/run*-*/*/results.json; do
  run=$(basename "$(dirname "$(dirname "$f")")")
  jq -r --arg run "$run" '.parts[].cells[] | select(.failure == null)
      | [$run, .target, .connections, .server.cpuMicrosPerMessage, .load.messagesPerSecond, (.sustained // "")] | @tsv' "$f"
done >"$OUT/cells.tsv"

awk -F'\t' -v runs="$RUNS" '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function spread(list,   n, a, i, lo, hi) {
    n = split(list, a, " "); lo = hi = a[1]
    for (i = 2; i <= n; i++) { if (a[i] + 0 < lo + 0) lo = a[i]; if (a[i] + 0 > hi + 0) hi = a[i] }
    return 100 * (hi - lo) / median(list)
  }
  {
    split($1, r, "-"); key = $2 SUBSEP $3
    if (r[2] == "open") { cost[key] = cost[key] " " $4; costIn[key, r[1]] = $4; keys[key] = 1; conns[$3] = 1; who[$2] = 1 }
    else rate[key] = rate[key] " " $5
  }
  END {
    print "| server | connections | server us/msg at the fixed rate: median (spread) | closed-loop msgs/s: median (spread) |"
    print "| --- | --- | --- | --- |"
    for (key in keys) { split(key, k, SUBSEP)
      printf "| %s | %s | %.1f (%.0f%%) | %.0f (%.0f%%) |\n", k[1], k[2], median(cost[key]), spread(cost[key]), median(rate[key]), spread(rate[key]) }
    print ""
    for (c in conns) for (a in who) for (b in who) if (a < b) {
      ka = a SUBSEP c; kb = b SUBSEP c
      if (!(ka in keys) || !(kb in keys)) continue
      ma = median(cost[ka]); mb = median(cost[kb])
      hi = ma > mb ? ma : mb; lo = ma > mb ? mb : ma
      if (hi < 1.15 * lo) continue
      held = 1
      for (i = 1; i <= runs; i++) if (((costIn[ka, "run" i] + 0) > (costIn[kb, "run" i] + 0)) != (ma > mb)) held = 0
      printf "%s vs %s at %s connections: %.1f vs %.1f us/msg, order %s\n", a, b, c, ma, mb, held ? "held in every run" : "CHANGED in some run"
    }
  }' "$OUT/cells.tsv" | tee "$OUT/summary.md"
