#!/usr/bin/env bash
# bench/servers-vs-reference.sh [--servers 'LIST'] [--help]: every shout mode against the native ceiling and the
# classic peers, side by side in one run. Servers on cpu 0 (the reference C epoll server and the two Python
# seeds from bench/reference, Netty's own echo example, and the shout modes, each started as a user starts it,
# `./shout server --mode M`, with the launcher's JVM flags and no others), all driven by the reference C
# client `pingpong` on cpu 1, in alternated rounds whose order rotates, over a set of cells
# SIZE:CONNECTIONS:PIPELINE. Prints a Markdown table per cell (median round trips/s, the median of each round's
# ratio to the C server measured in the same round, that median over the rounds the hypervisor left alone and
# the steal seen, p99, the server core's busy % and its busy time per message, connections served) and writes
# every run's raw line to a file. The memory cell then measures each server's resident set growth per idle
# connection.
# Loopback only: the measuring part runs in a private network namespace (only `lo`) when it can, because
# Netty's echo example binds every address; without one, netty-example is skipped.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/servers-vs-reference.sh [--servers 'LIST'] [--help]      (run from anywhere; Linux, 2+ cpus)

Settings (environment; --servers overrides SERVERS):
  SERVERS     c c-again netty-example seed-threaded seed-gevent blocking virtual nio netty
              (or any mode `./shout server --list-modes` prints). c-again is the C server started a second time and
              measured like the others: its ratio to c is what the host's noise alone does to a ratio
  CELLS       '64:1:1 64:100:1 64:1000:1 4096:100:1 64:100:16'  SIZE:CONNECTIONS:PIPELINE ('' for none)
  ROUNDS      3      every round runs every server once per cell, in an order that rotates per round
  WARMUP      2      seconds of pingpong warm-up before each measured window
  DURATION    5      measured seconds per run
                     For C and the event loops alone, ROUNDS=10 WARMUP=1 DURATION=1 reads steadier: a slow
                     spell of the host then falls on every server of a round (c-again's medians 0.97-1.03
                     of c in three such runs, 0.84-1.60 in seven of 5 s rounds); not for thread-per-
                     connection servers, still starting threads a second after 1,000 connections open
  STEAL_MAX   5      a round counts as calm when neither core lost more than this % to the hypervisor (steal, as
                     pingpong reads it from /proc/stat) during the server's run nor during c's: each cell also
                     shows the ratio to C over its calm rounds only, and how many there were
  JVM_WARMUP  5      seconds of one unmeasured pass (100 connections, 64 B) per JVM server before the cells
  FIRST       1000   the first-second cell: so many connections start at once on each warm server; counts
                     those answered within the run's first second (0 leaves it out)
  STUCK       1000   the stuck-writers cell: so many clients each push 256 KiB and never read, then 5 new
                     clients' first round trips are timed (0 leaves it out)
  MEMORY      1      the memory cell: RSS growth per idle connection, a fresh server each of MEMORY_ROUNDS
                     times, median and spread, and for a JVM the live heap the connections kept
                     (jcmd GC.class_histogram with them open and after they closed; 0 leaves it out)
  MEMORY_ROUNDS 3    rounds of the memory cell (each starts every server afresh and opens IDLE connections)
  IDLE        10000  idle connections in the memory cell
  IDLE_WAIT   10     seconds a server is left idle before each RSS figure (then on until it stops moving):
                     a JVM gives its compilers' freed scratch memory back within about 6 s
  BASE_PORT   9200   servers listen on 127.0.0.1:BASE_PORT+i
  RAW         results/servers-vs-reference-<UTC time>.txt   raw per-run lines
  JAVA        the java to run JVM servers with (default: the one ./shout picks)

Servers run pinned to cpu 0, the client to cpu 1. The C server, the client and the Python seeds are in
bench/reference (built here with its Makefile). Needs taskset, cc, make, Maven (or ./mvnw) and
/usr/bin/python3; seed-gevent needs Debian's python3-gevent (skipped without it, never installed here).
EOF
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SELF="$ROOT/bench/$(basename "${BASH_SOURCE[0]}")"
ARGS=("$@")
SERVERS=${SERVERS:-c c-again netty-example seed-threaded seed-gevent blocking virtual nio netty}
CELLS=${CELLS-64:1:1 64:100:1 64:1000:1 4096:100:1 64:100:16}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-2}
DURATION=${DURATION:-5}
MEMORY_ROUNDS=${MEMORY_ROUNDS:-3}
JVM_WARMUP=${JVM_WARMUP:-5}
STEAL_MAX=${STEAL_MAX:-5}
FIRST=${FIRST-1000}
STUCK=${STUCK-1000}
MEMORY=${MEMORY:-1}
IDLE=${IDLE:-10000}
IDLE_WAIT=${IDLE_WAIT:-10}
BASE_PORT=${BASE_PORT:-9200}
REFERENCE=$ROOT/bench/reference
PYTHON=/usr/bin/python3

while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --servers) [ $# -ge 2 ] || { echo "servers-vs-reference: --servers needs a list" >&2; exit 2; }; SERVERS=$2; shift 2 ;;
    --servers=*) SERVERS=${1#--servers=}; shift ;;
    *) echo "servers-vs-reference: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

