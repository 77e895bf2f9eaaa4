#pragma once
// Private to the image stage: the header readers and decoders behind image.h.
#include <cstdint>
#include <filesystem>
#include <istream>
#include <string>

#include "image/image.h"

namespace image {

// Everything the readers need to say where a problem is: the image file and the XML
// element that referenced it (docs/architecture.md habit 3: errors carry a location).
struct Source {
  std::filesystem::path file;
  base::Loc from;
};

// Throws base::Error at `src.from` (or at the image file itself when nothing referenced
// it) with a message that always names the image path.
[[noreturn]] void fail(const Source& src, const std::string& what, const std::string& fix);

// A bounds-checked, forward-only reader of a file's header: reading past the end is a
// "truncated header" error, never an out-of-range read; skipped segments are seeked
// over, not read (probe reads headers only).
class HeaderReader {
 public:
  HeaderReader(const Source& src, std::istream& in, std::uint64_t file_size, const char* format);
  std::uint8_t u8();
  std::uint16_t be16();
  std::uint32_t be32();
  std::string take(std::size_t n);
  void skip(std::uint64_t n);
  std::uint64_t pos() const { return pos_; }
  [[noreturn]] void truncated(const std::string& while_reading) const;

 private:
  void need(std::uint64_t n, const char* what);
  const Source& src_;
  std::istream& in_;
  std::uint64_t file_size_ = 0;
  std::uint64_t pos_ = 0;
  const char* format_;
};

// The file's size; throws (image messages) when it is missing, not a file, or empty.
std::uint64_t checked_size(const Source& src);

Info probe_jpeg(HeaderReader& in, const Source& src);
Info probe_png(HeaderReader& in, const Source& src);
// TIFF is probed by libtiff from the bytes in memory (tiff.cpp).
Info probe_tiff(const std::string& bytes, const Source& src);
// The Orientation (1–8) of an Exif TIFF block; 1 when it has none or it is damaged.
int exif_orientation(const std::string& tiff);

// Decoders fill `out` (sized from the probed Info) or throw base::Error.
// `reduce` (1, 2, 4 or 8): libjpeg's DCT scaling, a 1/reduce-size image for little work.
void decode_jpeg(const std::string& bytes, const Info& info, const Source& src, SampleSink& sink, int reduce = 1);
void decode_png(const std::string& bytes, const Info& info, const Source& src, SampleSink& sink);
void decode_tiff(const std::string& bytes, const Info& info, const Source& src, SampleSink& sink);

// cairo's native-endian 0xAARRGGBB word, colour premultiplied by alpha
// (CAIRO_FORMAT_ARGB32; RGB24 ignores the top byte, which we set to 0xFF).
inline std::uint32_t pack_premultiplied(unsigned r, unsigned g, unsigned b, unsigned a) {
  auto pm = [a](unsigned c) { return (c * a + 127) / 255; };
  return (std::uint32_t{a} << 24) | (pm(r) << 16) | (pm(g) << 8) | pm(b);
}

}  // namespace image
