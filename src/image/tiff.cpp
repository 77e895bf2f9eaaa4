// TIFF with libtiff, from the bytes in memory: grey (MinIsBlack / MinIsWhite, 1–16 bits),
// palette, RGB, YCbCr in JPEG (read back as RGB) and CMYK (Photometric Separated, InkSet
// CMYK), 8 or 16 bits, strips or tiles, chunky or planar; the first extra sample as
// alpha. Samples come out as the other decoders give them: 8 bits, interleaved, in the
// file's colour space, band by band (a strip or a row of tiles), never the whole image.
// Tags: TIFF 6.0 (Orientation p. 36, InkSet p. 70, ExtraSamples p. 31), ICC profile tag
// 34675 (ICC.1:2010 Annex B.5).
#include <tiffio.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <exception>
#include <vector>

#include "image/internal.h"

namespace image {

namespace {

// libtiff's I/O on a string in memory (TIFFClientOpen), and the first error it reported.
struct Memory {
  const std::string& bytes;
  toff_t pos = 0;
  char error[256] = {};
};

tmsize_t mem_read(thandle_t h, void* buf, tmsize_t n) {
  auto* m = static_cast<Memory*>(h);
  if (n < 0 || m->pos >= m->bytes.size()) return 0;
  const auto got = std::min<toff_t>(static_cast<toff_t>(n), m->bytes.size() - m->pos);
  std::memcpy(buf, m->bytes.data() + m->pos, got);
  m->pos += got;
  return static_cast<tmsize_t>(got);
}
tmsize_t mem_write(thandle_t, void*, tmsize_t) { return -1; }
toff_t mem_seek(thandle_t h, toff_t off, int whence) {
  auto* m = static_cast<Memory*>(h);
  const toff_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? m->pos : m->bytes.size();
  m->pos = base + off;
  return m->pos;
}
int mem_close(thandle_t) { return 0; }
toff_t mem_size(thandle_t h) { return static_cast<Memory*>(h)->bytes.size(); }

// Errors are kept (the first one) and never printed: library code does not print.
int on_error(TIFF*, void* user, const char*, const char* fmt, va_list ap) {
  auto* m = static_cast<Memory*>(user);
  if (m->error[0] == '\0') std::vsnprintf(m->error, sizeof m->error, fmt, ap);
  return 1;
}
int on_warning(TIFF*, void*, const char*, const char*, va_list) { return 1; }

// An open TIFF, closed on every way out.
class Tiff {
 public:
  Tiff(const std::string& bytes, const Source& src) : mem_{bytes}, src_(src) {
    TIFFOpenOptions* o = TIFFOpenOptionsAlloc();
    TIFFOpenOptionsSetErrorHandlerExtR(o, on_error, &mem_);
    TIFFOpenOptionsSetWarningHandlerExtR(o, on_warning, &mem_);
    TIFFOpenOptionsSetMaxSingleMemAlloc(o, static_cast<tmsize_t>(kMaxDecodedBytes));
    // "m": no memory mapping (the bytes are ours already).
    tif_ = TIFFClientOpenExt(src.file.string().c_str(), "rm", &mem_, mem_read, mem_write, mem_seek, mem_close, mem_size,
                             nullptr, nullptr, o);
    TIFFOpenOptionsFree(o);
    if (!tif_) broken("cannot be read");
  }
  ~Tiff() {
    if (tif_) TIFFClose(tif_);
  }
  Tiff(const Tiff&) = delete;
  Tiff& operator=(const Tiff&) = delete;
  TIFF* get() const { return tif_; }
  [[noreturn]] void broken(const std::string& what) const {
    fail(src_, "the TIFF " + what + (mem_.error[0] ? std::string(": ") + mem_.error : std::string()),
         "the file is damaged or cut short: export or copy it again");
  }