die() { echo "servers-vs-reference: $*" >&2; exit 1; }
is_count() { [[ "$1" =~ ^[1-9][0-9]*$ ]]; }
for v in ROUNDS WARMUP DURATION MEMORY_ROUNDS JVM_WARMUP IDLE BASE_PORT; do is_count "${!v}" || die "$v must be a positive whole number, not '${!v}'"; done
for v in FIRST STUCK IDLE_WAIT STEAL_MAX; do [[ "${!v}" =~ ^(0|[1-9][0-9]*)$ ]] || die "$v must be a whole number, not '${!v}'"; done
[[ "$MEMORY" =~ ^[01]$ ]] || die "MEMORY must be 0 or 1, not '$MEMORY'"
for cell in $CELLS; do [[ "$cell" =~ ^[1-9][0-9]*:[1-9][0-9]*:[1-9][0-9]*$ ]] || die "a cell is SIZE:CONNECTIONS:PIPELINE, not '$cell'"; done
REFERENCES="c c-again netty-example seed-threaded seed-gevent"
# Every other server is a shout mode; the jar lists them, so no list of modes is kept here (the launcher builds the jar when stale).
SHOUT_MODES=$("$ROOT/shout" server --list-modes | tr '\n' ' ') || die "cannot list shout's modes (./shout server --list-modes failed)"
for s in $SERVERS; do
  case " $REFERENCES $SHOUT_MODES" in *" $s "*) ;; *) die "unknown server '$s' ($REFERENCES ${SHOUT_MODES% })" ;; esac
done
[ "$(nproc)" -ge 2 ] || die "needs two cpus (server on cpu 0, client on cpu 1); this machine has $(nproc)"
command -v taskset >/dev/null || die "needs taskset (util-linux)"

# Descriptors: the largest cell, or the idle connections, plus room for the JVM's own files.
NEED_FDS=256
for cell in $CELLS; do IFS=: read -r _ c _ <<<"$cell"; [ $((c + 256)) -gt "$NEED_FDS" ] && NEED_FDS=$((c + 256)); done
[ "$MEMORY" = 1 ] && [ $((IDLE + 256)) -gt "$NEED_FDS" ] && NEED_FDS=$((IDLE + 256))
for n in "$FIRST" "$STUCK"; do [ $((n + 256)) -gt "$NEED_FDS" ] && NEED_FDS=$((n + 256)); done
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$NEED_FDS" ]; then
  ulimit -n "$NEED_FDS" 2>/dev/null || die "needs $NEED_FDS open files but the hard limit is $(ulimit -Hn): lower IDLE or the largest cell's connections"
fi

if [ -z "${SVR_PREPARED:-}" ]; then
  # ---- Phase 1, in the machine's network namespace: build and resolve what needs the network. ----
  PREP=$(mktemp -d /tmp/servers-vs-reference.XXXXXX)
  trap 'rm -rf "$PREP"' EXIT
  BIN=$("$REFERENCE/build.sh") || exit 1     # it says what is missing in one line
  "$ROOT/shout" build >"$PREP/build.log" 2>&1 || { tail -n 30 "$PREP/build.log" >&2; die "./shout build failed"; }
  if [ -z "${JAVA:-}" ]; then      # the JDK the launcher picks: it prints its properties and stops at -version
    home=$(SHOUT_JAVA_OPTS='-XshowSettings:properties -version' "$ROOT/shout" 2>&1 | sed -n 's/^ *java.home = //p')
    JAVA=$home/bin/java
  fi
  [ -x "$JAVA" ] || die "no java found (set JAVA=/path/to/bin/java, a JDK 21 or newer)"

  WANT=" $SERVERS "
  if [[ "$WANT" == *" seed-gevent "* ]] && ! "$PYTHON" -c 'import gevent' 2>/dev/null; then
    echo "servers-vs-reference: seed-gevent skipped: $PYTHON has no gevent (apt-get install python3-gevent)"
    WANT=${WANT/ seed-gevent / }
  fi
  NETNS=1
  if ! unshare --net true 2>/dev/null || ! command -v ip >/dev/null; then
    NETNS=0
    if [[ "$WANT" == *" netty-example "* ]]; then
      echo "servers-vs-reference: netty-example skipped: it binds every address, and no private network namespace could be made here (needs root, unshare and ip)"
      WANT=${WANT/ netty-example / }
    fi
  fi
  NETTY_VERSION=$(sed -n 's|.*<netty.version>\(.*\)</netty.version>.*|\1|p' "$ROOT/pom.xml" | head -n 1)
  if [[ "$WANT" == *" netty-example "* ]]; then
    # Netty's echo example at the project's netty.version, or (when that release of the example is not on Maven
    # Central) the newest earlier one of the same minor line; netty-bom pins every Netty jar to netty.version.
    # netty-tcnative is left out: the example's pom names a classifier Central does not have, and TLS is not used.
    mkdir -p "$PREP/netty-example"
    cat >"$PREP/netty-example/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>shout.bench</groupId><artifactId>netty-example-classpath</artifactId><version>0</version>
  <dependencyManagement><dependencies><dependency>
    <groupId>io.netty</groupId><artifactId>netty-bom</artifactId><version>$NETTY_VERSION</version><type>pom</type><scope>import</scope>
  </dependency></dependencies></dependencyManagement>
  <dependencies><dependency>
    <groupId>io.netty</groupId><artifactId>netty-example</artifactId><version>[${NETTY_VERSION%.*.*}.0.Final,$NETTY_VERSION]</version>
    <exclusions><exclusion><groupId>io.netty</groupId><artifactId>netty-tcnative</artifactId></exclusion></exclusions>
  </dependency></dependencies>
