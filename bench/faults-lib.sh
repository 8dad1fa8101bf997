# bench/faults-lib.sh: the cases of bench/faults.sh, sourced by it (it sets SW, SRV, CLI, LB, the addresses, JAVA,
# JAR, WORK, CONNECTIONS, DURATION and IDLE). A case: a server for the mode (kept across faults that leave it
# running), its figures before, a load run with the fault in its middle, a fresh client probed from the moment
# the fault cleared, the server's figures once its connections settled, and one row of the table.
# shellcheck shell=bash

SERVER_PID= SERVER_MODE= SERVER_LOG= BALANCER_PID=
TARGET=$SRV_ADDR     # where the load and the fresh client connect: the server, or the balancer in front of it
SLOW_LINK="tbf rate 100mbit burst 64kb limit 100mb"   # on the switch's ports toward both hosts (on a host's own
# interface, its sockets would see their own drops as local congestion: docs/reliability-faults.md)
ROWS=()
# (not for a process started with &: that would be a subshell's pid, and killing it would leave the process)
srv() { ip netns exec "$SRV" "$@"; }
cli() { ip netns exec "$CLI" "$@"; }

start_server() {     # start_server MODE: a server listening on $SRV_ADDR:$PORT, its pid in SERVER_PID
  local mode=$1 threads=() deadline=$((SECONDS + 60))
  [ "$mode" != pool ] || threads=(--threads 4)
  SERVER_LOG=$WORK/server-$mode-$SECONDS.log
  ip netns exec "$SRV" "$JAVA" -Xmx512m -jar "$JAR" server --mode "$mode" "${threads[@]}" --bind "$SRV_ADDR" --port "$PORT" \
    --idle-timeout "${IDLE}s" >"$SERVER_LOG" 2>&1 &
  SERVER_PID=$! SERVER_MODE=$mode
  until grep -qs '^listening on' "$SERVER_LOG"; do   # (the file appears only once the child opened it)
    if [ $SECONDS -ge $deadline ] || ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "$ME: the $mode server did not start: $(tail -1 "$SERVER_LOG")" >&2; return 1
    fi
    sleep 0.2
  done
}

stop_server() {      # SIGTERM, up to 10 s, then SIGKILL; keeps its stop line
  [ -n "$SERVER_PID" ] || return 0
  kill -CONT "$SERVER_PID" 2>/dev/null || true
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  local deadline=$((SECONDS + 10))
  while [ $SECONDS -lt $deadline ] && kill -0 "$SERVER_PID" 2>/dev/null; do sleep 0.2; done
  kill -KILL "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  grep -hs '^stopped:' "$SERVER_LOG" | sed "s/^/# $SERVER_MODE server /" >>"$WORK/stop-lines" || true
  SERVER_PID= SERVER_MODE=
}

# The balancer for proxy-kill: one haproxy process on the balancer host in front of the one server, with the
# configuration bench/multihost.sh gives each of its balancer's processes (tcp mode, one thread, round robin, no
# health checks), pointed at this script's hosts.
balancer_config() {
  "$ROOT/bench/multihost.sh" --print-haproxy-config --connections "$CONNECTIONS" --port "$PORT" \
    | sed -e "s/^\( *bind \)[0-9.]*:/\1$LB_ADDR:/" -e "s/^\( *server server1 \)[0-9.]*:/\1$SRV_ADDR:/" -e '/^ *server server2 /d'
}

start_balancer() {   # haproxy listening on $LB_ADDR:$PORT, its pid in BALANCER_PID
  local deadline=$((SECONDS + 30))
  balancer_config >"$WORK/haproxy.cfg"
  export MH_STATS_SOCKET=$WORK/haproxy.sock      # (the configuration names its stats socket so)
  haproxy -c -q -f "$WORK/haproxy.cfg" >"$WORK/haproxy-check.log" 2>&1 \
    || { echo "$ME: haproxy rejects the configuration: $(head -n 3 "$WORK/haproxy-check.log" | tr '\n' ' ')" >&2; return 1; }
  ip netns exec "$LB" haproxy -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 </dev/null &
  BALANCER_PID=$!
  until [ -n "$(ip netns exec "$LB" ss -Hltn "( sport = :$PORT )")" ]; do
    if [ $SECONDS -ge $deadline ] || ! kill -0 "$BALANCER_PID" 2>/dev/null; then
      echo "$ME: haproxy did not start: $(tail -n 3 "$WORK/haproxy.log" | tr '\n' ' ')" >&2; return 1
    fi
    sleep 0.2
  done
}

