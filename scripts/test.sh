#!/usr/bin/env bash
# Runs the whole test suite: builds paperset (warnings are errors) and runs every test
# with CTest. `scripts/test.sh --sanitize` does the same in an ASan + UBSan build.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=build
opts=(-DCMAKE_BUILD_TYPE=Release -DPAPERSET_WERROR=ON)
if [[ "${1:-}" == "--sanitize" ]]; then
  dir=build-asan
  opts=(-DCMAKE_BUILD_TYPE=Debug -DPAPERSET_WERROR=ON -DPAPERSET_SANITIZE=ON)
fi
cmake -S . -B "$dir" "${opts[@]}" >/dev/null
cmake --build "$dir" -j"$(nproc)"
cd "$dir"
ctest --output-on-failure -j"$(nproc)"
