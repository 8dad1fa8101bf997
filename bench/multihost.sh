#!/usr/bin/env bash
# bench/multihost.sh [options] [--help]: a multi-host run on one machine, for real. Builds a small network of
# Linux network namespaces, each one a "host" with its own address, and runs across it:
#
#   client1 (shout load x L) --\                                 /-- server1 (shout server --mode nio,   K processes)
#                               >-- balancer (haproxy x H, tcp) -<
#   client2 (shout load x L) --/                                 \-- server2 (shout server --mode netty, K processes)
#
# Every reply byte is verified end to end through the proxy by the load clients, which start together
# (--start-at) and tag their results (--tag); `shout merge` then adds them up exactly. Prints the merged table
# (one row per load process), the servers' own counters (from their stop lines), what each haproxy process
# carried, and as its last line the merged summary. Exits non-zero if a byte was wrong, a connection failed,
# or the merged message count is not the sum of the parts.
#
# The network: one bridge in a namespace of its own (the "switch"), and one veth from it to each host
# namespace. That is a LAN as real hosts have it: one interface and one address per host, every host reaches
# every other directly, no routes and no forwarding to set up (the balancer is a proxy, not a router), and a
# host more is one veth more. Point-to-point veths would need a pair and a subnet per link. Nothing is
# created in the machine's own namespace: removing the namespaces removes every veth with them.
#
# How 40,000 concurrent connections are split (2 client hosts x 20,000). Every process here is held to fewer
# than 20,000 descriptors (`ulimit -Hn`; root cannot raise it), so no one process may hold 20,000 sockets:
#   - clients:  20,000 connections per client host = L=2 load processes x 10,000 (one socket each);
#   - servers:  round robin gives each server host 20,000 = K=2 server processes x ~10,000; SO_REUSEPORT
#               spreads them by a hash of the 4-tuple, so not exactly evenly: half the limit leaves room;
#   - balancer: a proxied connection costs HAProxy two descriptors (client side and server side), so
#               40,000 connections are 80,000 descriptors = at least 5 processes; H=6 independent haproxy
#               processes (nbthread 1 each, maxconn 9,500 each) bind the same address:port with
#               SO_REUSEPORT (as its seamless reloads do), and the kernel deals the connections out.
#   The auto defaults follow these rules for any --connections: one JVM process per 10,000 connections, and
#   haproxy processes for 1.2 x the descriptors its connections need. The script refuses a split that cannot
#   fit the limit and says which flag to raise.
# Source ports: one source address has one port range toward one destination address:port. Each namespace
# here widens it to 10000-65535 (55,536 ports; the default is 28,232), so one client host reaches the balancer
# with up to 55,000 connections, and the balancer each server with as many; above that a client host gets
# more addresses (--client-addresses, handed to `shout load --source`).
# CPU is what is scarce: two cores run every host. A 40,000 run uses a modest open-loop --rate.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/multihost.sh [options]     (Linux; root for the namespaces; run from anywhere)

Two server hosts, one HAProxy balancer host and two client hosts as network namespaces on one bridge;
the clients' loads are verified byte for byte through the proxy and merged with `shout merge`.

Options (defaults in brackets):
  --connections N        connections per client host, e.g. 1000, 20k            [1000]
  --duration D           measured seconds (10, 10s, 1m)                         [10s]
  --warmup D             unmeasured seconds before that                         [2s]
  --rate R               open loop: messages/s per client host, e.g. 20k        [closed loop]
  --size BYTES           bytes per message                                      [64]
  --modes M1,M2          server1's and server2's --mode                         [nio,netty]
  --server-processes K   `shout server --processes K` on each server host       [auto: 1 per 10,000 connections]
  --loads L              `shout load` processes per client host                 [auto: 1 per 10,000 connections]
  --load-threads T       --threads of each load process                         [1]
  --haproxy-processes H  independent haproxy processes on the balancer         [auto: 1.2 x descriptors needed]
  --client-addresses A   addresses per client host (load --source when > 1)     [auto: 1 per 55,000 connections]
  --connect-rate C       connections/s per client host while connecting         [all at once]
  --start-delay S        seconds from starting the clients to their --start-at  [auto: 8 + 1 per 1,000 connections]
  --port P               the port everybody listens on                          [8081]
  --keep                 keep the work directory (JSON, hdr-logs, logs, haproxy.cfg) and print its path
  --print-haproxy-config print the haproxy configuration these options give, and exit (no root needed)
  -h, --help             this text