stop_balancer() {
  [ -n "$BALANCER_PID" ] || return 0
  kill -TERM "$BALANCER_PID" 2>/dev/null || true
  wait "$BALANCER_PID" 2>/dev/null || true
  BALANCER_PID=
}

balancer_connections() {   # the balancer's established connections, both sides: 0 once it let go of every one
  ip netns exec "$LB" ss -Htn state established | wc -l
}

server_figures() {   # connections threads descriptors rss-MB of the server, from ss and /proc
  local conns threads fds rss
  conns=$(srv ss -Htn state established "( sport = :$PORT )" | wc -l)
  threads=$(awk '/^Threads:/ { print $2 }' "/proc/$SERVER_PID/status" 2>/dev/null || echo -)
  fds=$(find "/proc/$SERVER_PID/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
  rss=$(awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$SERVER_PID/status" 2>/dev/null || echo -)
  echo "$conns $threads $fds $rss"
}

await_connections() {   # await_connections PREDICATE-N SECONDS: until the server holds (at least|at most) N
  local op=$1 n=$2 deadline=$((SECONDS + $3)) have
  while :; do
    have=$(srv ss -Htn state established "( sport = :$PORT )" | wc -l)
    if { [ "$op" = atleast ] && [ "$have" -ge "$n" ]; } || { [ "$op" = atmost ] && [ "$have" -le "$n" ]; }; then return 0; fi
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.2
  done
}

await_threads() {    # await_threads N SECONDS: until the server runs at most N threads (a closed connection's
  local deadline=$((SECONDS + $2))   # thread may still be unwinding when ss no longer lists it)
  while [ $SECONDS -lt $deadline ] && [ "$(awk '/^Threads:/ { print $2 }' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0)" -gt "$1" ]; do
    sleep 0.2
  done
}

probe() {            # seconds until a fresh client's 5 bytes came back upper-cased, up to 60 s; "never" if not
  cli python3 - "$TARGET" "$PORT" <<'EOF'
import socket, sys, time
start = time.monotonic()
while time.monotonic() - start < 60:
    try:
        with socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=1) as s:
            s.settimeout(1)
            s.sendall(b"probe")
            got = b""
            while len(got) < 5:
                piece = s.recv(5 - len(got))
                if not piece:
                    break
                got += piece
            if got == b"PROBE":
                print(f"{time.monotonic() - start:.1f}")
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.1)
print("never")
EOF
}

nft_cli() { cli nft -f - ; }   # reads a ruleset on stdin, in the client host's namespace
drop_table() { cli nft delete table inet fault 2>/dev/null || true; }
drop_all() {       # every packet of the port, both ways, in the client host
  nft_cli <<EOF
table inet fault {
  chain in { type filter hook input priority 0; tcp sport $PORT drop; }
  chain out { type filter hook output priority 0; tcp dport $PORT drop; }
}
EOF
}

# reset: the connections whose client port is 0 mod 16 get an RST sent to the client (their packets out are
# rejected), those 2 mod 16 one sent to the server (its packets in are rejected): counted beforehand. (Not 1:
# connect() picks even ports first.)
chosen_for_reset() {
  cli ss -Htn state established "( dport = :$PORT )" | awk '{ split($3, a, ":"); p = a[length(a)] % 16 } p == 0 { c++ } p == 2 { s++ }
    END { printf "%d %d", c, s }'
}
reset_rules() {
  nft_cli <<EOF
table inet fault {
  chain in { type filter hook input priority 0; tcp sport $PORT tcp dport & 15 == 2 reject with tcp reset; }
  chain out { type filter hook output priority 0; tcp dport $PORT tcp sport & 15 == 0 reject with tcp reset; }
}
EOF
}

