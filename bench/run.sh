#!/usr/bin/env bash
# bench/run.sh -- build Release binaries and measure followup-lint.
#
#   bash bench/run.sh            # from anywhere; takes ~5 min with the build
#
# 1. builds followup-lint and followup-bench (Release, no tests) in
#    build-bench/ at the top of the tree;
# 2. generates a corpus of N drafts (bench/gen_corpus.py) and 1 MB / 10 MB
#    single files in a temporary folder;
# 3. runs followup-bench over the corpus (in-process: rule loading, 1 thread
#    and all cores, MB/s and files/s, also per CPU-second);
# 5. prints the table (bench/table.py): every ratio bench/README.md reports,
#    from one run, beside wc -w, cat and the peers when installed;
# 4. times the command line: the whole corpus with --format json (--jobs 1
#    and default jobs), `--version` start-up, one small draft (start-up +
#    loading and compiling the built-in rules + lint), and the 1 MB / 10 MB
#    files with peak RSS.
# CLI timings use hyperfine when installed (apt-get install -y hyperfine),
# else a shell loop with `date +%s%N`. Peak RSS needs GNU time (/usr/bin/time,
# apt-get install -y time).
#
# Environment (all optional):
#   N=5000          drafts in the corpus          SEED=1   generator seed
#   RUNS=200        runs for --version / one draft start-up timings
#   CORPUS_RUNS=5   runs for the whole-corpus CLI timings
#   BIG_SIZES="1MB 10MB"  single-file sizes (K/M suffixes = 10^3/10^6 bytes)
#   BIG_TIMEOUT=300 seconds before a single-file run is given up
#   BUILD_DIR=...   build folder (default <repo>/build-bench)
#   SKIP_BUILD=1    use the binaries already in BUILD_DIR
#   NO_HYPERFINE=1  force the shell-loop fallback
#   KEEP=1          keep the temporary folder (corpus, hyperfine JSON, outputs)
#   TABLE_DRAFTS=10000 TABLE_BIG_MB=100   the table's corpus and big draft
#   NO_PEERS=1      leave the peer linters out of the table
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build-bench}
N=${N:-5000}
SEED=${SEED:-1}
RUNS=${RUNS:-200}
CORPUS_RUNS=${CORPUS_RUNS:-5}
BIG_SIZES=${BIG_SIZES:-"1MB 10MB"}
BIG_TIMEOUT=${BIG_TIMEOUT:-300}
LINT=$BUILD_DIR/followup-lint
FBENCH=$BUILD_DIR/followup-bench