Examples:
  bench/multihost.sh                                         # 2 x 1,000 connections for 10 s (about a minute)
  bench/multihost.sh --connections 20k --rate 20k --duration 20s   # 40,000 concurrent verified connections

Needs root (ip netns), haproxy (Debian: apt-get install haproxy), python3, and a JDK 21+ (found as ./shout
finds it). Everything it creates (namespaces, veths, processes, the work directory) is removed on exit,
Ctrl-C included. Exit codes: 0 all verified; 1 a byte wrong, a connection failed, or the sums disagree;
2 bad usage or missing privileges/tools; 130 interrupted.
EOF
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ME=multihost
CONNECTIONS=1000 DURATION=10s WARMUP=2s RATE=0 SIZE=64 MODES=nio,netty
SERVER_PROCESSES=auto LOADS=auto LOAD_THREADS=1 HAPROXY_PROCESSES=auto CLIENT_ADDRESSES=auto
CONNECT_RATE=0 START_DELAY=auto PORT=8081 KEEP=0 PRINT_CONFIG=0

usage_error() { echo "$ME: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  opt=$1 val=
  case "$opt" in
    -h|--help) usage; exit 0 ;;
    --keep) KEEP=1; shift; continue ;;
    --print-haproxy-config) PRINT_CONFIG=1; shift; continue ;;
    --*=*) val=${opt#*=}; opt=${opt%%=*}; shift ;;
    --connections|--duration|--warmup|--rate|--size|--modes|--server-processes|--loads|--load-threads|\
    --haproxy-processes|--client-addresses|--connect-rate|--start-delay|--port)
      [ $# -ge 2 ] || usage_error "$opt needs a value (see --help)"; val=$2; shift 2 ;;
    *) usage_error "unknown argument '$opt' (see --help)" ;;
  esac
  case "$opt" in
    --connections) CONNECTIONS=$val ;;
    --duration) DURATION=$val ;;
    --warmup) WARMUP=$val ;;
    --rate) RATE=$val ;;
    --size) SIZE=$val ;;
    --modes) MODES=$val ;;
    --server-processes) SERVER_PROCESSES=$val ;;
    --loads) LOADS=$val ;;
    --load-threads) LOAD_THREADS=$val ;;
    --haproxy-processes) HAPROXY_PROCESSES=$val ;;
    --client-addresses) CLIENT_ADDRESSES=$val ;;
    --connect-rate) CONNECT_RATE=$val ;;
    --start-delay) START_DELAY=$val ;;
    --port) PORT=$val ;;
    *) usage_error "unknown option '$opt' (see --help)" ;;
  esac
done

count() {       # count NAME VALUE: 20000 | 20k | 2.5k | 1M -> a whole number (as shout load reads counts)
  local n
  n=$(awk -v v="$2" 'BEGIN { m = 1; s = tolower(substr(v, length(v)))
    if (s == "k") m = 1e3; else if (s == "m") m = 1e6
    if (m > 1) v = substr(v, 1, length(v) - 1)
    if (v !~ /^[0-9]+(\.[0-9]+)?$/ || v * m != int(v * m)) exit 1
    printf "%d", v * m }') || usage_error "$1 must be a whole number such as 1000 or 20k, not '$2'"
  echo "$n"
}
seconds() {     # seconds NAME VALUE: 10 | 10s | 2m -> whole seconds
  case "$2" in
    *m) [[ "${2%m}" =~ ^[0-9]+$ ]] && echo $(( ${2%m} * 60 )) && return ;;
    *s) [[ "${2%s}" =~ ^[0-9]+$ ]] && echo "${2%s}" && return ;;
    *) [[ "$2" =~ ^[0-9]+$ ]] && echo "$2" && return ;;
  esac
  usage_error "$1 must be whole seconds such as 10, 10s or 2m, not '$2'"
}
auto_or_count() { if [ "$2" = auto ]; then echo auto; else count "$1" "$2"; fi; }

