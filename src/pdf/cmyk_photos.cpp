// CMYK photos (docs/print.md "Photos"): passed through as they are when they are for the
// output condition; re-separated with lcms2 when they were prepared for another one —
// an embedded CMYK profile other than the output intent's, or, untagged, more than 1 %
// of the pixels over the layout's ink limit (then the photo is taken to be separated for
// coated paper: data/icc/paperset-coated-fogra39.icc). Decoded strip by strip: a tagged
// photo is measured and re-separated in one decode; an untagged one is measured first and
// decoded a second time only when it turns out to be over the limit — most are not, and
// re-separating them all on speculation cost more than twice their decode.

#include <optional>

#include "pdf/cmyk_photos.h"
#include "pdf/flate_out.h"
#include "pdf/memo.h"
#include "pdf/util.h"

namespace pdf {

namespace {


// Measures the photo as it is (a TIFF: keeps its samples, Flate) and re-separates it on
// the way when it is tagged for another condition, or, `untagged`, when it is taken to be
// for coated paper: into a JPEG (Adobe, inverted) or a Flate stream, as the photo came.
class CmykSink : public image::SampleSink {
 public:
  CmykSink(Reseparator& r, int limit, bool jpeg, int quality, bool untagged)
      : r_(r), limit_(limit), jpeg_(jpeg), quality_(quality), untagged_(untagged) {}

  void begin(const image::SampleFormat& f) override {
    f_ = f;
    icc_ = f.icc;
    tagged_other_ = r_.other_condition(f.icc);
    if (tagged_other_ || (untagged_ && r_.can_assume_untagged())) {
      xf_ = r_.transform(tagged_other_ ? f.icc : std::string(), f.inverted, jpeg_);
      memo_.emplace(xf_, 4);
      if (jpeg_) enc_.emplace(f.width, f.height, 4, quality_);
    }
  }
  void rows(const std::uint8_t* d, const std::uint8_t*, int n) override {
    const std::size_t px = static_cast<std::size_t>(f_.width) * static_cast<std::size_t>(n);
    if (!untagged_) before.add(d, px, f_.inverted, limit_);  // the second decode measured it already
    if (!jpeg_ && !xf_) raw_.write(d, px * 4);
    if (!xf_) return;
    buf_.resize(px * 4);
    memo_->apply(d, buf_.data(), px);
    after.add(buf_.data(), px, jpeg_, limit_);
    if (enc_) enc_->rows(buf_.data(), n);
    else flate_.write(buf_.data(), buf_.size());
  }

  InkStats before, after;
  bool tagged_other_ = false;
  std::string icc_;
  cmsHTRANSFORM xf_ = nullptr;
  std::optional<image::JpegEncoder> enc_;
  FlateOut flate_, raw_;

 private:
  Reseparator& r_;
  int limit_;
  bool jpeg_;
  int quality_;
  bool untagged_;
  image::SampleFormat f_;
  std::optional<TransformMemo> memo_;
  std::vector<std::uint8_t> buf_;
};

}  // namespace

CmykResult prepare_cmyk(const image::Store::Entry& e, image::Store& store, Reseparator& r, const Options& opt,
                        PreparedImage& out) {
  const bool jpeg = e.info.format == image::Format::Jpeg;
  CmykSink sink(r, opt.ink_limit_percent, jpeg, opt.conformance.jpeg_quality, false);
  store.decode(e, sink);
  CmykResult res;
  res.before = sink.before;
  out.colour_space = "/DeviceCMYK";
  out.filter = jpeg ? "/DCTDecode" : "/FlateDecode";
  // Over the limit where it matters (more than 1 % of the pixels: not JPEG ringing).
  const bool over = sink.before.over_fraction() > 0.01;
  res.tagged = sink.tagged_other_;
  res.profile = sink.tagged_other_ ? r.description(sink.icc_) : std::string();
  std::optional<CmykSink> again;  // untagged and over the limit: decoded again, re-separated
  if (!sink.tagged_other_ && over && r.can_assume_untagged()) {
    again.emplace(r, opt.ink_limit_percent, jpeg, opt.conformance.jpeg_quality, true);
    store.decode(e, *again);
  }
  CmykSink& made = again ? *again : sink;
  res.reseparated = made.xf_ != nullptr;
  if (!res.reseparated) {
    res.ink = sink.before;
    out.inverted = jpeg && e.info.adobe_inverted;
    if (!jpeg) out.converted = sink.raw_.finish();
    return res;
  }
  res.ink = made.after;
  out.inverted = jpeg;  // our JPEG encoder writes Adobe CMYK (inverted samples)
  out.converted = jpeg ? made.enc_->finish() : made.flate_.finish();
  return res;
}

void report_reseparation(const CmykResult& r, const frame::Image& img, int page, int limit, base::Diagnostics& diag) {
  if (!r.reseparated) return;
  const std::string why = r.tagged ? "it was separated for another printing condition (its embedded profile '" +
                                         r.profile + "')"
                                   : "it was separated for another printing condition (untagged, " +
                                         num(r.before.max_percent(), 0) + " % total ink, over the layout's " +
                                         std::to_string(limit) + " %; taken to be for coated paper)";
  diag.warn("photo-reseparated",
            "photo '" + img.id + "' (" + img.path + "): " + why + "; re-separated with lcms2 to the output condition (" +
                num(r.before.max_percent(), 0) + " % → " + num(r.ink.max_percent(), 0) + " % total ink at most)",
            img.loc, img.id, page, "to print it unchanged, supply it separated for the paper's output condition");
}

}  // namespace pdf
