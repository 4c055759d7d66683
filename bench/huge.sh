#!/usr/bin/env bash
# Size benchmark: lints drafts of 1 MB, 10 MB and 100 MB (realistic notes
# repeated), a 10 MB single line and a million blank lines with
# `followup-lint --format json`, and prints wall time, CPU time (user +
# system) and peak RSS for each, as a Markdown table.
#
#   bash bench/huge.sh [BINARY]      # default: build/followup-lint
#
# Use a release build (RelWithDebInfo or Release), not a sanitizer build.
# Settings: RUNS (3; the median wall and CPU time and the highest RSS are
# shown), TIMEOUT (600 s per run; a run stopped there is shown as such),
# KEEP=1 keeps the generated drafts and prints where they are.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-build/followup-lint}
if [[ ! -x $bin ]]; then
  echo "huge.sh: no followup-lint at '$bin'; build one first, e.g." >&2
  echo "  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo && cmake --build build" >&2
  exit 2
fi
runs=${RUNS:-3}
limit=${TIMEOUT:-600}
work=$(mktemp -d "${TMPDIR:-/tmp}/followup-huge-XXXXXX")
if [[ ${KEEP:-0} == 1 ]]; then
  echo "drafts kept in $work" >&2
else
  trap 'rm -rf "$work"' EXIT
fi

# Realistic notes: the benchmark corpus generator writes 1 MB of them; the
# larger drafts repeat that megabyte.
python3 bench/gen_corpus.py --single "$work/1mb.txt" --bytes 1MB --seed 1 >/dev/null 2>&1
python3 - "$work" <<'EOF'
import sys
work = sys.argv[1]
block = open(f"{work}/1mb.txt", encoding="utf-8").read()
with open(f"{work}/10mb.txt", "w", encoding="utf-8") as f:
    f.write(block * 10)
with open(f"{work}/100mb.txt", "w", encoding="utf-8") as f:
    for _ in range(100):
        f.write(block)
# The same sentences with every line break turned into a space: one 10 MB line.
line = " ".join(block.split())
body = (line + " ") * (10 * 1000 * 1000 // (len(line) + 1) + 1)
with open(f"{work}/line-10mb.txt", "w", encoding="utf-8") as f:
    f.write("Dear Mr. Jones,\n\n" + body[:10 * 1000 * 1000] + "\n\nSincerely,\nAna Cruz\n(555) 010-4477\n")
with open(f"{work}/blank-1m.txt", "w", encoding="utf-8") as f:
    f.write("Dear Mr. Jones,\n\nThank you for taking the time to speak with me yesterday.\n"
            + "\n" * 1000000
            + "You can reach me at (555) 010-4477. Thank you again for your time.\n\n"
            + "Sincerely,\nAna Cruz\n(555) 010-4477\n")
EOF

python3 - "$bin" "$runs" "$work" "$limit" <<'EOF'
import os, signal, statistics, subprocess, sys, time
binary, runs, work, limit = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
drafts = [("1 MB draft", "1mb.txt"), ("10 MB draft", "10mb.txt"), ("100 MB draft", "100mb.txt"),
          ("10 MB single line", "line-10mb.txt"), ("1,000,000 blank lines", "blank-1m.txt")]
print(f"followup-lint --format json, {runs} run(s) each, median time, highest peak RSS; {os.cpu_count()} CPUs")
print()
print("| input | size | exit | wall | CPU (user + sys) | peak RSS | RSS / size |")
print("|---|---:|---:|---:|---:|---:|---:|")
for label, name in drafts:
    path = os.path.join(work, name)
    size = os.path.getsize(path)
    walls, cpus, rss, code, stopped = [], [], 0, None, False
    for _ in range(runs):
        start = time.monotonic()
        with open(os.devnull, "wb") as null:
            child = subprocess.Popen([binary, "--format", "json", path], stdout=null, stderr=null)
            while True:
                pid, status, usage = os.wait4(child.pid, os.WNOHANG)
                if pid:
                    break
                if time.monotonic() - start > limit:
                    os.kill(child.pid, signal.SIGKILL)
                    stopped = True
                time.sleep(0.02)
        walls.append(time.monotonic() - start)
        cpus.append(usage.ru_utime + usage.ru_stime)
        rss = max(rss, usage.ru_maxrss * 1024)
        code = os.waitstatus_to_exitcode(status)
        if stopped:
            break
    wall = f"> {limit:.0f} s (stopped)" if stopped else f"{statistics.median(walls):.2f} s"
    print(f"| {label} | {size / 1e6:.1f} MB | {'-' if stopped else code} | {wall} "
          f"| {statistics.median(cpus):.2f} s | {rss / 2**20:.0f} MiB | {rss / size:.1f}x |", flush=True)
EOF