CONNECTIONS=$(count --connections "$CONNECTIONS")
DURATION_S=$(seconds --duration "$DURATION")
WARMUP_S=$(seconds --warmup "$WARMUP")
RATE=$(count --rate "$RATE")
SIZE=$(count --size "$SIZE")
LOAD_THREADS=$(count --load-threads "$LOAD_THREADS")
CONNECT_RATE=$(count --connect-rate "$CONNECT_RATE")
PORT=$(count --port "$PORT")
SERVER_PROCESSES=$(auto_or_count --server-processes "$SERVER_PROCESSES")
LOADS=$(auto_or_count --loads "$LOADS")
HAPROXY_PROCESSES=$(auto_or_count --haproxy-processes "$HAPROXY_PROCESSES")
CLIENT_ADDRESSES=$(auto_or_count --client-addresses "$CLIENT_ADDRESSES")
[ "$START_DELAY" = auto ] || START_DELAY=$(seconds --start-delay "$START_DELAY")
[ "$CONNECTIONS" -ge 1 ] || usage_error "--connections must be at least 1"
[ "$DURATION_S" -ge 1 ] || usage_error "--duration must be at least 1 s"
if [ "$SIZE" -lt 1 ] || [ "$LOAD_THREADS" -lt 1 ]; then usage_error "--size and --load-threads must be at least 1"; fi
if [ "$PORT" -lt 1 ] || [ "$PORT" -ge 10000 ]; then usage_error "--port must be 1..9999 (10000-65535 are the namespaces' source ports)"; fi
IFS=, read -r MODE1 MODE2 EXTRA <<<"$MODES"
if [ -z "${MODE2:-}" ] || [ -n "${EXTRA:-}" ]; then usage_error "--modes takes two modes, server1's and server2's, like nio,netty"; fi

# ---- the split: descriptors per process (see the top of this file) ----
HARD=$(ulimit -Hn); [ "$HARD" = unlimited ] && HARD=1048576
RESERVE=1000                              # a JVM's own files (jars, epoll, pipes) or haproxy's, with room to spare
PER_JVM=10000                             # the auto rule: one JVM process per this many connections
PORTS_PER_ADDRESS=55000                   # of the 55,536 in 10000-65535, toward one destination
ceil_div() { echo $(( ($1 + $2 - 1) / $2 )); }
TOTAL=$((2 * CONNECTIONS))                # both client hosts; each server host gets half of it: CONNECTIONS
[ "$LOADS" = auto ] && LOADS=$(ceil_div "$CONNECTIONS" "$PER_JVM")
[ "$SERVER_PROCESSES" = auto ] && SERVER_PROCESSES=$(ceil_div "$CONNECTIONS" "$PER_JVM")
HAPROXY_MAXCONN=$(( (HARD - RESERVE) / 2 ))  # two descriptors per proxied connection
[ "$HAPROXY_PROCESSES" = auto ] && HAPROXY_PROCESSES=$(ceil_div $((TOTAL * 12 / 10)) "$HAPROXY_MAXCONN")
[ "$CLIENT_ADDRESSES" = auto ] && CLIENT_ADDRESSES=$(ceil_div "$CONNECTIONS" "$PORTS_PER_ADDRESS")
[ "$START_DELAY" = auto ] && START_DELAY=$(( 8 + CONNECTIONS / 1000 ))      # 20,000 per client host connected through haproxy within 30 s here
for v in LOADS SERVER_PROCESSES HAPROXY_PROCESSES CLIENT_ADDRESSES; do [ "${!v}" -ge 1 ] || usage_error "${v,,} must be at least 1"; done
[ "$CLIENT_ADDRESSES" -le 250 ] || usage_error "--client-addresses must be at most 250"
PER_LOAD=$(ceil_div "$CONNECTIONS" "$LOADS")
PER_SERVER_PROCESS=$(ceil_div $((CONNECTIONS * 12 / 10)) "$SERVER_PROCESSES")    # 1.2: SO_REUSEPORT's uneven hash
PER_HAPROXY=$(ceil_div $((TOTAL * 12 / 10)) "$HAPROXY_PROCESSES")
[ $((PER_LOAD + RESERVE)) -le "$HARD" ] || usage_error "$PER_LOAD connections per load process do not fit $HARD descriptors: raise --loads"
[ $((PER_SERVER_PROCESS + RESERVE)) -le "$HARD" ] || usage_error "about $PER_SERVER_PROCESS connections per server process do not fit $HARD descriptors: raise --server-processes"
[ "$PER_HAPROXY" -le "$HAPROXY_MAXCONN" ] || usage_error "about $PER_HAPROXY connections per haproxy process need $((2 * PER_HAPROXY)) of $HARD descriptors: raise --haproxy-processes"
[ "$(ceil_div "$CONNECTIONS" "$CLIENT_ADDRESSES")" -le "$PORTS_PER_ADDRESS" ] || usage_error "more than $PORTS_PER_ADDRESS connections per client address: raise --client-addresses"
[ "$CONNECTIONS" -le "$PORTS_PER_ADDRESS" ] || usage_error "the balancer has one address, so at most $PORTS_PER_ADDRESS connections per server host (--connections $PORTS_PER_ADDRESS)"
[ "$RATE" = 0 ] || [ "$RATE" -ge "$LOADS" ] || usage_error "--rate must be at least one message/s per load process ($LOADS)"

