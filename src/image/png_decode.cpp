// PNG → samples with libpng: grey stays grey, everything else becomes 8-bit RGB, and an
// alpha channel (or tRNS) becomes a separate alpha plane (the PDF's soft mask).
#include <png.h>

#include <csetjmp>
#include <cstdio>
#include <algorithm>
#include <cstring>
#include <exception>
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

// Every colour type and bit depth becomes 8-bit grey or RGB, with alpha when the file
// has an alpha channel or tRNS; palette images become RGB.
int set_transforms(png_structp png, png_infop info) {
  png_set_expand(png);
  png_set_strip_16(png);
  png_set_interlace_handling(png);
  png_read_update_info(png, info);
  return png_get_channels(png, info);
}

void read_icc(png_structp png, png_infop info, SampleFormat& out) {
  png_charp name = nullptr;
  int compression = 0;
  png_bytep profile = nullptr;
  png_uint_32 len = 0;
  if (png_get_iCCP(png, info, &name, &compression, &profile, &len) && profile)
    out.icc.assign(reinterpret_cast<const char*>(profile), len);
}

struct Run {
  SampleFormat format;
  std::exception_ptr sink_error;
};

constexpr int kStrip = 16;  // rows handed to the sink at once

// Decoded rows, channels interleaved (1 grey, 2 grey + alpha, 3 RGB, 4 RGBA): one strip
// at a time, or the whole image when it is interlaced (each Adam7 pass touches every
// row). `colour` and `alpha` hold one strip split for the sink.
struct Rows {
  int width = 0, channels = 0;
  std::vector<png_byte> bytes;
  std::vector<png_bytep> rows;
  std::vector<std::uint8_t> colour, alpha;

  bool has_alpha() const { return channels == 2 || channels == 4; }
  int components() const { return has_alpha() ? channels - 1 : channels; }
  void size_for(int height) {
    const std::size_t stride = static_cast<std::size_t>(width) * static_cast<std::size_t>(channels);
    bytes.resize(stride * static_cast<std::size_t>(height));
    rows.resize(static_cast<std::size_t>(height));
    for (std::size_t y = 0; y < rows.size(); ++y) rows[y] = bytes.data() + y * stride;
    colour.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(components()) * kStrip);
    alpha.resize(has_alpha() ? static_cast<std::size_t>(width) * kStrip : 0);
  }
};

// Hands `count` rows of `r` starting at `first` to the sink, alpha split off; what the
// sink throws is kept for the caller (never thrown across libpng).
bool emit(Rows& r, int first, int count, SampleSink& sink, Run& run) {
  const std::size_t w = static_cast<std::size_t>(r.width), n = static_cast<std::size_t>(r.channels);
  const std::size_t c = static_cast<std::size_t>(r.components());
  for (int k = 0; k < count; ++k) {
    const png_byte* src = r.rows[static_cast<std::size_t>(first + k)];
    std::uint8_t* dst = r.colour.data() + static_cast<std::size_t>(k) * w * c;
    for (std::size_t x = 0; x < w; ++x)
      for (std::size_t j = 0; j < c; ++j) dst[x * c + j] = src[x * n + j];
    if (r.has_alpha())
      for (std::size_t x = 0; x < w; ++x) r.alpha[static_cast<std::size_t>(k) * w + x] = src[x * n + c];
  }
  try {
    sink.rows(r.colour.data(), r.has_alpha() ? r.alpha.data() : nullptr, count);
  } catch (...) {
    run.sink_error = std::current_exception();
    return false;
  }
  return true;
}

bool begin(SampleSink& sink, Run& run) {
  try {
    sink.begin(run.format);
  } catch (...) {
    run.sink_error = std::current_exception();
    return false;
  }
  return true;
}

// Non-interlaced rows are read a strip at a time into the strip buffer.
bool read_strips(png_structp png, Rows& r, int height, SampleSink& sink, Run& run) {
  for (int y = 0; y < height; y += kStrip) {
    const int count = std::min(kStrip, height - y);
    for (int k = 0; k < count; ++k) png_read_row(png, r.rows[static_cast<std::size_t>(k)], nullptr);
    if (!emit(r, 0, count, sink, run)) return false;
  }
  return true;
}

bool read_interlaced(png_structp png, Rows& r, int height, SampleSink& sink, Run& run) {
  png_read_image(png, r.rows.data());
  for (int y = 0; y < height; y += kStrip)
    if (!emit(r, y, std::min(kStrip, height - y), sink, run)) return false;
  return true;
}

// The buffers are members of `r` (owned by the caller), so a longjmp out of libpng skips
// no destructor in this frame.
bool run_libpng(Reader& in, Rows& r, const Info& info, SampleSink& sink, Run& run) {
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &in, on_error, on_warning);
  png_infop pinfo = png ? png_create_info_struct(png) : nullptr;
  if (!pinfo) {
    std::snprintf(in.message, sizeof in.message, "out of memory");
    png_destroy_read_struct(&png, nullptr, nullptr);
    return false;
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &pinfo, nullptr);
    return false;
  }
  png_set_read_fn(png, &in, read_bytes);
  png_read_info(png, pinfo);
  if (png_get_image_width(png, pinfo) != static_cast<png_uint_32>(info.width) ||
      png_get_image_height(png, pinfo) != static_cast<png_uint_32>(info.height))
    png_error(png, "the decoder sees a different size than the header");
  read_icc(png, pinfo, run.format);
  const bool interlaced = png_get_interlace_type(png, pinfo) != PNG_INTERLACE_NONE;
  r.width = info.width;
  r.channels = set_transforms(png, pinfo);
  if (r.channels < 1 || r.channels > 4 ||
      png_get_rowbytes(png, pinfo) != static_cast<std::size_t>(r.width) * static_cast<std::size_t>(r.channels))
    png_error(png, "unexpected row layout");
  r.size_for(interlaced ? info.height : std::min(kStrip, info.height));
  run.format.width = info.width, run.format.height = info.height;
  run.format.components = r.components();
  run.format.alpha = r.has_alpha();
  bool ok = begin(sink, run) && (interlaced ? read_interlaced(png, r, info.height, sink, run)
                                            : read_strips(png, r, info.height, sink, run));
  if (ok) png_read_end(png, nullptr);  // checks the CRCs of what follows the image data too
  png_destroy_read_struct(&png, &pinfo, nullptr);
  return ok;
}

}  // namespace

void decode_png(const std::string& bytes, const Info& info, const Source& src, SampleSink& sink) {
  Reader in{reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), 0, {}};
  Rows rows;
  Run run;
  const bool ok = run_libpng(in, rows, info, sink, run);
  if (run.sink_error) std::rethrow_exception(run.sink_error);
  if (!ok)
    fail(src, std::string("the PNG data is corrupt: ") + in.message, "the file is damaged or cut short: export or copy it again");
}

}  // namespace image
