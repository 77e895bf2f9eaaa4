// JpegEncoder: rows in, a baseline JPEG out (libjpeg-turbo), for photos the PDF writer had
// to convert (RGB → the output profile's CMYK). libjpeg's error_exit must not exit the
// process: it longjmps back to the calling method, which throws from its own frame (as in
// jpeg_decode.cpp, no C++ destructor lies between).
#include <csetjmp>
#include <cstdio>

// jpeglib.h needs FILE and size_t declared first.
#include <jpeglib.h>

#include <string>

#include "image/internal.h"

namespace image {

struct JpegEncoder::Impl {
  jpeg_compress_struct cinfo{};
  jpeg_error_mgr err{};
  // The JPEG goes into `out` a block at a time (a destination manager of our own: the one
  // of jpeg_mem_dest keeps its current buffer private until jpeg_finish_compress, so an
  // encoder given up before finish() — a photo that need not be re-separated after all,
  // or an exception — could not free it).
  jpeg_destination_mgr dest{};
  std::string out;
  JOCTET block[16384];
  int stride = 0;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX] = {};
};

namespace {

[[noreturn]] void on_error(j_common_ptr c) {
  auto* impl = reinterpret_cast<JpegEncoder::Impl*>(c->client_data);
  (*c->err->format_message)(c, impl->message);
  std::longjmp(impl->jump, 1);
}

JpegEncoder::Impl* impl_of(j_compress_ptr c) { return reinterpret_cast<JpegEncoder::Impl*>(c->client_data); }

void init_destination(j_compress_ptr c) {
  auto* impl = impl_of(c);
  c->dest->next_output_byte = impl->block;
  c->dest->free_in_buffer = sizeof impl->block;
}

boolean empty_output_buffer(j_compress_ptr c) {
  auto* impl = impl_of(c);
  impl->out.append(reinterpret_cast<const char*>(impl->block), sizeof impl->block);
  init_destination(c);
  return TRUE;
}

void term_destination(j_compress_ptr c) {
  auto* impl = impl_of(c);
  impl->out.append(reinterpret_cast<const char*>(impl->block), sizeof impl->block - c->dest->free_in_buffer);
}

[[noreturn]] void failed(const char* message) {
  throw base::Error({}, std::string("JPEG encoding failed: ") + message,
                    "the machine may be out of memory; otherwise report this as a bug with the photo");
}

}  // namespace

JpegEncoder::JpegEncoder(int width, int height, int components, int quality) : impl_(std::make_unique<Impl>()) {
  jpeg_compress_struct& c = impl_->cinfo;
  c.err = jpeg_std_error(&impl_->err);
  impl_->err.error_exit = on_error;
  c.client_data = impl_.get();
  if (setjmp(impl_->jump)) failed(impl_->message);
  jpeg_create_compress(&c);
  impl_->dest.init_destination = init_destination;
  impl_->dest.empty_output_buffer = empty_output_buffer;
  impl_->dest.term_destination = term_destination;
  c.dest = &impl_->dest;
  c.image_width = static_cast<JDIMENSION>(width);
  c.image_height = static_cast<JDIMENSION>(height);
  c.input_components = components;
  c.in_color_space = components == 4 ? JCS_CMYK : components == 3 ? JCS_RGB : JCS_GRAYSCALE;
  jpeg_set_defaults(&c);
  // CMYK stays CMYK (no YCCK transform), with the Adobe marker; no chroma subsampling.
  if (components == 4) jpeg_set_colorspace(&c, JCS_CMYK);
  for (int i = 0; i < c.num_components; ++i) c.comp_info[i].h_samp_factor = c.comp_info[i].v_samp_factor = 1;
  jpeg_set_quality(&c, quality, TRUE);
  // No optimize_coding: it buffers the whole image's coefficients for a second pass (20 MB
  // for a 2.5-megapixel CMYK photo, all of it fresh pages) to save a few per cent of size.
  c.optimize_coding = FALSE;
  impl_->stride = width * components;
  jpeg_start_compress(&c, TRUE);
}

JpegEncoder::~JpegEncoder() { jpeg_destroy_compress(&impl_->cinfo); }

void JpegEncoder::rows(const std::uint8_t* data, int count) {
  if (setjmp(impl_->jump)) failed(impl_->message);
  for (int r = 0; r < count; ++r) {
    JSAMPROW row = const_cast<JSAMPROW>(data + static_cast<std::size_t>(r) * static_cast<std::size_t>(impl_->stride));
    jpeg_write_scanlines(&impl_->cinfo, &row, 1);
  }
}

std::string JpegEncoder::finish() {
  if (setjmp(impl_->jump)) failed(impl_->message);
  jpeg_finish_compress(&impl_->cinfo);
  return std::move(impl_->out);
}

}  // namespace image