# ---- the addresses: one /16 on the bridge ----
NET=10.77
LB_ADDR=$NET.0.1
SERVER_ADDR=("$NET.0.11" "$NET.0.12")
client_addresses() { local i; for i in $(seq "$CLIENT_ADDRESSES"); do echo "$NET.$1.$i"; done; }   # client host $1

haproxy_config() {   # the configuration every haproxy process reads; ${MH_STATS_SOCKET} is set per process
  cat <<EOF
# bench/multihost.sh: one of $HAPROXY_PROCESSES identical, independent haproxy processes on the balancer host.
# Each binds $LB_ADDR:$PORT with SO_REUSEPORT (haproxy's default on Linux), and the kernel deals the
# incoming connections out among them; each process balances its own share round robin.
global
    # one thread per process: more processes, not more threads, are what get past the descriptor limit
    nbthread 1
    # a proxied connection holds two descriptors (client side, server side): (limit - 1000 spare) / 2
    maxconn $HAPROXY_MAXCONN
    # the hard limit of this machine (ulimit -Hn), which root cannot raise
    fd-hard-limit $HARD
    stats socket "\${MH_STATS_SOCKET}" mode 600 level user

defaults
    mode tcp
    timeout connect 5s
    # the clients connect, then send nothing until --start-at
    timeout client 10m
    timeout server 10m

frontend shout
    bind $LB_ADDR:$PORT backlog 65535
    default_backend servers

backend servers
    # long-lived connections, all opened at once: round robin splits them evenly
    balance roundrobin
    # no health checks: they would add connections to the servers' counts; a server down fails the run anyway
    server server1 ${SERVER_ADDR[0]}:$PORT
    server server2 ${SERVER_ADDR[1]}:$PORT
EOF
}

if [ "$PRINT_CONFIG" = 1 ]; then haproxy_config; exit 0; fi

# ---- what it needs: root, ip netns, haproxy, python3, a JDK ----
NEEDS_ROOT="needs root and 'ip netns' (network namespaces): run it as root, e.g. sudo bench/multihost.sh"
if [ "$(id -u)" != 0 ] || ! command -v ip >/dev/null; then echo "$ME: $NEEDS_ROOT" >&2; exit 2; fi
command -v haproxy >/dev/null || { echo "$ME: needs haproxy, which is not installed (Debian package haproxy: apt-get install haproxy)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "$ME: needs python3 (Debian package python3: apt-get install python3)" >&2; exit 2; }
ulimit -n "$HARD"

JAR=$ROOT/client/target/shout.jar
# The JDK the launcher picks (it rebuilds the jar first when the sources changed): it prints java.home and stops.
home=$(SHOUT_JAVA_OPTS='-XshowSettings:properties -version' "$ROOT/shout" 2>&1 | sed -n 's/^ *java.home = //p')
JAVA=${JAVA:-$home/bin/java}
if [ ! -x "$JAVA" ] || [ ! -f "$JAR" ]; then echo "$ME: no JDK 21+ or no $JAR (try ./shout build)" >&2; exit 2; fi
SHOUT_MODES=$("$JAVA" -jar "$JAR" server --list-modes | tr '\n' ' ')     # the one list of modes is the code's
for m in "$MODE1" "$MODE2"; do
  case " $SHOUT_MODES" in *" $m "*) ;; *) usage_error "unknown mode '$m' (${SHOUT_MODES% })" ;; esac
done

# ---- the namespaces: shoutmh-<pid of this run>-<host>; leftovers of a run that was killed outright go first ----
PREFIX=shoutmh-$$
HOSTS=(server1 server2 balancer client1 client2)
SW=$PREFIX-switch
ns() { echo "$PREFIX-$1"; }
run_in() { local host=$1; shift; ip netns exec "$(ns "$host")" "$@"; }

stop_namespace() {   # SIGTERM to every process in namespace $1, up to 10 s, SIGKILL, then the namespace
  local name=$1 pids deadline=$((SECONDS + 10))
  pids=$(ip netns pids "$name" 2>/dev/null || true)
  if [ -n "$pids" ]; then
    # shellcheck disable=SC2086   # one pid per word
    kill -TERM $pids 2>/dev/null || true
    while [ $SECONDS -lt $deadline ] && [ -n "$(ip netns pids "$name" 2>/dev/null)" ]; do sleep 0.2; done
    pids=$(ip netns pids "$name" 2>/dev/null || true)
    # shellcheck disable=SC2086
    [ -z "$pids" ] || kill -KILL $pids 2>/dev/null || true
  fi
  ip netns delete "$name" 2>/dev/null || true
}