 private:
  Memory mem_;
  const Source& src_;
  TIFF* tif_ = nullptr;
};

// What a TIFF's tags say about its samples.
struct Layout {
  std::uint32_t width = 0, height = 0;
  std::uint16_t bits = 1, samples = 1, photometric = PHOTOMETRIC_MINISBLACK, planar = PLANARCONFIG_CONTIG;
  std::uint16_t colour = 1;  // colour samples (1, 3, 4); the rest are extra samples
  bool alpha = false, associated = false;  // the first extra sample is alpha (premultiplied when associated)
  bool tiled = false;
  std::uint32_t tile_w = 0, tile_h = 0, rows_per_strip = 0;
  std::uint16_t* palette[3] = {nullptr, nullptr, nullptr};
};

void read_extra_samples(TIFF* t, Layout& l) {
  std::uint16_t n = 0;
  std::uint16_t* types = nullptr;
  if (TIFFGetField(t, TIFFTAG_EXTRASAMPLES, &n, &types) && n > 0 && types) {
    l.alpha = types[0] == EXTRASAMPLE_ASSOCALPHA || types[0] == EXTRASAMPLE_UNASSALPHA;
    l.associated = types[0] == EXTRASAMPLE_ASSOCALPHA;
  }
  l.colour = static_cast<std::uint16_t>(l.samples > n ? l.samples - n : 0);
}

// The colour model, refusing what the PDF cannot take as grey, RGB or CMYK.
ColorSpace colour_space(TIFF* t, Layout& l, const Source& src) {
  const char* fix = "save it as an RGB, CMYK or greyscale TIFF (or JPEG)";
  switch (l.photometric) {
    case PHOTOMETRIC_MINISBLACK:
    case PHOTOMETRIC_MINISWHITE:
      if (l.colour == 1) return ColorSpace::Gray;
      break;
    case PHOTOMETRIC_PALETTE:
      if (l.colour == 1 && l.bits <= 8 && TIFFGetField(t, TIFFTAG_COLORMAP, &l.palette[0], &l.palette[1], &l.palette[2]))
        return ColorSpace::Rgb;
      break;
    case PHOTOMETRIC_RGB:
      if (l.colour == 3) return ColorSpace::Rgb;
      break;
    case PHOTOMETRIC_YCBCR: {
      std::uint16_t compression = COMPRESSION_NONE;
      TIFFGetField(t, TIFFTAG_COMPRESSION, &compression);
      if (l.colour == 3 && compression == COMPRESSION_JPEG && l.bits == 8) {
        TIFFSetField(t, TIFFTAG_JPEGCOLORMODE, JPEGCOLORMODE_RGB);  // libjpeg undoes YCbCr
        l.photometric = PHOTOMETRIC_RGB;
        return ColorSpace::Rgb;
      }
      fail(src, "is a YCbCr TIFF without JPEG compression, which is not supported", fix);
    }
    case PHOTOMETRIC_SEPARATED: {
      std::uint16_t inkset = INKSET_CMYK;
      TIFFGetField(t, TIFFTAG_INKSET, &inkset);
      if (inkset == INKSET_CMYK && l.colour == 4) return ColorSpace::Cmyk;
      fail(src, "has " + std::to_string(l.colour) + " inks that are not CMYK (a multichannel TIFF)",
           "save it as a CMYK TIFF; spot-colour channels belong in the layout, not in a photo");
    }
    default:
      fail(src, "uses TIFF photometric interpretation " + std::to_string(l.photometric) + " (e.g. CIE Lab), which is not supported", fix);
  }
  fail(src, "has " + std::to_string(l.colour) + " colour samples for its photometric interpretation " +
                std::to_string(l.photometric), fix);
}

Layout read_layout(const Tiff& tiff, Info& info, const Source& src) {
  TIFF* t = tiff.get();
  Layout l;
  if (!TIFFGetField(t, TIFFTAG_IMAGEWIDTH, &l.width) || !TIFFGetField(t, TIFFTAG_IMAGELENGTH, &l.height))
    tiff.broken("has no image size");
  TIFFGetFieldDefaulted(t, TIFFTAG_BITSPERSAMPLE, &l.bits);
  TIFFGetFieldDefaulted(t, TIFFTAG_SAMPLESPERPIXEL, &l.samples);
  TIFFGetFieldDefaulted(t, TIFFTAG_PLANARCONFIG, &l.planar);
  if (!TIFFGetField(t, TIFFTAG_PHOTOMETRIC, &l.photometric)) tiff.broken("has no photometric interpretation");
  read_extra_samples(t, l);
  const bool grey_depth = l.bits == 1 || l.bits == 2 || l.bits == 4;
  if (!(l.bits == 8 || l.bits == 16 || (grey_depth && l.samples == 1)))
    fail(src, "has " + std::to_string(l.bits) + "-bit samples; 8- and 16-bit TIFFs (1 to 4 bits for grey) are supported",
         "save it as an 8-bit TIFF");
  std::uint16_t format = SAMPLEFORMAT_UINT;
  TIFFGetFieldDefaulted(t, TIFFTAG_SAMPLEFORMAT, &format);
  if (format != SAMPLEFORMAT_UINT) fail(src, "has floating-point or signed samples", "save it as an 8-bit integer TIFF");
  info.color = colour_space(t, l, src);
  l.tiled = TIFFIsTiled(t);
  if (l.tiled) {
    TIFFGetField(t, TIFFTAG_TILEWIDTH, &l.tile_w);
    TIFFGetField(t, TIFFTAG_TILELENGTH, &l.tile_h);
    if (l.tile_w == 0 || l.tile_h == 0) tiff.broken("has tiles of no size");
  } else {
    TIFFGetFieldDefaulted(t, TIFFTAG_ROWSPERSTRIP, &l.rows_per_strip);
    l.rows_per_strip = std::clamp<std::uint32_t>(l.rows_per_strip, 1, l.height);
  }
  if (l.width > 0x7FFFFFFF || l.height > 0x7FFFFFFF) tiff.broken("gives an impossible size");
  info.width = static_cast<int>(l.width), info.height = static_cast<int>(l.height);
  info.components = info.color == ColorSpace::Gray ? 1 : info.color == ColorSpace::Rgb ? 3 : 4;
  info.has_alpha = l.alpha;
  return l;
}

void read_tags(TIFF* t, Info& info, SampleFormat* f) {
  std::uint16_t orientation = ORIENTATION_TOPLEFT;
  if (TIFFGetField(t, TIFFTAG_ORIENTATION, &orientation) && orientation >= 1 && orientation <= 8) info.orientation = orientation;
  std::uint32_t len = 0;
  void* icc = nullptr;
  if (TIFFGetField(t, TIFFTAG_ICCPROFILE, &len, &icc) && icc && len > 0) {
    info.has_icc = true;
    if (f) f->icc.assign(static_cast<const char*>(icc), len);
  }
}

}  // namespace

Info probe_tiff(const std::string& bytes, const Source& src) {
  Tiff tiff(bytes, src);
  Info info;
  info.format = Format::Tiff;
  read_layout(tiff, info, src);
  read_tags(tiff.get(), info, nullptr);
  return info;
}

namespace {

// One band of the image (a strip, or a row of tiles) as raw samples, interleaved, at the
// file's depth, then handed to the sink converted to 8-bit colour + alpha.
class BandReader {
 public:
  BandReader(const Tiff& tiff, const Layout& l, const Info& info) : tiff_(tiff), l_(l), info_(info) {
    band_rows_ = l.tiled ? l.tile_h : l.rows_per_strip;
    const std::size_t bits_per_row = static_cast<std::size_t>(l.width) * l.samples * l.bits;
    row_bytes_ = (bits_per_row + 7) / 8;
    band_.resize(row_bytes_ * band_rows_);
    colour_.resize(static_cast<std::size_t>(l.width) * static_cast<std::size_t>(info.components) * band_rows_);
    if (l.alpha) alpha_.resize(static_cast<std::size_t>(l.width) * band_rows_);
  }
  void run(SampleSink& sink);

