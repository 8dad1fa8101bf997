#!/usr/bin/env bash
# bench/open-loop-cost.sh [ROUNDS] [RATE] [CONNECTIONS]: what an open loop costs a load client, against the closed loop.
# One warm nio server on cpu 0; on cpu 1, in turn and in an order that rotates each round, for each CONNECTIONS
# (default 100,1000): `shout load` closed and open at RATE msgs/s (default 20k), and the reference C client
# (bench/reference/pingpong) closed and open with sends batched every 200 us, every 500 us, and not batched (-T 0).
# The C client does nothing but send, read and check, so its open-to-closed ratio is the floor any client pays
# on this kernel. Prints one line per cell (client and server CPU a message, latency p50/p99 and how late sends
# left), then per client the median over the ROUNDS (default 3) of each round's open-to-closed ratio of client
# CPU a message, with min-max. The server's CPU is read from /proc over seconds 4-7 of each cell.
# Each cell's output stays in OUT (default results/open-loop-cost-<time>).
set -euo pipefail

usage="usage: bench/open-loop-cost.sh [ROUNDS] [RATE] [CONNECTIONS]   (e.g. 3 20k 100,1000)"
ROUNDS=${1:-3}
RATE=${2:-20k}
CONNECTIONS=${3:-100,1000}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${OUT:-$ROOT/results/open-loop-cost-$(date -u +%Y%m%dT%H%M%SZ)}
die() { echo "open-loop-cost: $*" >&2; exit 2; }
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive whole number, not '$ROUNDS' ($usage)"
[[ "$RATE" =~ ^[1-9][0-9]*k?$ ]] || die "RATE must be msgs/s such as 20k, not '$RATE' ($usage)"
[[ "$CONNECTIONS" =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || die "CONNECTIONS must be a list such as 100,1000, not '$CONNECTIONS'"
command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ] || die "needs taskset and two cpus (server on cpu 0, clients on cpu 1)"
command -v jq >/dev/null || die "needs jq to read load's --json"
ulimit -n "$(ulimit -Hn)"
RATE_NUMBER=${RATE%k}; [ "$RATE" = "$RATE_NUMBER" ] || RATE_NUMBER=$((RATE_NUMBER * 1000))

mkdir -p "$OUT"
SERVER=""
trap '[ -z "$SERVER" ] || kill "$SERVER" 2>/dev/null || true' EXIT
"$ROOT/shout" build >"$OUT/build.log" 2>&1 || { tail -n 30 "$OUT/build.log" >&2; die "./shout build failed"; }
BIN=$("$ROOT/bench/reference/build.sh") || die "the reference C client did not build"
taskset -c 0 "$ROOT/shout" server --mode nio --port 0 >"$OUT/server.out" 2>&1 &
SERVER=$!
for _ in $(seq 100); do grep -q 'listening on' "$OUT/server.out" && break; sleep 0.1; done
PORT=$(sed -n 's/.*listening on [^ ]*:\([0-9]*\).*/\1/p' "$OUT/server.out" | head -n 1)
[ -n "$PORT" ] || die "the server did not start: $(cat "$OUT/server.out")"
server_ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }   # taskset and the launcher exec into the JVM

CELLS=(java-closed java-open c-closed c-open-200us c-open-500us c-open-unbatched)
echo "open-loop-cost: rounds=$ROUNDS rate=$RATE connections=$CONNECTIONS $(date -u +%FT%TZ) loadavg=$(cut -d' ' -f1-3 /proc/loadavg) out=$OUT"
taskset -c 1 "$ROOT/shout" load "127.0.0.1:$PORT" -c 100 -d 3s --warmup 1s --quiet >/dev/null   # warms the server

