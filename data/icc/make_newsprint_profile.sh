#!/bin/sh
# Rebuilds data/icc/paperset-newsprint-tr002.icc from measured coldset-newsprint data.
# Not part of the build: the profile is committed; run this only to regenerate it
# (see README.md in this folder for why these inputs and settings).
#
# Needs (Debian 12, main): apt-get install argyll icc-profiles-free
#   icc-profiles-free  /usr/share/color/icc/TR002.ti3  (ANSI CGATS/SNAP TR 002-2007 data)
#                      /usr/share/color/icc/sRGB.icc   (source gamut for the perceptual table)
#   argyll             colprof 2.3.1
#
# colprof stamps the current date into the profile header, so a rebuilt profile has
# a different sha256 from the committed one even with the same settings; update README.md.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp /usr/share/color/icc/TR002.ti3 "$work/paperset-newsprint-tr002.ti3"
cd "$work"
# -qm  medium quality cLUTs (222 KB; avg fit error 0.17 dE, peak 1.05 dE on TR002)
# -kr  black generation: ramp (K from 0 at white to 100 % at black)
# -l240 total ink limit 240 % (print.md: ISO 12647-3 coldset 220-240 %; the layout default)
# -s   perceptual B2A gamut-mapped from sRGB (photos are converted from sRGB, perceptual)
# -Z m matte media (newsprint)
colprof -qm -kr -l240 -Z m -s /usr/share/color/icc/sRGB.icc \
  -A "paperset" \
  -M "coldset newsprint (CGATS TR 002)" \
  -D "paperset newsprint CGATS TR 002, TAC 240%" \
  -C "Built by paperset from ANSI CGATS/SNAP TR 002-2007 characterization data (Debian icc-profiles-free, Zlib licence). Redistributable; TR 002 must be named as the data source." \
  paperset-newsprint-tr002
cp paperset-newsprint-tr002.icc "$here/paperset-newsprint-tr002.icc"
sha256sum "$here/paperset-newsprint-tr002.icc"
