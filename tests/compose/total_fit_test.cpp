// Total fit (docs/composer.md "Total fit"): breaks chosen for the whole paragraph, so
// that a number or a word that cannot join a line no longer leaves its line stretched;
// plans that follow the cursor and the measure; and work that stays linear in the
// paragraph's length whatever the input (long paragraphs, words longer than the
// measure, runs of zero-width breaks or of spaces).
#include <doctest/doctest.h>

#include <fstream>

#include "helpers.h"

using base::Len;

namespace {

const Len kEm = ct::em(10.5);

int widest_stretch_em1000(const std::vector<compose::Line>& lines) {
  int w = 0;
  for (const auto& l : lines) w = std::max(w, l.stretch_em1000);
  return w;
}

std::string corpus() {
  std::ifstream in(test::source_root() / "tests/compose/data/corpus_000.txt");
  REQUIRE(in.good());
  std::string all, line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line[0] == '#' || line[0] == ' ')) line.erase(0, 1);
    all += line;
  }
  return all;
}

std::size_t atoms_of(const std::string& s) { return ct::u32(s).size(); }

}  // namespace

TEST_CASE("a number that cannot join its line no longer leaves the line before stretched") {
  // First fit set 事 设 半 程 马 拉 松 at 0.5 em per gap before （21.0975公里）: the token
  // needs a line of its own start, so the breaks before it are chosen with it in view.
  const std::string text =
      "记者从新区文体旅游局获悉，2024运河新区首届半程马拉松将于4月21日鸣枪开跑，即日起开放报名。"
      "本次赛事设半程马拉松（21.0975公里）和欢乐跑（5公里）两个项目，总规模8000人。";
  const auto lines = ct::para(text, compose::ParaStyle{}, 10.5).lines(kEm * 10);
  CHECK(widest_stretch_em1000(lines) <= 125);
  int loose = 0;
  for (const auto& l : lines) loose += l.loose ? 1 : 0;
  CHECK(loose <= 1);
  for (const auto& l : lines) CHECK(ct::line_text(l).find("（21.0975") != 3 * 7);
}

TEST_CASE("punctuation compressed in one line saves a stretched line further on") {
  // 12 em: the comma of line 1 gives its half em so that 。 can join line 2 instead of
  // pushing a character down (two lines at natural width, none stretched).
  const std::string text = "一二三四五六七八九十，一二三四五六七八九十一二三。四五六七八九十一二";
  const auto lines = ct::para(text, ct::style(), 10.5).lines(kEm * 12);
  for (const auto& l : lines) {
    CAPTURE(ct::line_text(l));
    CHECK_FALSE(l.loose);
  }
}

TEST_CASE("hanging punctuation spares a loose line, and is not taken where squeezing fits") {
  compose::ParaStyle hang = ct::style();
  hang.hanging_punct = true;
  // 10 em: ， after the tenth character may not start the next line, and pushing it in
  // would need a full em. Hanging it past the measure (CLREQ §3.1.7 行末悬挂) keeps both
  // lines solid; without the option one line is stretched past the ceiling.
  const std::string text = "一二三四五六七八九十，一二三四五六七八九十一二三四五。";
  const auto hung = ct::para(text, hang, 10.5).lines(kEm * 10);
  REQUIRE(hung.size() >= 2);
  CHECK(ct::line_text(hung[0]) == "一二三四五六七八九十，");
  // The ten characters fill the measure; the comma stands past it by its ink half, its
  // blank half cut (recorded as at any line end).
  CHECK(hung[0].width == kEm * 10 + kEm / 2);
  CHECK(hung[0].hang == kEm / 2);
  CHECK(hung[0].segments.back().glyphs.back().x == kEm * 10);
  bool cut = false;
  for (const auto& a : hung[0].adjustments) cut = cut || (a.why == "line-end-punct" && a.delta == -kEm / 2);
  CHECK(cut);
  CHECK(hung[0].break_reason.find("(hanging ，)") != std::string::npos);
  for (const auto& l : hung) CHECK_FALSE(l.loose);
  int loose = 0;
  for (const auto& l : ct::para(text, ct::style(), 10.5).lines(kEm * 10)) loose += l.loose ? 1 : 0;
  CHECK(loose == 1);
  // Two commas that fit by giving up their blank halves: squeezed, not hung.
  const std::string squeeze = "一二三四，五六七八九，一二三四五六七八九十一二三四五。";
  const auto s = ct::para(squeeze, hang, 10.5).lines(kEm * 10);
  REQUIRE(s.size() >= 2);
  CHECK(ct::line_text(s[0]) == "一二三四，五六七八九，");
  CHECK(s[0].width == kEm * 10);
  CHECK(s[0].hang == 0);
  CHECK(s[0].break_reason.find("hanging") == std::string::npos);
}