</project>
EOF
    MVN=mvn; command -v mvn >/dev/null || MVN=$ROOT/mvnw
    if "$MVN" -B -q -f "$PREP/netty-example/pom.xml" -Dos.detected.classifier=linux-x86_64 dependency:build-classpath \
         -Dmdep.outputFile="$PREP/netty-example/classpath" >"$PREP/netty-example/mvn.log" 2>&1; then
      EXAMPLE_VERSION=$(tr ':' '\n' <"$PREP/netty-example/classpath" | sed -n 's|.*/netty-example-\(.*\)\.jar$|\1|p')
      RUNTIME_VERSION=$(tr ':' '\n' <"$PREP/netty-example/classpath" | sed -n 's|.*/netty-transport-\([0-9][^/]*\)\.jar$|\1|p')
      export NETTY_EXAMPLE_NOTE="io.netty.example.echo.EchoServer from netty-example $EXAMPLE_VERSION on Netty $RUNTIME_VERSION jars (project netty.version $NETTY_VERSION$([ "$EXAMPLE_VERSION" = "$NETTY_VERSION" ] || echo ", whose example is not on Maven Central"))"
    else
      echo "servers-vs-reference: netty-example skipped: Maven could not resolve it ($(grep -m1 ERROR "$PREP/netty-example/mvn.log" | cut -c1-200))"
      WANT=${WANT/ netty-example / }
    fi
  fi
  export SVR_PREPARED=$PREP SVR_BIN=$BIN JAVA SVR_SERVERS="$WANT" SVR_NETNS=$NETNS
  trap - EXIT
  if [ "$NETNS" = 1 ]; then
    exec unshare --net -- "$SELF" "${ARGS[@]}"      # the same process, now in a namespace with only lo
  fi
  exec "$SELF" "${ARGS[@]}"
fi

# ---- Phase 2: measure. Everything below listens on 127.0.0.1 only. ----
TMP=$SVR_PREPARED
BIN=$SVR_BIN
SERVERS=$(echo $SVR_SERVERS)          # (trimmed)
[ "$SVR_NETNS" = 0 ] || ip link set lo up || die "could not bring up lo in the private network namespace"
RAW=${RAW:-$ROOT/results/servers-vs-reference-$(date -u +%Y%m%dT%H%M%SZ).txt}
mkdir -p "$(dirname "$RAW")"
: >"$RAW"
declare -A PID PORT KIND
STARTED=()

cleanup() {
  trap - EXIT INT TERM
  local p pids=() deadline
  for p in $(jobs -pr); do pids+=("$p"); done
  if [ ${#pids[@]} -gt 0 ]; then
    kill -TERM "${pids[@]}" 2>/dev/null || true
    deadline=$((SECONDS + 8))
    while [ $SECONDS -lt $deadline ] && kill -0 "${pids[@]}" 2>/dev/null; do sleep 0.2; done
    kill -KILL "${pids[@]}" 2>/dev/null || true
    wait 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'echo "servers-vs-reference: interrupted; raw lines so far in $RAW" >&2; exit 130' INT TERM

cpu_busy() {   # busy % over $2 seconds of cpu line $1 of /proc/stat (cpu = all, cpu0, ...)
  local a b
  a=$(grep "^$1 " /proc/stat); sleep "$2"; b=$(grep "^$1 " /proc/stat)
  awk -v a="$a" -v b="$b" 'BEGIN { n = split(a, x, " "); split(b, y, " "); t = 0
    for (i = 2; i <= n; i++) t += y[i] - x[i]; idle = (y[5] - x[5]) + (y[6] - x[6])
    printf "%.0f", (t > 0 ? 100 * (t - idle) / t : 0) }'
}

listening() {  # is something listening on port $1 (IPv4 or IPv6, from /proc/net; no connection made)
  awk -v p="$(printf ':%04X' "$1")" '$4 == "0A" && substr($2, length($2) - 4) == p { f = 1 } END { exit !f }' /proc/net/tcp /proc/net/tcp6
}

start_server() {  # start_server NAME PORT: starts it pinned to cpu 0; 0 once it listens
  local name=$1 port=$2 log=$TMP/server-$1-$2.log cmd
  case "$name" in
    c|c-again) cmd=("$BIN/epoll_upper" "$port"); KIND[$name]=c ;;
    netty-example) cmd=("$JAVA" "-Dport=$port" -cp "$(cat "$TMP/netty-example/classpath")" io.netty.example.echo.EchoServer); KIND[$name]=jvm ;;
    seed-threaded) cmd=("$PYTHON" "$REFERENCE/seed_threaded.py" "$port"); KIND[$name]=python ;;
    seed-gevent) cmd=("$PYTHON" "$REFERENCE/seed_gevent.py" "$port"); KIND[$name]=python ;;
    *) cmd=(env JAVA_HOME="${JAVA%/bin/java}" "$ROOT/shout" server --mode "$name" --port "$port"); KIND[$name]=jvm ;;
  esac
  listening "$port" && { echo "servers-vs-reference: port $port is already in use; set BASE_PORT" >&2; return 1; }
  taskset -c 0 "${cmd[@]}" >"$log" 2>&1 </dev/null &      # taskset execs: $! is the server itself
  PID[$name]=$! PORT[$name]=$port
  local deadline=$((SECONDS + 30))
  until listening "$port"; do
    if ! kill -0 "${PID[$name]}" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      echo "servers-vs-reference: $name did not start: $(tail -n 3 "$log" | tr '\n' ' ')" >&2
      kill -KILL "${PID[$name]}" 2>/dev/null || true
      return 1
    fi
    sleep 0.1
  done
}

