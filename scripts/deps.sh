#!/usr/bin/env bash
# Installs what followup-lint needs on Debian 12, skipping what is already there.
#   scripts/deps.sh          build dependencies
#   scripts/deps.sh --test   build and test dependencies
set -euo pipefail
packages=(cmake ninja-build g++ pkg-config libre2-dev libicu-dev libtomlplusplus-dev libfmt-dev
          catch2 nlohmann-json3-dev libphonenumber-dev libprotobuf-dev libabsl-dev libgumbo-dev libgmime-3.0-dev libmd4c-dev libcpp-httplib-dev
          libdtl-dev help2man)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(clang libclang-rt-14-dev python3 python3-jsonschema neovim pre-commit git chromium chromium-driver
             python3-selenium python3-yaml dpkg-dev file
             vim vim-ale emacs-nox elpa-eglot)
  command -v npm >/dev/null || packages+=(npm)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# axe-core for the web page's accessibility test, from the npm registry (once).
if [[ "${1:-}" == "--test" && ! -f tests/serve/node_modules/axe-core/axe.min.js ]]; then
  (cd "$(dirname "$0")/.." && npm install --no-save --no-package-lock --silent --prefix tests/serve axe-core@4 >/dev/null)
fi
# Microsoft's SARIF validator (a self-contained program) for tests/diag/sarif_validator_test.cpp (once).
if [[ "${1:-}" == "--test" && ! -f tests/diag/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool ]]; then
  (cd "$(dirname "$0")/.." &&
    npm install --no-save --no-package-lock --silent --prefix tests/diag @microsoft/sarif-multitool-linux@5.7.0 >/dev/null)
fi
