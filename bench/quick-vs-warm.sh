#!/usr/bin/env bash
# bench/quick-vs-warm.sh [--report DIR] [--help]: does `./shout compare --quick` read what a warm run reads?
# Alternates warm reference runs and quick runs, REF QUICK REF QUICK ... REF, and holds each quick cell against
# the warm figure of the same server measured right before and right after it (the geometric mean of the two
# references' medians), so that a slow or fast spell of the host falls on both sides of the comparison. Each
# reference is also held against the next one: that control says how far the host alone moved a warm figure in
# those minutes, and so how much a miss of the quick run says. Prints, per quick run, its time, its cells'
# ratios and how many are in the band, and its ranking against the references'.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/quick-vs-warm.sh [--report DIR] [--help]      (run from anywhere; Linux, 2+ cpus)

  --report DIR   only print the report of an earlier (or interrupted) run's directory

Settings (environment):
  RUNS         3                           quick runs; RUNS + 1 warm references around them
  MODES        blocking,virtual,nio,netty  the modes the references measure and the report reads
  CONNECTIONS  100,1000                    the connection counts the references measure and the report reads
  REPEAT       1      repetitions of each reference cell (`compare --repeat`); the median is the figure
  DURATION     5s     measured time of each reference cell
  BAND         0.8-1.25   a quick cell is in band when its ratio to the warm figure lies in it
  OUT          results/quick-vs-warm-<UTC time>/   every run's compare output and log, and report.md

One set takes about 1.5 + 2.5 x RUNS minutes (a reference of 8 cells about 1.5 minutes, a quick run one).
The quick runs are exactly `./shout compare --quick`; the references `./shout compare --modes MODES
--connections CONNECTIONS --repeat REPEAT --duration DURATION`, so both pin and warm as compare does.
Needs /usr/bin/python3 for the report.
EOF
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PYTHON=/usr/bin/python3
REPORT_ONLY=
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --report) [ $# -ge 2 ] || { echo "quick-vs-warm: --report needs a directory" >&2; exit 2; }; REPORT_ONLY=$2; shift 2 ;;
    --report=*) REPORT_ONLY=${1#--report=}; shift ;;
    *) echo "quick-vs-warm: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

