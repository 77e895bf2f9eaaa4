// decode_to(): the whole image in its own colour space, strip by strip; decode_samples()
// collects it; ProofReducer turns it into what cairo draws on a proof. Sizes come from
// the probe first, so an oversized or broken header is refused before any pixel memory
// is allocated.
#include <algorithm>
#include <fstream>
#include <iterator>

#include "base/context.h"
#include "image/internal.h"

namespace image {
namespace {

// A regular file, read up to the image size limit (base/files.h).
std::string read_all(const Source& src) { return base::read_file(src.file, src.from); }

class Collector : public SampleSink {
 public:
  explicit Collector(Samples& out) : out_(out) {}
  void begin(const SampleFormat& f) override {
    out_.format = f;
    const std::size_t n = static_cast<std::size_t>(f.width) * static_cast<std::size_t>(f.height);
    out_.data.reserve(n * static_cast<std::size_t>(f.components));
    if (f.alpha) out_.alpha.reserve(n);
  }
  void rows(const std::uint8_t* data, const std::uint8_t* alpha, int count) override {
    const std::size_t w = static_cast<std::size_t>(out_.format.width) * static_cast<std::size_t>(count);
    out_.data.insert(out_.data.end(), data, data + w * static_cast<std::size_t>(out_.format.components));
    if (alpha) out_.alpha.insert(out_.alpha.end(), alpha, alpha + w);
  }

 private:
  Samples& out_;
};

// A naive device CMYK → RGB for the screen proof only. Adobe CMYK is stored inverted.
void cmyk_light(const std::uint8_t* s, bool inverted, unsigned rgb[3]) {
  auto light = [inverted](std::uint8_t v) { return inverted ? unsigned{v} : 255u - v; };
  const unsigned k = light(s[3]);
  for (int i = 0; i < 3; ++i) rgb[i] = (light(s[i]) * k + 127) / 255;
}

}  // namespace

void decode_to(const std::string& bytes, const Info& info, const std::filesystem::path& file, const base::Loc& from,
               SampleSink& sink, int reduce) {
  const Source src{file, from};
  switch (info.format) {
    case Format::Jpeg: decode_jpeg(bytes, info, src, sink, reduce); break;
    case Format::Png: decode_png(bytes, info, src, sink); break;
    case Format::Tiff: decode_tiff(bytes, info, src, sink); break;
  }
}

Samples decode_samples(const std::string& bytes, const Info& info, const std::filesystem::path& file,
                       const base::Loc& from) {
  Samples out;
  Collector c(out);
  decode_to(bytes, info, file, from, c);
  return out;
}

// ---- ProofReducer ----------------------------------------------------------------------

void ProofReducer::begin(const SampleFormat& f) {
  f_ = f;
  out_.width = (f.width + shrink_ - 1) / shrink_;
  out_.height = (f.height + shrink_y_ - 1) / shrink_y_;
  out_.alpha = f.alpha;
  out_.data.clear();
  out_.data.reserve(static_cast<std::size_t>(out_.width) * static_cast<std::size_t>(out_.height));
  sums_.assign(static_cast<std::size_t>(out_.width) * 5, 0);
  in_block_ = 0;
}

void ProofReducer::rows(const std::uint8_t* data, const std::uint8_t* alpha, int count) {
  const std::size_t c = static_cast<std::size_t>(f_.components);
  for (int r = 0; r < count; ++r) {
    const std::uint8_t* row = data + static_cast<std::size_t>(r) * static_cast<std::size_t>(f_.width) * c;
    const std::uint8_t* arow = alpha ? alpha + static_cast<std::size_t>(r) * static_cast<std::size_t>(f_.width) : nullptr;
    for (int x = 0; x < f_.width; ++x) {
      const std::uint8_t* p = row + static_cast<std::size_t>(x) * c;
      unsigned rgb[3] = {p[0], p[0], p[0]};
      if (c == 3) rgb[1] = p[1], rgb[2] = p[2];
      if (c == 4) cmyk_light(p, f_.inverted, rgb);
      const unsigned a = arow ? arow[x] : 255u;
      std::uint64_t* s = &sums_[static_cast<std::size_t>(x / shrink_) * 5];
      s[0] += rgb[0] * a, s[1] += rgb[1] * a, s[2] += rgb[2] * a, s[3] += a, s[4] += 1;
    }
    if (++in_block_ == shrink_y_) flush();
  }
}

// One output row from the block sums, premultiplied (cairo's ARGB32).
void ProofReducer::flush() {
  for (int x = 0; x < out_.width; ++x) {
    std::uint64_t* s = &sums_[static_cast<std::size_t>(x) * 5];
    if (s[3] == 0) {
      out_.data.push_back(0);
    } else {
      auto mean = [&](int k) { return static_cast<unsigned>((s[k] + s[3] / 2) / s[3]); };
      out_.data.push_back(pack_premultiplied(mean(0), mean(1), mean(2), static_cast<unsigned>((s[3] + s[4] / 2) / s[4])));
    }
    std::fill(s, s + 5, std::uint64_t{0});
  }
  in_block_ = 0;
}

Pixels ProofReducer::take() {
  if (in_block_ > 0) flush();
  return std::move(out_);
}

Pixels decode(const std::filesystem::path& file, const base::Loc& from) {
  const Info info = probe(file, from);
  const std::string bytes = read_all({file, from});
  ProofReducer r(1);
  decode_to(bytes, info, file, from, r);
  return r.take();
}

}  // namespace image
