// Vertical shaping (竖排): which glyphs the marks get, where their ink sits in the em box,
// Latin turned 90° clockwise, 纵中横 numbers within one em (docs/composer.md "Vertical
// text"). The glyph ids are those of the pinned Debian fonts (checked in text_test.cpp).
#include <doctest/doctest.h>

#include <map>

#include "base/utf8.h"
#include "model/font_map.h"
#include "support/support.h"
#include "text/shape.h"

namespace {

using base::Len;

const text::FontSet& fonts() {
  static auto set = [] {
    auto ctx = test::context();
    return text::FontSet::load(model::load_font_map(ctx), ctx);
  }();
  return *set;
}

constexpr double kPt = 10;
const Len kEm = base::from_pt(kPt);

text::ShapedText vshape(const std::string& s, text::Role role, int tcy = 2, bool corner = false) {
  base::Diagnostics d;
  text::ShapeOptions o;
  o.vertical = true;
  o.tcy_digits = tcy;
  o.corner_quotes = corner;
  const int face = fonts().face(role, false);
  return text::shape(fonts(), s, {{0, static_cast<std::uint32_t>(s.size()), face, kEm, 0}}, d, o);
}

const text::ShapedRun& run_of(const text::ShapedText& t, std::size_t glyph) {
  for (const auto& r : t.runs)
    if (glyph >= r.first_glyph && glyph < r.first_glyph + r.glyph_count) return r;
  throw std::runtime_error("glyph outside every run");
}

// A placed glyph's ink on the page, relative to the line: x across from the line's
// centre (right positive), y down from the line's start; pen = the advance before it.
struct Box {
  double x0, y0, x1, y1;  // in em
  double cx() const { return (x0 + x1) / 2; }
  double cy() const { return (y0 + y1) / 2; }
};

Box ink(const text::ShapedText& t, std::size_t i, Len pen) {
  const text::Glyph& g = t.glyphs[i];
  const auto& r = run_of(t, i);
  const auto k = fonts().ink(g.face, g.gid);
  const double s = static_cast<double>(kEm) / fonts().info(g.face).upem;  // mpt per unit
  const double ox = static_cast<double>(g.x_offset), oy = static_cast<double>(pen - g.y_offset);
  Box b{};
  if (r.orient == text::Orient::Rotated)  // turned 90° clockwise: glyph up = page right
    b = {ox + k.y0 * s, oy + k.x0 * s, ox + k.y1 * s, oy + k.x1 * s};
  else {
    const double h = r.orient == text::Orient::Tcy ? r.hscale / 1000.0 : 1.0;
    b = {ox + k.x0 * s * h, oy - k.y1 * s, ox + k.x1 * s * h, oy - k.y0 * s};
  }
  const double e = static_cast<double>(kEm);
  return {b.x0 / e, b.y0 / e, b.x1 / e, b.y1 / e};
}

// Ink of each character (first glyph of its cluster) with its pen position, in order.
std::map<std::uint32_t, Box> inks(const text::ShapedText& t) {
  std::map<std::uint32_t, Box> out;
  Len pen = 0;
  for (std::size_t i = 0; i < t.glyphs.size(); ++i) {
    if (!out.count(t.glyphs[i].cluster)) out[t.glyphs[i].cluster] = ink(t, i, pen);
    pen += t.glyphs[i].advance;
  }
  return out;
}

std::vector<std::uint32_t> gids(const text::ShapedText& t) {
  std::vector<std::uint32_t> v;
  for (const auto& g : t.glyphs) v.push_back(g.gid);
  return v;
}

}  // namespace

