#!/usr/bin/env bash
# Makes the sample half-page ad, samples/images/ad-yunhe-property.pdf, by building the ad
# issue samples/ads/yunhe-property.xml with paperset itself (on the ad-halfpage layout: the
# tabloid's 6-column × 30-line slot): a PDF/X-4 with embedded font subsets, a PANTONE 485 C
# spot colour and the newsprint output intent, as an agency would deliver it. The result
# is committed (city-tabloid.xml places it); rerun this after changing the ad.
#
#   scripts/make-sample-ad.sh [PAPERSET]      (default: build/src/cli/paperset)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
paperset=${1:-"$root/build/src/cli/paperset"}
SOURCE_DATE_EPOCH=1710460800 "$paperset" build "$root/samples/ads/yunhe-property.xml" \
  -o "$root/samples/images/ad-yunhe-property.pdf" --quiet
pdfinfo "$root/samples/images/ad-yunhe-property.pdf" | grep -E "^(Pages|Page size|PDF subtype)"
