#!/usr/bin/env bash
# bench/faults.sh [--quick] [options]: faults on a real wire. Three network namespaces on one bridge (a client
# host, a server host and a balancer host, as bench/multihost.sh builds its hosts: a switch namespace holds the
# bridge, one veth from it to each host) carry `shout load` to `shout server`; the kernel's own tools break the
# wire while the load runs:
#
#   loss-N      nftables `numgen random mod 100 < N drop`, both ways, the whole run
#   reset       nftables `reject with tcp reset` for 2 s on chosen connections (client port & 15 == 0: the RST
#               goes to the client; == 2: to the server), so a reset reaches only the side it is sent to
#   blackhole   every packet of the port dropped both ways for 5 s (-timeout: with load --timeout 2s)
#   flap        the client's link down for 3 s, then up
#   vanish      the client host disappears with its connections open: all its packets dropped first, then its
#               load killed, so no FIN and no RST ever reach the server, which must reclaim them (--idle-timeout)
#   kill        the server SIGKILLed mid-run, then restarted at once on the same port
#   proxy-kill  the same, with the load going through HAProxy on the balancer host (configured as
#               bench/multihost.sh configures it); the proxy must end every client connection and keep none
#   freeze      the server SIGSTOPped for 3 s, then SIGCONT
#   slow        tc tbf at 100 Mbit/s on the switch's ports toward both hosts, 64 KiB messages (no netem here:
#               delay is queueing alone). On the wire, not on a host's own interface: see docs/reliability-faults.md
#
# One table, fault x mode: verified messages, wrong bytes (must be 0), errors by kind, the load's exit code,
# whether it ended within its deadline, how long until a fresh client was answered after the fault cleared,
# and the server's connections, threads, descriptors and resident memory before the run and after it
# (from ss and /proc). Every fault has a "held" verdict for what it must show (see docs/reliability-faults.md).
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/faults.sh [--quick] [options]     (Linux; root; run from anywhere)

Options (defaults in brackets):
  --quick              a few faults on two modes with 100 connections, under two minutes (the test suite runs it)
  --faults F1,F2       faults to run [none,loss-1,loss-5,reset,blackhole,blackhole-timeout,flap,vanish,kill,
                       proxy-kill,freeze,slow]
  --modes M1,M2        server modes [blocking,virtual,nio,netty]; kill and freeze also run serial and pool
  --connections N      connections per run [1000]
  --duration S         seconds per load run [10]
  --idle-timeout S     the server's --idle-timeout, which reclaims vanished clients [10]
  --keep               keep the work directory (JSON, logs) and print its path
  -h, --help           this text

Needs root, iproute2 (ip netns, tc, ss), nftables (nft), python3 (the fresh-client probe) and jq: on Debian
`apt-get install iproute2 nftables python3 jq`; haproxy for proxy-kill (`apt-get install haproxy`); a JDK 21+
(as ./shout finds it, or $JAVA) and the built client/target/shout.jar (./shout build, or $JAR). Everything it creates (namespaces and with them the bridge,
veths, nftables tables and qdiscs; processes; the work directory) is removed on exit, Ctrl-C included.
It prints its number of runs and an estimate of its duration first: about --duration + 16 s a run on two
cores, so the defaults (52 runs) take about 23 minutes.
Exit codes: 0 every fault held; 1 a byte was wrong or a fault did not hold; 2 bad usage or missing
privileges/tools; 130 interrupted.
EOF
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ME=faults
FAULTS=none,loss-1,loss-5,reset,blackhole,blackhole-timeout,flap,vanish,kill,proxy-kill,freeze,slow
MODES=blocking,virtual,nio,netty CONNECTIONS=1000 DURATION=10 IDLE=10 KEEP=0 QUICK=0
usage_error() { echo "$ME: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --keep) KEEP=1; shift ;;
    --quick) FAULTS=loss-5,blackhole,kill MODES=virtual,nio CONNECTIONS=100 DURATION=8 QUICK=1; shift ;;
    --faults|--modes|--connections|--duration|--idle-timeout)
      [ $# -ge 2 ] || usage_error "$1 needs a value (see --help)"
      case "$1" in
        --faults) FAULTS=$2 ;; --modes) MODES=$2 ;; --connections) CONNECTIONS=$2 ;;
        --duration) DURATION=${2%s} ;; --idle-timeout) IDLE=${2%s} ;;
      esac
      shift 2 ;;
    *) usage_error "unknown argument '$1' (see --help)" ;;
  esac
done
for n in "$CONNECTIONS" "$DURATION" "$IDLE"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || usage_error "--connections, --duration and --idle-timeout take whole positive numbers, not '$n'"
done
[ "$DURATION" -ge 8 ] || usage_error "--duration must be at least 8 s: the faults happen inside the run"
for f in ${FAULTS//,/ }; do
  case "$f" in none|loss-[0-9]|loss-[0-9][0-9]|reset|blackhole|blackhole-timeout|flap|vanish|kill|proxy-kill|freeze|slow) ;;
    *) usage_error "unknown fault '$f' (see --help)" ;; esac
done
for m in ${MODES//,/ }; do
  case "$m" in serial|pool|blocking|virtual|nio|netty) ;; *) usage_error "unknown mode '$m' (see --help)" ;; esac
done