WORK=$(mktemp -d "${TMPDIR:-/tmp}/followup-bench.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
  echo "keeping $WORK"
else
  trap 'rm -rf "$WORK"' EXIT
fi

say() { printf '\n== %s\n' "$*"; }

# ---------------------------------------------------------------- build
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  say "build (Release) in $BUILD_DIR"
  cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFOLLOWUP_TESTS=OFF >/dev/null
  ninja -C "$BUILD_DIR" followup-lint followup-bench
fi
[ -x "$LINT" ] && [ -x "$FBENCH" ] || { echo "run.sh: missing $LINT or $FBENCH" >&2; exit 2; }

# ---------------------------------------------------------------- machine
say "machine"
echo "cores: $(nproc)   $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "followup-lint: $("$LINT" --version 2>&1 | head -1)"

# ---------------------------------------------------------------- corpus
say "corpus"
CORPUS=$WORK/corpus
python3 "$BENCH/gen_corpus.py" "$CORPUS" "$N" --seed "$SEED"
for size in $BIG_SIZES; do
  python3 "$BENCH/gen_corpus.py" --single "$WORK/big-$size.txt" --bytes "$size" --seed "$SEED"
done
mkdir -p "$WORK/small"
cp "$CORPUS/$(ls "$CORPUS" | grep -m1 '\.txt$')" "$WORK/small/draft.txt"
CORPUS_BYTES=$(cat "$CORPUS"/*.txt | wc -c)
CORPUS_FILES=$(ls "$CORPUS" | grep -c '\.txt$')
echo "$CORPUS_FILES files, $CORPUS_BYTES bytes; small draft: $(wc -c <"$WORK/small/draft.txt") bytes"

# ---------------------------------------------------------------- in-process
say "followup-bench (in-process, no I/O, no output formatting)"
"$FBENCH" "$CORPUS" | tee "$WORK/followup-bench.txt"

# ---------------------------------------------------------------- CLI timings
HAVE_HYPERFINE=0
if [ "${NO_HYPERFINE:-0}" != 1 ] && command -v hyperfine >/dev/null; then HAVE_HYPERFINE=1; fi

SUMMARY=$WORK/summary.tsv
: >"$SUMMARY"

# hf LABEL BYTES FILES RUNS WARMUP -- CMD...
# Times CMD (exit status 1 = findings is fine), prints mean/median/min ms,
# user+sys CPU ms and, when BYTES > 0, MB/s and files/s from the median.
hf() {
  local label=$1 bytes=$2 files=$3 runs=$4 warmup=$5
  shift 6
  local json=$WORK/hf-$(echo "$label" | tr -c 'A-Za-z0-9' '_').json
  if [ "$HAVE_HYPERFINE" = 1 ]; then
    hyperfine -N -i --style none --output pipe --warmup "$warmup" --runs "$runs" \
      --export-json "$json" -- "$(printf '%q ' "$@")" >/dev/null 2>&1
    python3 - "$json" "$label" "$bytes" "$files" >>"$SUMMARY" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
label, nbytes, files = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
ms = lambda s: s * 1000
rate = ""
if nbytes:
    rate = f"{nbytes / 1e6 / r['median']:.1f} MB/s, {files / r['median']:.0f} files/s, " \
           f"{nbytes / 1e6 / (r['user'] + r['system']):.1f} MB/s per CPU-s"
print(f"{label}\t{len(r['times'])}\t{ms(r['mean']):.2f}\t{ms(r['median']):.2f}\t{ms(r['min']):.2f}\t"
      f"{ms(r['user'] + r['system']):.2f}\t{rate}")
PY
  else
    local times=$WORK/times-$$.txt t0 t1 i
    : >"$times"
    for ((i = 0; i < warmup; i++)); do "$@" >/dev/null 2>&1 || true; done
    for ((i = 0; i < runs; i++)); do
      t0=$(date +%s%N)
      "$@" >/dev/null 2>&1 || true
      t1=$(date +%s%N)
      echo $(((t1 - t0) / 1000)) >>"$times"   # microseconds
    done
    sort -n "$times" | awk -v label="$label" -v bytes="$bytes" -v files="$files" '
      { t[NR] = $1; sum += $1 }
      END {
        med = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
        rate = ""
        if (bytes > 0) rate = sprintf("%.1f MB/s, %.0f files/s", bytes / med, files / (med / 1e6))
        printf "%s\t%d\t%.2f\t%.2f\t%.2f\t-\t%s\n", label, NR, sum / NR / 1000, med / 1000, t[1] / 1000, rate
      }' >>"$SUMMARY"
  fi
  tail -1 "$SUMMARY" | awk -F'\t' '{ printf "%-44s runs %-4s mean %9s ms  median %9s ms  min %9s ms  cpu %9s ms  %s\n", $1, $2, $3, $4, $5, $6, $7 }'
}

say "command line ($([ "$HAVE_HYPERFINE" = 1 ] && echo hyperfine || echo 'shell loop, date +%s%N'); exit status 1 = findings)"
hf "corpus --format json --jobs 1" "$CORPUS_BYTES" "$CORPUS_FILES" "$CORPUS_RUNS" 1 -- \
  "$LINT" --format json --jobs 1 "$CORPUS"
hf "corpus --format json (default jobs)" "$CORPUS_BYTES" "$CORPUS_FILES" "$CORPUS_RUNS" 1 -- \
  "$LINT" --format json "$CORPUS"
hf "--version" 0 0 "$RUNS" 20 -- "$LINT" --version
hf "one small draft (text output)" 0 0 "$RUNS" 20 -- "$LINT" "$WORK/small/draft.txt"
hf "one small draft --format json" 0 0 "$RUNS" 20 -- "$LINT" --format json "$WORK/small/draft.txt"

# ---------------------------------------------------------------- big files
# One run first, under `timeout`; two more (best of 3) only when it took less
# than 10 s: run time that grows faster than the size is what this finds.
say "single big files (--format json; best of 3 if under 10 s, else 1 run; timeout ${BIG_TIMEOUT}s)"
big() {  # big NAME
  local path=$WORK/$1.txt size wall cpu rss rc best="" bestcpu="-" bestrss="-" runs=0 i
  size=$(wc -c <"$path")
  for i in 1 2 3; do
    rss=-
    cpu=-
    if [ -x /usr/bin/time ]; then
      rc=0
      timeout "$BIG_TIMEOUT" /usr/bin/time -v -o "$WORK/time.txt" "$LINT" --format json "$path" >/dev/null 2>&1 || rc=$?
      if [ "$rc" -ge 124 ]; then echo "$1: TIMEOUT after ${BIG_TIMEOUT}s"; return; fi
      wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$WORK/time.txt")
      rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time.txt")
      cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' "$WORK/time.txt")
    else
      local t0 t1
      t0=$(date +%s%N)
      rc=0
      timeout "$BIG_TIMEOUT" "$LINT" --format json "$path" >/dev/null 2>&1 || rc=$?
      if [ "$rc" -ge 124 ]; then echo "$1: TIMEOUT after ${BIG_TIMEOUT}s"; return; fi
      t1=$(date +%s%N)
      wall=$(awk -v d=$((t1 - t0)) 'BEGIN { print d / 1e9 }')
    fi
    runs=$i
    if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$wall bestcpu=$cpu; fi
    [ "$rss" != - ] && bestrss=$rss
    awk -v t="$wall" 'BEGIN { exit !(t >= 10) }' && break
  done
  printf '%-10s %9d bytes  runs %d  wall %7.2f s  %6.2f MB/s  cpu %s s  %s MB/s per CPU-s  peak RSS %s KB\n' \
    "$1" "$size" "$runs" "$best" "$(awk -v b="$size" -v t="$best" 'BEGIN { print b / 1e6 / t }')" "$bestcpu" \
    "$(awk -v b="$size" -v t="$bestcpu" 'BEGIN { if (t + 0 > 0) printf "%.2f", b / 1e6 / t; else print "-" }')" "$bestrss"
}
for size in $BIG_SIZES; do big "big-$size"; done

# ---------------------------------------------------------------- the table
# Every figure of bench/README.md's table from this one run, as ratios
# beside wc -w and cat, with the peers when ../shared/bench/peers.sh is there.
say "the table (bench/table.py: 1k / 10k / 100k drafts, .eml and .html, a ${TABLE_BIG_MB:-100} MB draft)"
PEERS=$ROOT/../shared/bench/peers.sh
python3 "$BENCH/table.py" "$LINT" "$FBENCH" "$WORK/table" --drafts "${TABLE_DRAFTS:-10000}" \
  --big-mb "${TABLE_BIG_MB:-100}" $([ "${NO_PEERS:-0}" != 1 ] && [ -f "$PEERS" ] && echo --peers "$PEERS")

echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "${KEEP:-0}" = 1 ] && echo "results kept in $WORK"
exit 0