stop_server() {   # SIGTERM, up to 8 s for a graceful stop, then SIGKILL
  local pid=${PID[$1]} deadline=$((SECONDS + 8))
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

pingpong() {      # pingpong NAME SIZE CONNS DEPTH WARMUP DURATION: prints its one line; never fails the script
  local check=upper out rc=0
  [ "$1" = netty-example ] && check=echo             # Netty's example echoes without upper-casing
  out=$(timeout $(($5 + $6 + 30)) taskset -c 1 "$BIN/pingpong" -p "${PORT[$1]}" -s "$2" -c "$3" -P "$4" -w "$5" -d "$6" \
          -m "$check" 2>"$TMP/pingpong.err") || rc=$?
  # exit 1 is pingpong's "errors, mismatches or no round trip": its line says which
  [ "$rc" = 0 ] || out="exit=$rc $out $(head -c 200 "$TMP/pingpong.err" | tr '\n' ' ')"
  echo "$out"
}

# ---- the machine and the settings ----
BUSY=$(cpu_busy cpu 2)
JDK=$("$JAVA" -version 2>&1 | head -n 1)
GC=$(taskset -c 0 "$JAVA" -XX:+PrintFlagsFinal -version 2>/dev/null | awk '$2 ~ /^Use(Serial|Parallel|G1|Z|Shenandoah)GC$/ && $4 == "true" { print $2 }')
N_JVM=0 N=0 N_ALONE=0            # N_ALONE: the servers of the stuck-writers and memory cells (not c-again)
for s in $SERVERS; do N=$((N + 1)); [ "$s" = c-again ] || N_ALONE=$((N_ALONE + 1)); case "$s" in c|c-again|seed-*) ;; *) N_JVM=$((N_JVM + 1)) ;; esac; done
N_CELLS=$(wc -w <<<"$CELLS")
ESTIMATE=$(( (N_CELLS > 0 ? N_JVM * (JVM_WARMUP + 2) : 0) + N_CELLS * ROUNDS * N * (WARMUP + DURATION + 1) + MEMORY * MEMORY_ROUNDS * N_ALONE * (4 + 2 * IDLE_WAIT + IDLE / 1000) \
  + (FIRST > 0 ? ROUNDS * N * 3 : 0) + (STUCK > 0 ? N_ALONE * 15 : 0) ))
{
  echo "# servers vs reference, $(date -u '+%F %H:%M UTC')"
  echo
  echo "- machine: $(nproc) cpus ($(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)), $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) memory, kernel $(uname -r)"
  echo "- JDK: $JDK; on one cpu its ergonomics pick ${GC:-?}; python: $("$PYTHON" --version 2>&1)"
  echo "- servers on cpu 0, each alone on 127.0.0.1:PORT: $SERVERS"
  [[ " $SERVERS " == *" c-again "* ]] && echo "- c-again: the C server started a second time, as a control: its ratio to c is the host's noise alone"
  echo "- client: pingpong on cpu 1, one thread; netty-example checked as plain echo (-m echo), the rest upper-cased"
  [ -n "${NETTY_EXAMPLE_NOTE:-}" ] && echo "- netty-example: $NETTY_EXAMPLE_NOTE"
  [ "$SVR_NETNS" = 1 ] && echo "- network: a private network namespace with only lo (Netty's example binds every address)"
  echo "- settings: CELLS='$CELLS' ROUNDS=$ROUNDS WARMUP=${WARMUP}s DURATION=${DURATION}s JVM_WARMUP=${JVM_WARMUP}s FIRST=$FIRST STUCK=$STUCK MEMORY=$MEMORY MEMORY_ROUNDS=$MEMORY_ROUNDS IDLE=$IDLE; ulimit -n $(ulimit -n)"
  echo "- machine busy before the run: ${BUSY}% over 2 s; estimated duration: about $(( (ESTIMATE + 59) / 60 )) min"
  echo "- raw per-run lines: $RAW"
} | tee -a "$RAW" "$RAW.md"
[ "$BUSY" -le 10 ] || echo "servers-vs-reference: WARNING: the machine was ${BUSY}% busy before the run (pgrep -fa surefire?); figures will be noisy" >&2

