#!/usr/bin/env bash
# Installs what is missing, builds followup-lint, and lints a bundled example draft.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DFOLLOWUP_TESTS=OFF >/dev/null
cmake --build build --target followup-lint
echo
echo "\$ ./build/followup-lint fixtures/examples/rough-draft.txt"
./build/followup-lint fixtures/examples/rough-draft.txt || true
