// Property test on Han–Latin mixed text (docs/composer.md "Latin inside Chinese",
// "Units"): generated with a fixed seed from numbers, ranges, standard numbers, No. 2024,
// dates, short compounds, English words short and long, URLs and e-mail addresses, with
// a dateline at the head of some paragraphs; set at 8–30 em at 9 and 10.5 pt. On every
// justified line: no gap more than 0.10 em above natural unless the line is reported
// loose, never a gap inside a Latin word, a URL or a number, no hyphen in a word of fewer
// than 6 letters (and 2 letters kept, 3 carried), a URL broken only after / . - @ ? &,
// and no unit (range, standard number, No. 2024, date, dateline name) split unless the
// paragraph set with every unit glued whole has a loose line (or an orphan).
#include <doctest/doctest.h>

#include "checks.h"
#include "helpers.h"

using namespace checks;

namespace {

const std::u32string kHan = U"改革有力度服务温企业与群众的满意才能提升经济高质量发展跑出加速区行政审批局以为点和落脚深入推进基层务";

struct Piece {
  std::string text;
  bool unit = false;  // kept whole (a range, a standard number, …)
  bool url = false;
};

std::string han(Rng& r, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) base::append_utf8(out, kHan[r.below(kHan.size())]);
  return out;
}

Piece token(Rng& r) {
  static const char* units[] = {"2023—2024", "30%–40%", "14:30—16:00", "1—2", "5~10", "GB/T 15834-2011",
                                "ISO 9001", "No. 2024", "1月4日", "12月25日", "e-mail", "PDF/X-1a", "COVID-19"};
  static const char* urls[] = {"https://www.yunhe.gov.cn/news/2024/0315.html", "www.example.com/a/b?c=1&d=2",
                               "service-desk@yunhe.gov.cn", "http://wj.gov.cn/zwfw"};
  static const char* words[] = {"internationalization", "newspaper", "extraordinary", "communication", "typesetting",
                                "data", "the", "App", "GDP", "iPhone", "mail", "hello world"};
  static const char* marks[] = {"，", "。", "、", "；", "：", "（", "）", "“", "”"};
  // Weights of a news story: mostly Han runs and marks, a unit or a Latin word every
  // sentence or two, an address now and then.
  const std::size_t k = r.below(50);
  if (k < 4) return {units[r.below(std::size(units))], true};
  if (k < 5) return {urls[r.below(std::size(urls))], false, true};
  if (k < 8) return {words[r.below(std::size(words))]};
  if (k < 10) return {"1.63亿元"};
  if (k < 20) return {marks[r.below(std::size(marks))]};
  return {han(r, 2 + r.below(12))};
}

struct Para {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> units, urls;  // byte ranges
  std::vector<std::pair<std::uint32_t, std::uint32_t>> datelines;
};

Para paragraph(Rng& r) {
  Para p;
  if (r.below(3) == 0) {
    p.text = "本报讯（记者 吴晓岚 通讯员 陈嘉禾）";
    p.datelines.emplace_back(0, static_cast<std::uint32_t>(p.text.size()));
    for (const char* name : {"记者", "吴晓岚", "通讯员", "陈嘉禾"}) {
      const std::size_t at = p.text.find(name);
      p.units.emplace_back(at, at + std::string(name).size());
    }
  }
  p.text += han(r, 2 + r.below(6));
  const std::size_t n = 10 + r.below(40);
  for (std::size_t i = 0; i < n; ++i) {
    Piece t = token(r);
    // Han on both sides of a unit or an address, so that it is one.
    p.text += han(r, 1);
    if (t.unit) p.units.emplace_back(p.text.size(), p.text.size() + t.text.size());
    if (t.url) p.urls.emplace_back(p.text.size(), p.text.size() + t.text.size());
    p.text += t.text + han(r, 1);
  }
  p.text += "。";
  return p;
}

int g_lines = 0, g_loose = 0, g_unit_splits = 0, g_hung = 0;

bool inside(std::size_t at, const std::pair<std::size_t, std::size_t>& r) { return at > r.first && at < r.second; }

// The hyphen at the end of a line ends a word of 6 or more letters, 2 of them on this line.
void check_hyphen(const Para& p, const compose::Line& l) {
  if (!l.hyphenated) return;
  std::size_t a = l.end, e = l.end;
  while (a > 0 && latin(static_cast<unsigned char>(p.text[a - 1]))) --a;
  while (e < p.text.size() && latin(static_cast<unsigned char>(p.text[e]))) ++e;
  CAPTURE(p.text.substr(a, e - a));
  CHECK(e - a >= 6);
  CHECK(l.end - a >= 2);
  CHECK(e - l.end >= 3);
}