# The fault in the middle of the run: starts 2 s into it (--duration 8 leaves a 5 s black hole 1 s to clear).
# The fresh client starts knocking as soon as it is over (for kill: as the restart begins).
inject() {           # inject FAULT LOAD_PID
  local fault=$1 load=$2
  sleep 2
  case "$fault" in
    none|loss-*|slow) ;;
    reset) EXPECTED=$(chosen_for_reset); reset_rules; sleep 2; drop_table ;;
    blackhole|blackhole-timeout) drop_all; sleep 5; drop_table ;;
    flap) cli ip link set eth0 down; sleep 3; cli ip link set eth0 up ;;
    vanish) drop_all; kill_client_host; wait "$load" 2>/dev/null || true
            local gone=$SECONDS
            if await_connections atmost 0 $((IDLE + 15)); then NOTE="reclaimed in $((SECONDS - gone)) s"; else NOTE="not reclaimed"; fi
            drop_table ;;
    kill|proxy-kill) kill -KILL "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; start_probe; start_server "$SERVER_MODE" ;;
    freeze) kill -STOP "$SERVER_PID"; sleep 3; kill -CONT "$SERVER_PID" ;;
  esac
  [ -n "$PROBER" ] || start_probe
}
start_probe() { probe >"$WORK/$TAG.probe" & PROBER=$!; }
kill_client_host() {   # every process of the client host: its load and the timeout that runs it
  local pids
  pids=$(ip netns pids "$CLI")
  # shellcheck disable=SC2086   # one pid per word
  [ -z "$pids" ] || kill -KILL $pids 2>/dev/null || true
}

setup_wire() {       # the whole-run part of a fault
  case "$1" in
    loss-*) nft_cli <<EOF
table inet fault {
  chain in { type filter hook input priority 0; tcp sport $PORT numgen random mod 100 < ${1#loss-} drop; }
  chain out { type filter hook output priority 0; tcp dport $PORT numgen random mod 100 < ${1#loss-} drop; }
}
EOF
    ;;
    slow) for port in srv cli; do ip netns exec "$SW" tc qdisc add dev "$port" root $SLOW_LINK; done ;;
  esac
}
clear_wire() {
  drop_table
  for port in srv cli; do ip netns exec "$SW" tc qdisc del dev "$port" root 2>/dev/null || true; done
}

run_case() {         # run_case FAULT MODE: one row of the table; false when the fault did not hold
  local fault=$1 mode=$2 n=$CONNECTIONS size=64 extra=() tag=$1-$2 before after load rc start
  case "$mode" in serial) n=1 ;; pool) n=4 ;; esac
  [ "$fault" != slow ] || size=65536
  case "$fault" in reset|blackhole-timeout) extra=(--timeout 2s) ;; esac
  if [ "$SERVER_MODE" != "$mode" ] || ! kill -0 "$SERVER_PID" 2>/dev/null; then stop_server; start_server "$mode" || return 1; fi
  TARGET=$SRV_ADDR
  if [ "$fault" = proxy-kill ]; then start_balancer || return 1; TARGET=$LB_ADDR; fi
  before=$(server_figures) EXPECTED="0 0" PROBER= NOTE= TAG=$tag RUN_CONNECTIONS=$n
  echo 5 >"/proc/$SERVER_PID/clear_refs" 2>/dev/null || true   # resets VmHWM, so it holds this run's peak
  setup_wire "$fault"
  start=$SECONDS
  ip netns exec "$CLI" timeout --kill-after=5 $((DURATION + 60)) "$JAVA" -Xmx512m -jar "$JAR" load "$TARGET:$PORT" -c "$n" --threads 1 \
    --warmup 0 -d "${DURATION}s" --size "$size" --connect-timeout 10s "${extra[@]}" --json "$WORK/$tag.json" \
    >"$WORK/$tag.out" 2>"$WORK/$tag.err" &
  load=$!
  await_connections atleast "$n" 60 || echo "$ME: $tag: not every connection came up" >&2
  case "$fault" in none|loss-*|slow) ;; *) inject "$fault" "$load" ;; esac
  rc=0; wait "$load" || rc=$?
  local ended=$((SECONDS - start)) recovered
  if [ -z "$PROBER" ]; then clear_wire; recovered=$(probe); else wait "$PROBER" || true; recovered=$(cat "$WORK/$tag.probe"); fi
  await_connections atmost "${before%% *}" $((IDLE + 15)) || true
  await_threads $(($(echo "$before" | cut -d' ' -f2) + 8)) 15
  after=$(server_figures)
  [ "$fault" != slow ] || NOTE="server peak RSS $(awk '/^VmHWM:/ { printf "%d", $2 / 1024 }' "/proc/$SERVER_PID/status" 2>/dev/null || echo -) MB"
  if [ -n "$BALANCER_PID" ]; then
    local deadline=$((SECONDS + 15))
    while [ "$(balancer_connections)" -gt 0 ] && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    NOTE="proxy kept $(balancer_connections)"
    stop_balancer
  fi
  add_row "$fault" "$mode" "$rc" "$ended" "$recovered" "$before" "$after" "$WORK/$tag.json"
}

