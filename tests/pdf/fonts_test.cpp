// Fonts in the PDF: HarfBuzz subsets embedded as CIDFonts (CFF for Noto CJK, TrueType for
// LXGW WenKai), widths that match the font, and text that comes back exactly.
#include "pdf/fixture.h"

namespace {

std::string pdftotext(const std::string& bytes, const std::string& tag) {
  const std::string file = fx::write_temp(test::temp_dir(tag), "t.pdf", bytes);
  const auto r = test::run_shell("pdftotext -raw -enc UTF-8 '" + file + "' -");
  REQUIRE(r.exit_code == 0);
  return r.out;
}

std::string strip_ws(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\f') out += c;
  return out;
}

// The descendant CIDFont of every font on page 1, by BaseFont.
std::map<std::string, QPDFObjectHandle> cid_fonts(fx::Pdf& pdf) {
  std::map<std::string, QPDFObjectHandle> out;
  auto fonts = pdf.pages()[0].getObjectHandle().getKey("/Resources").getKey("/Font");
  for (const auto& k : fonts.getKeys()) {
    auto cid = fonts.getKey(k).getKey("/DescendantFonts").getArrayItem(0);
    out[cid.getKey("/BaseFont").getName()] = cid;
  }
  return out;
}

}  // namespace

TEST_CASE("pdf fonts: pdffonts shows every font embedded, subset, with a Unicode map") {
  const std::string file = fx::write_temp(test::temp_dir("pdf-fonts"), "f.pdf", fx::written(fx::black_text_doc()));
  const auto r = test::run_shell("pdffonts '" + file + "'");
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("NotoSerifCJKsc-Regular") != std::string::npos);
  CHECK(r.out.find("NotoSansCJKsc-Bold") != std::string::npos);
  CHECK(r.out.find("LXGWWenKai-Regular") != std::string::npos);
  CHECK(r.out.find("CID Type 0C") != std::string::npos);  // CFF, raw (FontFile3/CIDFontType0C)
  CHECK(r.out.find("CID TrueType") != std::string::npos);
  std::istringstream in(r.out);
  std::string line;
  int rows = 0;
  for (int i = 0; std::getline(in, line); ++i) {
    if (i < 2) continue;
    ++rows;
    std::istringstream l(line);
    std::vector<std::string> tok;
    for (std::string t; l >> t;) tok.push_back(t);
    REQUIRE(tok.size() >= 7);
    const std::size_t n = tok.size();
    CHECK(tok[n - 5] == "yes");  // emb
    CHECK(tok[n - 4] == "yes");  // sub
    CHECK(tok[n - 3] == "yes");  // uni
    REQUIRE(tok[0].size() > 7);
    CHECK(tok[0][6] == '+');  // ABCDEF+Name
  }
  CHECK(rows == 3);
}

TEST_CASE("pdf fonts: CFF fonts are CIDFontType0 with raw CFF; TrueType fonts CIDFontType2 with Identity map") {
  fx::Pdf pdf(fx::written(fx::black_text_doc()));
  int cff = 0, tt = 0;
  for (auto& [name, cid] : cid_fonts(pdf)) {
    CAPTURE(name);
    auto desc = cid.getKey("/FontDescriptor");
    if (cid.getKey("/Subtype").getName() == "/CIDFontType0") {
      ++cff;
      REQUIRE(desc.getKey("/FontFile3").isStream());
      CHECK(desc.getKey("/FontFile3").getDict().getKey("/Subtype").getName() == "/CIDFontType0C");
      const std::string program = fx::data(desc.getKey("/FontFile3"));
      CHECK(program.substr(0, 2) == std::string("\x01\x00", 2));  // a bare CFF table, major version 1
      CHECK(program.size() < 200000);  // a subset, not the 40 MB table
      CHECK(fx::text(cid.getKey("/CIDSystemInfo").getKey("/Ordering")) == "Identity");
    } else {
      ++tt;
      CHECK(cid.getKey("/Subtype").getName() == "/CIDFontType2");
      CHECK(cid.getKey("/CIDToGIDMap").getName() == "/Identity");
      REQUIRE(desc.getKey("/FontFile2").isStream());
      CHECK(fx::data(desc.getKey("/FontFile2")).size() < 200000);
    }
  }
  CHECK(cff == 2);
  CHECK(tt == 1);
}