# ---- the cells ----
CELL_SERVERS=()
if [ -n "$CELLS" ] || [ "$FIRST" -gt 0 ] || [ "$STUCK" -gt 0 ]; then
  i=0
  for s in $SERVERS; do
    if start_server "$s" $((BASE_PORT + i)); then CELL_SERVERS+=("$s"); fi
    i=$((i + 1))
  done
  for s in "${CELL_SERVERS[@]}"; do
    [ "${KIND[$s]}" = jvm ] || continue
    echo "warming $s: $(pingpong "$s" 64 100 1 1 $((JVM_WARMUP > 1 ? JVM_WARMUP - 1 : 1)) | grep -o 'rt/s=[0-9]*')" >&2
  done
fi

report_cell() {   # the Markdown table of one cell from the raw lines
  echo
  echo "### cell $1: $2 B messages, $3 connections, pipeline $4 ($ROUNDS rounds, ${DURATION}s each)"
  echo
  echo "| server | rt/s (median) | vs C, median of rounds (min-max) | vs C, calm rounds only (steal <= $STEAL_MAX%) | steal %, median (max) | p99 µs | server cpu0 busy % | server CPU µs per message | connections served | errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  awk -v cell="$1" -v order="${CELL_SERVERS[*]}" -v conns="$3" -v maxst="$STEAL_MAX" '
    function kv(line, key,   i, n, f, p) { n = split(line, f, " ")
      for (i = 1; i <= n; i++) { p = index(f[i], "="); if (substr(f[i], 1, p - 1) == key) return substr(f[i], p + 1) }
      return "" }
    function median(a, n,   i, j, t, b) { for (i = 1; i <= n; i++) b[i] = a[i]
      for (i = 2; i <= n; i++) { t = b[i]; for (j = i - 1; j >= 1 && b[j] > t; j--) b[j + 1] = b[j]; b[j + 1] = t }
      return n % 2 ? b[(n + 1) / 2] : (b[n / 2] + b[n / 2 + 1]) / 2 }
    function rounds_median(col, s, n,   k, b) { for (k = 1; k <= n; k++) b[k] = col[s, k]; return median(b, n) }
    function steal(cpu) { return match(cpu, /st[0-9]+\)/) ? substr(cpu, RSTART + 2, RLENGTH - 3) + 0 : 0 }
    function ratio_of(q, nr,   k, lo, hi, t) { if (nr == 0) return "n/a"; t = sprintf("%.2f", median(q, nr))
      if (nr == 1) return t; lo = q[1]; hi = q[1]
      for (k = 2; k <= nr; k++) { if (q[k] < lo) lo = q[k]; if (q[k] > hi) hi = q[k] }
      return t sprintf(" (%.2f-%.2f)", lo, hi) }
    function minmax(a, n,   i, lo, hi) { lo = a[1]; hi = a[1]
      for (i = 2; i <= n; i++) { if (a[i] < lo) lo = a[i]; if (a[i] > hi) hi = a[i] }
      return lo == hi ? lo : lo "-" hi }
    kv($0, "cell") == cell {
      s = kv($0, "server"); r = kv($0, "round"); rt = kv($0, "rt/s") + 0
      k = ++n[s]; rts[s, k] = rt; rnd[s, k] = r; p99[s, k] = kv($0, "p99_us") + 0
      busy[s, k] = kv($0, "cpu0") + 0; served[s, k] = kv($0, "active") + 0
      st[s, k] = steal(kv($0, "cpu0")); t = steal(kv($0, "cpu1")); if (t > st[s, k]) st[s, k] = t   # the worse core
      cost[s, k] = rt > 0 ? busy[s, k] / 100 * 1e6 / rt : 0   # busy time of the server core per round trip
      e = kv($0, "errors") + kv($0, "conn_fail") + kv($0, "mismatches")
      if (kv($0, "rt/s") == "") bad[s]++; else if (e > 0) err[s] += e
      if (s == "c") { cref[r] = rt; cst[r] = st[s, k] }
    }
    END {
      m = split(order, names, " ")
      for (j = 1; j <= m; j++) { s = names[j]; if (!(s in n)) continue
        delete a; delete q; delete calm; nr = 0; nc = 0; stmax = 0
        for (k = 1; k <= n[s]; k++) {
          a[k] = rts[s, k]; if (st[s, k] > stmax) stmax = st[s, k]
          if ((rnd[s, k] in cref) && cref[rnd[s, k]] > 0) {
            q[++nr] = rts[s, k] / cref[rnd[s, k]]
            if (st[s, k] <= maxst && cst[rnd[s, k]] <= maxst) calm[++nc] = q[nr]
          }
        }
        ratio = ratio_of(q, nr); calmratio = ratio_of(calm, nc) ", " nc " of " nr " rounds"
        stolen = sprintf("%.0f (%d)", rounds_median(st, s, n[s]), stmax)
        p = rounds_median(p99, s, n[s]); bz = rounds_median(busy, s, n[s]); us = rounds_median(cost, s, n[s])
        delete d; for (k = 1; k <= n[s]; k++) d[k] = served[s, k]
        note = (s in err) ? err[s] " (errors+conn_fail+mismatches, all rounds)" : ""
        if (s in bad) note = note (note == "" ? "" : "; ") bad[s] " of " n[s] " runs failed"
        printf "| %s | %.0f | %s | %s | %s | %.0f | %.0f | %s | %s/%d | %s |\n", s, median(a, n[s]), ratio, calmratio, stolen, p, bz, sprintf(us < 10 ? "%.2f" : "%.1f", us), minmax(d, n[s]), conns, note
      }
    }' "$RAW"
}