die() { echo "quick-vs-warm: $*" >&2; exit 2; }           # bad settings
interrupted() { echo "quick-vs-warm: interrupted; what finished is in $OUT (bench/quick-vs-warm.sh --report $OUT)" >&2; exit 130; }
failed() {      # failed LOG WHAT RC: compare's Ctrl-C exit stays an interruption, its bad-usage exit one too
  [ "$3" = 130 ] && interrupted
  tail -n 20 "$1" >&2; echo "quick-vs-warm: $2 failed (exit $3; log: $1)" >&2
  [ "$3" = 2 ] && exit 2
  exit 1
}
[ -x "$PYTHON" ] || die "needs $PYTHON for the report"
RUNS=${RUNS:-3}
MODES=${MODES:-blocking,virtual,nio,netty}
CONNECTIONS=${CONNECTIONS:-100,1000}
REPEAT=${REPEAT:-1}
DURATION=${DURATION:-5s}
BAND=${BAND:-0.8-1.25}
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive whole number, not '$RUNS'"
[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || die "REPEAT must be a positive whole number, not '$REPEAT'"
[[ "$BAND" =~ ^[0-9.]+-[0-9.]+$ ]] || die "BAND is LOW-HIGH, for example 0.8-1.25, not '$BAND'"
[[ "$MODES" =~ ^[a-z]+(,[a-z]+)*$ ]] || die "MODES is a comma-separated list of modes, not '$MODES'"
[[ "$CONNECTIONS" =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || die "CONNECTIONS is a comma-separated list of counts, not '$CONNECTIONS'"

report() {   # report DIR: the quick runs against the references either side, from the runs' results.json
  "$PYTHON" - "$1" "$MODES" "$CONNECTIONS" "$BAND" <<'PY'
import glob, json, math, os, statistics, sys

out, modes, counts, band = sys.argv[1], sys.argv[2].split(','), [int(c) for c in sys.argv[3].split(',')], sys.argv[4]
low, high = (float(x) for x in band.split('-'))
keys = [(m, c) for c in counts for m in modes]

def run(name):
    """A finished run's cells as {(mode, connections): (msgs/s, client-bound)} and its wallSeconds, else None."""
    found = sorted(glob.glob(os.path.join(out, name, '*', 'results.json')))
    if not found:
        return None
    result = json.load(open(found[-1]))
    cells = {}
    for part in result['parts']:
        for cell in part['cells']:
            if cell.get('load'):
                rate = statistics.median(cell.get('repeats') or [cell['load']['messagesPerSecond']])
                cells[(cell['target'], cell['connections'])] = (rate, (cell.get('client') or {}).get('bound', False))
    return cells, result.get('wallSeconds')

def ranking(rates, count):
    present = [m for m in modes if (m, count) in rates]
    return ' > '.join(sorted(present, key=lambda m: -rates[(m, count)]))

def row(name, ratios, marks):
    """A table row: each cell's ratio ('-' where a run lacks it) and how many are in the band."""
    shown = ['-' if key not in ratios else '%.2f%s' % (ratios[key], marks.get(key, '')) for key in keys]
    inside = sum(low <= r <= high for r in ratios.values())
    return '| %s | ' % name + ' | '.join(shown) + ' | %d/%d |' % (inside, len(ratios))

refs = []
while (ref := run('ref%d' % len(refs))) is not None:
    refs.append({key: rate for key, (rate, _) in ref[0].items()})
if not refs:
    sys.exit('quick-vs-warm: no finished reference in %s' % out)
print('band %s; a quick cell against the geometric mean of the warm references right before and after it; '
      '^ marks a cell compare marked client-bound\n' % band)
print('| run | seconds | ' + ' | '.join('%s@%d' % key for key in keys) + ' | in band |')
print('|---|---|' + '---|' * len(keys) + '---|')
rankings = []
for i, (before, after) in enumerate(zip(refs, refs[1:])):
    both = [key for key in keys if key in before and key in after]
    print(row('ref%d -> ref%d (host alone) |' % (i, i + 1), {key: after[key] / before[key] for key in both}, {}))
    quick = run('quick%d' % (i + 1))
    if quick is None:
        continue
    cells, wall = quick
    warm = {key: math.sqrt(before[key] * after[key]) for key in both}
    measured = [key for key in both if key in cells]
    seconds_file = os.path.join(out, 'quick%d.seconds' % (i + 1))
    seconds = open(seconds_file).read().strip() if os.path.exists(seconds_file) else '?'
    print(row('quick%d | %s (%s)' % (i + 1, seconds, '%.1f' % wall if wall else '?'),
              {key: cells[key][0] / warm[key] for key in measured}, {key: '^' for key in measured if cells[key][1]}))
    rates = {key: rate for key, (rate, _) in cells.items()}
    rankings += ['quick%d at %d connections: %s; warm: %s' % (i + 1, count, ranking(rates, count), ranking(warm, count))
                 for count in counts]
print('\nseconds: the whole `./shout compare --quick` as a user waits for it (its own wallSeconds in brackets)')
print('\n'.join(rankings))
PY
}

if [ -n "$REPORT_ONLY" ]; then
  [ -d "$REPORT_ONLY" ] || die "no such directory: $REPORT_ONLY"
  report "$REPORT_ONLY"
  exit 0
fi

OUT=${OUT:-$ROOT/results/quick-vs-warm-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
trap interrupted INT TERM
"$ROOT/shout" build >"$OUT/build.log" 2>&1 || failed "$OUT/build.log" "./shout build" $?
echo "quick-vs-warm: $(date -u '+%F %H:%M UTC'), $(nproc) cpus, kernel $(uname -r); $RUNS quick runs between $((RUNS + 1)) warm references; output in $OUT"

reference() {
  echo "  warm reference $1 ($(date -u +%H:%M:%S))"
  "$ROOT/shout" compare --modes "$MODES" --connections "$CONNECTIONS" --repeat "$REPEAT" --duration "$DURATION" \
    --out "$OUT/ref$1" >"$OUT/ref$1.log" 2>&1 || failed "$OUT/ref$1.log" "warm reference $1" $?
}
reference 0
for k in $(seq "$RUNS"); do
  echo "  quick run $k ($(date -u +%H:%M:%S))"
  start=$(date +%s.%N)
  "$ROOT/shout" compare --quick --out "$OUT/quick$k" >"$OUT/quick$k.log" 2>&1 || failed "$OUT/quick$k.log" "quick run $k" $?
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", e - s }' >"$OUT/quick$k.seconds"
  reference "$k"
done
echo
report "$OUT" | tee "$OUT/report.md"
