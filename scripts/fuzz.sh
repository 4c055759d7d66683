#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang, ASan and UBSan in
# build-fuzz, replays fuzz/regressions/<target>/ once with them, then runs
# each target for a budget of executions, FUZZ_JOBS at a time (default 2).
# Each run starts from a scratch copy of fuzz/corpus/<target>/ (plus the
# small regressions) under build-fuzz/runs/. Fails on any crash, leak,
# timeout (10 s per input) or out-of-memory, printing the input that caused
# it and the command that reproduces it. Reports runs and coverage per target.
#
#   bash scripts/fuzz.sh                  as CI: each target's budget below
#   bash scripts/fuzz.sh --long           10 million runs per target, merged back
#   bash scripts/fuzz.sh --merge          the CI budgets, merged back
#   FUZZ_TARGETS="lint fix" FUZZ_RUNS=200000 bash scripts/fuzz.sh --merge
#
# Merging keeps, of what a run found, the inputs that reach code the corpus
# in fuzz/corpus/<target>/ does not yet reach (libFuzzer's -merge=1), so the
# next run starts from there; commit them.
set -euo pipefail
cd "$(dirname "$0")/.."
parallel=${FUZZ_JOBS:-2}
read -r -a targets <<<"${FUZZ_TARGETS:-parse lint config lsp fix mail html markdown plain http encodings walk}"
build=build-fuzz
merge=0
long=0
for arg in "$@"; do
  case $arg in
    --long) long=1 merge=1 ;;
    --merge) merge=1 ;;
    *) echo "fuzz.sh: unknown option '$arg' (use --long or --merge)"; exit 2 ;;
  esac
done

# Executions per target in CI, set so that each target gets a fair share of
# four minutes of two cores in all: a slow target (the language server starts
# a session per input) gets fewer runs, not fewer seconds than it needs.
declare -A budget=([parse]=150000 [lint]=10000 [config]=30000 [lsp]=2000 [fix]=50000
                   [mail]=40000 [html]=30000 [markdown]=100000 [plain]=100000 [http]=40000
                   [encodings]=200000 [walk]=20000)
runs_for() {
  if [[ -n ${FUZZ_RUNS:-} ]]; then echo "$FUZZ_RUNS"
  elif ((long)); then echo 10000000
  else echo "${budget[$1]:-20000}"; fi
}
# A run that has not spent its budget by then stops and says so (CI must end).
cap_seconds=${FUZZ_MAX_SECONDS:-$(((long)) && echo 86400 || echo 300)}

echo "== fuzz build (clang, libFuzzer + ASan + UBSan)"
command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is missing (bash scripts/deps.sh --test installs it)"; exit 1; }
mkdir -p "$build"
if ! { CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
         -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DFOLLOWUP_FUZZ=ON -DFOLLOWUP_TESTS=OFF &&
       cmake --build "$build" -j "$(nproc)" --target fuzz; } >"$build/build.log" 2>&1; then
  tail -n 40 "$build/build.log"
  echo "fuzz.sh: the fuzz build failed (full log: $build/build.log)"
  exit 1
fi

# Runs one target; writes its outcome to runs/<target>/status, never fails itself.
run_target() {
  local t=$1 dir="$build/runs/$1"
  rm -rf "$dir"
  mkdir -p "$dir/corpus" "$dir/artifacts"
  cp fuzz/corpus/"$t"/* "$dir/corpus/"
  # Large regressions (slow-input cases) would raise libFuzzer's input size limit.
  if [[ -d fuzz/regressions/$t ]]; then find fuzz/regressions/"$t" -type f -size -4097c -exec cp {} "$dir/corpus/" \;; fi
  local extra=()
  # The language server logs every bad message to stderr; keep that out of the log.
  [[ $t == lsp ]] && extra+=(-close_fd_mask=2)
  local rc=0
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build/fuzz/fuzz_$t" "$dir/corpus" -runs="$(runs_for "$t")" -max_total_time="$cap_seconds" \
    -rss_limit_mb=2048 -timeout=10 \
    -detect_leaks=1 -print_final_stats=1 -artifact_prefix="$dir/artifacts/" "${extra[@]}" \
    >"$dir/log" 2>&1 || rc=$?
  echo "$rc" >"$dir/status"
}

# Each regression once, with the same limits as the fuzzing below.
for t in "${targets[@]}"; do
  [[ -d fuzz/regressions/$t ]] || continue
  mapfile -t inputs < <(find fuzz/regressions/"$t" -type f | sort)
  ((${#inputs[@]})) || continue
  mkdir -p "$build/runs"
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      "$build/fuzz/fuzz_$t" -timeout=10 -rss_limit_mb=2048 "${inputs[@]}" >"$build/runs/regressions-$t.log" 2>&1; then
    tail -n 40 "$build/runs/regressions-$t.log"
    echo "fuzz_$t: a regression input fails again (log: $build/runs/regressions-$t.log)"
    echo "  reproduce: $build/fuzz/fuzz_$t <file from fuzz/regressions/$t/>"
    exit 1
  fi
done

echo "== fuzzing ${targets[*]}, $parallel at a time ($( ((long)) && echo "10 million runs each" || echo "CI budgets"))"
for t in "${targets[@]}"; do
  while (($(jobs -rp | wc -l) >= parallel)); do wait -n || true; done
  run_target "$t" &
done
wait

failed=0
for t in "${targets[@]}"; do
  dir="$build/runs/$t"
  stat() { sed -n "s/^stat::$1: *//p" "$dir/log" | tail -n 1; }
  if [[ $(cat "$dir/status" 2>/dev/null) == 0 ]]; then
    done_line=$(grep -a 'DONE ' "$dir/log" | tail -n 1)
    cov=$(sed -n 's/.*cov: \([0-9]*\) ft: \([0-9]*\).*/\1 edges, \2 features/p' <<<"$done_line")
    runs=$(stat number_of_executed_units)
    short=""
    ((runs < $(runs_for "$t"))) && short=" (stopped by the ${cap_seconds} s cap before $(runs_for "$t"))"
    echo "fuzz_$t: ok, $runs runs$short, $(stat average_exec_per_sec) exec/s, coverage ${cov:-?}," \
      "$(stat new_units_added) new inputs, peak RSS $(stat peak_rss_mb) MB"
    if ((merge)); then
      before=$(find fuzz/corpus/"$t" -type f | wc -l)
      "$build/fuzz/fuzz_$t" -merge=1 -rss_limit_mb=2048 -timeout=10 fuzz/corpus/"$t" "$dir/corpus" \
        >"$dir/merge.log" 2>&1 || { echo "fuzz_$t: merge failed (log: $dir/merge.log)"; failed=1; }
      echo "fuzz_$t: merged $(($(find fuzz/corpus/"$t" -type f | wc -l) - before)) inputs into fuzz/corpus/$t/"
    fi
    continue
  fi
  failed=1
  input=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$dir/log" | tail -n 1)
  kind=$(grep -m1 -oE 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer): [a-z-]+|SUMMARY: UndefinedBehaviorSanitizer|check failed: .*' "$dir/log" || true)
  echo "--- fuzz_$t: last lines of $dir/log"
  tail -n 40 "$dir/log"
  echo "fuzz_$t: FAILED (${kind:-exit status $(cat "$dir/status" 2>/dev/null)})"
  echo "  input: ${input:-none written}"
  echo "  reproduce: $build/fuzz/fuzz_$t ${input:-$dir/corpus}"
  echo "  then minimize it (-minimize_crash=1 -runs=10000), add it to fuzz/regressions/$t/ and fix the cause"
done
exit "$failed"
