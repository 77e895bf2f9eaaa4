// JPEG → cairo pixels with libjpeg(-turbo). Grey and CMYK are converted for the screen
// proof here; the PDF keeps the original JPEG bytes (docs/libraries.md §4).
#include <csetjmp>
#include <cstdio>
#include <cstring>

// jpeglib.h needs FILE and size_t declared first.
#include <jpeglib.h>
#include <jerror.h>

#include "image/internal.h"

namespace image {
namespace {

// libjpeg's default error_exit prints and calls exit(); library code must do neither
// (docs/architecture.md habit 3). Ours longjmps back to run_libjpeg(), and everything
// between that setjmp and the longjmp is C code or trivially destructible, which is
// when C++ allows longjmp ([csetjmp.syn]/4). The C++ exception is thrown only after
// we are back in our own frame.
struct JpegErrors {
  jpeg_error_mgr pub;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
  char damage[JMSG_LENGTH_MAX];  // the first warning that means damaged pixels
};

[[noreturn]] void on_error(j_common_ptr c) {
  auto* e = reinterpret_cast<JpegErrors*>(c->err);
  (*c->err->format_message)(c, e->message);
  std::longjmp(e->jump, 1);
}

// libjpeg only *warns* on a truncated or corrupt entropy-coded segment and fills the
// rest with grey. A photo printed half grey is worse than a stopped build, so those
// warnings become errors; harmless ones (extra bytes between markers, an unknown JFIF
// version) do not.
bool is_damage(int code) {
  switch (code) {
    case JWRN_JPEG_EOF:
    case JWRN_HIT_MARKER:
    case JWRN_HUFF_BAD_CODE:
    case JWRN_ARITH_BAD_CODE:
    case JWRN_MUST_RESYNC:
    case JWRN_NOT_SEQUENTIAL:
    case JWRN_BOGUS_PROGRESSION:
      return true;
    default:
      return false;
  }
}

void on_message(j_common_ptr c, int level) {
  if (level >= 0) return;  // trace output
  auto* e = reinterpret_cast<JpegErrors*>(c->err);
  c->err->num_warnings++;
  if (e->damage[0] == '\0' && is_damage(c->err->msg_code)) (*c->err->format_message)(c, e->damage);
}

J_COLOR_SPACE screen_space(J_COLOR_SPACE coded) {
  if (coded == JCS_GRAYSCALE) return JCS_GRAYSCALE;
  if (coded == JCS_CMYK || coded == JCS_YCCK) return JCS_CMYK;  // libjpeg undoes YCCK
  return JCS_RGB;
}

// A naive device CMYK → RGB for the screen proof (no profile: the image stage sees no
// lcms2). Adobe CMYK is stored inverted (Adobe TN #5116: 0 = full ink), so there the
// stored value already is "how much light the plate lets through".
std::uint32_t cmyk_pixel(const JSAMPLE* s, bool inverted) {
  auto light = [inverted](JSAMPLE v) { return inverted ? unsigned{v} : 255u - v; };
  const unsigned k = light(s[3]);
  auto mix = [k](unsigned l) { return (l * k + 127) / 255; };
  return pack_premultiplied(mix(light(s[0])), mix(light(s[1])), mix(light(s[2])), 255);
}

void pack_row(const JSAMPLE* s, J_COLOR_SPACE cs, bool inverted, std::uint32_t* dst, int width) {
  for (int x = 0; x < width; ++x) {
    if (cs == JCS_GRAYSCALE) {
      dst[x] = pack_premultiplied(s[x], s[x], s[x], 255);
    } else if (cs == JCS_RGB) {
      dst[x] = pack_premultiplied(s[3 * x], s[3 * x + 1], s[3 * x + 2], 255);
    } else {
      dst[x] = cmyk_pixel(s + 4 * x, inverted);
    }
  }
}

// Returns false with err.message set when libjpeg gave up.
bool run_libjpeg(const std::string& bytes, Pixels& out, JpegErrors& err) {
  jpeg_decompress_struct cinfo;
  cinfo.err = jpeg_std_error(&err.pub);
  err.pub.error_exit = on_error;
  err.pub.emit_message = on_message;
  if (setjmp(err.jump)) {
    jpeg_destroy_decompress(&cinfo);
    return false;
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&cinfo, TRUE);
  cinfo.out_color_space = screen_space(cinfo.jpeg_color_space);
  jpeg_start_decompress(&cinfo);
  if (static_cast<int>(cinfo.output_width) != out.width || static_cast<int>(cinfo.output_height) != out.height) {
    std::snprintf(err.message, sizeof err.message, "the decoder sees a different size than the header");
    jpeg_destroy_decompress(&cinfo);
    return false;
  }
  // Allocated from libjpeg's own pool so that a longjmp leaks nothing.
  JSAMPARRAY row = (*cinfo.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&cinfo), JPOOL_IMAGE,
                                              cinfo.output_width * static_cast<JDIMENSION>(cinfo.output_components), 1);
  while (cinfo.output_scanline < cinfo.output_height) {
    std::uint32_t* dst = out.data.data() + static_cast<std::size_t>(cinfo.output_scanline) * static_cast<std::size_t>(out.width);
    jpeg_read_scanlines(&cinfo, row, 1);
    pack_row(row[0], cinfo.out_color_space, cinfo.saw_Adobe_marker, dst, out.width);
  }
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  return true;
}

}  // namespace

void decode_jpeg(const std::string& bytes, const Info&, const Source& src, Pixels& out) {
  JpegErrors err{};
  const char* fix = "the file is damaged or cut short: export or copy it again";
  if (!run_libjpeg(bytes, out, err)) fail(src, std::string("the JPEG data is corrupt: ") + err.message, fix);
  if (err.damage[0] != '\0') fail(src, std::string("the JPEG data is damaged: ") + err.damage, fix);
}

}  // namespace image
