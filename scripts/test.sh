#!/usr/bin/env bash
# Runs the whole test suite: builds paperset and runs every test with CTest.
# `scripts/test.sh --sanitize` does the same in an ASan + UBSan build. With
# PAPERSET_WERROR=ON in the environment (CI, maintainers) warnings are errors.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=build
werror="-DPAPERSET_WERROR=${PAPERSET_WERROR:-OFF}"
opts=(-DCMAKE_BUILD_TYPE=Release "$werror")
if [[ "${1:-}" == "--sanitize" ]]; then
  dir=build-asan
  opts=(-DCMAKE_BUILD_TYPE=Debug "$werror" -DPAPERSET_SANITIZE=ON)
fi
cmake -S . -B "$dir" "${opts[@]}" >/dev/null
cmake --build "$dir" -j"$(nproc)"
cd "$dir"
ctest --output-on-failure -j"$(nproc)"
