// The orientation tag of an Exif block (a JPEG's APP1 "Exif\0\0" payload, a PNG's eXIf
// chunk): a TIFF header and IFD0 (TIFF 6.0 §2, CIPA DC-008 §4.6.2), of which only tag
// 0x0112 (Orientation, SHORT) is read. libtiff cannot do this: it refuses an IFD without
// the image tags (ImageWidth, ImageLength) that an Exif IFD0 does not carry.
#include "image/internal.h"

namespace image {

namespace {

struct Bytes {
  const std::string& s;
  bool little = false;
  bool has(std::size_t at, std::size_t n) const { return at <= s.size() && n <= s.size() - at; }
  unsigned u8(std::size_t at) const { return static_cast<unsigned char>(s[at]); }
  unsigned u16(std::size_t at) const {
    return little ? u8(at) | (u8(at + 1) << 8) : (u8(at) << 8) | u8(at + 1);
  }
  std::uint32_t u32(std::size_t at) const {
    const std::uint32_t a = u16(at), b = u16(at + 2);
    return little ? a | (b << 16) : (a << 16) | b;
  }
};

constexpr unsigned kOrientation = 0x0112, kShort = 3;

}  // namespace

int exif_orientation(const std::string& tiff) {
  Bytes b{tiff};
  if (!b.has(0, 8)) return 1;
  if (tiff.compare(0, 2, "II") == 0) b.little = true;
  else if (tiff.compare(0, 2, "MM") != 0) return 1;
  if (b.u16(2) != 42) return 1;
  const std::size_t ifd = b.u32(4);
  if (!b.has(ifd, 2)) return 1;
  const unsigned count = b.u16(ifd);
  for (unsigned i = 0; i < count; ++i) {
    const std::size_t e = ifd + 2 + 12 * static_cast<std::size_t>(i);
    if (!b.has(e, 12)) return 1;
    if (b.u16(e) != kOrientation) continue;
    if (b.u16(e + 2) != kShort || b.u32(e + 4) != 1) return 1;
    const unsigned v = b.u16(e + 8);  // a SHORT value sits left-justified in the field
    return v >= 1 && v <= 8 ? static_cast<int>(v) : 1;
  }
  return 1;
}

}  // namespace image
