#!/usr/bin/env bash
# Makes the placeholder photos of samples/ and bench/ with ImageMagick (Debian package
# `imagemagick`). They stand in for the newspaper's real photos, which are not ours to
# ship: simple drawn scenes with plasma texture and film grain, at the pixel sizes a
# photo desk would send (about 300 ppi at the size they are placed on the page).
#
#   scripts/make-sample-images.sh [OUT_DIR]     (default: samples/images)
#
# The drawing is seeded, so a run gives the same pictures; the JPEG bytes may still
# differ between ImageMagick versions. The results are committed, so a build never needs
# ImageMagick; rerun this only to change them.
set -euo pipefail

out=${1:-"$(cd "$(dirname "$0")/.." && pwd)/samples/images"}
mkdir -p "$out"
command -v convert >/dev/null || { echo "make-sample-images: needs ImageMagick's convert (apt-get install imagemagick)" >&2; exit 1; }

# Common finishing: a little grain (real photos are never flat), 300 ppi, JPEG.
finish() {  # finish SRC DEST QUALITY [extra convert options…]
  local src=$1 dest=$2 q=$3
  shift 3
  convert "$src" -seed 7 -attenuate 0.25 +noise Gaussian "$@" \
    -density 300 -units PixelsPerInch -quality "$q" -sampling-factor 2x2 -strip "$dest"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# forge.jpg — 武进日报 page 1: a forging line, greyscale (newsprint), 4000×3000 (4:3).
# Placed 8 columns wide (999 pt = 13.9 in) on the broadsheet: about 288 ppi.
forge() {
  local w=4000 h=3000
  # Drawn at a quarter of the size (the blurs are cheap there), then scaled up.
  convert -size 1000x750 gradient:'#9a9a9a'-'#4a4a4a' \
    \( -size 500x375 -seed 11 plasma:grey50-grey50 -colorspace Gray -blur 0x3 -resize 1000x750\! \) \
    -compose overlay -composite \
    -fill '#3a3a3a' -draw "rectangle 0,512 1000,750" \
    -fill '#5c5c5c' -draw "rectangle 62,175 287,575" -draw "rectangle 725,125 937,575" \
    -fill '#6a6a6a' -draw "rectangle 287,312 725,375" -draw "rectangle 100,125 250,175" \
    -fill '#2a2a2a' -draw "rectangle 475,550 575,675" -draw "circle 525,520 525,490" \
    -resize ${w}x${h}\! "$tmp/forge-base.png"
  # The glowing billet on the press and its light on the machines.
  convert -size 1000x750 xc:black -fill white -draw "roundrectangle 362,395 662,470 15,15" \
    -blur 0x24 -level 0%,60% -resize ${w}x${h}\! "$tmp/glow.png"
  convert -size 1000x750 xc:black -fill white -draw "roundrectangle 375,405 650,460 10,10" \
    -blur 0x2 -resize ${w}x${h}\! "$tmp/hot.png"
  convert "$tmp/forge-base.png" "$tmp/glow.png" -compose screen -composite \
    "$tmp/hot.png" -compose screen -composite -colorspace Gray "$tmp/forge.png"
  finish "$tmp/forge.png" "$out/forge.jpg" 82 -colorspace Gray -type Grayscale
}

# site.jpg — tabloid page 1, nested in the lead story: a construction site, RGB,
# 1000×900, placed 2 columns (220 pt) wide: about 330 ppi.
site() {
  convert -size 1000x900 gradient:'#8fb6de'-'#e8eef4' \
    \( -size 250x90 -seed 21 plasma:grey50-grey50 -colorspace Gray -blur 0x2 +level-colors '#6a4c30','#c4a47c' -resize 1000x360\! \) \
    -geometry +0+540 -composite \
    -stroke '#d9a21b' -strokewidth 14 -draw "line 300,120 300,620" -draw "line 120,140 880,140" \
    -draw "line 300,120 780,140" -stroke '#333333' -strokewidth 4 -draw "line 760,140 760,400" \
    -stroke none -fill '#9a9a9a' -draw "rectangle 520,420 900,640" \
    -fill '#6f6f6f' -draw "rectangle 520,420 900,450" -draw "rectangle 520,530 900,545" \
    -fill '#f08a1c' -draw "circle 200,640 200,615" -draw "rectangle 185,640 215,720" \
    "$tmp/site.png"
  finish "$tmp/site.png" "$out/site.jpg" 85
}

# market.jpg — tabloid page 2, stand-alone: stalls of vegetables, RGB, 1950×1300 (3:2),
# placed 4 columns (452 pt) wide: about 310 ppi.
market() {
  convert -size 1950x1300 gradient:'#f4efe6'-'#c9bda8' \
    \( -size 390x120 -seed 31 plasma:grey50-grey50 -colorspace Gray -blur 0x1 +level-colors '#2f6a1f','#b5d36a' -resize 1950x600\! \) \
    -geometry +0+700 -composite \
    \( -size 130x40 -seed 32 plasma:grey50-grey50 -colorspace Gray -blur 0x1 +level-colors '#a01e14','#f0963c' -resize 650x200\! \) \
    -geometry +650+800 -composite \
    -fill '#2e6b8f' -draw "polygon 0,0 1950,0 1950,260 0,380" \
    -fill '#5b4630' -draw "rectangle 0,1180 1950,1300" \
    -fill '#3d3d3d' -draw "rectangle 1350,820 1650,1120" -fill '#a8e0ff' -draw "rectangle 1380,850 1620,1000" \
    "$tmp/market.png"
  finish "$tmp/market.png" "$out/market.jpg" 85
}

# dragonboat.jpg — tabloid page 3, stand-alone: boats on the canal, CMYK (as a photo desk
# sends for print; ImageMagick writes Adobe-inverted CMYK), 1500×1000 (3:2),
# placed 3 columns (336 pt) wide: about 320 ppi.
dragonboat() {
  convert -size 1500x1000 gradient:'#bcd6ea'-'#5f8fb3' \
    \( -size 300x120 -seed 41 plasma:grey50-grey50 -colorspace Gray -blur 0x1 +level-colors '#2f5f7f','#9cc0d6' -resize 1500x600\! \) \
    -geometry +0+400 -composite \
    -fill '#2f4f2f' -draw "polygon 0,400 300,330 700,380 1100,320 1500,390 1500,420 0,420" \
    -fill '#b22222' -draw "polygon 150,620 1250,620 1320,580 1230,680 200,680" \
    -fill '#e6b800' -draw "polygon 250,760 1350,760 1420,720 1330,820 300,820" \
    -stroke '#222222' -strokewidth 6 \
    -draw "line 300,600 340,680" -draw "line 500,600 540,680" -draw "line 700,600 740,680" \
    -draw "line 900,600 940,680" -draw "line 400,740 440,820" -draw "line 800,740 840,820" \
    "$tmp/boat.png"
  finish "$tmp/boat.png" "$out/dragonboat.jpg" 85 -colorspace CMYK
}

# yunhe-logo.png — the masthead logo of city-tabloid.xml: the paper's name 运河晚报 in LXGW
# WenKai Bold and YUNHE EVENING NEWS in Noto Sans CJK Bold, red on white, 2403×683 (8-bit
# RGB PNG without time chunks, so a rerun writes the same bytes), placed about 263 pt
# wide: about 660 ppi.
logo() {
  convert -background white -fill '#d7000f' -font /usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Bold.ttf \
    -pointsize 600 label:"运河晚报" -trim +repage \
    \( -background white -fill '#d7000f' -font /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc -pointsize 120 \
       -kerning 40 label:"YUNHE EVENING NEWS" -trim +repage \) \
    -gravity center -append -bordercolor white -border 20 -depth 8 -type TrueColor \
    -define png:exclude-chunks=date,time "$out/yunhe-logo.png"
}

# nightmarket.jpg — city-tabloid page 3, an agency photo as agencies send it: CMYK
# separated for coated offset paper (data/icc/paperset-coated-fogra39.icc, embedded) with
# deep shadows near 300 % total ink, over the newsprint limit of 240 %: paperset
# re-separates it to the output condition and says so. 1500×1000, 3 columns: ~320 ppi.
nightmarket() {
  local icc; icc="$(cd "$(dirname "$0")/.." && pwd)/data/icc/paperset-coated-fogra39.icc"
  convert -size 1500x1000 gradient:'#141a3a'-'#05060c' \
    \( -size 300x100 -seed 51 plasma:grey50-grey50 -colorspace Gray -blur 0x1 +level-colors '#1a0d05','#c8641e' -resize 1500x500\! \) \
    -geometry +0+500 -composite \
    -fill '#ffcc33' -draw "circle 200,300 200,270" -draw "circle 520,260 520,232" -draw "circle 900,310 900,282" -draw "circle 1250,270 1250,242" \
    -fill '#b3141e' -draw "rectangle 80,420 460,560" -fill '#1e5aa0' -draw "rectangle 560,400 980,560" -fill '#0a6e32' -draw "rectangle 1080,420 1440,560" \
    -fill '#f0e6c8' -draw "rectangle 120,450 420,520" -draw "rectangle 600,430 940,520" -draw "rectangle 1120,450 1400,520" \
    "$tmp/night.png"
  finish "$tmp/night.png" "$tmp/night-rgb.jpg" 92
  convert "$tmp/night-rgb.jpg" -profile /usr/share/color/icc/sRGB.icc -profile "$icc" -quality 90 "$out/nightmarket.jpg"
}

# pingtan.jpg — city-tabloid page 4: a portrait (a 评弹 performer's silhouette) as a camera
# stores it when held upright: the pixels lie on their side (1000×1400 shown, stored
# 1400×1000) and the Exif Orientation tag is 6 (turn 90° clockwise). paperset must show
# it upright without re-encoding it.
pingtan() {
  convert -size 1000x1400 gradient:'#e8d9b0'-'#8a6a3a' \
    -fill '#3a2a1a' -draw "circle 500,420 500,300" -draw "polygon 300,1400 360,700 640,700 700,1400" \
    -fill '#c8a060' -draw "ellipse 620,950 150,230 0,360" -fill '#3a2a1a' -draw "rectangle 600,650 640,1250" \
    -fill '#b3141e' -draw "rectangle 0,0 1000,60" \
    "$tmp/pingtan.png"
  finish "$tmp/pingtan.png" "$tmp/pingtan-up.jpg" 88 -rotate -90
  python3 - "$tmp/pingtan-up.jpg" "$out/pingtan.jpg" <<'PY'
import struct, sys
data = open(sys.argv[1], 'rb').read()
# APP1 "Exif\0\0", big-endian TIFF header, IFD0 with one entry: Orientation (0x0112) = 6.
tiff = b'MM\x00\x2a' + struct.pack('>I', 8) + struct.pack('>H', 1) + struct.pack('>HHIHH', 0x0112, 3, 1, 6, 0) + struct.pack('>I', 0)
app1 = b'\xff\xe1' + struct.pack('>H', 2 + 6 + len(tiff)) + b'Exif\x00\x00' + tiff
open(sys.argv[2], 'wb').write(data[:2] + app1 + data[2:])
PY
}

forge
site
market
dragonboat
logo
nightmarket
pingtan
for f in forge site market dragonboat nightmarket pingtan; do identify -format "%f %wx%h %[colorspace] %b\n" "$out/$f.jpg"; done
identify -format "%f %wx%h %[colorspace] %b\n" "$out/yunhe-logo.png"