TEST_CASE("vertical forms of the marks: the glyph each font gives，。、：；“”（）《》——……") {
  const std::string marks = "，。、：；“”（）《》——……";
  struct Row {
    text::Role role;
    std::vector<std::uint32_t> want;
  };
  // Noto CJK's `vert` forms (—— is one ligature glyph two ems long); LXGW WenKai has
  // vertical forms for all but the dash, which stays its horizontal glyph and is turned.
  const Row rows[] = {
      {text::Role::Song, {58881, 58883, 58882, 58884, 58885, 58910, 58911, 58896, 58897, 58904, 58905, 65028, 58890, 58890}},
      {text::Role::Hei, {58979, 58981, 58980, 58982, 58983, 59008, 59009, 58994, 58995, 59002, 59003, 65147, 58988, 58988}},
      {text::Role::Kai, {27241, 27243, 27242, 27244, 27245, 27265, 27266, 27251, 27252, 27259, 27260, 1143, 1143, 1180, 1180}},
  };
  for (const auto& row : rows) {
    CAPTURE(static_cast<int>(row.role));
    const auto t = vshape(marks, row.role);
    CHECK(gids(t) == row.want);
    // Every vertical form differs from the horizontal glyph of the same mark.
    base::Diagnostics d;
    const int face = fonts().face(row.role, false);
    const auto h = text::shape(fonts(), marks, {{0, static_cast<std::uint32_t>(marks.size()), face, kEm, 0}}, d);
    for (std::size_t i = 0; i < t.glyphs.size() && i < h.glyphs.size(); ++i) {
      const bool turned = run_of(t, i).orient == text::Orient::Rotated;
      CHECK((t.glyphs[i].gid != h.glyphs[i].gid || turned));
    }
  }
}

TEST_CASE("vertical: every mark advances one em down the line, —— two") {
  for (auto role : {text::Role::Song, text::Role::Hei, text::Role::Kai}) {
    const auto t = vshape("中，。、：；“”（）《》——……", role);
    Len total = 0;
    for (const auto& g : t.glyphs) total += g.advance;
    CHECK(total == 16 * kEm);
  }
}

TEST_CASE("vertical: ，。、：；！？ sit in the upper right of their em, brackets and quotes hug their text") {
  for (auto role : {text::Role::Song, text::Role::Hei, text::Role::Kai}) {
    CAPTURE(static_cast<int>(role));
    // Byte offsets: each character is 3 bytes.
    const std::string s = "中，。、：；！？（）《》“”『』——……";
    const auto b = inks(vshape(s, role));
    for (std::uint32_t k = 1; k <= 7; ++k) {  // stops (点号): GB/T 15834-2011 §5.2, 下偏右
      const Box& m = b.at(3 * k);
      const double top = static_cast<double>(k);  // the mark's em runs from k to k + 1
      CAPTURE(k);
      CHECK(m.y0 > top - 0.01);  // inside its em, from the top
      CHECK(m.y0 < top + 0.3);
      if (k <= 3) {              // ，。、 in the upper right quarter
        CHECK(m.x0 > 0.05);
        CHECK(m.y1 < top + 0.62);
      } else if (k <= 6) {       // ：；！ a tall mark right of the centre line
        CHECK(m.x0 > 0.05);
      } else {                   // ？ wider: its middle right of the centre
        CHECK(m.cx() > 0.1);
      }
    }
    for (std::uint32_t k = 8; k <= 15; ++k) {  // （ ） 《 》 “ ” 『 』: opening low, closing high
      const Box& m = b.at(3 * k);
      const double top = static_cast<double>(k);
      CAPTURE(k);
      CHECK(m.x0 < 0);  // across the centre line
      CHECK(m.x1 > 0);
      if (k % 2 == 0) CHECK(m.y0 > top + 0.45);  // an opening mark's ink is in its lower half
      else CHECK(m.y1 < top + 0.55);             // a closing mark's in its upper half
    }
    for (std::uint32_t k : {16u, 18u}) {  // —— and ……: upright strokes and dots on the centre
      const Box& m = b.at(3 * k);
      CAPTURE(k);
      CHECK(m.y1 - m.y0 > m.x1 - m.x0);
      CHECK(m.cx() == doctest::Approx(0).epsilon(0.08));
    }
  }
}

TEST_CASE("vertical: Latin words and long numbers are turned 90° clockwise on the line's centre") {
  const auto t = vshape("年增长GDP 2024年", text::Role::Song);
  base::Diagnostics d;
  const int song = fonts().face(text::Role::Song, false);
  const auto h = text::shape(fonts(), "GDP 2024", {{0, 8, song, kEm, 0}}, d);
  Len hsum = 0, vsum = 0;
  for (const auto& g : h.glyphs) hsum += g.advance;
  for (std::size_t i = 0; i < t.glyphs.size(); ++i)
    if (run_of(t, i).orient == text::Orient::Rotated) vsum += t.glyphs[i].advance;
  CHECK(vsum == hsum);  // turned: they advance down the line by their horizontal widths
  const auto b = inks(t);
  const Box& g = b.at(9);   // G
  const Box& two = b.at(13);  // 2 of 2024
  // The Latin em box is centred on the line: the ink straddles the centre line.
  CHECK(g.x0 < 0);
  CHECK(g.x1 > 0);
  CHECK(two.y1 - two.y0 < two.x1 - two.x0);  // a turned digit is wider than tall
}

