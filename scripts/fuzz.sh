#!/usr/bin/env bash
# Fuzzes every libFuzzer target (docs/fuzzing.md) for SECONDS each (default 60), after
# running it over its committed corpus and regression inputs. Builds build-fuzz/ with
# clang, coverage, ASan and UBSan. New inputs go to build-fuzz/corpus/TARGET, crashes,
# hangs and leaks to build-fuzz/artifacts/TARGET/; the script stops at the first one
# (exit 1) and prints the command that reproduces it.
#   scripts/fuzz.sh [SECONDS] [TARGET…]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(issue layout flow compose image preflight)

dir=build-fuzz
CXX=${PAPERSET_FUZZ_CXX:-clang++-14} cmake -S . -B "$dir" -DPAPERSET_FUZZ=ON -DCMAKE_BUILD_TYPE=Fuzz \
  -DCMAKE_CXX_FLAGS_FUZZ="-O1 -g" >/dev/null
if ! cmake --build "$dir" -j"$(nproc)" --target "${targets[@]/#/fuzz_}" >"$dir/build.log" 2>&1; then
  tail -n 40 "$dir/build.log"
  echo "fuzz: the build failed (log: $dir/build.log)" >&2
  exit 1
fi

# Longest input per target: whole issues and PDFs are larger than a paragraph.
declare -A max_len=([issue]=65536 [layout]=16384 [flow]=65536 [compose]=4096 [image]=65536 [preflight]=131072)
total=0
for t in "${targets[@]}"; do
  work="$dir/corpus/$t"
  mkdir -p "$work" "$dir/artifacts/$t"
  seeds=(tests/fuzz/corpus/"$t")
  [[ -d tests/fuzz/regressions/$t ]] && seeds+=(tests/fuzz/regressions/"$t")
  log="$dir/artifacts/$t/last.log"
  echo "fuzz: $t for ${seconds}s"
  # -timeout: one input over 10 s is a hang; -rss_limit_mb: over 2 GiB is a memory bug
  # (the product's bound is 1 GiB; ASan needs room of its own).
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
      "$dir/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len="${max_len[$t]}" -artifact_prefix="$dir/artifacts/$t/" -print_final_stats=1 \
      "$work" "${seeds[@]}" >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz: $t found a problem (log: $log); reproduce with: $dir/tests/fuzz/fuzz_$t ARTIFACT" >&2
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  echo "fuzz: $t: ${runs:-0} executions, corpus $(find "$work" -type f | wc -l) inputs"
  total=$((total + ${runs:-0}))
done
echo "fuzz: ${total} executions in all, no crash, hang or leak"
