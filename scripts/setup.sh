#!/usr/bin/env bash
# Installs what landskap needs on Debian 12 and is not there yet.
#   scripts/setup.sh          what building and running needs
#   scripts/setup.sh --test   also what the test suite needs (NetworkX, igraph, Chromium, Playwright,
#                             clang with libFuzzer for tests/fuzz)
# Uses apt-get as root, or through sudo; otherwise says which packages to install.
set -euo pipefail
cd "$(dirname "$0")/.."

# libpugixml-dev: configuring the build reads tests/CMakeLists.txt, which finds pugixml (it
# parses the plan's MS Project export back), so even the quick start needs it.
packages=(g++ cmake ninja-build pkg-config libboost-graph-dev libboost-program-options-dev
          nlohmann-json3-dev libsimdjson-dev libgraphviz-dev libcairo2-dev librsvg2-dev gettext
          libgtest-dev libgmock-dev libbenchmark-dev libical-dev libzip-dev libpugixml-dev
          libxlsxwriter-dev)
if [ "${1:-}" = "--test" ]; then
  packages+=(python3 python3-networkx python3-igraph python3-jsonschema python3-openpyxl chromium fonts-dejavu-core)
  # tests/fuzz: clang++-14, and libclang_rt.fuzzer-x86_64.a with the sanitizer runtimes.
  packages+=(clang-14 libclang-rt-14-dev)
  # Debian 12's nodejs is 18.20, which the pinned playwright-core supports; a node already on
  # the PATH (nodesource's, say) is used as it is.
  { command -v node && command -v npm; } >/dev/null 2>&1 || packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "landskap setup: installing ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    sudo_cmd=()
  elif command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
  else
    echo "landskap setup: these Debian packages are missing: ${missing[*]}" >&2
    echo "Install them as root:  apt-get install ${missing[*]}" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The browser test drives Debian's Chromium with playwright-core (no browser download). Say which
# node it will use, and warn when that node is older than the locked playwright-core supports
# (report_browser then fails with the same message).
if [ "${1:-}" = "--test" ] && command -v node >/dev/null 2>&1; then
  node_version=$(node --version)
  # The locked playwright-core's engines.node, e.g. ">=18".
  engine_js="((require('./tests/browser/package-lock.json').packages
               ['node_modules/playwright-core'] || {}).engines || {}).node || ''"
  node_needed=$(node -p "$engine_js" | grep -o '[0-9]\+' | head -n 1 || true)
  echo "landskap setup: the browser test uses node $node_version ($(command -v node)) and npm $(npm --version 2>/dev/null || echo missing)"
  node_major=${node_version#v}
  node_major=${node_major%%.*}
  if [ -n "$node_needed" ] && [ "$node_major" -lt "$node_needed" ]; then
    echo "landskap setup: node $node_version is too old for the browser test, which needs Node.js $node_needed or newer; report_browser will fail" >&2
  fi
fi
if [ "${1:-}" = "--test" ] && [ -f tests/browser/package-lock.json ] && [ ! -d tests/browser/node_modules ]; then
  echo "landskap setup: installing the browser test's npm packages (tests/browser)"
  npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
fi
