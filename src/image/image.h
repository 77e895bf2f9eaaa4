#pragma once
// Images: probe (format, size, colour space, orientation) without decoding, decode to
// samples in the image's own colour space (for the PDF) or to pixels for cairo's proofs.
// JPEG (libjpeg), PNG (libpng) and TIFF (libtiff). Images over 100 megapixels, or whose
// decoded samples would take more than kMaxDecodedBytes, are refused before decoding.
// image::Store reads, probes and decodes each file once per build (store.h).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "base/error.h"

namespace image {

enum class Format { Jpeg, Png, Tiff };
enum class ColorSpace { Gray, Rgb, Cmyk };

struct Info {
  Format format = Format::Jpeg;
  int width = 0, height = 0;
  ColorSpace color = ColorSpace::Rgb;
  int components = 3;  // colour components (1, 3, 4); a PNG's alpha is has_alpha, not counted
  bool adobe_inverted = false;  // Adobe APP14 CMYK JPEG: needs /Decode [1 0 …] in PDF
  bool has_alpha = false;
  bool has_icc = false;
  // How the stored pixels are turned to stand upright (EXIF / TIFF Orientation, 1–8; CIPA
  // DC-008 §4.6.4 A, TIFF 6.0 p. 36): 1 as stored, 2 mirrored, 3 turned 180°, 4 flipped,
  // 5 transposed, 6 turned 90° clockwise, 7 transversed, 8 turned 90° anticlockwise.
  // Nothing is re-encoded: the placement applies it (orient.h).
  int orientation = 1;
  bool sideways() const { return orientation >= 5 && orientation <= 8; }
  int upright_width() const { return sideways() ? height : width; }
  int upright_height() const { return sideways() ? width : height; }
};

constexpr std::int64_t kMaxPixels = 100'000'000;
// Decoded samples (width × height × channels, alpha included, 8 bits each) over this are
// refused before decoding: a small compressed file can expand to gigabytes (an
// interlaced PNG is held whole while it decodes). 300 MB: the largest RGB photo
// (100 megapixels), or 75 megapixels of CMYK or RGBA — a 300-ppi broadsheet page in
// CMYK is about 120 MB.
constexpr std::int64_t kMaxDecodedBytes = 300'000'000;

// Reads only the header. Throws base::Error (naming `from`, the XML element that
// referenced the image) when the file is missing, not a JPEG/PNG/TIFF, truncated, or too large.
Info probe(const std::filesystem::path& file, const base::Loc& from);

// Decoded pixels in cairo's CAIRO_FORMAT_RGB24 / ARGB32 layout (native-endian 0xAARRGGBB,
// premultiplied), row stride = width * 4. Throws base::Error on a corrupt file.
struct Pixels {
  int width = 0, height = 0;
  bool alpha = false;
  std::vector<std::uint32_t> data;
};
Pixels decode(const std::filesystem::path& file, const base::Loc& from);

// How decoded samples come: 8 bits per component, interleaved, rows top to bottom, in
// the file's own colour space (what the PDF writer converts, measures or compresses).
struct SampleFormat {
  int width = 0, height = 0;
  int components = 0;     // 1 grey, 3 RGB, 4 CMYK
  bool inverted = false;  // Adobe CMYK JPEG: 255 means no ink
  bool alpha = false;     // rows() also gets one alpha byte per pixel
  std::string icc;        // the embedded ICC profile (JPEG APP2, PNG iCCP, TIFF tag 34675), or empty
};

// Receives an image strip by strip, so no caller ever needs the whole image in memory.
class SampleSink {
 public:
  virtual ~SampleSink() = default;
  virtual void begin(const SampleFormat& format) = 0;
  // `count` rows: width × components bytes each, contiguous; `alpha` width bytes each
  // (nullptr when the image is opaque). Valid only during the call.
  virtual void rows(const std::uint8_t* data, const std::uint8_t* alpha, int count) = 0;
};

// Keeps nothing: a decode made only to check the file (or for a proof copy).
class NullSink : public SampleSink {
 public:
  void begin(const SampleFormat&) override {}
  void rows(const std::uint8_t*, const std::uint8_t*, int) override {}
};

// Decodes `bytes` (the whole file; `info` its probe) into `sink`. Throws base::Error
// naming `file` and `from` on corrupt data; rethrows what the sink throws. `reduce` (1, 2,
// 4 or 8) asks a JPEG for a 1/reduce-size image (DCT scaling: every byte is still read
// and checked, for a fraction of the work); PNGs always come at full size.
void decode_to(const std::string& bytes, const Info& info, const std::filesystem::path& file, const base::Loc& from,
               SampleSink& sink, int reduce = 1);
Info probe_bytes(const std::string& bytes, const std::filesystem::path& file, const base::Loc& from);

// The whole image's samples at once (small images, tests).
struct Samples {
  SampleFormat format;
  std::vector<std::uint8_t> data;   // width × height × components
  std::vector<std::uint8_t> alpha;  // width × height, or empty when opaque
};
Samples decode_samples(const std::string& bytes, const Info& info, const std::filesystem::path& file,
                       const base::Loc& from);

// Screen pixels for proofs, each the mean of a `shrink_x` × `shrink_y` block of the image
// (1: full size; the two differ for a very long, thin image, which must still fit a cairo
// surface). Grey and CMYK are shown with a naive conversion (proofs only; the PDF gets
// lcms2's). Feed it like any sink, then take().
class ProofReducer : public SampleSink {
 public:
  explicit ProofReducer(int shrink) : ProofReducer(shrink, shrink) {}
  ProofReducer(int shrink_x, int shrink_y) : shrink_(shrink_x < 1 ? 1 : shrink_x), shrink_y_(shrink_y < 1 ? 1 : shrink_y) {}
  void begin(const SampleFormat& format) override;
  void rows(const std::uint8_t* data, const std::uint8_t* alpha, int count) override;
  Pixels take();

 private:
  void flush();
  int shrink_;
  int shrink_y_;
  SampleFormat f_;
  int in_block_ = 0;                // image rows summed into sums_ so far
  std::vector<std::uint64_t> sums_;  // per output column: r·a, g·a, b·a, a, n
  Pixels out_;
};

// A JPEG encoder fed row by row (libjpeg, baseline, no chroma subsampling). CMYK is
// written the Adobe way: an APP14 marker and inverted samples (255 = no ink), so the PDF
// image needs /Decode [1 0 1 0 1 0 1 0] (Adobe Technical Note #5116).
class JpegEncoder {
 public:
  JpegEncoder(int width, int height, int components, int quality);
  ~JpegEncoder();
  JpegEncoder(const JpegEncoder&) = delete;
  JpegEncoder& operator=(const JpegEncoder&) = delete;
  void rows(const std::uint8_t* data, int count);  // width × components bytes a row
  std::string finish();                             // the JPEG file

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace image