reap_child() {       # reap_child PID SECONDS: waits for a child of this shell to exit, SIGKILL after SECONDS
  local pid=$1 deadline=$((SECONDS + $2))
  # (a child that exited stays a zombie until waited for, and kill -0 still finds it)
  while [ $SECONDS -lt $deadline ] && [ "$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null || echo Z)" != Z ]; do sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

for name in $(ip netns list 2>/dev/null | awk '{ print $1 }' | grep '^shoutmh-[0-9]*-' || true); do
  owner=${name#shoutmh-}; owner=${owner%%-*}
  if ! grep -qs multihost "/proc/$owner/cmdline"; then
    echo "$ME: removing namespace $name, left over from an earlier run" >&2
    stop_namespace "$name"
  fi
done
for dir in /tmp/shoutmh-[0-9]*.*; do     # and its work directory, unless it was to be kept
  if [ ! -d "$dir" ] || [ -e "$dir/KEEP" ]; then continue; fi
  owner=${dir#/tmp/shoutmh-}; owner=${owner%%.*}
  grep -qs multihost "/proc/$owner/cmdline" || rm -rf "$dir"
done

if ! ip netns add "$SW" 2>/dev/null; then echo "$ME: $NEEDS_ROOT" >&2; exit 2; fi

WORK=$(mktemp -d "/tmp/$PREFIX.XXXXXX")
[ "$KEEP" = 0 ] || : >"$WORK/KEEP"
CLEANED=0
# shellcheck disable=SC2317   # called by the EXIT trap
cleanup() {
  local rc=$?
  [ "$CLEANED" = 1 ] && return
  CLEANED=1
  trap - EXIT INT TERM
  local host
  for host in client1 client2 balancer server1 server2; do stop_namespace "$(ns "$host")"; done
  stop_namespace "$SW"
  wait 2>/dev/null || true
  [ "$KEEP" = 1 ] || rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'echo "$ME: interrupted; removing the namespaces and processes" >&2; exit 130' INT TERM

# ---- the network ----
ip -n "$SW" link set lo up
ip -n "$SW" link add br0 type bridge
ip -n "$SW" link set br0 up
# frames crossing the bridge skip iptables when br_netfilter is loaded (a switch does not filter)
ip netns exec "$SW" sysctl -q -w net.bridge.bridge-nf-call-iptables=0 net.bridge.bridge-nf-call-ip6tables=0 2>/dev/null || true
host_addresses() {
  case "$1" in
    balancer) echo "$LB_ADDR" ;;
    server1) echo "${SERVER_ADDR[0]}" ;;
    server2) echo "${SERVER_ADDR[1]}" ;;
    client1) client_addresses 1 ;;
    client2) client_addresses 2 ;;
  esac
}
for host in "${HOSTS[@]}"; do
  ip netns add "$(ns "$host")"
  ip -n "$(ns "$host")" link set lo up
  ip -n "$SW" link add "$host" type veth peer name eth0 netns "$(ns "$host")"
  ip -n "$SW" link set "$host" master br0 up
  for a in $(host_addresses "$host"); do ip -n "$(ns "$host")" addr add "$a/16" dev eth0; done
  ip -n "$(ns "$host")" link set eth0 up
  # per namespace: the source ports of connect(), and the accept queues a burst of connects fills
  run_in "$host" sysctl -q -w net.ipv4.ip_local_port_range="10000 65535" net.core.somaxconn=65535 \
    net.ipv4.tcp_max_syn_backlog=65535
done
for host in client1 client2 server1 server2; do   # every host sees the balancer (the bridge learns, DAD is over)
  for _ in $(seq 50); do run_in "$host" ping -c 1 -W 1 "$LB_ADDR" >/dev/null 2>&1 && break; sleep 0.1; done
done