TEST_CASE("纵中横: numbers of up to tcy digits stand across the column in one em") {
  struct Row {
    std::string text;
    text::Role role;
    int tcy;
    std::uint32_t at;  // byte of the number
    int digits;
    int hscale;        // 1000: not condensed
  };
  const Row rows[] = {
      {"10月1日", text::Role::Song, 2, 0, 2, 1000},   // two half-width digits: exactly one em
      {"10月1日", text::Role::Song, 2, 5, 1, 1000},   // one digit, centred
      {"第12版", text::Role::Kai, 2, 3, 2, 833},      // WenKai has no hwid: 2 × 600 condensed
      {"第100期", text::Role::Song, 3, 3, 3, 666},    // three digits condensed to one em
      {"第100期", text::Role::Hei, 3, 3, 3, 666},
  };
  for (const auto& r : rows) {
    CAPTURE(r.text);
    CAPTURE(r.digits);
    const auto t = vshape(r.text, r.role, r.tcy);
    Len adv = 0;
    std::size_t n = 0, first = 0;
    for (std::size_t i = 0; i < t.glyphs.size(); ++i)
      if (t.glyphs[i].cluster == r.at) {
        if (n++ == 0) first = i;
        adv += t.glyphs[i].advance;
        CHECK(run_of(t, i).orient == text::Orient::Tcy);
      }
    CHECK(n == static_cast<std::size_t>(r.digits));  // one cluster: the composer sees one unit
    CHECK(adv == kEm);                                // it takes one em of the line
    CHECK(run_of(t, first).hscale == r.hscale);
    // Centred across the column, within the em.
    Len pen = 0;
    for (std::size_t i = 0; i < first; ++i) pen += t.glyphs[i].advance;
    const Box l = ink(t, first, pen), rr = ink(t, first + n - 1, pen);
    CHECK(l.x0 > -0.5);
    CHECK(rr.x1 < 0.5);
    CHECK((l.x0 + rr.x1) / 2 == doctest::Approx(0).epsilon(0.06));
  }
  // Four digits are never 纵中横: a year is turned.
  const auto t = vshape("2024年", text::Role::Song, 3);
  CHECK(run_of(t, 0).orient == text::Orient::Rotated);
  // tcy 0: every number is turned.
  CHECK(run_of(vshape("10月", text::Role::Song, 0), 0).orient == text::Orient::Rotated);
  // A number inside a Latin word or with its sign is turned with it.
  CHECK(run_of(vshape("约5%的", text::Role::Song), 1).orient == text::Orient::Rotated);
}

TEST_CASE("vertical: the quotes style 「」『』 changes the text and takes the corner brackets' vertical forms") {
  const auto t = vshape("他说“好‘是’”", text::Role::Song, 2, true);
  CHECK(t.text == "他说「好『是』」");
  const auto plain = vshape("他说「好『是』」", text::Role::Song);
  CHECK(gids(t) == gids(plain));
}

TEST_CASE("vertical: Kai keeps its own vertical quotes, full width (only its horizontal ones are narrow)") {
  const auto t = vshape("“文”", text::Role::Kai);
  const int kai = fonts().face(text::Role::Kai, false);
  for (const auto& g : t.glyphs) {
    CHECK(g.face == kai);
    CHECK(g.advance == kEm);
  }
}

TEST_CASE("fonts without a vertical form for a mark are known per face") {
  const auto& kai = fonts().info(fonts().face(text::Role::Kai, false)).no_vertical_form;
  const auto& song = fonts().info(fonts().face(text::Role::Song, false)).no_vertical_form;
  auto has = [](const std::vector<char32_t>& v, char32_t c) { return std::find(v.begin(), v.end(), c) != v.end(); };
  CHECK(has(kai, 0x2014));   // WenKai's — has no vertical form
  CHECK(!has(song, 0x2014));  // Noto's has
  CHECK(has(song, 0x2013));  // nor has either font one for the en dash
  CHECK(!has(kai, 0xFF08));
}
