#!/usr/bin/env bash
# Benchmark: builds the generated 16-page broadsheet issue (bench/gen_issue.py) and
# prints the median wall time (hyperfine) and the peak memory (GNU time) per case.
#
#   bench/run.sh [PAPERSET] [BASELINE_PAPERSET]
#
#   PAPERSET           the binary to measure (default build/src/cli/paperset; use a
#                      Release build)
#   BASELINE_PAPERSET  optional: a second binary measured in the same session, with
#                      the ratio baseline/new printed (> 1: the new one is faster)
#   RUNS=N             timed runs per case (default 5, at least 5), after 1 warm-up
#   KEEP=1             keep the work folder (issue, PDFs, hyperfine JSON)
#
# Needs the Debian packages hyperfine, time (for /usr/bin/time) and python3.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-5}
((runs >= 5)) || { echo "bench: RUNS must be at least 5" >&2; exit 2; }

resolve() {  # a binary path: as given, else relative to the repository root
  local p=$1
  [[ -x $p ]] || p=$root/$1
  [[ -x $p ]] || { echo "bench: no executable '$1' (build it: cmake --build build --target paperset)" >&2; exit 2; }
  echo "$(cd "$(dirname "$p")" && pwd)/$(basename "$p")"
}
command -v hyperfine >/dev/null || { echo "bench: needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bench: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }

bin=$(resolve "${1:-build/src/cli/paperset}")
base=${2:+$(resolve "$2")}

work=$(mktemp -d "${TMPDIR:-/tmp}/paperset-bench.XXXXXX")
if [[ ${KEEP:-0} == 1 ]]; then echo "bench: work folder $work"; else trap 'rm -rf "$work"' EXIT; fi

python3 "$root/bench/gen_issue.py" "$work/issue" >&2
issue=$work/issue/issue.xml

# One case = one set of paperset arguments. A case the binary rejects (e.g. an older
# binary without --split) is skipped with its first error line, not failed.
declare -a names=() argsets=()
add_case() { names+=("$1"); argsets+=("$2"); }
add_case "build" "build '$issue' -o '$work/out.pdf'"
add_case "build --split" "build '$issue' -o '$work/split.pdf' --split"
# The same on one thread: the speed-up from drawing and finishing pages in parallel.
add_case "build --split --jobs 1" "build '$issue' -o '$work/split1.pdf' --split --jobs 1"

accepts() {  # accepts BIN ARGS: one untimed run; prints why not on failure
  local out
  if out=$(cd "$work" && eval "'$1' $2" 2>&1); then return 0; fi
  echo "${out%%$'\n'*}"
  return 1
}

peak_mb() {  # peak_mb BIN ARGS: max resident set size of one run, in MB
  (cd "$work" && eval "/usr/bin/time -v '$1' $2" >/dev/null 2>"$work/time.txt") || true
  awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$work/time.txt"
}

median_s() {  # median_s JSON INDEX
  python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]["median"])' "$1" "$2"
}

rows=()
for i in "${!names[@]}"; do
  name=${names[$i]} args=${argsets[$i]}
  if ! why=$(accepts "$bin" "$args"); then
    if [[ $name == build ]]; then echo "bench: '$bin $args' failed: $why" >&2; exit 1; fi
    rows+=("$name|skipped: $why||")
    continue
  fi
  cmds=("'$bin' $args")
  if [[ -n $base ]]; then
    if why_b=$(accepts "$base" "$args"); then cmds+=("'$base' $args"); else rows+=("$name (baseline)|skipped: $why_b||"); fi
  fi
  json=$work/case$i.json
  (cd "$work" && hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$json" "${cmds[@]}") >&2
  new_s=$(median_s "$json" 0)
  rows+=("$name|$new_s|$(peak_mb "$bin" "$args")|")
  if ((${#cmds[@]} > 1)); then
    base_s=$(median_s "$json" 1)
    ratio=$(python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$base_s" "$new_s")
    rows+=("$name (baseline)|$base_s|$(peak_mb "$base" "$args")|$ratio")
  fi
done

echo
echo "paperset benchmark: $(grep -c '<page ' "$issue") pages, ${runs} runs per case, $(nproc) cores"
printf '%-26s %10s %12s %16s\n' "case" "median s" "max RSS MB" "baseline/new"
declare -A median=()
for r in "${rows[@]}"; do
  IFS='|' read -r n s m ratio <<<"$r"
  printf '%-26s %10s %12s %16s\n' "$n" "$s" "$m" "$ratio"
  median[$n]=$s
done
one=${median["build --split --jobs 1"]:-} par=${median["build --split"]:-}
if [[ $one =~ ^[0-9.]+$ && $par =~ ^[0-9.]+$ ]]; then
  echo "parallel pages: --split is $(python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$one" "$par")x faster on $(nproc) cores than on one thread"
fi
