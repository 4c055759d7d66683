#!/usr/bin/env bash
# Installs what is missing, builds followup-lint, and lints a bundled example draft.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
# WERROR off explicitly: a build folder the test command configured keeps it on.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DFOLLOWUP_TESTS=OFF -DFOLLOWUP_WERROR=OFF >/dev/null
cmake --build build --target followup-lint
echo
echo "\$ ./build/followup-lint fixtures/examples/rough-draft.txt"
./build/followup-lint fixtures/examples/rough-draft.txt || true