TEST_CASE("an ASCII bracket around Chinese text allows the break after it, as （） does") {
  // UAX #14 LB30 keeps ")3" together for Latin text; copy that types ( ) for （） in a
  // dateline would otherwise tie the reporter's name to the date after it.
  const std::string text = "本报讯(记者 陈思)3月13日，市评弹团走进运河中学，为师生带来评弹专场。";
  const auto lines = ct::para(text, ct::style(), 10.5).lines(kEm * 8);
  REQUIRE(lines.size() >= 2);
  CHECK(ct::line_text(lines[0]) == "本报讯(记者 陈思)");
  CHECK(ct::line_text(lines[1]).rfind("3月13日", 0) == 0);
  // Latin text keeps LB30: no break between ")" and a letter that follows it.
  const std::string latin = "一二三四五六七八(see)also九十一二三四五六七八九十";
  for (const auto& l : ct::para(latin, ct::style(), 10.5).lines(kEm * 8)) CHECK(ct::line_text(l).rfind("also", 0) != 0);
}

namespace {

// `text` with U+2060 (word joiner) between the characters of each of `words`: the
// setting where they cannot break at all.
std::string glued(std::string text, const std::vector<std::string>& words) {
  for (const auto& w : words) {
    std::string g;
    for (std::size_t i = 0; i < w.size(); i += 3) g += (i ? "\u2060" : "") + w.substr(i, 3);  // Han: 3 bytes
    text.replace(text.find(w), w.size(), g);
  }
  return text;
}

// How many settings of `text` (8–30 em, 9 and 10.5 pt, indented) break inside one of
// `words` although the setting with them glued whole is not strained: no loose line
// (`budget` 0), or loose lines whose (stretch / 0.10 em)² sum to at most `budget` and
// none set flush left.
int needless_splits(const std::string& text, const std::vector<std::string>& words, double budget = 0) {
  int needless = 0;
  for (double pt : {9.0, 10.5}) {
    for (int m = 8; m <= 30; ++m) {
      const Len measure = ct::em(pt) * m;
      bool inside = false;
      double strain = 0;
      for (const auto& l : ct::para(text, ct::style(2000), pt).lines(measure))
        for (const auto& w : words) {
          const auto at = text.find(w);
          inside = inside || (l.end > at && l.end < at + w.size());
        }
      for (const auto& l : ct::para(glued(text, words), ct::style(2000), pt).lines(measure)) {
        const double x = l.stretch_em1000 / 100.0;
        // A loose line's price in units of 10⁸ (total_fit.cpp): x² + 2, and 8 more past 0.20 em.
        if (l.loose) strain += l.gap_stretch == 0 ? 1e9 : x * x + 2 + (x > 2 ? 8 : 0);
      }
      needless += inside && strain <= budget;
    }
  }
  return needless;
}

}  // namespace

