#!/usr/bin/env bash
# Benchmark: builds generated broadsheet issues (bench/gen_issue.py: the 16-page issue,
# and 1, 4 and 64 pages with and without photos, 16 photos from 1 or from 16 files) and
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
#   CASES=quick        only the 16-page issue (whole, --split, --split --jobs 1)
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

# Issues by name: bench/gen_issue.py arguments. "issue" is the 16-page benchmark issue.
declare -A gen=(
  [p1]="--pages 1 --photos none" [p1photo]="--pages 1 --photos every"
  [p4]="--pages 4 --photos none" [p4photos]="--pages 4"
  [issue]="" [p16none]="--photos none"
  [photos1]="--photos every --photo-files one" [photos16]="--photos every --photo-files distinct"
  [p64]="--pages 64 --photos none" [p64photos]="--pages 64"
)
issue_of() {  # the issue file of a named issue, generated on first use
  [[ -f $work/$1/issue.xml ]] || eval "python3 '$root/bench/gen_issue.py' '$work/$1' ${gen[$1]}" >&2
  echo "$work/$1/issue.xml"
}

# One case = an issue and the paperset arguments. A case the binary rejects (e.g. an
# older binary without --split) is skipped with its first error line, not failed.
# CASES=quick measures the 16-page issue only.
declare -a names=() argsets=() envs=()
add_case() { names+=("$1"); argsets+=("build '$(issue_of "$2")' -o '$work/out-$2.pdf' $3"); envs+=("${4:-}"); }
# The bundled sample (scripts/setup.sh builds it, with its proofs).
sample=$root/samples/wujin-2024-01-05.xml
add_sample() { names+=("$1"); argsets+=("build '$sample' -o '$work/sample.pdf' $2"); envs+=(""); }
add_case "16 pages" issue ""
add_case "16 pages --split" issue "--split"
add_case "16 pages --split --jobs 1" issue "--split --jobs 1"
if [[ ${CASES:-all} != quick ]]; then
  add_case "1 page, no photo" p1 ""
  add_case "1 page, 1 photo" p1photo ""
  add_case "4 pages, no photo" p4 ""
  add_case "4 pages, 2 photos" p4photos ""
  add_case "16 pages, no photo" p16none ""
  add_case "16 photos, 1 file" photos1 ""
  add_case "16 photos, 16 files" photos16 ""
  add_case "64 pages, no photo" p64 ""
  add_case "64 pages, photos" p64photos ""
  add_sample "sample" ""
  add_sample "sample --png" "--png '$work/proofs'"
fi

accepts() {  # accepts BIN ARGS [ENV]: one untimed run; prints why not on failure
  local out
  if out=$(cd "$work" && eval "${3:-} '$1' $2" 2>&1); then return 0; fi
  echo "${out%%$'\n'*}"
  return 1
}

peak_mb() {  # peak_mb BIN ARGS [ENV]: max resident set size of one run, in MB
  (cd "$work" && eval "${3:-} /usr/bin/time -v '$1' $2" >/dev/null 2>"$work/time.txt") || true
  awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$work/time.txt"
}

median_s() {  # median_s JSON INDEX
  python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]["median"])' "$1" "$2"
}

rows=()
for i in "${!names[@]}"; do
  name=${names[$i]} args=${argsets[$i]} env=${envs[$i]}
  if ! why=$(accepts "$bin" "$args" "$env"); then
    if [[ $name == "16 pages" ]]; then echo "bench: '$bin $args' failed: $why" >&2; exit 1; fi
    rows+=("$name|skipped: $why||")
    continue
  fi
  cmds=("$env '$bin' $args")
  if [[ -n $base ]]; then
    if why_b=$(accepts "$base" "$args" "$env"); then cmds+=("$env '$base' $args"); else rows+=("$name (baseline)|skipped: $why_b||"); fi
  fi
  json=$work/case$i.json
  (cd "$work" && hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$json" "${cmds[@]}") >&2
  new_s=$(median_s "$json" 0)
  rows+=("$name|$new_s|$(peak_mb "$bin" "$args" "$env")|")
  if ((${#cmds[@]} > 1)); then
    base_s=$(median_s "$json" 1)
    ratio=$(python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$base_s" "$new_s")
    rows+=("$name (baseline)|$base_s|$(peak_mb "$base" "$args" "$env")|$ratio")
  fi
done

echo
echo "paperset benchmark: ${runs} runs per case, $(nproc) cores"
printf '%-36s %10s %12s %16s\n' "case" "median s" "max RSS MB" "baseline/new"
declare -A median=()
for r in "${rows[@]}"; do
  IFS='|' read -r n s m ratio <<<"$r"
  printf '%-36s %10s %12s %16s\n' "$n" "$s" "$m" "$ratio"
  median[$n]=$s
done
one=${median["16 pages --split --jobs 1"]:-} par=${median["16 pages --split"]:-}
if [[ $one =~ ^[0-9.]+$ && $par =~ ^[0-9.]+$ ]]; then
  echo "parallel pages: --split is $(python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$one" "$par")x faster on $(nproc) cores than on one thread"
fi
