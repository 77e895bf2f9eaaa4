#pragma once
// Images: probe (format, size, colour space) without decoding, and decode to pixels for
// proofs / cairo. Images over 100 megapixels are refused before decoding.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "base/error.h"

namespace image {

enum class Format { Jpeg, Png };
enum class ColorSpace { Gray, Rgb, Cmyk };

struct Info {
  Format format = Format::Jpeg;
  int width = 0, height = 0;
  ColorSpace color = ColorSpace::Rgb;
  int components = 3;  // colour components (1, 3, 4); a PNG's alpha is has_alpha, not counted
  bool adobe_inverted = false;  // Adobe APP14 CMYK JPEG: needs /Decode [1 0 …] in PDF
  bool has_alpha = false;
  bool has_icc = false;
};

constexpr std::int64_t kMaxPixels = 100'000'000;

// Reads only the header. Throws base::Error (naming `from`, the XML element that
// referenced the image) when the file is missing, not a JPEG/PNG, truncated, or too large.
Info probe(const std::filesystem::path& file, const base::Loc& from);

// Decoded pixels in cairo's CAIRO_FORMAT_RGB24 / ARGB32 layout (native-endian 0xAARRGGBB,
// premultiplied), row stride = width * 4. Throws base::Error on a corrupt file.
struct Pixels {
  int width = 0, height = 0;
  bool alpha = false;
  std::vector<std::uint32_t> data;
};
Pixels decode(const std::filesystem::path& file, const base::Loc& from);

}  // namespace image