# ---- listening: how many sockets listen on port $2 in host $1's namespace (IPv4 or IPv6: the JDK binds IPv4
# addresses on IPv6 sockets; only the host's own server or balancer listens there) ----
listeners() {
  run_in "$1" cat /proc/net/tcp /proc/net/tcp6 | awk -v p="$(printf ':%04X' "$2")" \
    '$4 == "0A" && substr($2, length($2) - 4) == p { n++ } END { print n + 0 }'
}
await_listeners() {   # await_listeners HOST PORT N LOG PID...: until N sockets listen; 1 if a process died or 60 s passed
  local host=$1 port=$2 n=$3 log=$4 deadline=$((SECONDS + 60)) p; shift 4
  until [ "$(listeners "$host" "$port")" -ge "$n" ]; do
    for p in "$@"; do
      kill -0 "$p" 2>/dev/null || { echo "$ME: $host did not start: $(tail -n 3 "$log" | tr '\n' ' ')" >&2; return 1; }
    done
    [ $SECONDS -lt $deadline ] || { echo "$ME: $host did not listen within 60 s: $(tail -n 3 "$log" | tr '\n' ' ')" >&2; return 1; }
    sleep 0.2
  done
}

# ---- the servers ----
JDK=$("$JAVA" -version 2>&1 | head -n 1)
echo "# multihost: $(date -u '+%F %H:%M UTC'), $(nproc) cpus, $(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), kernel $(uname -r), $JDK, $(haproxy -v | head -n 1 | cut -d' ' -f1-3)"
echo "# 2 client hosts x $CONNECTIONS connections ($LOADS load process(es) x $PER_LOAD, $CLIENT_ADDRESSES address(es) each) -> balancer $LB_ADDR:$PORT ($HAPROXY_PROCESSES haproxy process(es), maxconn $HAPROXY_MAXCONN each) -> server1 $MODE1 + server2 $MODE2 ($SERVER_PROCESSES process(es) each); $SIZE B, $([ "$RATE" = 0 ] && echo "closed loop" || echo "open loop at $RATE msgs/s per client host"), ${WARMUP_S}s warm-up + ${DURATION_S}s measured; descriptors per process: $HARD"
SERVER_PIDS=()
for i in 1 2; do
  mode=MODE$i
  ip netns exec "$(ns "server$i")" "$JAVA" -jar "$JAR" server --mode "${!mode}" --bind "${SERVER_ADDR[$((i - 1))]}" --port "$PORT" \
    --processes "$SERVER_PROCESSES" --max-connections $((SERVER_PROCESSES * (HARD - RESERVE))) --grace 2s \
    >"$WORK/server$i.out" 2>"$WORK/server$i.err" </dev/null &
  SERVER_PIDS+=($!)
done
for i in 1 2; do
  await_listeners "server$i" "$PORT" "$SERVER_PROCESSES" "$WORK/server$i.err" "${SERVER_PIDS[$((i - 1))]}" || exit 1
done

# ---- the balancer ----
haproxy_config >"$WORK/haproxy.cfg"
MH_STATS_SOCKET=$WORK/check.sock haproxy -c -q -f "$WORK/haproxy.cfg" >"$WORK/haproxy-check.log" 2>&1 \
  || { echo "$ME: haproxy rejects the configuration: $(head -n 3 "$WORK/haproxy-check.log" | tr '\n' ' ')" >&2; exit 1; }
HAPROXY_PIDS=()
for h in $(seq "$HAPROXY_PROCESSES"); do
  MH_STATS_SOCKET=$WORK/haproxy-$h.sock ip netns exec "$(ns balancer)" haproxy -db -f "$WORK/haproxy.cfg" \
    >"$WORK/haproxy-$h.log" 2>&1 </dev/null &
  HAPROXY_PIDS+=($!)
done
await_listeners balancer "$PORT" "$HAPROXY_PROCESSES" "$WORK/haproxy-1.log" "${HAPROXY_PIDS[@]}" || exit 1

# ---- the clients, together from --start-at ----
START_EPOCH=$(( $(date +%s) + START_DELAY ))
START_AT=$(date -u -d "@$START_EPOCH" +%FT%TZ)
RUN_SECONDS=$((START_DELAY + WARMUP_S + DURATION_S))
[ "$KEEP" = 1 ] && echo "# work directory, kept: $WORK"
echo "# clients start at $START_AT (in ${START_DELAY}s); about ${RUN_SECONDS}s to go"
LOAD_PIDS=() LOAD_NAMES=()
for c in 1 2; do
  sources=$(client_addresses "$c" | paste -sd,)
  for l in $(seq "$LOADS"); do
    tag=client$c; [ "$LOADS" = 1 ] || tag=client$c-$l
    n=$(( CONNECTIONS / LOADS + (l <= CONNECTIONS % LOADS ? 1 : 0) ))
    args=(load "$LB_ADDR:$PORT" --connections "$n" --duration "${DURATION_S}s" --warmup "${WARMUP_S}s" --size "$SIZE"
          --threads "$LOAD_THREADS" --tag "$tag" --start-at "$START_AT" --json "$WORK/$tag.json" --hdr-log "$WORK/$tag.hlog"
          --progress-interval 5s)
    [ "$RATE" = 0 ] || args+=(--rate $(( RATE / LOADS + (l <= RATE % LOADS ? 1 : 0) )))
    [ "$CONNECT_RATE" = 0 ] || args+=(--connect-rate $(( (CONNECT_RATE + LOADS - 1) / LOADS )))
    [ "$CLIENT_ADDRESSES" = 1 ] || args+=(--source "$sources")
    timeout --kill-after=15 $((RUN_SECONDS + 120)) ip netns exec "$(ns "client$c")" "$JAVA" -jar "$JAR" "${args[@]}" \
      >"$WORK/$tag.out" 2>"$WORK/$tag.err" </dev/null &
    LOAD_PIDS+=($!) LOAD_NAMES+=("$tag")
  done
