// Photos, prepared once per build (docs/print.md "Photos"): each source file (by content)
// once, whatever the number of pages and files that show it.
// * Grey JPEGs pass through byte for byte. CMYK photos (JPEG, TIFF) pass through or are
//   re-separated to the output condition (cmyk_photos.cpp); an Adobe CMYK JPEG stores its
//   samples inverted and gets /Decode [1 0 1 0 1 0 1 0].
// * RGB JPEGs are converted with lcms2 to the output condition's CMYK and re-encoded as
//   Adobe CMYK JPEGs; PNGs and grey/RGB TIFFs are stored with Flate, grey as grey, RGB
//   converted to CMYK, and alpha as a soft mask (PDF/X-4 allows transparency), or, where
//   the standard allows none (PDF/X-1a, X-3), as a 1-bit mask when the alpha is all 0 and 255.
// All of it streams strip by strip: no photo is ever held whole in memory, decoded.

#include <algorithm>
#include <memory>
#include <optional>

#include "pdf/cmyk_photos.h"
#include "pdf/colour.h"
#include "pdf/photos.h"
#include "pdf/resources.h"
#include "pdf/flate_out.h"
#include "pdf/memo.h"
#include "pdf/util.h"

namespace pdf {

namespace {

// Where a photo is first placed, for messages: its id, file and the <photo> element.
struct Place {
  const frame::Image* img = nullptr;
  int page = 0;
};

std::string photo_label(const Place& p) { return "photo '" + p.img->id + "' (" + p.img->path + ")"; }

// A few pixels over the limit are JPEG ringing, not a press problem: an error only when
// more than 1 % of the pixels are over.
void report_ink(const InkStats& st, const Place& p, int limit, base::Diagnostics& diag) {
  if (st.over == 0) return;
  base::Finding f;
  f.severity = st.over_fraction() > 0.01 ? base::Severity::Error : base::Severity::Warning;
  f.code = "ink-limit";
  f.message = photo_label(p) + " reaches " + num(st.max_percent(), 0) + " % total ink; " +
              num(st.over_fraction() * 100.0, 2) + " % of its pixels are over the layout's " + std::to_string(limit) +
              " % limit";
  f.fix = "convert the photo with the press's CMYK profile, or lower its shadows";
  f.loc = p.img->loc;
  f.article = p.img->id;
  f.page = p.page;
  diag.add(f);
}

// RGB JPEG → CMYK JPEG (Adobe, inverted samples), strip by strip.
class ToCmykJpeg : public image::SampleSink {
 public:
  ToCmykJpeg(CmykConverter& conv, int limit, int quality) : conv_(conv), limit_(limit), quality_(quality) {}
  void begin(const image::SampleFormat& f) override {
    f_ = f;
    memo_.emplace(conv_.rgb_to_cmyk(f.icc, true), 3);
    enc_.emplace(f.width, f.height, 4, quality_);
  }
  void rows(const std::uint8_t* d, const std::uint8_t*, int n) override {
    const std::size_t px = static_cast<std::size_t>(f_.width) * static_cast<std::size_t>(n);
    buf_.resize(px * 4);
    memo_->apply(d, buf_.data(), px);
    ink.add(buf_.data(), px, true, limit_);
    enc_->rows(buf_.data(), n);
  }
  std::string finish() { return enc_->finish(); }
  InkStats ink;

 private:
  CmykConverter& conv_;
  int limit_, quality_;
  image::SampleFormat f_;
  std::optional<TransformMemo> memo_;
  std::optional<image::JpegEncoder> enc_;
  std::vector<std::uint8_t> buf_;
};


// PNG → Flate: grey stays grey, RGB becomes the output condition's CMYK; alpha → an
// 8-bit soft mask, and, while the alpha is all 0 or 255, also a 1-bit mask, which PDF
// 1.3 already has (explicit masking, ISO 32000-1 §8.9.6.3) and which is no
// transparency: a hard-edged logo keeps its cut-out in PDF/X-1a and X-3.
class ToFlate : public image::SampleSink {
 public:
  ToFlate(CmykConverter& conv, int limit) : conv_(conv), limit_(limit) {}
  void begin(const image::SampleFormat& f) override {
    f_ = f;
    if (f.components == 3) memo_.emplace(conv_.rgb_to_cmyk(f.icc, false), 3);
  }
  void rows(const std::uint8_t* d, const std::uint8_t* alpha, int n) override {
    const std::size_t px = static_cast<std::size_t>(f_.width) * static_cast<std::size_t>(n);
    if (alpha) {
      mask.write(alpha, px);
      stencil_rows(alpha, n);
    }
    if (!memo_) {
      data.write(d, px * static_cast<std::size_t>(f_.components));
      return;
    }
    buf_.resize(px * 4);
    memo_->apply(d, buf_.data(), px);
    ink.add(buf_.data(), px, false, limit_);
    data.write(buf_.data(), buf_.size());
  }
  FlateOut data, mask, stencil;
  InkStats ink;
  bool opaque = true;  // every alpha sample 255: the mask hides nothing
  bool binary = true;  // every alpha sample 0 or 255: the 1-bit stencil is exact
  bool cmyk() const { return memo_ || f_.components == 4; }