for cell in $CELLS; do
  [ ${#CELL_SERVERS[@]} -gt 0 ] || break
  IFS=: read -r size conns depth <<<"$cell"
  for round in $(seq "$ROUNDS"); do
    n=${#CELL_SERVERS[@]}
    for j in $(seq 0 $((n - 1))); do
      s=${CELL_SERVERS[$(( (j + round - 1) % n ))]}
      line=$(pingpong "$s" "$size" "$conns" "$depth" "$WARMUP" "$DURATION")
      echo "cell=$cell round=$round server=$s $line" >>"$RAW"
      echo "cell $cell round $round $s: $(grep -oE '(rt/s|p99_us|active|cpu0|exit)=[^ ]*' <<<"$line" | tr '\n' ' ')" >&2
    done
  done
  report_cell "$cell" "$size" "$conns" "$depth" | tee -a "$RAW.md"
done
# ---- the first-second cell: FIRST connections at once on the warm server; how many get an answer in the first second ----
if [ "$FIRST" -gt 0 ] && [ ${#CELL_SERVERS[@]} -gt 0 ]; then
  for round in $(seq "$ROUNDS"); do
    n=${#CELL_SERVERS[@]}
    for j in $(seq 0 $((n - 1))); do
      s=${CELL_SERVERS[$(( (j + round - 1) % n ))]}
      line=$(pingpong "$s" 64 "$FIRST" 1 0 1)   # no warm-up: the measured second starts as the connects do
      echo "first=$FIRST round=$round server=$s $line" >>"$RAW"
      echo "first second round $round $s: $(grep -oE '(active|rt/s|exit)=[^ ]*' <<<"$line" | tr '\n' ' ')" >&2
    done
  done
  {
    echo
    echo "### first second: $FIRST connections opened at once, 64 B messages; answered within the first second ($ROUNDS rounds)"
    echo
    echo "| server | connections answered within 1 s (min-max of rounds) | rt/s in that second (median) |"
    echo "|---|---:|---:|"
    awk -v order="${CELL_SERVERS[*]}" -v want="$FIRST" '
      function kv(line, key,   i, n, f, p) { n = split(line, f, " ")
        for (i = 1; i <= n; i++) { p = index(f[i], "="); if (substr(f[i], 1, p - 1) == key) return substr(f[i], p + 1) }
        return "" }
      kv($0, "first") != "" { s = kv($0, "server"); k = ++n[s]; a = kv($0, "active") + 0; r[s, k] = kv($0, "rt/s") + 0
        if (!(s in lo) || a < lo[s]) lo[s] = a; if (!(s in hi) || a > hi[s]) hi[s] = a }
      END { m = split(order, names, " ")
        for (j = 1; j <= m; j++) { s = names[j]; if (!(s in n)) continue
          delete b; for (k = 1; k <= n[s]; k++) b[k] = r[s, k]
          for (x = 2; x <= n[s]; x++) { t = b[x]; for (y = x - 1; y >= 1 && b[y] > t; y--) b[y + 1] = b[y]; b[y + 1] = t }
          med = n[s] % 2 ? b[(n[s] + 1) / 2] : (b[n[s] / 2] + b[n[s] / 2 + 1]) / 2
          printf "| %s | %s/%d | %.0f |\n", s, (lo[s] == hi[s] ? lo[s] : lo[s] "-" hi[s]), want, med } }' "$RAW"
  } | tee -a "$RAW.md"
fi

# ---- the stuck-writers cell: STUCK clients push without reading; how long a new client waits for its first reply ----
cat >"$TMP/stuck.py" <<'EOF'
# stuck.py PORT N: opens N connections to 127.0.0.1:PORT, each pushes up to 256 KiB without ever reading (until the
# kernel takes no more), waits 2 s for the server to settle, then times 5 new clients' first 64-byte round trip one
# after another. Prints `stuck=N pushed_mib=M probes_ms=a,b,c,d,e max_ms=X`; a probe unanswered in 10 s counts 10000.
import socket, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
stuck, pushed, chunk = [], 0, b"x" * 65536
for _ in range(n):
    s = socket.socket()
    try:
        s.connect(("127.0.0.1", port))
    except OSError:
        s.close(); continue
    s.setblocking(False); stuck.append(s)
end = time.monotonic() + 30
for s in stuck:
    left = 256 * 1024
    while left > 0 and time.monotonic() < end:
        try:
            k = s.send(chunk[:min(left, len(chunk))]); left -= k; pushed += k
        except OSError:
            break
time.sleep(2)
probes = []
for _ in range(5):
    t0 = time.monotonic(); got = b""
    try:
        p = socket.create_connection(("127.0.0.1", port), timeout=10)
        p.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        p.sendall(b"a" * 64)
        while len(got) < 64:
            b = p.recv(64 - len(got))
            if not b:
                break
            got += b
        p.close()
    except OSError:
        pass
    probes.append((time.monotonic() - t0) * 1000 if got == b"A" * 64 else 10000.0)
print(f"stuck={len(stuck)} pushed_mib={pushed / 1048576:.0f} probes_ms={','.join(f'{x:.1f}' for x in probes)} max_ms={max(probes):.1f}", flush=True)
for s in stuck:
    s.close()
EOF
if [ "$STUCK" -gt 0 ] && [ ${#CELL_SERVERS[@]} -gt 0 ]; then
  {
    echo
    echo "### stuck writers: $STUCK clients each push up to 256 KiB and never read; a new client's first 64 B round trip"
    echo
    echo "| server | clients stuck | MiB pushed | 5 probes, ms | worst ms |"
    echo "|---|---:|---:|---|---:|"
  } | tee -a "$RAW.md"
  for s in "${CELL_SERVERS[@]}"; do
    [ "$s" = c-again ] && continue             # the same program as c: its noise is what the cells measure
    out=$(timeout 120 taskset -c 1 "$PYTHON" "$TMP/stuck.py" "${PORT[$s]}" "$STUCK" 2>&1 | tail -n 1) || true
    echo "stuck server=$s $out" >>"$RAW"
    echo "stuck $s: $out" >&2
    awk -v s="$s" -v line="$out" 'BEGIN { n = split(line, f, " "); for (i = 1; i <= n; i++) { p = index(f[i], "="); v[substr(f[i], 1, p - 1)] = substr(f[i], p + 1) }
      printf "| %s | %s | %s | %s | %s |\n", s, v["stuck"], v["pushed_mib"], v["probes_ms"], v["max_ms"] }' | tee -a "$RAW.md"
  done
fi
for s in "${CELL_SERVERS[@]}"; do stop_server "$s"; done

# ---- the memory cell: a fresh server each time, RSS before and after IDLE idle connections ----
cat >"$TMP/idle.py" <<'EOF'
"""idle.py PORT N: opens N connections to 127.0.0.1:PORT, at most 64 in setup at once; each sends one byte and
waits for one byte back (so the server has accepted it and served it), then stays open and idle. Prints
`opened=N served=S failed=F` once all are settled, then holds them until killed (or 300 s)."""
import selectors, socket, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
sel, held, failed, started, pending = selectors.DefaultSelector(), [], 0, 0, 0
deadline = time.monotonic() + 120
while (started < n or pending) and time.monotonic() < deadline:
    while started < n and pending < 64:
        s = socket.socket(); s.setblocking(False); started += 1
        try:
            s.connect_ex(("127.0.0.1", port)); sel.register(s, selectors.EVENT_WRITE); pending += 1
        except OSError:
            failed += 1; s.close()
    for key, ev in sel.select(1.0):
        s = key.fileobj
        try:
            if ev & selectors.EVENT_WRITE:
                s.send(b"x"); sel.modify(s, selectors.EVENT_READ)
                continue
            if not s.recv(1):
                raise OSError("closed")
            sel.unregister(s); pending -= 1; held.append(s)
        except OSError:
            sel.unregister(s); pending -= 1; failed += 1; s.close()
print(f"opened={started} served={len(held)} failed={failed + pending}", flush=True)
time.sleep(300)
EOF

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

# A JVM's live heap in bytes, after the full collection the histogram makes; empty where jcmd is missing.
# The filler arrays a collection leaves in dead space are not live and are left out.
live_heap_bytes() {
  local jcmd=${JAVA%/*}/jcmd
  [ -x "$jcmd" ] && taskset -c 1 "$jcmd" "$1" GC.class_histogram 2>/dev/null |
    awk '$1 ~ /^[0-9]+:$/ && $4 !~ /FillerElement/ { t += $3; n++ } END { if (n) print t }'
}

# The server's accepted sockets on PORT in any state but listening (the server's side of a connection
# the client closed waits in CLOSE-WAIT until the server closes it too).
accepted_sockets() { ss -Htn state connected "( sport = :$1 )" 2>/dev/null | wc -l; }

# One fresh server: RSS before and after IDLE idle connections; appends a raw line. For a JVM also what the
# connections keep alive in its heap: the live heap with them held less the live heap once they closed.
measure_memory() {
  local s=$1 port=$2 round=$3 pid before after prev settle held deadline touch_pid idle_pid heap_held heap_gone live=""
  start_server "$s" "$port" || return 1
  pid=${PID[$s]}
  # one short touch first, so the accept path's classes and code are in before the "before" figure
  timeout 60 taskset -c 1 "$PYTHON" "$TMP/idle.py" "$port" 100 >"$TMP/idle.out" 2>&1 &
  touch_pid=$!
  for _ in $(seq 300); do grep -q '^opened=' "$TMP/idle.out" && break; sleep 0.1; done
  kill "$touch_pid" 2>/dev/null || true; wait "$touch_pid" 2>/dev/null || true
  sleep "$IDLE_WAIT"                                         # the same wait as after the burst: both figures settled
  : >"$TMP/idle.out"
  before=$(rss_kib "$pid")
  timeout 600 taskset -c 1 "$PYTHON" "$TMP/idle.py" "$port" "$IDLE" >"$TMP/idle.out" 2>&1 &
  idle_pid=$!
  deadline=$((SECONDS + 150))
  until grep -q '^opened=' "$TMP/idle.out" || [ $SECONDS -ge $deadline ] || ! kill -0 "$idle_pid" 2>/dev/null; do sleep 0.2; done
  sleep "$IDLE_WAIT"                                         # idle, as a server holding them for minutes is
  after=$(rss_kib "$pid") prev=0 settle=$((SECONDS + 10))    # then until RSS stops moving (0.5 %), 10 s at most
  while [ $SECONDS -lt $settle ] && [ $(( (after - prev) * 200 )) -gt "$after" ]; do prev=$after; sleep 0.5; after=$(rss_kib "$pid"); done
  held=$(sed -n 's/.*served=\([0-9]*\).*/\1/p' "$TMP/idle.out")
  [ "${KIND[$s]}" = jvm ] && heap_held=$(live_heap_bytes "$pid")
  kill "$idle_pid" 2>/dev/null || true; wait "$idle_pid" 2>/dev/null || true
  if [ -n "${heap_held:-}" ]; then
    deadline=$((SECONDS + 30))
    while [ "$(accepted_sockets "$port")" -gt 0 ] && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    if [ "$(accepted_sockets "$port")" -eq 0 ]; then          # else the figure would count connections still open
      sleep 1                                                 # threads and handlers finish after their sockets close
      heap_gone=$(live_heap_bytes "$pid")
      [ -n "$heap_gone" ] && live=" live_heap_held_bytes=$heap_held live_heap_after_close_bytes=$heap_gone"
    fi
  fi
  echo "memory round=$round server=$s idle=$IDLE rss_before_kib=$before rss_after_kib=$after held=${held:-0}$live $(head -n 1 "$TMP/idle.out")" >>"$RAW"
  stop_server "$s"
}

# A fresh JVM's RSS grows by what its heap allocates (young-generation pages touched for the first time) and by
# its compilers' scratch memory as much as by what each connection keeps, and both vary run to run: so each
# server is measured MEMORY_ROUNDS times, alternating, and the table shows the median with its spread.
if [ "$MEMORY" = 1 ]; then
  for round in $(seq "$MEMORY_ROUNDS"); do
    i=0
    for s in $SERVERS; do
      port=$((BASE_PORT + 100 + i)); i=$((i + 1))
      [ "$s" = c-again ] && continue
      measure_memory "$s" "$port" "$round" || true
    done
  done
  {
    echo
    echo "### memory: resident set growth per idle connection, $IDLE idle connections (each did one round trip), a fresh server in each of $MEMORY_ROUNDS rounds"
    echo
    echo "| server | KiB per connection, median | min-max | per round | live heap KiB per connection (JVM), median | connections held (fewest) |"
    echo "|---|---:|---:|---|---:|---:|"
  } | tee -a "$RAW.md"
  for s in $SERVERS; do
    [ "$s" = c-again ] && continue
    awk -v s="$s" -v n="$IDLE" '
      function val(k,   i) { for (i = 2; i <= NF; i++) if (index($i, k "=") == 1) return substr($i, length(k) + 2); return "" }
      $1 == "memory" && val("server") == s {
        h = val("held") + 0; if (fewest == "" || h < fewest) fewest = h
        if (h > 0) { k++; v[k] = (val("rss_after_kib") - val("rss_before_kib")) / h; each = each (k > 1 ? ", " : "") sprintf("%.2f", v[k]) }
        if (h > 0 && val("live_heap_held_bytes") != "") { m++; w[m] = (val("live_heap_held_bytes") - val("live_heap_after_close_bytes")) / h / 1024 } }
      function median(a, c,   i, j, t) {
        for (i = 2; i <= c; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
        return c % 2 ? a[(c + 1) / 2] : (a[c / 2] + a[c / 2 + 1]) / 2 }
      END {
        if (k == 0) { if (fewest != "") printf "| %s | n/a | | | | %d/%d |\n", s, fewest, n; exit }
        med = median(v, k)
        printf "| %s | %.2f | %.2f-%.2f | %s | %s | %d/%d |\n", s, med, v[1], v[k], each, (m > 0 ? sprintf("%.2f", median(w, m)) : ""), fewest, n }' "$RAW" | tee -a "$RAW.md"
  done
fi
echo
echo "raw per-run lines: $RAW; tables: $RAW.md"