done

# Mid-way through the measured part: how many TCP connections each host holds right then (the kernel's
# CurrEstab of its namespace), the proof that they were open at the same time.
MID=$((START_EPOCH + WARMUP_S + DURATION_S / 2))
while [ "$(date +%s)" -lt "$MID" ]; do
  alive=0; for p in "${LOAD_PIDS[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
  [ "$alive" = 1 ] || break
  sleep 0.5
done
# shellcheck disable=SC2016   # awk's own $i
established() { run_in "$1" awk '$1 == "Tcp:" && ++n == 2 { for (i = 1; i <= NF; i++) if (h[i] == "CurrEstab") print $i } $1 == "Tcp:" && n != 2 { for (i = 1; i <= NF; i++) h[i] = $i }' /proc/net/snmp; }
MIDLINE="established TCP connections mid-run:"
for host in client1 client2 balancer server1 server2; do MIDLINE+=" $host $(established "$host")"; done
echo "# $MIDLINE (the balancer counts both sides)"

LOAD_RC=()
for i in "${!LOAD_PIDS[@]}"; do
  rc=0; wait "${LOAD_PIDS[$i]}" || rc=$?
  LOAD_RC+=("$rc")
  grep -h '^warning' "$WORK/${LOAD_NAMES[$i]}.err" | sed "s/^/$ME: ${LOAD_NAMES[$i]}: /" >&2 || true
  [ "$rc" = 0 ] || echo "$ME: ${LOAD_NAMES[$i]}: shout load exited $rc$([ "$rc" = 3 ] && echo ' (a reply byte was wrong or missing)'): $(grep -v '^progress' "$WORK/${LOAD_NAMES[$i]}.err" | tail -n 2 | tr '\n' ' ')" >&2
done

# ---- what each haproxy process carried, from its stats socket, then stop the balancer and the servers ----
python3 - "$HAPROXY_PROCESSES" "$WORK" >"$WORK/haproxy-stats.txt" 2>&1 <<'EOF' || true
import csv, io, socket, sys
count, work = int(sys.argv[1]), sys.argv[2]
print("| balancer process | most connections at once | connections | to server1 | to server2 |")
print("|---|---:|---:|---:|---:|")
for h in range(1, count + 1):
    s = socket.socket(socket.AF_UNIX)
    s.settimeout(5)
    s.connect(f"{work}/haproxy-{h}.sock")
    s.sendall(b"show stat\n")
    data = b""
    while chunk := s.recv(65536):
        data += chunk
    rows = list(csv.DictReader(io.StringIO(data.decode().lstrip("# "))))
    get = lambda px, sv, k: int(next((r[k] for r in rows if r["pxname"] == px and r["svname"] == sv), "0") or 0)
    print(f"| haproxy {h} | {get('shout', 'FRONTEND', 'smax'):,} | {get('shout', 'FRONTEND', 'stot'):,} "
          f"| {get('servers', 'server1', 'stot'):,} | {get('servers', 'server2', 'stot'):,} |")
EOF
stop_namespace "$(ns balancer)"
# one SIGTERM each: a second one would make `shout server` stop at once, without its stop lines
for pid in "${SERVER_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
for pid in "${SERVER_PIDS[@]}"; do reap_child "$pid" 20; done