# run_cell ROUND CELL CONNS: one line: round cell conns msgs/s client_us server_us p50_us p99_us late_p50 late_p99
run_cell() {
  local round=$1 cell=$2 conns=$3 out="$OUT/r$1-$2-$3"
  local c=(taskset -c 1 "$BIN/pingpong" -p "$PORT" -c "$conns" -w 2 -d 6)
  local java=(taskset -c 1 "$ROOT/shout" load "127.0.0.1:$PORT" -c "$conns" -d 7s --warmup 1s --quiet --json "$out.json")
  case $cell in
    java-closed) "${java[@]}" ;;
    java-open) "${java[@]}" -R "$RATE" ;;
    c-closed) "${c[@]}" ;;
    c-open-200us) "${c[@]}" -R "$RATE_NUMBER" -P 4 -T 200 ;;
    c-open-500us) "${c[@]}" -R "$RATE_NUMBER" -P 4 -T 500 ;;
    c-open-unbatched) "${c[@]}" -R "$RATE_NUMBER" -P 4 -T 0 ;;
  esac >"$out.out" 2>&1 &
  local client=$! before after
  sleep 4; before=$(server_ticks); sleep 3; after=$(server_ticks)
  wait "$client" || die "cell $cell at $conns connections failed: $(tail -n 3 "$out.out")"
  local ticks=$((after - before)) hz; hz=$(getconf CLK_TCK)
  if [[ $cell == java-* ]]; then
    jq -r --arg r "$round" --arg c "$cell" --arg n "$conns" --argjson t "$ticks" --argjson hz "$hz" \
      '[$r, $c, $n, (.messagesPerSecond | floor), (.clientCpuMicrosPerMessage * 10 | round / 10),
        ($t / $hz * 1e6 / (.messagesPerSecond * 3) * 10 | round / 10), (.latencyMicros.p50 | floor),
        (.latencyMicros.p99 | floor), ((.latenessMicros.p50 // "-") | tostring | split(".")[0]),
        ((.latenessMicros.p99 // "-") | tostring | split(".")[0])] | @tsv' "$out.json"
  else
    awk -v r="$round" -v c="$cell" -v n="$conns" -v t="$ticks" -v hz="$hz" '{
      for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      sub("%", "", v["client_cpu"])
      printf "%s\t%s\t%s\t%d\t%.1f\t%.1f\t%d\t%d\t%s\t%s\n", r, c, n, v["rt/s"], v["client_cpu"] * 1e4 / v["rt/s"],
        t / hz * 1e6 / (v["rt/s"] * 3), v["p50_us"], v["p99_us"],
        (v["late_p50_us"] == "" ? "-" : int(v["late_p50_us"])), (v["late_p99_us"] == "" ? "-" : int(v["late_p99_us"])) }' "$out.out"
  fi
}

printf 'round\tcell\tconns\tmsgs/s\tclient_us\tserver_us\tp50_us\tp99_us\tlate_p50\tlate_p99\n' | tee "$OUT/cells.tsv"
for round in $(seq "$ROUNDS"); do
  for conns in ${CONNECTIONS//,/ }; do
    for k in $(seq 0 $((${#CELLS[@]} - 1))); do
      run_cell "$round" "${CELLS[$(((k + round) % ${#CELLS[@]}))]}" "$conns" | tee -a "$OUT/cells.tsv"
    done
  done
done

echo "client CPU a message, open over closed in the same round (median, min-max over $ROUNDS rounds):" | tee "$OUT/summary.txt"
awk -F'\t' 'NR > 1 { us[$1 FS $2 FS $3] = $5; conns[$3]; rounds[$1] }
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    split("java-open:java-closed c-open-200us:c-closed c-open-500us:c-closed c-open-unbatched:c-closed", pairs, " ")
    for (n in conns) for (p = 1; p in pairs; p++) {
      split(pairs[p], ab, ":"); list = ""; lo = ""; hi = ""
      for (r in rounds) {
        x = us[r FS ab[1] FS n] / us[r FS ab[2] FS n]; list = list " " x
        if (lo == "" || x < lo) lo = x; if (hi == "" || x > hi) hi = x
      }
      printf "  %5s connections  %-17s %.2fx (%.2f-%.2f)\n", n, ab[1], median(list), lo, hi
    }
  }' "$OUT/cells.tsv" | sort -k1,1n -k3 | tee -a "$OUT/summary.txt"
