#pragma once
// Frame documents written by pdf/ for the pdf and preflight tests: real glyphs shaped by
// text/ with the pinned Debian fonts, photos made with ImageMagick at test time. Header-
// only, so tests/preflight can use it too.
#include <doctest/doctest.h>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "base/context.h"
#include "frame/frame.h"
#include "image/store.h"
#include "model/font_map.h"
#include "pdf/pdf.h"
#include "support/support.h"
#include "text/fonts.h"
#include "text/shape.h"

namespace fx {

using base::Len;

inline const text::FontSet& fonts() {
  static const std::shared_ptr<text::FontSet> set = [] {
    base::Context ctx = test::context();
    return text::FontSet::load(model::load_font_map(ctx), ctx);
  }();
  return *set;
}

inline frame::Cmyk cmyk(int c, int m, int y, int k, std::string spot = {}) {
  frame::Cmyk x;
  x.c = static_cast<std::uint16_t>(c), x.m = static_cast<std::uint16_t>(m);
  x.y = static_cast<std::uint16_t>(y), x.k = static_cast<std::uint16_t>(k);
  x.spot = std::move(spot);
  return x;
}

inline const frame::Cmyk kBlack = cmyk(0, 0, 0, 1000), kRed = cmyk(0, 1000, 1000, 0), kYellow = cmyk(0, 100, 800, 0),
                         kBlue = cmyk(1000, 600, 0, 0), kSpot = cmyk(0, 950, 1000, 0, "PANTONE 485 C"),
                         kGrey = cmyk(0, 0, 0, 500);

inline int song() { return fonts().face(text::Role::Song, false); }
inline int hei_bold() { return fonts().face(text::Role::Hei, true); }
inline int kai() { return fonts().face(text::Role::Kai, false); }

// `chars` shaped in `face` and set from (x, baseline), in pt, with the shaper's advances
// and clusters, as flow sets a line.
inline frame::GlyphRun run(const std::string& chars, int face, double size_pt, const frame::Cmyk& colour, double x_pt,
                           double baseline_pt, Len* end = nullptr) {
  base::Diagnostics diag;
  const Len size = base::from_pt(size_pt);
  const text::ShapedText shaped =
      text::shape(fonts(), chars, {{0, static_cast<std::uint32_t>(chars.size()), face, size, 0}}, diag);
  frame::GlyphRun r;
  r.face = face, r.size = size, r.color = colour, r.text = chars;
  Len pen = base::from_pt(x_pt);
  const auto& gs = shaped.glyphs;
  for (const auto& g : gs) {
    r.glyphs.push_back({g.gid, pen + g.x_offset, base::from_pt(baseline_pt) - g.y_offset});
    pen += g.advance;
  }
  if (end) *end = pen;
  for (std::size_t i = 0; i < gs.size();) {
    std::size_t j = i;
    while (j < gs.size() && gs[j].cluster == gs[i].cluster) ++j;
    const std::uint32_t end = j < gs.size() ? gs[j].cluster : static_cast<std::uint32_t>(chars.size());
    r.clusters.push_back({static_cast<int>(end - gs[i].cluster), static_cast<int>(j - i)});
    i = j;
  }
  return r;
}

inline frame::Page page(double trim_w_pt, double trim_h_pt, double marks_mm) {
  frame::Page p;
  p.trim_w = base::from_pt(trim_w_pt);
  p.trim_h = base::from_pt(trim_h_pt);
  p.bleed = base::from_mm(3);
  p.marks = base::from_mm(marks_mm);
  return p;
}

inline frame::Document document(const std::string& title) {
  frame::Document d;
  d.title = title;
  d.date_iso = "2024-03-05T06:00:00Z";
  for (int f = 0; f < fonts().face_count(); ++f) d.faces.push_back({fonts().info(f).file, fonts().info(f).index, fonts().info(f).family});
  return d;
}

// One page, trim 200 × 120 pt, bleed 3 mm, no marks: 100 % K Chinese and Latin text.
inline frame::Document black_text_doc() {
  frame::Document d = document("黑色文字");
  frame::Page p = page(200, 120, 0);
  p.add(run("黑色文字 Black text 2024", song(), 12, kBlack, 10, 30));
  p.add(run("新闻标题", hei_bold(), 18, kBlack, 10, 60));
  p.add(run("图片说明文字", kai(), 10, kBlack, 10, 90));
  d.pages.push_back(p);
  return d;
}

// The test photos, made once per process with ImageMagick in a temp folder.
struct Photos {
  std::filesystem::path dir, rgb_jpg, gray_jpg, cmyk_jpg, rgb_png, alpha_png;
};

inline const Photos& photos() {
  static const Photos p = [] {
    Photos ph;
    ph.dir = test::temp_dir("pdf-photos");
    auto make = [&](const std::string& name, const std::string& args) {
      const auto out = ph.dir / name;
      const auto r = test::run_shell("convert " + args + " '" + out.string() + "'");
      INFO(r.out);
      REQUIRE(r.exit_code == 0);
      return out;
    };
    // Red on the left, blue on the right: the conversion must keep which is which.
    ph.rgb_jpg = make("rgb.jpg", "-size 200x150 xc:red -fill blue -draw 'rectangle 100,0 199,149' -quality 95");
    ph.gray_jpg = make("gray.jpg", "-size 120x90 gradient:white-black -colorspace Gray -quality 90");
    ph.cmyk_jpg = make("cmyk.jpg", "-size 80x60 xc:'cmyk(10%,20%,30%,40%)' -colorspace CMYK -quality 90");
    ph.rgb_png = make("rgb.png", "-size 60x40 xc:orange");
    ph.alpha_png = make("alpha.png", "-size 60x40 xc:none -fill green -draw 'circle 30,20 30,5'");
    return ph;
  }();
  return p;
}

inline frame::Image image(const std::filesystem::path& file, const std::string& id, double x, double y, double w,
                          double h) {
  frame::Image i;
  i.path = file.string();
  i.id = id;
  i.loc = {"issue.xml", 40};
  i.x = i.img_x = base::from_pt(x), i.y = i.img_y = base::from_pt(y);
  i.w = i.img_w = base::from_pt(w), i.h = i.img_h = base::from_pt(h);
  return i;
}

// Two pages, trim 300 × 200 pt, bleed 3 mm, marks 10 mm. Page 1: black, red, spot and
// grey text, a yellow box with black text on it, a black and a blue rule. Page 2: an RGB,
// a grey and an Adobe CMYK JPEG, an RGB PNG and a PNG with alpha.
inline frame::Document mixed_doc() {
  frame::Document d = document("Mixed <test> & \"quotes\"");
  frame::Page p1 = page(300, 200, 10);
  p1.add(run("红色标题", hei_bold(), 20, kRed, 20, 40));
  p1.add(frame::Fill{base::from_pt(20), base::from_pt(50), base::from_pt(200), base::from_pt(30), kYellow});
  p1.add(run("黄底黑字的说明", song(), 12, kBlack, 24, 70));
  p1.add(frame::Rule{base::from_pt(20), base::from_pt(90), base::from_pt(280), base::from_pt(90), base::from_pt(1), kBlack});
  p1.add(frame::Rule{base::from_pt(20), base::from_pt(100), base::from_pt(280), base::from_pt(100), base::from_pt(2), kBlue});
  p1.add(run("专色文字", song(), 12, kSpot, 20, 130));
  p1.add(run("灰色文字", song(), 12, kGrey, 20, 160));
  d.pages.push_back(p1);
  frame::Page p2 = page(300, 200, 10);
  const Photos& ph = photos();
  // Each at 300 ppi (pixels × 72 / 300 pt), so no resolution warning is due.
  p2.add(image(ph.rgb_jpg, "rgb", 10, 10, 48, 36));
  p2.add(image(ph.gray_jpg, "gray", 70, 10, 28.8, 21.6));
  p2.add(image(ph.cmyk_jpg, "cmyk", 130, 10, 19.2, 14.4));
  p2.add(image(ph.rgb_png, "png", 10, 60, 14.4, 9.6));
  p2.add(image(ph.alpha_png, "alpha", 70, 60, 14.4, 9.6));
  d.pages.push_back(p2);
  return d;
}

inline pdf::Options options(const frame::Document& doc) {
  pdf::Options o;
  o.title = doc.title;
  o.date_iso = doc.date_iso;
  o.producer = "paperset test";
  o.output = pdf::default_output_condition(test::context());
  return o;
}

// A build: the store and resources of one document, and any of its files.
struct Built {
  std::unique_ptr<image::Store> store = std::make_unique<image::Store>();
  std::shared_ptr<const pdf::Resources> res;
  base::Diagnostics diag;
  frame::Document doc;
  std::string file(std::vector<std::size_t> pages = {}) const {
    if (pages.empty())
      for (std::size_t i = 0; i < doc.pages.size(); ++i) pages.push_back(i);
    return pdf::write(doc, *res, pages);
  }
};

inline std::unique_ptr<Built> build(frame::Document doc, const pdf::Options& opt) {
  auto b = std::make_unique<Built>();
  b->doc = std::move(doc);
  b->res = pdf::prepare(b->doc, *b->store, opt, b->diag);
  return b;
}

inline std::string written(const frame::Document& doc) { return build(doc, options(doc))->file(); }

// ---- reading files back -------------------------------------------------------------

struct Pdf {
  std::string bytes;
  QPDF q;
  explicit Pdf(std::string b) : bytes(std::move(b)) {
    q.setSuppressWarnings(true);
    q.processMemoryFile("test", bytes.data(), bytes.size());
  }
  std::vector<QPDFPageObjectHelper> pages() { return QPDFPageDocumentHelper(q).getAllPages(); }
  QPDFObjectHandle info() { return q.getTrailer().getKey("/Info"); }
};

inline std::string data(QPDFObjectHandle stream, qpdf_stream_decode_level_e level = qpdf_dl_generalized) {
  auto buf = level == qpdf_dl_none ? stream.getRawStreamData() : stream.getStreamData(level);
  return std::string(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
}

inline std::string contents(QPDFPageObjectHelper& page) {
  std::string s;
  Pl_String sink("contents", nullptr, s);
  page.pipeContents(&sink);
  return s;
}

inline std::string text(QPDFObjectHandle o) {
  return o.isString() ? o.getUTF8Value() : o.isName() ? o.getName() : o.unparse();
}

inline std::string write_temp(const std::filesystem::path& dir, const std::string& name, const std::string& bytes) {
  const auto p = dir / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p.string();
}

inline std::string slurp(const std::filesystem::path& p) { return base::read_file(p); }

}  // namespace fx