# ---- merge, the tables, the checks, and the summary line last ----
JSONS=()
for tag in "${LOAD_NAMES[@]}"; do [ -s "$WORK/$tag.json" ] && JSONS+=("$WORK/$tag.json"); done
MERGE_RC=0
if [ ${#JSONS[@]} -gt 0 ]; then
  echo
  "$JAVA" -jar "$JAR" merge "${JSONS[@]}" --json "$WORK/merged.json" >"$WORK/merge.out" 2>"$WORK/merge.err" || MERGE_RC=$?
  cat "$WORK/merge.out"
  [ "$MERGE_RC" = 0 ] || echo "$ME: shout merge exited $MERGE_RC: $(head -n 2 "$WORK/merge.err" | tr '\n' ' ')" >&2
fi

echo
echo "| server host | address | mode | processes | connections accepted | per process | rejected | bytes in | bytes out |"
echo "|---|---|---|---:|---:|---|---:|---:|---:|"
for i in 1 2; do
  mode=MODE$i
  awk -v host="server$i" -v addr="${SERVER_ADDR[$((i - 1))]}:$PORT" -v mode="${!mode}" '
    function kv(key,   i, p) { for (i = 1; i <= NF; i++) { p = index($i, "="); if (substr($i, 1, p - 1) == key) return substr($i, p + 1) } return 0 }
    function grouped(n,   s) { s = sprintf("%.0f", n); while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", s); return s }
    / stopped: |^stopped: / { n++; acc += kv("accepted"); rej += kv("rejected"); bin += kv("in"); bout += kv("out")
      each = each (each == "" ? "" : " + ") grouped(kv("accepted")) }
    END { printf "| %s | %s | %s | %d | %s | %s | %s | %s | %s |\n", host, addr, mode, n, grouped(acc), each, grouped(rej), grouped(bin), grouped(bout) }' "$WORK/server$i.out"
done
echo
cat "$WORK/haproxy-stats.txt"
echo

# The checks and the last line, from the JSON files: each part's connections and errors, the merged count
# against the sum of the parts, the servers' accepted connections against the clients' connections up.
ACCEPTED=$(cat "$WORK"/server[12].out | sed -n 's/.*stopped: connections accepted=\([0-9]*\).*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
FAILED=0
for rc in "${LOAD_RC[@]}"; do [ "$rc" = 0 ] || FAILED=1; done
[ "$MERGE_RC" = 0 ] || FAILED=1
python3 - "$WORK/merged.json" "$ACCEPTED" "$((2 * CONNECTIONS))" "${JSONS[@]}" <<'EOF' || FAILED=1
import json, os, sys
merged_path, accepted, planned, parts = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
me, bad = "multihost", []
runs = [json.load(open(p)) for p in parts]
for p, r in zip(parts, runs):
    name = r.get("tag") or os.path.basename(p)
    if r["connectionsFailed"]:
        bad.append(f"{name}: {r['connectionsFailed']} connections failed")
    if r["errors"]:
        bad.append(f"{name}: errors {r['errors']}")
    if r.get("interrupted"):
        bad.append(f"{name}: interrupted")
up = sum(r["connectionsUp"] for r in runs)
if up != planned:
    bad.append(f"{up:,} connections up of {planned:,} planned")
if accepted != up:
    bad.append(f"the servers accepted {accepted:,} connections, the clients had {up:,} up")
if not os.path.exists(merged_path):
    bad.append("no merged result")
    for b in bad:
        print(f"{me}: FAILED: {b}", file=sys.stderr)
    sys.exit(1)
m = json.load(open(merged_path))
parts_sum = sum(r["messages"] for r in runs)
if m["messages"] != parts_sum:
    bad.append(f"merged messages {m['messages']:,} are not the sum of the parts {parts_sum:,}")
for b in bad:
    print(f"{me}: FAILED: {b}", file=sys.stderr)
p99 = m["latencyMicros"]["p99"]
def short(us):   # three significant digits in the unit that fits, as shout load prints latency
    for unit, size in (("s", 1e6), ("ms", 1e3), ("us", 1)):
        if us >= size or unit == "us":
            v = us / size
            return f"{v:.{2 if v < 10 else 1 if v < 100 else 0}f}{unit}"
p99s = short(p99)
errors = ", ".join(f"{k}={v}" for k, v in m["errors"].items()) or "none"
sys.stdout.flush()
print(f"merged: {len(runs)} load runs on 2 client hosts, {m['connectionsUp']:,} connections up, {m['connectionsFailed']:,} failed; "
      f"{m['messages']:,} messages (sum of the parts: {parts_sum:,}) = {m['messagesPerSecond']:,.0f} msgs/s; "
      f"p99 {p99s}; errors {errors}")
sys.exit(1 if bad else 0)
EOF
exit "$FAILED"
