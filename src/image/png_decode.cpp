// PNG → cairo pixels with libpng: every colour type expanded to 8-bit RGBA, then
// premultiplied into cairo's native-endian ARGB32 words in place.
#include <png.h>

#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <vector>

#include "image/internal.h"

namespace image {
namespace {

struct Reader {
  const unsigned char* data;
  std::size_t size;
  std::size_t pos;
  char message[256];
};

// libpng errors longjmp back to run_libpng() (png_jmpbuf); as with libjpeg, only C
// frames lie between, so no C++ destructor is skipped ([csetjmp.syn]/4).
void on_error(png_structp png, png_const_charp msg) {
  auto* r = static_cast<Reader*>(png_get_error_ptr(png));
  std::snprintf(r->message, sizeof r->message, "%s", msg);
  png_longjmp(png, 1);
}

// Warnings (a bad ancillary chunk, an unknown sRGB profile) do not damage pixels.
void on_warning(png_structp, png_const_charp) {}

void read_bytes(png_structp png, png_bytep dst, png_size_t n) {
  auto* r = static_cast<Reader*>(png_get_io_ptr(png));
  if (n > r->size - r->pos) png_error(png, "the file ends early (truncated)");
  std::memcpy(dst, r->data + r->pos, n);
  r->pos += n;
}

// Every colour type, bit depth and tRNS becomes 8-bit R, G, B, A (opaque when the
// file has no alpha), so one conversion loop follows.
void set_rgba_transforms(png_structp png, png_infop info) {
  png_set_expand(png);
  png_set_strip_16(png);
  png_set_gray_to_rgb(png);
  const png_byte type = png_get_color_type(png, info);
  if (!(type & PNG_COLOR_MASK_ALPHA) && !png_get_valid(png, info, PNG_INFO_tRNS))
    png_set_filler(png, 0xFF, PNG_FILLER_AFTER);
  png_set_interlace_handling(png);
  png_read_update_info(png, info);
}

bool run_libpng(Reader& r, std::vector<png_bytep>& rows, const Pixels& out) {
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &r, on_error, on_warning);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!info) {
    std::snprintf(r.message, sizeof r.message, "out of memory");
    png_destroy_read_struct(&png, nullptr, nullptr);
    return false;
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, nullptr);
    return false;
  }
  png_set_read_fn(png, &r, read_bytes);
  png_read_info(png, info);
  if (png_get_image_width(png, info) != static_cast<png_uint_32>(out.width) ||
      png_get_image_height(png, info) != static_cast<png_uint_32>(out.height))
    png_error(png, "the decoder sees a different size than the header");
  set_rgba_transforms(png, info);
  if (png_get_rowbytes(png, info) != static_cast<std::size_t>(out.width) * 4)
    png_error(png, "unexpected row layout");
  png_read_image(png, rows.data());
  png_read_end(png, nullptr);  // checks the CRCs of what follows the image data too
  png_destroy_read_struct(&png, &info, nullptr);
  return true;
}

// R, G, B, A bytes in each word → cairo's 0xAARRGGBB, premultiplied.
void to_cairo(Pixels& out) {
  for (std::uint32_t& px : out.data) {
    unsigned char b[4];
    std::memcpy(b, &px, 4);
    px = pack_premultiplied(b[0], b[1], b[2], b[3]);
  }
}

}  // namespace

void decode_png(const std::string& bytes, const Info&, const Source& src, Pixels& out) {
  Reader r{reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), 0, {}};
  // Row pointers into the output itself, made before the setjmp so a longjmp skips
  // no destructor.
  std::vector<png_bytep> rows(static_cast<std::size_t>(out.height));
  auto* base = reinterpret_cast<png_bytep>(out.data.data());
  for (std::size_t y = 0; y < rows.size(); ++y) rows[y] = base + y * static_cast<std::size_t>(out.width) * 4;
  if (!run_libpng(r, rows, out))
    fail(src, std::string("the PNG data is corrupt: ") + r.message, "the file is damaged or cut short: export or copy it again");
  to_cairo(out);
}

}  // namespace image