# ---- what it needs ----
if [ "$(id -u)" != 0 ]; then echo "$ME: needs root for network namespaces (ip netns): run it as root" >&2; exit 2; fi
TOOLS="ip:iproute2 tc:iproute2 nft:nftables python3:python3 jq:jq ss:iproute2"
[[ ",$FAULTS," != *,proxy-kill,* ]] || TOOLS+=" haproxy:haproxy"
for tool in $TOOLS; do
  command -v "${tool%%:*}" >/dev/null || { echo "$ME: needs ${tool%%:*} (Debian package ${tool#*:}: apt-get install ${tool#*:})" >&2; exit 2; }
done
JAR=${JAR:-$ROOT/client/target/shout.jar}
if [ -z "${JAVA:-}" ]; then   # the JDK the launcher picks (it rebuilds the jar first when the sources changed)
  JAVA=$(SHOUT_JAVA_OPTS='-XshowSettings:properties -version' "$ROOT/shout" 2>&1 | sed -n 's/^ *java.home = //p')/bin/java
fi
if [ ! -x "$JAVA" ] || [ ! -f "$JAR" ]; then echo "$ME: no JDK 21+ or no $JAR (try ./shout build)" >&2; exit 2; fi

# ---- the hosts: shoutft-<pid>-srv, -cli and -lb, each with one veth to the bridge in shoutft-<pid>-sw (the
# switch); leftovers of a killed run go first ----
PREFIX=shoutft-$$ SW=shoutft-$$-sw SRV=shoutft-$$-srv CLI=shoutft-$$-cli LB=shoutft-$$-lb
SRV_ADDR=10.238.0.1 CLI_ADDR=10.238.0.2 LB_ADDR=10.238.0.3 PORT=8081
stop_namespace() {   # SIGKILL every process in namespace $1 (SIGCONT first: a stopped one), then the namespace
  local pids
  pids=$(ip netns pids "$1" 2>/dev/null || true)
  # shellcheck disable=SC2086   # one pid per word
  if [ -n "$pids" ]; then kill -CONT $pids 2>/dev/null || true; kill -KILL $pids 2>/dev/null || true; fi
  ip netns delete "$1" 2>/dev/null || true
}
for name in $(ip netns list 2>/dev/null | awk '{ print $1 }' | grep '^shoutft-[0-9]*-' || true); do
  owner=${name#shoutft-}; owner=${owner%%-*}
  grep -qs faults "/proc/$owner/cmdline" || { echo "$ME: removing namespace $name, left over from an earlier run" >&2; stop_namespace "$name"; }
done
if ! ip netns add "$SRV" 2>/dev/null; then echo "$ME: cannot create a network namespace (ip netns add): not allowed here" >&2; exit 2; fi
WORK=$(mktemp -d "/tmp/$PREFIX.XXXXXX")
# shellcheck disable=SC2317   # called by the EXIT trap
cleanup() {
  local rc=$?
  trap - EXIT INT TERM     # first: a second Ctrl-C must not cut the cleaning short
  stop_namespace "$CLI"; stop_namespace "$LB"; stop_namespace "$SRV"; stop_namespace "$SW"; wait 2>/dev/null || true
  if [ "$KEEP" = 1 ]; then echo "$ME: kept $WORK" >&2; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'echo "$ME: interrupted; removing the namespaces and processes" >&2; exit 130' INT TERM
ip netns add "$SW"; ip netns add "$CLI"; ip netns add "$LB"
ip -n "$SW" link add br0 type bridge
ip -n "$SW" link set br0 up
# frames crossing the bridge skip iptables when br_netfilter is loaded (a switch does not filter)
ip netns exec "$SW" sysctl -q -w net.bridge.bridge-nf-call-iptables=0 net.bridge.bridge-nf-call-ip6tables=0 2>/dev/null || true
for host in srv:$SRV_ADDR cli:$CLI_ADDR lb:$LB_ADDR; do   # the switch's port for a host is named after it
  port=${host%%:*} ns=$PREFIX-${host%%:*}
  ip -n "$ns" link set lo up
  ip -n "$SW" link add "$port" type veth peer name eth0 netns "$ns"
  ip -n "$SW" link set "$port" master br0 up
  ip -n "$ns" addr add "${host#*:}/24" dev eth0
  ip -n "$ns" link set eth0 up
done
ulimit -n "$(ulimit -Hn)"

# shellcheck source=bench/faults-lib.sh
source "$ROOT/bench/faults-lib.sh"

CASES=()                        # "fault mode", in the order they run
for mode in ${MODES//,/ }; do
  for fault in ${FAULTS//,/ }; do CASES+=("$fault $mode"); done
done
for mode in serial pool; do     # the modes that serve fewer connections at once: the faults that hit the server
  [[ ",$MODES," != *",$mode,"* ]] && [ "$QUICK" = 0 ] || continue
  for fault in ${FAULTS//,/ }; do
    case "$fault" in kill|freeze) CASES+=("$fault $mode") ;; esac
  done
done
# A run takes its --duration plus about 16 s on two cores (JVM starts, connecting, the fresh-client probe, the
# wait for the server's connections and threads to go back), as the full runs in docs/reliability-faults.md did.
echo "# $CONNECTIONS connections, ${DURATION} s per run, server --idle-timeout ${IDLE}s; faults: $FAULTS; modes: $MODES"
echo "# ${#CASES[@]} runs: about $(( (${#CASES[@]} * (DURATION + 16) + 59) / 60 )) minutes"
FAILED=0
for c in "${CASES[@]}"; do
  # shellcheck disable=SC2086   # "fault mode": two words
  run_case $c || FAILED=1
done
stop_server
print_table
exit "$FAILED"
