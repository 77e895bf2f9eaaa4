#!/usr/bin/env bash
# One command sets everything up on a fresh Debian 12 machine: installs the Debian
# packages paperset needs (build tools, libraries, fonts, PDF tools), builds paperset,
# and builds the bundled sample issue into a PDF with PNG proofs.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake pkg-config
  libcairo2-dev libharfbuzz-dev libfreetype-dev libfontconfig-dev libpango1.0-dev
  libtinyxml2-dev doctest-dev libqpdf-dev liblcms2-dev libjpeg-dev libpng-dev libtiff-dev libpoppler-glib-dev
  libicu-dev libhyphen-dev hyphen-en-us nlohmann-json3-dev ccache
  clang-14 libfuzzer-14-dev libclang-rt-14-dev
  fonts-noto-cjk fonts-lxgw-wenkai
  poppler-utils ghostscript qpdf imagemagick python3 hyperfine time man-db
  chromium  # the proof sheet's browser test (tests/browser/), headless
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"

mkdir -p out/proofs
./build/src/cli/paperset build samples/wujin-2024-01-05.xml -o out/wujin-2024-01-05.pdf --png out/proofs
echo
echo "setup: done. The sample issue is at out/wujin-2024-01-05.pdf, its proofs in out/proofs/."