// The same paragraph with every unit glued by U+2060 WORD JOINER (UAX #14 LB11: no break
// on either side): how it sets when the units may not break at all.
std::string glued(const Para& p) {
  std::string out;
  std::size_t at = 0;
  for (const auto& u : p.units) {
    if (u.first < at) continue;
    out += p.text.substr(at, u.first - at);
    const std::u32string cps = ct::u32(p.text.substr(u.first, u.second - u.first));
    for (std::size_t i = 0; i < cps.size(); ++i) {
      base::append_utf8(out, cps[i]);
      if (i + 1 < cps.size()) out += "\u2060";
    }
    at = u.second;
  }
  return out + p.text.substr(at);
}

// Whether a setting has a loose line or a one-character last line.
bool strained(const std::vector<compose::Line>& lines) {
  for (const auto& l : lines)
    if (l.loose) return true;
  return lines.size() > 1 && chars(ct::u32(ct::line_text(lines.back()))) < 2;
}

// A mark hung past the measure (行末悬挂, style option): one of 、，。． ending the line,
// standing half its em past the measure; the rest of the line fills the measure.
void check_hang(const compose::Line& l, Len measure, Len em) {
  if (l.hang == 0) return;
  ++g_hung;
  const std::u32string t = ct::u32(ct::line_text(l));
  REQUIRE(!t.empty());
  CHECK(std::u32string(U"、，。．").find(t.back()) != std::u32string::npos);
  CHECK(l.hang == em / 2);
  if (!l.loose) CHECK(l.width == measure + l.hang);
}

void check_setting(const Para& p, double pt, int m, bool hanging) {
  compose::ParaStyle st;
  st.keep_dates = true;
  st.datelines = p.datelines;
  st.hanging_punct = hanging;
  const auto para = ct::para(p.text, st, pt);
  const Len em = base::from_pt(pt);
  const Len measure = base::from_pt(pt * m);
  const auto lines = para.lines(measure);
  int splits = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    CAPTURE(ct::line_text(l));
    CAPTURE(l.break_reason);
    check_hang(l, measure, em);
    if (l.last) continue;
    ++g_lines;
    g_loose += l.loose ? 1 : 0;
    check_gaps(l, visible(p.text, l), em);
    check_hyphen(p, l);
    CHECK(l.break_reason.find("emergency") == std::string::npos);
    for (const auto& u : p.urls)
      if (inside(l.end, u)) {
        CHECK(std::string("/.-@?&").find(p.text[l.end - 1]) != std::string::npos);
        CHECK_FALSE(l.hyphenated);
      }
    for (const auto& u : p.units) splits += inside(l.end, u) ? 1 : 0;
  }
  g_unit_splits += splits;
  if (splits == 0) return;
  // A unit is split only where keeping every unit whole leaves a loose line (or an orphan).
  CAPTURE(m);
  CAPTURE(pt);
  compose::ParaStyle plain;
  plain.hanging_punct = hanging;
  const auto whole = ct::para(glued(p), plain, pt).lines(measure);
  CHECK(strained(whole));
}

}  // namespace

TEST_CASE("property: Han–Latin mixed text with numbers, ranges, URLs and datelines at 8–30 em") {
  Rng r{20240315};
  int settings = 0;
  for (int n = 0; n < 30; ++n) {
    const Para p = paragraph(r);
    CAPTURE(p.text);
    for (double pt : {9.0, 10.5})
      for (int m = 8; m <= 30; ++m) check_setting(p, pt, m, false), ++settings;
  }
  MESSAGE("mixed: " << g_loose << " loose of " << g_lines << " lines in " << settings << " settings; units split "
                    << g_unit_splits << " times");
  // A URL, a standard number or a range in nearly every paragraph, at 8 em too: about one
  // line in twenty cannot be filled without letter-spacing (each is reported loose).
  CHECK(g_loose * 1000 <= g_lines * 55);
}

TEST_CASE("property: the same with hanging punctuation (行末悬挂), as the bundled layouts set body text") {
  Rng r{20240315};
  g_lines = g_loose = g_unit_splits = g_hung = 0;
  for (int n = 0; n < 30; ++n) {
    const Para p = paragraph(r);
    CAPTURE(p.text);
    for (double pt : {9.0, 10.5})
      for (int m = 8; m <= 30; ++m) check_setting(p, pt, m, true);
  }
  CHECK(g_hung > 0);
  CHECK(g_loose * 1000 <= g_lines * 55);
  MESSAGE("mixed, hanging: " << g_loose << " loose of " << g_lines << " lines, " << g_hung << " marks hung; units split "
                             << g_unit_splits << " times");
}
