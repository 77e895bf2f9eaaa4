#!/usr/bin/env bash
# `cmake --install` into a temporary prefix, the prefix then copied elsewhere and the
# first removed, the source tree out of reach (PAPERSET_DATA unset): the installed
# program must find its data relative to itself and build both samples, from another
# folder, to the same bytes as the program in the build tree (docs/cli.md "Installing").
# Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "install_test: FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
for f in bin/paperset share/paperset/layouts/broadsheet.xml share/paperset/layouts/tabloid.xml \
  share/paperset/fonts/fontmap.xml share/paperset/icc/paperset-newsprint-tr002.icc \
  share/man/man1/paperset.1.gz share/bash-completion/completions/paperset \
  share/doc/paperset/copyright share/doc/paperset/README.md share/doc/paperset/docs/cli.md \
  share/doc/paperset/examples/wujin-2024-01-05.xml; do
  [[ -f $tmp/prefix/$f ]] || fail "not installed: $f"
done
gzip -t "$tmp/prefix/share/man/man1/paperset.1.gz" || fail "the man page is not gzip"
man -l "$tmp/prefix/share/man/man1/paperset.1.gz" 2>/dev/null | grep -q -- "--split-name" || fail "the man page does not render"

# Copy the tree elsewhere and remove the original: nothing may point back into it.
cp -a "$tmp/prefix" "$tmp/moved"
rm -rf "$tmp/prefix"
mkdir "$tmp/work"
cd "$tmp/work"
run() {
  env -u PAPERSET_DATA -u SOURCE_DATE_EPOCH ASAN_OPTIONS=exitcode=86:fast_unwind_on_malloc=0 \
    LSAN_OPTIONS=suppressions="$src/tests/data/cli/lsan.supp":print_suppressions=0 "$@"
}
run "$tmp/moved/bin/paperset" --version | grep -q '^paperset ' || fail "--version"

samples=$(cd "$src/samples" && ls *.xml | sed 's/\.xml$//')
[[ -n $samples ]] || fail "no samples"
for sample in $samples; do
  # The examples the tree installed, and the build tree's program on the source's copy.
  run "$tmp/moved/bin/paperset" build "$tmp/moved/share/doc/paperset/examples/$sample.xml" -o "installed-$sample.pdf" \
    || fail "the installed program cannot build $sample"
  run "$build/src/cli/paperset" build "$src/samples/$sample.xml" -o "$tmp/built-$sample.pdf" \
    || fail "the build tree's program cannot build $sample"
  cmp "installed-$sample.pdf" "$tmp/built-$sample.pdf" || fail "$sample: not the same bytes"
done

# A data folder that is not one is an error naming it, not a silent fallback.
if out=$(PAPERSET_DATA="$tmp/nowhere" "$tmp/moved/bin/paperset" build "$src/samples/district-tabloid.xml" -o x.pdf 2>&1); then
  fail "PAPERSET_DATA=nowhere was accepted"
fi
grep -q "PAPERSET_DATA" <<<"$out" || fail "the error does not name PAPERSET_DATA: $out"
# A copied program without its data says where it looked.
cp "$tmp/moved/bin/paperset" "$tmp/lonely"
if out=$(run "$tmp/lonely" build "$src/samples/district-tabloid.xml" -o x.pdf 2>&1); then
  fail "a program without data built"
fi
grep -q "share/paperset" <<<"$out" || fail "no hint where the data should be: $out"
echo "install_test: ok"
