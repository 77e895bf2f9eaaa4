// JPEG → samples with libjpeg(-turbo), in the file's own colour space. The PDF keeps the
// original JPEG bytes where it can (docs/print.md "Photos"); samples are decoded for
// colour conversion, ink measurement and proofs.
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>

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

// The samples as coded, so the PDF writer sees the photographer's colour space: grey
// stays grey, YCbCr becomes RGB, CMYK and YCCK become CMYK (libjpeg undoes YCCK; an
// Adobe file's CMYK stays inverted, Adobe Technical Note #5116).
J_COLOR_SPACE sample_space(J_COLOR_SPACE coded) {
  if (coded == JCS_GRAYSCALE) return JCS_GRAYSCALE;
  if (coded == JCS_CMYK || coded == JCS_YCCK) return JCS_CMYK;
  return JCS_RGB;
}

struct Run {
  JpegErrors err{};
  SampleFormat format;
  std::exception_ptr sink_error;  // an exception the sink threw, rethrown outside
};

void read_icc(jpeg_decompress_struct& cinfo, SampleFormat& f) {
  JOCTET* icc = nullptr;
  unsigned int len = 0;
  if (jpeg_read_icc_profile(&cinfo, &icc, &len) && icc) {
    f.icc.assign(reinterpret_cast<const char*>(icc), len);
    std::free(icc);
  }
}

constexpr JDIMENSION kStrip = 16;  // rows handed to the sink at once

// The sink is called between libjpeg calls, never from inside one, so a longjmp never
// crosses it; what it throws is caught here and rethrown by the caller after libjpeg
// has been cleaned up.
bool feed(jpeg_decompress_struct& cinfo, JSAMPARRAY strip, SampleSink& sink, Run& run) {
  while (cinfo.output_scanline < cinfo.output_height) {
    JDIMENSION got = 0;
    while (got < kStrip && cinfo.output_scanline < cinfo.output_height)
      got += jpeg_read_scanlines(&cinfo, strip + got, kStrip - got);
    // libjpeg's pool allocates a strip's rows in one block; should they ever not be
    // contiguous, the sink gets them one at a time.
    const std::size_t stride = cinfo.output_width * static_cast<std::size_t>(cinfo.output_components);
    bool contiguous = true;
    for (JDIMENSION i = 1; i < got; ++i) contiguous = contiguous && strip[i] == strip[0] + i * stride;
    try {
      if (contiguous) {
        sink.rows(strip[0], nullptr, static_cast<int>(got));
      } else {
        for (JDIMENSION i = 0; i < got; ++i) sink.rows(strip[i], nullptr, 1);
      }
    } catch (...) {
      run.sink_error = std::current_exception();
      return false;
    }
  }
  return true;
}

// Returns false with err.message set when libjpeg gave up (or the sink threw).
bool run_libjpeg(const std::string& bytes, const Info& info, int reduce, SampleSink& sink, Run& run) {
  jpeg_decompress_struct cinfo;
  cinfo.err = jpeg_std_error(&run.err.pub);
  run.err.pub.error_exit = on_error;
  run.err.pub.emit_message = on_message;
  if (setjmp(run.err.jump)) {
    jpeg_destroy_decompress(&cinfo);
    return false;
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
  jpeg_save_markers(&cinfo, JPEG_APP0 + 2, 0xFFFF);  // ICC_PROFILE chunks (ICC.1 Annex B.4)
  jpeg_read_header(&cinfo, TRUE);
  cinfo.out_color_space = sample_space(cinfo.jpeg_color_space);
  cinfo.scale_num = 1;
  cinfo.scale_denom = static_cast<unsigned>(reduce);
  jpeg_start_decompress(&cinfo);
  if (static_cast<int>(cinfo.image_width) != info.width || static_cast<int>(cinfo.image_height) != info.height) {
    std::snprintf(run.err.message, sizeof run.err.message, "the decoder sees a different size than the header");
    jpeg_destroy_decompress(&cinfo);
    return false;
  }
  read_icc(cinfo, run.format);
  run.format.width = static_cast<int>(cinfo.output_width), run.format.height = static_cast<int>(cinfo.output_height);
  run.format.components = cinfo.output_components;
  run.format.inverted = cinfo.out_color_space == JCS_CMYK && cinfo.saw_Adobe_marker;
  // Allocated from libjpeg's own pool so that a longjmp leaks nothing.
  JSAMPARRAY strip = (*cinfo.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&cinfo), JPOOL_IMAGE,
                                                cinfo.output_width * static_cast<JDIMENSION>(cinfo.output_components), kStrip);
  bool ok = true;
  try {
    sink.begin(run.format);
  } catch (...) {
    run.sink_error = std::current_exception();
    ok = false;
  }
  ok = ok && feed(cinfo, strip, sink, run);
  if (ok) jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  return ok;
}

}  // namespace

void decode_jpeg(const std::string& bytes, const Info& info, const Source& src, SampleSink& sink, int reduce) {
  Run run;
  const char* fix = "the file is damaged or cut short: export or copy it again";
  const bool ok = run_libjpeg(bytes, info, reduce == 2 || reduce == 4 || reduce == 8 ? reduce : 1, sink, run);
  if (run.sink_error) std::rethrow_exception(run.sink_error);
  if (!ok) fail(src, std::string("the JPEG data is corrupt: ") + run.err.message, fix);
  if (run.err.damage[0] != '\0') fail(src, std::string("the JPEG data is damaged: ") + run.err.damage, fix);
}

}  // namespace image
