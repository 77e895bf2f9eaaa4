#include "image/png_encode.h"

#include <png.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "base/error.h"

namespace image {
namespace {

// Packs each 32-bit pixel to three bytes R, G, B, row after row, into the same buffer:
// every write lands at or before the byte it was read from, so packing in place is safe.
void pack_rgb(unsigned char* pixels, int width, int height, int stride) {
  unsigned char* dst = pixels;
  for (int y = 0; y < height; ++y) {
    const unsigned char* row = pixels + static_cast<std::size_t>(y) * static_cast<std::size_t>(stride);
    for (int x = 0; x < width; ++x) {
      std::uint32_t v;
      std::memcpy(&v, row + static_cast<std::size_t>(x) * 4, 4);
      *dst++ = static_cast<unsigned char>(v >> 16);
      *dst++ = static_cast<unsigned char>(v >> 8);
      *dst++ = static_cast<unsigned char>(v);
    }
  }
}

}  // namespace

void write_proof_png(const std::filesystem::path& out, unsigned char* pixels, int width, int height, int stride) {
  pack_rgb(pixels, width, height, stride);
  png_image img;
  std::memset(&img, 0, sizeof img);
  img.version = PNG_IMAGE_VERSION;
  img.width = static_cast<png_uint_32>(width);
  img.height = static_cast<png_uint_32>(height);
  img.format = PNG_FORMAT_RGB;
  img.flags = PNG_IMAGE_FLAG_FAST;
  const int ok = png_image_write_to_file(&img, out.c_str(), 0, pixels, width * 3, nullptr);
  const std::string why = ok ? std::string() : std::string(img.message);
  png_image_free(&img);
  if (!ok)
    throw base::Error({out.string(), 0}, "cannot write the proof: " + why,
                      "check that the --png folder exists and is writable");
}

}  // namespace image