namespace {

// Each character shaped alone (no kerning between them) and set at its own advance.
frame::GlyphRun unkerned(const std::string& chars, int face, double size, double y) {
  frame::GlyphRun out = fx::run("", face, size, fx::kBlack, 10, y);
  base::Len x = base::from_pt(10);
  for (std::size_t i = 0; i < chars.size();) {
    std::size_t n = 1;
    while (i + n < chars.size() && (static_cast<unsigned char>(chars[i + n]) & 0xC0) == 0x80) ++n;
    base::Len end = 0;
    const frame::GlyphRun one = fx::run(chars.substr(i, n), face, size, fx::kBlack, base::to_pt(x), y, &end);
    out.glyphs.insert(out.glyphs.end(), one.glyphs.begin(), one.glyphs.end());
    out.clusters.insert(out.clusters.end(), one.clusters.begin(), one.clusters.end());
    out.text += one.text;
    x = end;
    i += n;
  }
  return out;
}

}  // namespace

TEST_CASE("pdf fonts: a run set with the font's own advances needs no TJ adjustment (/W is right)") {
  frame::Document d = fx::document("widths");
  frame::Page p = fx::page(300, 100, 0);
  p.add(unkerned("Proportional Latin 0123 Wwi, 中文。", fx::song(), 11, 40));
  p.add(unkerned("Kai 楷体 proportional", fx::kai(), 13, 70));
  d.pages.push_back(p);
  fx::Pdf pdf(fx::written(d));
  const std::string c = fx::contents(pdf.pages()[0]);
  INFO(c);
  // Every TJ array is one hex string: no number (adjustment) anywhere in it.
  int arrays = 0;
  for (std::size_t at = c.find('['); at != std::string::npos; at = c.find('[', at + 1)) {
    const std::string tj = c.substr(at, c.find(']', at) - at + 1);
    CHECK_MESSAGE((tj.front() == '[' && tj[1] == '<' && tj.find('>') == tj.size() - 2), tj);
    ++arrays;
  }
  CHECK(arrays == 2);
}

TEST_CASE("pdf fonts: the text comes back exactly, in the order it was drawn") {
  const std::string text = strip_ws(pdftotext(fx::written(fx::black_text_doc()), "pdf-text"));
  CHECK(text == "黑色文字Blacktext2024新闻标题图片说明文字");
}

TEST_CASE("pdf fonts: a glyph that stands for other characters elsewhere gets ActualText") {
  frame::Document d = fx::document("actual text");
  frame::Page p = fx::page(300, 100, 0);
  frame::GlyphRun a = fx::run("中", fx::song(), 12, fx::kBlack, 10, 40);
  frame::GlyphRun b = a;  // the same glyph, but it stands for 'X' here …
  b.text = "X";
  b.glyphs[0].x += base::from_pt(20);
  frame::GlyphRun lig = fx::run("ab", fx::song(), 12, fx::kBlack, 50, 40);
  lig.clusters = {{2, 2}};  // … and two glyphs stand for "ab" together
  frame::GlyphRun hyphen = fx::run("-", fx::song(), 12, fx::kBlack, 80, 40);
  hyphen.text.clear();
  hyphen.clusters = {{0, 1}};  // a glyph that stands for nothing (no text)
  p.add(a), p.add(b), p.add(lig), p.add(hyphen);
  d.pages.push_back(p);
  const std::string bytes = fx::written(d);
  CHECK(strip_ws(pdftotext(bytes, "pdf-actual")) == "中Xab");
  fx::Pdf pdf(bytes);
  const std::string c = fx::contents(pdf.pages()[0]);
  CHECK(c.find("/Span <</ActualText <FEFF0058>>> BDC") != std::string::npos);
  CHECK(c.find("/Span <</ActualText <FEFF00610062>>> BDC") != std::string::npos);
  CHECK(c.find("/Span <</ActualText <FEFF>>> BDC") != std::string::npos);
}

TEST_CASE("pdf fonts: one subset per face for the whole file, whatever the number of pages") {
  frame::Document d = fx::document("two pages");
  for (int i = 0; i < 2; ++i) {
    frame::Page p = fx::page(200, 100, 0);
    p.add(fx::run(i == 0 ? "第一版文字" : "第二版文字", fx::song(), 12, fx::kBlack, 10, 40));
    d.pages.push_back(p);
  }
  fx::Pdf pdf(fx::written(d));
  int programs = 0;
  for (auto& o : pdf.q.getAllObjects())
    if (o.isDictionary() && o.getKey("/Type").isName() && o.getKey("/Type").getName() == "/FontDescriptor") ++programs;
  CHECK(programs == 1);
  auto pages = pdf.pages();
  CHECK(pages[0].getObjectHandle().getKey("/Resources").getKey("/Font").getKey("/F" + std::to_string(fx::song()))
            .getObjGen() ==
        pages[1].getObjectHandle().getKey("/Resources").getKey("/Font").getKey("/F" + std::to_string(fx::song()))
            .getObjGen());
}