 private:
  std::uint32_t read_band(std::uint32_t y0);
  void read_strip(std::uint32_t y0);
  void read_tiles(std::uint32_t y0);
  void put(std::vector<std::uint8_t>& dst, std::size_t dst_off, const std::uint8_t* src, std::uint16_t plane,
           std::uint32_t cols, std::uint32_t rows, std::size_t src_stride, std::size_t dst_stride);
  unsigned sample(const std::uint8_t* row, std::uint32_t x, unsigned s) const;
  void convert(std::uint32_t rows);

  const Tiff& tiff_;
  const Layout& l_;
  const Info& info_;
  std::uint32_t band_rows_ = 0;
  std::size_t row_bytes_ = 0;
  std::vector<std::uint8_t> band_, chunk_, colour_, alpha_;
};

// Sample `s` of pixel `x` in a row of the band, scaled to 8 bits.
unsigned BandReader::sample(const std::uint8_t* row, std::uint32_t x, unsigned s) const {
  const std::size_t i = static_cast<std::size_t>(x) * l_.samples + s;
  if (l_.bits == 8) return row[i];
  if (l_.bits == 16) {
    std::uint16_t v;
    std::memcpy(&v, row + 2 * i, 2);  // libtiff hands 16-bit samples in native order
    return (v + 128u) / 257u;
  }
  const std::size_t bit = i * l_.bits;
  const unsigned v = (row[bit / 8] >> (8 - l_.bits - bit % 8)) & ((1u << l_.bits) - 1);
  return l_.photometric == PHOTOMETRIC_PALETTE ? v : v * 255u / ((1u << l_.bits) - 1);
}

// Raw band → 8-bit colour (grey, RGB, CMYK) and alpha, as the sink wants them.
void BandReader::convert(std::uint32_t rows) {
  const unsigned c = static_cast<unsigned>(info_.components);
  for (std::uint32_t r = 0; r < rows; ++r) {
    const std::uint8_t* row = band_.data() + r * row_bytes_;
    std::uint8_t* out = colour_.data() + static_cast<std::size_t>(r) * l_.width * c;
    for (std::uint32_t x = 0; x < l_.width; ++x) {
      unsigned v[4] = {0, 0, 0, 0};
      if (l_.photometric == PHOTOMETRIC_PALETTE) {
        const unsigned k = std::min(sample(row, x, 0), (1u << l_.bits) - 1);
        for (int j = 0; j < 3; ++j) v[j] = (l_.palette[j][k] + 128u) / 257u;
      } else {
        for (unsigned j = 0; j < c; ++j) v[j] = sample(row, x, j);
        if (l_.photometric == PHOTOMETRIC_MINISWHITE) v[0] = 255 - v[0];
      }
      const unsigned a = l_.alpha ? sample(row, x, l_.colour) : 255;
      for (unsigned j = 0; j < c; ++j)  // associated alpha: colour was premultiplied
        out[static_cast<std::size_t>(x) * c + j] =
            static_cast<std::uint8_t>(l_.associated && a > 0 ? std::min(255u, (v[j] * 255 + a / 2) / a) : v[j]);
      if (l_.alpha) alpha_[static_cast<std::size_t>(r) * l_.width + x] = static_cast<std::uint8_t>(a);
    }
  }
}

// Copies `rows` × `cols` samples of one plane (planar) or of all (chunky) into the band.
void BandReader::put(std::vector<std::uint8_t>& dst, std::size_t dst_off, const std::uint8_t* src, std::uint16_t plane,
                     std::uint32_t cols, std::uint32_t rows, std::size_t src_stride, std::size_t dst_stride) {
  const std::size_t bps = l_.bits / 8;  // planar and tiled data is 8 or 16 bits (read_layout)
  for (std::uint32_t r = 0; r < rows; ++r) {
    const std::uint8_t* s = src + r * src_stride;
    std::uint8_t* d = dst.data() + dst_off + r * dst_stride;
    if (l_.planar == PLANARCONFIG_CONTIG) {
      std::memcpy(d, s, static_cast<std::size_t>(cols) * l_.samples * bps);
      continue;
    }
    for (std::uint32_t x = 0; x < cols; ++x) std::memcpy(d + (static_cast<std::size_t>(x) * l_.samples + plane) * bps, s + x * bps, bps);
  }
}

void BandReader::read_strip(std::uint32_t y0) {
  const std::uint32_t rows = std::min(band_rows_, l_.height - y0);
  const std::uint16_t planes = l_.planar == PLANARCONFIG_SEPARATE ? l_.samples : 1;
  const std::uint32_t per_plane = TIFFNumberOfStrips(tiff_.get()) / planes;
  for (std::uint16_t p = 0; p < planes; ++p) {
    const tstrip_t strip = TIFFComputeStrip(tiff_.get(), y0, p);
    if (strip >= per_plane * planes) tiff_.broken("has fewer strips than its size needs");
    if (planes == 1) {
      if (TIFFReadEncodedStrip(tiff_.get(), strip, band_.data(), static_cast<tmsize_t>(row_bytes_ * rows)) < 0)
        tiff_.broken("image data is corrupt");
      continue;
    }
    const std::size_t plane_row = static_cast<std::size_t>(l_.width) * (l_.bits / 8);
    chunk_.resize(plane_row * rows);
    if (TIFFReadEncodedStrip(tiff_.get(), strip, chunk_.data(), static_cast<tmsize_t>(chunk_.size())) < 0)
      tiff_.broken("image data is corrupt");
    put(band_, 0, chunk_.data(), p, l_.width, rows, plane_row, row_bytes_);
  }
}

void BandReader::read_tiles(std::uint32_t y0) {
  const std::uint32_t rows = std::min(band_rows_, l_.height - y0);
  const std::uint16_t planes = l_.planar == PLANARCONFIG_SEPARATE ? l_.samples : 1;
  const std::size_t bps = l_.bits / 8, px = planes == 1 ? l_.samples * bps : bps;
  chunk_.resize(static_cast<std::size_t>(TIFFTileSize(tiff_.get())));
  for (std::uint32_t x0 = 0; x0 < l_.width; x0 += l_.tile_w)
    for (std::uint16_t p = 0; p < planes; ++p) {
      const ttile_t tile = TIFFComputeTile(tiff_.get(), x0, y0, 0, p);
      if (chunk_.empty() || TIFFReadEncodedTile(tiff_.get(), tile, chunk_.data(), static_cast<tmsize_t>(chunk_.size())) < 0)
        tiff_.broken("image data is corrupt");
      const std::uint32_t cols = std::min(l_.tile_w, l_.width - x0);
      put(band_, static_cast<std::size_t>(x0) * l_.samples * bps, chunk_.data(), p, cols, rows, l_.tile_w * px, row_bytes_);
    }
}

std::uint32_t BandReader::read_band(std::uint32_t y0) {
  if (l_.tiled) read_tiles(y0);
  else read_strip(y0);
  return std::min(band_rows_, l_.height - y0);
}

void BandReader::run(SampleSink& sink) {
  for (std::uint32_t y = 0; y < l_.height;) {
    const std::uint32_t rows = read_band(y);
    convert(rows);
    sink.rows(colour_.data(), l_.alpha ? alpha_.data() : nullptr, static_cast<int>(rows));
    y += rows;
  }
}

}  // namespace

void decode_tiff(const std::string& bytes, const Info& info, const Source& src, SampleSink& sink) {
  Tiff tiff(bytes, src);
  Info now;
  const Layout l = read_layout(tiff, now, src);
  if (now.width != info.width || now.height != info.height) tiff.broken("decoder sees a different size than the header");
  if ((l.tiled || l.planar == PLANARCONFIG_SEPARATE) && l.bits < 8)
    fail(src, "has tiled or planar samples under 8 bits, which are not supported", "save it as an 8-bit TIFF");
  SampleFormat f;
  f.width = info.width, f.height = info.height;
  f.components = info.components;
  f.alpha = l.alpha;
  read_tags(tiff.get(), now, &f);
  sink.begin(f);
  BandReader(tiff, l, info).run(sink);
}

}  // namespace image