TEST_CASE("a dateline typed in the copy keeps its role words and names whole") {
  // Copy that types the dateline into the paragraph (no <dateline>): the bracketed group
  // names a role, so 谭论, 记者 and 史莲寅 are units, split only where the setting with
  // them glued whole has a loose line. Preceded by 0–19 characters, at 8–30 em.
  const std::string han = "近日的报道称区审计局举行党员骨干讲党课活动全体";
  const std::string rest = "近日，区审计局举行“党员骨干讲党课”活动，全体党员参加了学习，并就下一步工作进行了交流。";
  int dateline = 0, plain = 0;
  for (std::size_t k = 0; k < 20; ++k) {
    const std::string text = han.substr(0, 3 * k) + "本报讯(谭论 记者 史莲寅)" + rest;
    dateline += needless_splits(text, {"谭论", "记者", "史莲寅"});
    // The same group without a role word is a phrase in brackets: it breaks freely (the
    // check can fail).
    const std::string other = han.substr(0, 3 * k) + "本报讯(谭论 工人 史莲寅)" + rest;
    plain += needless_splits(other, {"谭论", "工人", "史莲寅"});
  }
  CHECK(dateline == 0);
  CHECK(plain > 0);
}

TEST_CASE("a dateline's names break only where keeping them whole spaces a line past 0.20 em") {
  // A name split (孙|悦) reads worse than a line spaced out a little: it is priced as a
  // line at 0.20 em per gap, so loose lines (reported) are taken rather than the split
  // as long as their prices, x² + 2 each (x = stretch / 0.10 em), sum to at most 6.
  const std::string han = "近日的报道称区审计局举行党员骨干讲党课活动全体";
  const std::string rest = "“两荤一素一汤，只要12元，味道跟家里烧的差不多。”他说。";
  const std::vector<std::string> names{"通讯员", "何芳", "记者", "赵一鸣"};
  int needless = 0;
  for (std::size_t k = 0; k < 20; ++k)
    needless += needless_splits(han.substr(0, 3 * k) + "本报讯(通讯员 何芳 记者 赵一鸣)" + rest, names, 6.0);
  CHECK(needless == 0);
}

TEST_CASE("the plan follows the cursor: a copied cursor, a peek and a new measure") {
  const std::string text = corpus().substr(0, 3000);
  const auto p = ct::para(text, compose::ParaStyle{}, 9);
  const auto all = p.lines(ct::em(9) * 13);
  compose::Cursor c;
  std::vector<std::string> got;
  for (int i = 0; i < 5; ++i) got.push_back(ct::line_text(p.next_line(c, ct::em(9) * 13)));
  compose::Cursor peek = c;
  p.next_line(peek, ct::em(9) * 13);  // flow looks ahead; the plan is unchanged
  for (int i = 0; i < 5; ++i) CHECK(got[static_cast<std::size_t>(i)] == ct::line_text(all[static_cast<std::size_t>(i)]));
  // A different measure plans again from the cursor: every line is full at it.
  const Len wide = ct::em(9) * 20;
  while (!p.done(c)) {
    const auto l = p.next_line(c, wide);
    if (!l.last && !l.loose) CHECK(l.width == wide);
  }
}