add_row() {          # add_row FAULT MODE RC ENDED RECOVERED BEFORE AFTER JSON: the row, and whether it held
  local fault=$1 mode=$2 rc=$3 ended=$4 recovered=$5 json=$8 verified=- rate=- max=- wrong=0 errors=none why=
  local -a b a
  read -ra b <<<"$6"; read -ra a <<<"$7"
  if [ -s "$json" ]; then
    read -r verified rate max wrong < <(jq -r '[.messages, (.messagesPerSecond | floor), (.latencyMicros.max / 1000 | floor),
      (.errors.mismatch // 0)] | @tsv' "$json")
    errors=$(jq -r '.errors | del(.mismatch) | to_entries | map("\(.key)=\(.value)") | join(",") | if . == "" then "none" else . end' "$json")
  fi
  [ "$wrong" = 0 ] || why+="wrong bytes; "
  [ "$ended" -le $((DURATION + 30)) ] || why+="ended late; "
  [ "$recovered" != never ] || why+="no fresh client answered; "
  [ "${a[0]}" -le "${b[0]}" ] || why+="server kept ${a[0]} connections; "
  if [[ "$fault" != *kill ]]; then   # (after a kill, "after" is the restarted server's)
    [ "${a[2]}" -le $((b[2] + 8)) ] || why+="descriptors grew; "
    [ "${a[1]}" -le $((b[1] + 8)) ] || why+="threads grew; "
  fi
  local ce=${EXPECTED% *} se=${EXPECTED#* } resets reply_timeouts ended_by_server
  resets=$(jq -r '.errors.reset // 0' "$json" 2>/dev/null || echo 0)
  reply_timeouts=$(jq -r '.errors["reply-timeout"] // 0' "$json" 2>/dev/null || echo 0)
  ended_by_server=$(jq -r '(.errors.reset // 0) + (.errors["unexpected-close"] // 0)' "$json" 2>/dev/null || echo 0)
  case "$fault" in
    none|loss-*|blackhole|flap|freeze|slow) [ "$errors" = none ] && [ "$rc" = 0 ] || why+="errors in an undamaged run (exit $rc); " ;;
    blackhole-timeout) [ "$reply_timeouts" -gt 0 ] && [ "$rc" = 3 ] || why+="no reply-timeout counted (exit $rc); " ;;
    reset) [ "$resets" = "$ce" ] || why+="reset $resets, not the $ce chosen; "
           [ "$reply_timeouts" = "$se" ] || why+="reply-timeout $reply_timeouts, not the $se reset at the server; "
           errors+=" (chosen $ce+$se)" ;;
    kill|proxy-kill) [ -s "$json" ] && [ "$rc" = 3 ] || why+="no JSON or exit $rc, not 3; "
           [ "$ended_by_server" = "$RUN_CONNECTIONS" ] || why+="$ended_by_server of $RUN_CONNECTIONS connections counted as ended; "
           [ "$fault" = kill ] || { errors+=" ($NOTE)"; [ "$NOTE" = "proxy kept 0" ] || why+="$NOTE connections; "; } ;;
    vanish) verified=killed; errors=$NOTE; [ "$NOTE" != "not reclaimed" ] || why+="connections not reclaimed; " ;;
  esac
  [ "$fault" != slow ] || errors+=" ($NOTE)"
  ROWS+=("$fault|$mode|$verified|$rate|$max|$wrong|$errors|$rc|$ended|$recovered|${b[0]}>${a[0]}|${b[1]}>${a[1]}|${b[2]}>${a[2]}|${b[3]}>${a[3]}|${why:-yes}")
  echo "${ROWS[-1]}" >&2
  [ -z "$why" ]
}

print_table() {
  echo
  echo "| fault | mode | verified | msg/s | max ms | bytes wrong | errors | exit | ended s | fresh client s | conns | threads | fds | RSS MB | held |"
  echo "|---|---|---:|---:|---:|---:|---|---:|---:|---:|---|---|---|---|---|"
  local row
  for row in "${ROWS[@]}"; do echo "| ${row//|/ | } |"; done
  [ ! -f "$WORK/stop-lines" ] || cat "$WORK/stop-lines"
  local wrong=0 held=0
  for row in "${ROWS[@]}"; do
    IFS='|' read -ra f <<<"$row"
    wrong=$((wrong + f[5])); [ "${f[14]}" != yes ] || held=$((held + 1))
  done
  echo "# ${#ROWS[@]} runs; bytes wrong in all: $wrong; held: $held of ${#ROWS[@]}"
}
