#include "image/png_encode.h"

#include <png.h>

#include <cerrno>
#include <csetjmp>
#include <cstdint>
#include <cstdio>
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

// libpng reports an error by longjmp() back to the setjmp() below (png_jmpbuf), which
// skips destructors: nothing in this frame has one, and the message goes to `why`.
struct Failure {
  char why[256] = "";
};

void on_error(png_structp png, png_const_charp message) {
  auto* f = static_cast<Failure*>(png_get_error_ptr(png));
  std::snprintf(f->why, sizeof f->why, "%s", message);
  png_longjmp(png, 1);
}

void on_warning(png_structp, png_const_charp) {}

// The packed RGB rows into `out`: 8-bit RGB, no filter, zlib's fastest level (1). The
// simplified API's PNG_IMAGE_FLAG_FAST stops at level 3, a third slower on a page.
bool write_rgb(std::FILE* out, unsigned char* rgb, int width, int height, Failure& failure) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &failure, on_error, on_warning);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!info) {
    png_destroy_write_struct(&png, nullptr);
    std::snprintf(failure.why, sizeof failure.why, "out of memory");
    return false;
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return false;
  }
  png_init_io(png, out);
  png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8, PNG_COLOR_TYPE_RGB,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_compression_level(png, 1);
  png_write_info(png, info);
  for (int y = 0; y < height; ++y) png_write_row(png, rgb + static_cast<std::size_t>(y) * static_cast<std::size_t>(width) * 3);
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  return true;
}

}  // namespace

void write_proof_png(const std::filesystem::path& out, unsigned char* pixels, int width, int height, int stride) {
  pack_rgb(pixels, width, height, stride);
  Failure failure;
  std::FILE* f = std::fopen(out.c_str(), "wb");
  bool ok = f && write_rgb(f, pixels, width, height, failure);
  if (f) ok = std::fclose(f) == 0 && ok;
  if (!ok)
    throw base::Error({out.string(), 0},
                      "cannot write the proof: " + std::string(failure.why[0] ? failure.why : std::strerror(errno)),
                      "check that the --png folder exists and is writable");
}

}  // namespace image