TEST_CASE("work stays linear: a 50,000-character paragraph") {
  std::string text;
  const std::string c = corpus();
  while (atoms_of(text) < 50000) text += c;
  const auto p = ct::para(text, compose::ParaStyle{}, 9);
  const auto lines = p.lines(ct::em(9) * 13);
  CHECK(lines.size() > 3000);
  // A few candidate lines per break opportunity, never a line's worth per character.
  CHECK(p.work() < 16 * atoms_of(text));
  // Pulled at two measures in turn (a wrap that changes every line): each change plans
  // again (a window of about 96 lines), until the paragraph's budget of 48 lines per
  // atom is spent and first fit sets the rest: still linear.
  std::size_t cut = 30000;
  while ((static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  const std::string part = text.substr(0, cut);
  const auto q = ct::para(part, compose::ParaStyle{}, 9);
  compose::Cursor cur;
  int i = 0;
  std::string joined;
  while (!q.done(cur)) joined += ct::line_text(q.next_line(cur, ct::em(9) * (i++ % 2 ? 13 : 11)));
  CHECK(joined.size() + 64 > part.size());  // typed spaces at line edges are dropped
  CHECK(q.work() < 64 * atoms_of(part) + 65536);
}

TEST_CASE("work stays linear: every column's foot a jump, 40 lines a column") {
  std::string text;
  const std::string c = corpus();
  while (atoms_of(text) < 20000) text += c;
  const auto p = ct::para(text, compose::ParaStyle{}, 9);
  compose::Cursor cur;
  std::string joined;
  for (int i = 0; !p.done(cur); ++i)
    joined += ct::line_text(p.next_line(cur, ct::em(9) * 13, compose::LineEnd::Word, 40 - i % 40));
  CHECK(joined.size() + 64 > text.size());
  CHECK(p.work() < 64 * atoms_of(text) + 65536);
}

TEST_CASE("work stays linear: a word of 200,000 letters is cut where the measure runs out") {
  std::string word;
  for (int i = 0; i < 200000; ++i) word += static_cast<char>('a' + (i * 7919) % 26);
  const auto p = ct::para("前" + word + "后", compose::ParaStyle{}, 9);
  const auto lines = p.lines(ct::em(9) * 13);
  REQUIRE(lines.size() > 1000);
  std::string joined;
  for (const auto& l : lines) {
    CHECK(l.width <= ct::em(9) * 13);
    joined += ct::line_text(l);
  }
  CHECK(joined == "前" + word + "后");
  CHECK(lines[1].break_reason.find("emergency") == 0);
  CHECK(p.work() < 64 * atoms_of(joined));
}

TEST_CASE("work stays linear: zero-width breaks and runs of spaces") {
  std::string zw, spaces = "中";
  for (int i = 0; i < 20000; ++i) zw += "中\u200B";
  spaces += std::string(100000, ' ') + "文。";
  for (const std::string& text : {zw, spaces}) {
    const auto p = ct::para(text, compose::ParaStyle{}, 9);
    const auto lines = p.lines(ct::em(9) * 13);
    CHECK_FALSE(lines.empty());
    for (const auto& l : lines) CHECK(l.width <= ct::em(9) * 13);
    CHECK(p.work() < 80 * atoms_of(text));
  }
}

TEST_CASE("the line above a jump ends between words, the lines down to it chosen with that in view") {
  // A story that jumps after the sixth line of this paragraph: set freely, that line ends
  // in 较上|年 (a word split across pages); told where the foot is, it ends at 家，.
  const std::string text =
      "数据显示，2023年新区三大主导产业实现产值1126亿元，占规上工业总产值的比重达到61.3%；"
      "高新技术企业总数达到486家，较上年净增72家；全社会研发投入占GDP比重达3.2%。";
  const auto free_lines = ct::para(text, compose::ParaStyle{}, 10.5).lines(kEm * 10);
  REQUIRE(free_lines.size() > 6);
  CHECK(text.substr(free_lines[5].end - 6, 9) == "较上年");
  const auto p = ct::para(text, compose::ParaStyle{}, 10.5);
  compose::Cursor c;
  std::vector<compose::Line> lines;
  for (int left = 6; left >= 1; --left) lines.push_back(p.next_line(c, kEm * 10, compose::LineEnd::Word, left));
  while (!p.done(c)) lines.push_back(p.next_line(c, kEm * 10));
  CHECK(text.substr(0, lines[5].end).size() == text.find("较上年"));
  std::string joined;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    CAPTURE(ct::line_text(lines[i]));
    if (i > 0) CHECK(lines[i].start == lines[i - 1].end);
    if (!lines[i].last) CHECK(lines[i].width == kEm * 10);
    CHECK(lines[i].stretch_em1000 <= 125);
    joined += ct::line_text(lines[i]);
  }
  CHECK(joined == text);
  // Every foot between words: a break after a mark or between ICU dictionary words.
  for (int foot = 1; foot <= 8; ++foot) {
    CAPTURE(foot);
    compose::Cursor d;
    compose::Line l;
    for (int left = foot; left >= 1 && !p.done(d); --left) l = p.next_line(d, kEm * 10, compose::LineEnd::Word, left);
    if (l.last) continue;
    const std::string tail = text.substr(0, l.end);
    const std::string next = text.substr(l.end, 3);
    CHECK(next != "年");   // 较上|年
    CHECK(next != "现");   // 实|现
  }
}