 private:
  // Mask samples: 1 = masked out (not painted), rows padded to whole bytes (§8.9.6.3).
  void stencil_rows(const std::uint8_t* alpha, int n) {
    if (!binary) return;  // soft alpha: no stencil, and not opaque either
    const std::size_t w = static_cast<std::size_t>(f_.width);
    row_.assign((w + 7) / 8, 0);
    for (int r = 0; r < n; ++r, alpha += w) {
      std::fill(row_.begin(), row_.end(), 0);
      for (std::size_t x = 0; x < w; ++x) {
        const std::uint8_t a = alpha[x];
        opaque = opaque && a == 255;
        binary = binary && (a == 0 || a == 255);
        if (a != 255) row_[x / 8] |= static_cast<std::uint8_t>(0x80u >> (x % 8));
      }
      if (binary) stencil.write(row_.data(), row_.size());
    }
  }
  std::vector<std::uint8_t> row_;
  CmykConverter& conv_;
  int limit_;
  image::SampleFormat f_;
  std::optional<TransformMemo> memo_;
  std::vector<std::uint8_t> buf_;
};

void prepare_jpeg(const image::Store::Entry& e, image::Store& store, CmykConverter& conv, const Options& opt,
                  PreparedImage& out, InkStats& ink) {
  out.filter = "/DCTDecode";
  if (e.info.color == image::ColorSpace::Gray) {
    // Passed through, but decoded once (at 1/8 size when no proof needs more) so that a
    // damaged file stops the build instead of printing grey blocks.
    out.colour_space = "/DeviceGray";
    image::NullSink check;
    store.decode(e, check, false);
  } else {
    ToCmykJpeg sink(conv, opt.ink_limit_percent, opt.conformance.jpeg_quality);
    store.decode(e, sink);
    out.converted = sink.finish();
    out.colour_space = "/DeviceCMYK";
    out.inverted = true;
    ink = sink.ink;
  }
}

// A PNG's alpha in a standard without transparency (PDF/X-1a, X-3) that a 1-bit mask
// cannot give exactly: refused, never flattened behind the user's back.
void report_soft_alpha(const Place& p, const Conformance& c, base::Diagnostics& diag) {
  base::Finding f;
  f.severity = base::Severity::Error;
  f.code = "transparency";
  f.message = photo_label(p) + " has partly transparent pixels (soft edges or shadows in its alpha channel); " +
              base::pdfx_name(c.standard) + " allows no transparency";
  f.fix = "flatten the graphic onto its background, or give it hard edges (every pixel fully opaque or fully "
          "transparent), or build as PDF/X-4 (--pdfx 4)";
  f.loc = p.img->loc;
  f.article = p.img->id;
  f.page = p.page;
  diag.add(f);
}

// The soft-alpha refusal is reported by prepare_images(), which knows where the photo is
// placed (the photo may be prepared before the layout).
void prepare_png(const image::Store::Entry& e, image::Store& store, CmykConverter& conv, const Options& opt,
                 PreparedPhoto& out) {
  ToFlate sink(conv, opt.ink_limit_percent);
  store.decode(e, sink);
  out.image.filter = "/FlateDecode";
  out.image.colour_space = sink.cmyk() ? "/DeviceCMYK" : "/DeviceGray";
  out.image.converted = sink.data.finish();
  std::string mask = sink.mask.finish(), stencil = sink.stencil.finish();
  out.ink = sink.ink;
  // An alpha channel that hides nothing is no mask (nor a reason for a page group).
  if (!e.info.has_alpha || sink.opaque) return;
  if (opt.conformance.transparency) out.image.smask_flate = std::move(mask);
  else if (sink.binary) out.image.stencil_flate = std::move(stencil);
  else out.soft_alpha_refused = true;
}

}  // namespace

void prepare_photo(const image::Store::Entry& e, image::Store& store, CmykConverter& conv, Reseparator& resep,
                   const Options& opt, PreparedPhoto& out) {
  out.image.source = &e;
  out.image.width = e.info.width, out.image.height = e.info.height;
  if (e.info.color == image::ColorSpace::Cmyk) {  // JPEG or TIFF: passed through or re-separated
    out.cmyk = prepare_cmyk(e, store, resep, opt, out.image);
    out.ink = out.cmyk.ink;
  } else if (e.info.format == image::Format::Jpeg) {
    prepare_jpeg(e, store, conv, opt, out.image, out.ink);
  } else {
    prepare_png(e, store, conv, opt, out);
  }
}

void prepare_images(const frame::Document& doc, image::Store& store, Resources& res, base::Diagnostics& diag,
                    PhotoWork* started) {
  std::vector<Place> first;  // per prepared image: where it is first placed
  std::vector<const image::Store::Entry*> entries;
  std::map<std::uint64_t, std::size_t> by_hash;
  for (const auto& page : doc.pages)
    for (const auto& img : page.of<frame::Image>()) {
      if (res.image_of.count(img.path)) continue;
      const image::Store::Entry& e = store.get(img.path, img.loc);
      auto [it, fresh] = by_hash.emplace(e.hash, entries.size());
      res.image_of[img.path] = it->second;
      if (!fresh) continue;
      entries.push_back(&e);
      first.push_back({&img, page.number});
    }
  PhotoWork own(store, res.opt, res.output_profile, {});
  PhotoWork& work = started ? *started : own;
  work.add(entries);
  work.finish(res.opt.jobs);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const PreparedPhoto& p = work.result(*entries[i]);
    if (p.soft_alpha_refused) report_soft_alpha(first[i], res.opt.conformance, diag);
    res.images.push_back(work.take_image(*entries[i]));
    report_reseparation(p.cmyk, *first[i].img, first[i].page, res.opt.ink_limit_percent, diag);
    report_ink(p.ink, first[i], res.opt.ink_limit_percent, diag);
  }
}

}  // namespace pdf
