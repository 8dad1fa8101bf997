#!/usr/bin/env bash
# bench/stuck-crowd.sh MODE [RUNS] [CLIENTS]: issue 41's crowd, RUNS times (default 20), a fresh server each run.
# CLIENTS clients (default 1000) shrink their receive buffers to 4 KiB and connect; then they push up
# to 256 KiB each, a 64 KiB send a client a round, without ever reading, until the kernel takes no more; 2 s
# later five new clients, one after another, time their first reply (client/src/test/java/shout/app/
# StuckCrowd.java; one untimed round trip before the crowd loads the probe's classes, so the probes time the
# server). The server runs pinned to cpu 0, the crowd and the probes to cpu 1. Prints one line a run, then a
# summary: how many runs had all five probes within GOAL_MS (default 100), the median and maximum of the first
# probes and of all probes, and the load average before and after (measure the modes one after another, alike).
# SETTLE_MS (default 2000) is the wait between the end of the push and the first probe; 0 probes a server still
# working through the crowd's bytes. Extra server JVM flags go in SHOUT_JAVA_OPTS (e.g. -Xlog:safepoint).
set -euo pipefail

usage="usage: bench/stuck-crowd.sh MODE [RUNS] [CLIENTS]   (MODE: serial pool blocking virtual nio netty)"
MODE=${1:?$usage}
RUNS=${2:-20}
CLIENTS=${3:-1000}
GOAL_MS=${GOAL_MS:-100}
SETTLE_MS=${SETTLE_MS:-2000}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
die() { echo "stuck-crowd: $*" >&2; exit 2; }
for v in RUNS CLIENTS GOAL_MS; do [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive whole number, not '${!v}'"; done
[[ "$SETTLE_MS" =~ ^(0|[1-9][0-9]*)$ ]] || die "SETTLE_MS must be a whole number, not '$SETTLE_MS'"
command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ] || die "needs taskset and two cpus (server on cpu 0, crowd on cpu 1)"
ulimit -n $((CLIENTS + 256)) 2>/dev/null || die "the crowd needs $((CLIENTS + 256)) open files, the hard limit is $(ulimit -Hn)"

TMP=$(mktemp -d)
SERVER=""
trap '[ -z "$SERVER" ] || kill "$SERVER" 2>/dev/null; rm -rf "$TMP"' EXIT
"$ROOT/shout" build >"$TMP/build.log" 2>&1 || { tail -n 30 "$TMP/build.log" >&2; die "./shout build failed"; }
# The JDK the launcher picks: it prints its properties and stops at -version.
home=$(SHOUT_JAVA_OPTS='-XshowSettings:properties -version' "$ROOT/shout" 2>&1 | sed -n 's/^ *java.home = //p')
[ -x "$home/bin/javac" ] || die "no JDK found by ./shout (a JDK 21 or newer)"
"$home/bin/javac" -d "$TMP/classes" "$ROOT/client/src/test/java/shout/app/StuckCrowd.java"

# Starts a fresh server of MODE on cpu 0; sets SERVER (its pid) and PORT.
start_server() {
  taskset -c 0 "$ROOT/shout" server --mode "$MODE" --port 0 \
    >"$TMP/server.out" 2>"$TMP/server.err" &
  SERVER=$!
  for _ in $(seq 600); do grep -q '^listening on' "$TMP/server.out" && break; sleep 0.1; done
  PORT=$(sed -n 's/^listening on [^ ]*:\([0-9]*\) .*/\1/p' "$TMP/server.out")
  [ -n "$PORT" ] || die "server did not start: $(cat "$TMP/server.out" "$TMP/server.err")"
}

stop_server() {
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  SERVER=""
}

echo "stuck-crowd: mode=$MODE runs=$RUNS clients=$CLIENTS settle=${SETTLE_MS}ms goal=${GOAL_MS}ms nproc=$(nproc) loadavg=$(cut -d' ' -f1-3 /proc/loadavg) java=$home"
for run in $(seq "$RUNS"); do
  start_server
  line=$(taskset -c 1 "$home/bin/java" -cp "$TMP/classes" shout.app.StuckCrowd "$PORT" "$CLIENTS" 5 "$SETTLE_MS" 2>"$TMP/crowd.err" | tail -n 1) || true
  stop_server
  [[ "$line" == stuck=* ]] || line="failed: $(grep -m 1 -E 'Exception|Error' "$TMP/crowd.err" || tail -n 1 "$TMP/crowd.err")"
  echo "run=$run mode=$MODE $line" | tee -a "$TMP/runs"
done

# The first probe is the issue's figure, the slowest of the five the goal's; a failed run counts against the goal.
awk -v goal="$GOAL_MS" -v mode="$MODE" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" '
  function med(a, n,   i, j, t) { for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
                                  return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  { runs++ }
  / failed: / { failed++; next }
  { for (i = 1; i <= NF; i++) if ($i ~ /^probes_ms=/) { k = split(substr($i, 11), p, ","); ok++
      first[ok] = p[1] + 0; worst = 0
      for (j = 1; j <= k; j++) { all[++n] = p[j] + 0; if (p[j] + 0 > worst) worst = p[j] + 0 }
      if (worst <= goal) within++; if (worst > top) top = worst; if (p[1] + 0 > topfirst) topfirst = p[1] + 0 } }
  END { if (!ok) { printf "summary mode=%s runs=%d failed=%d: no run produced probes\n", mode, runs, failed; exit 1 }
    printf "summary mode=%s runs=%d failed=%d within_%dms=%d/%d first_median_ms=%.1f first_max_ms=%.1f all_median_ms=%.1f all_max_ms=%.1f loadavg_after=%s\n",
      mode, runs, failed + 0, goal, within + 0, runs, med(first, ok), topfirst, med(all, n), top, load }' "$TMP/runs"
