// The JPEG header walk behind probe(): markers from SOI up to the first SOS, without
// decoding. Marker codes and segment layouts: ITU-T T.81 (ISO/IEC 10918-1) B.1.1.3,
// Table B.1 and B.2.2 (frame header); APP14 "Adobe": Adobe Technical Note #5116
// (DCT filter), APP2 "ICC_PROFILE": ICC.1:2010 Annex B.4 (a profile over 64 KB spans
// several APP2 segments), APP1 "Exif": CIPA DC-008 §4.5.4 (the orientation, exif.cpp).
#include "image/internal.h"

namespace image {
namespace {

constexpr std::uint8_t kSOI = 0xD8, kEOI = 0xD9, kSOS = 0xDA, kTEM = 0x01;
constexpr std::uint8_t kAPP1 = 0xE1, kAPP2 = 0xE2, kAPP14 = 0xEE;

bool is_sof(std::uint8_t m) {
  // C4 (DHT), C8 (JPG) and CC (DAC) sit inside the C0–CF range but are not frames.
  return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

// The processes libjpeg-turbo decodes: baseline, extended sequential and progressive,
// Huffman or arithmetic. Lossless (C3, CB) and hierarchical (C5–C7, CD–CF) are not.
bool is_supported_sof(std::uint8_t m) {
  return m == 0xC0 || m == 0xC1 || m == 0xC2 || m == 0xC9 || m == 0xCA;
}

bool is_standalone(std::uint8_t m) { return m == kTEM || (m >= 0xD0 && m <= 0xD7) || m == kSOI; }

struct Walk {
  bool saw_sof = false;
  bool saw_adobe = false;
  bool saw_exif = false;  // the first Exif APP1 counts (an XMP APP1 may follow it)
  Info info;
};

// The next marker code; bytes that are not 0xFF before it are skipped (libjpeg does the
// same, with a warning) and 0xFF fill bytes are allowed (T.81 B.1.1.2).
std::uint8_t next_marker(HeaderReader& in) {
  while (in.u8() != 0xFF) {
  }
  std::uint8_t m = 0xFF;
  while (m == 0xFF) m = in.u8();
  return m;
}

void read_sof(HeaderReader& in, std::uint8_t marker, std::size_t len, const Source& src, Walk& w) {
  if (!is_supported_sof(marker))
    fail(src, "uses a lossless or hierarchical JPEG process, which the JPEG decoder does not support",
         "save it again as an ordinary (baseline or progressive) JPEG");
  if (len < 6) fail(src, "the JPEG frame header (SOF) is corrupt", "the file is damaged: export it again");
  const std::string p = in.take(len);
  auto byte = [&p](std::size_t i) { return static_cast<std::uint8_t>(p[i]); };
  const int precision = byte(0);
  w.info.height = (byte(1) << 8) | byte(2);
  w.info.width = (byte(3) << 8) | byte(4);
  w.info.components = byte(5);
  if (precision != 8)
    fail(src, "has " + std::to_string(precision) + "-bit samples; only 8-bit JPEGs are supported",
         "save it again as an 8-bit JPEG");
  if (len < 6 + 3 * static_cast<std::size_t>(w.info.components))
    fail(src, "the JPEG frame header (SOF) is corrupt", "the file is damaged: export it again");
  w.saw_sof = true;
}

// The bytes a segment's signature needs are always read (never short-circuited away),
// so that the skip after them lands on the next marker whatever came before.
void read_segment(HeaderReader& in, std::uint8_t marker, std::size_t len, Walk& w) {
  static const std::string kAdobe("Adobe", 5), kIcc("ICC_PROFILE\0", 12), kExif("Exif\0\0", 6);
  std::size_t used = 0;
  if (marker == kAPP14 && len >= 12) {
    used = 12;
    const bool adobe = in.take(used).compare(0, 5, kAdobe) == 0;
    w.saw_adobe = w.saw_adobe || adobe;
  } else if (marker == kAPP2 && len >= 14) {
    used = 12;
    const bool icc = in.take(used) == kIcc;
    w.info.has_icc = w.info.has_icc || icc;
  } else if (marker == kAPP1 && len >= 14 && !w.saw_exif) {
    const std::string body = in.take(len);  // at most 64 KB: one segment
    used = len;
    if (body.compare(0, 6, kExif) == 0) {
      w.saw_exif = true;
      w.info.orientation = exif_orientation(body.substr(6));
    }
  }
  in.skip(len - used);
}

void finish(Walk& w, const Source& src) {
  switch (w.info.components) {
    case 1: w.info.color = ColorSpace::Gray; break;
    case 3: w.info.color = ColorSpace::Rgb; break;  // YCbCr or RGB: both decode to RGB
    case 4: w.info.color = ColorSpace::Cmyk; break;  // CMYK or YCCK
    default:
      fail(src, "has " + std::to_string(w.info.components) + " colour components; only grey (1), RGB (3) and CMYK (4) are supported",
           "convert it to greyscale, RGB or CMYK");
  }
  // Photoshop and most DTP tools write CMYK with an Adobe APP14 marker and store the
  // channels inverted (0 = full ink); PDF needs /Decode [1 0 1 0 1 0 1 0] for them
  // (docs/libraries.md §4).
  w.info.adobe_inverted = w.saw_adobe && w.info.components == 4;
}

}  // namespace

Info probe_jpeg(HeaderReader& in, const Source& src) {
  Walk w;
  w.info.format = Format::Jpeg;
  in.skip(2);  // SOI, checked by the caller's signature test
  for (;;) {
    const std::uint8_t m = next_marker(in);
    if (is_standalone(m)) continue;
    if (m == kEOI) fail(src, "the JPEG ends (EOI) before any image data", "the file is damaged: export it again");
    if (m == kSOS) break;
    const std::uint16_t len = in.be16();
    if (len < 2) fail(src, "a JPEG header segment has an impossible length", "the file is damaged: export it again");
    if (is_sof(m) && !w.saw_sof)
      read_sof(in, m, len - 2u, src, w);
    else
      read_segment(in, m, len - 2u, w);
  }
  if (!w.saw_sof)
    fail(src, "the JPEG has no frame header (SOF) before its image data", "the file is damaged: export it again");
  finish(w, src);
  return w.info;
}

}  // namespace image
