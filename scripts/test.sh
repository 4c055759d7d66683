#!/usr/bin/env bash
# Installs what is missing, builds followup-lint twice (with AddressSanitizer
# and UndefinedBehaviorSanitizer, then a plain -Werror build) and runs every
# test; in between, scripts/fuzz.sh runs each libFuzzer target for a short
# while. The plain run's ctest summary is the last line printed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh --test
jobs=$(nproc)

echo "== sanitizer build (ASan + UBSan)"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DFOLLOWUP_SANITIZE=ON -DFOLLOWUP_WERROR=ON -DFOLLOWUP_TESTS=ON >/dev/null
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs" -LE slow

bash scripts/fuzz.sh

echo "== release build"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFOLLOWUP_WERROR=ON -DFOLLOWUP_TESTS=ON >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"
