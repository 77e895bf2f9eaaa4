#!/usr/bin/env bash
# CPack builds the Debian package; `dpkg-deb --info` must list the runtime
# dependencies (shared libraries found by dpkg-shlibdeps, and the fonts the font map
# names) and `dpkg-deb --contents` the FHS layout (docs/cli.md "Installing").
# Usage: deb_test.sh BUILD_DIR
set -euo pipefail
build=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "deb_test: FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$tmp" >/dev/null) || fail "cpack"
deb=$(ls "$tmp"/paperset_*.deb)
info=$(dpkg-deb --info "$deb")
depends=$(sed -n 's/^ Depends: //p' <<<"$info")
echo "Depends: $depends"
for dep in libharfbuzz0b libcairo2 libqpdf libfontconfig1 liblcms2-2 libjpeg62-turbo libpng16-16 \
  libtinyxml2 libstdc++6 fonts-noto-cjk fonts-lxgw-wenkai; do
  grep -q "$dep" <<<"$depends" || fail "Depends lacks $dep"
done
grep -q "^ Package: paperset$" <<<"$info" || fail "package name"
grep -q "^ Architecture: $(dpkg --print-architecture)$" <<<"$info" || fail "architecture"
contents=$(dpkg-deb --contents "$deb")
for f in ./usr/bin/paperset ./usr/share/paperset/layouts/broadsheet.xml ./usr/share/paperset/fonts/fontmap.xml \
  ./usr/share/paperset/icc/paperset-newsprint-tr002.icc ./usr/share/man/man1/paperset.1.gz \
  ./usr/share/bash-completion/completions/paperset ./usr/share/doc/paperset/copyright; do
  grep -q " $f\$" <<<"$contents" || fail "the package lacks $f"
done
echo "deb_test: ok"
