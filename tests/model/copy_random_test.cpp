// Copy readers and the clean-up on random input (docs/architecture.md: parsers are
// fuzzed): manuscripts and NITF stories made of the characters that matter to them
// never crash, and what they give obeys the rules — no whitespace at the ends of a text
// element, no two spaces in a row, with the clean-up no ASCII quote left between Chinese
// characters, and with copy kept the text's non-space characters unchanged.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "base/utf8.h"
#include "model/copy_helpers.h"

using namespace copytest;

namespace {

const char* const kPieces[] = {"\"", "'", "(", ")", ",", ":", ";", "?", "!", "-", "--", "—", "…", "...", "。", "，",
                               "“", "”", " ", "  ", "\t", "\n", "\n\n", "  \n", "# ", "## ", "□ 记者 ", "本报讯",
                               "新华社北京3月14日电", "（记者 王五）", "摄", "\u3000", "甲", "乙", "丙", "Ab", "12",
                               "𠮷", "\\", "#", "<", "&"};

std::string random_text(std::mt19937& rng, int pieces) {
  std::uniform_int_distribution<size_t> pick(0, std::size(kPieces) - 1);
  std::string s;
  for (int i = 0; i < pieces; ++i) s += kPieces[pick(rng)];
  return s;
}

bool han(char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; }

std::u32string without_space(const std::string& s) {
  std::u32string out;
  for (char32_t c : base::to_u32(s))
    if (c != U' ' && c != U'\t' && c != U'\n' && c != U'\r') out += c;
  return out;
}

void check_block(const model::TextBlock& b, bool clean) {
  const std::string t = b.plain();
  REQUIRE(base::valid_utf8(t));
  CHECK(t.find("  ") == std::string::npos);
  CHECK(t.front() != ' ');
  CHECK(t.back() != ' ');
  const std::u32string u = base::to_u32(t);
  for (size_t i = 1; i + 1 < u.size(); ++i)
    if (clean && u[i] == U'"') CHECK_FALSE((han(u[i - 1]) && han(u[i + 1])));
}

void check_copy(const model::Copy& c, bool clean) {
  for (const auto& s : c.stories) {
    for (const auto& b : s.head) check_block(b, clean);
    for (const auto& b : s.body) check_block(b, clean);
  }
  for (const auto& b : c.banners) check_block(b, clean);
}

}  // namespace

TEST_CASE("random manuscripts: read without crashing, clean-up obeys its rules, kept copy keeps its characters") {
  std::mt19937 rng(20240315);
  for (int round = 0; round < 400; ++round) {
    const std::string text = random_text(rng, 5 + round % 60);
    CAPTURE(text);
    for (bool clean : {true, false}) {
      try {
        const model::Copy c = model::parse_copy(text, data("random.txt"), model::CopyFormat::Text, {clean, "none"});
        check_copy(c, clean);
        if (clean) continue;
        // Kept copy: every character but whitespace, '#' heading marks and the
        // backslash of a forced break is still there, and nothing was added (parts of
        // the file are compared as sets: banners and captions stand apart).
        std::u32string got;
        for (const auto& s : c.stories) {
          for (const auto& b : s.head) got += without_space(b.plain());
          for (const auto& b : s.body) got += without_space(b.plain());
        }
        for (const auto& b : c.banners) got += without_space(b.plain());
        for (const auto& p : c.photos) got += without_space(p.caption ? p.caption->plain() : "") + without_space(p.credit ? p.credit->plain() : "");
        std::u32string want = without_space(text);
        std::erase(want, U'#');
        std::erase(want, U'\\');
        std::erase(want, U'\u3000');
        std::erase(got, U'#');
        std::erase(got, U'\\');
        std::erase(got, U'\u3000');
        std::sort(got.begin(), got.end());
        std::sort(want.begin(), want.end());
        CHECK(base::to_utf8(got) == base::to_utf8(want));
      } catch (const base::Error& e) {
        CHECK(e.loc().file == data("random.txt").string());  // e.g. no text at all
      }
    }
  }
}

TEST_CASE("random NITF paragraphs: read without crashing, every change noted on a line of the file") {
  std::mt19937 rng(1287);
  for (int round = 0; round < 200; ++round) {
    std::string xml = "<nitf><body><body.content>\n";
    for (int p = 0; p < 3; ++p) {
      std::string t = random_text(rng, 4 + round % 30);
      std::string esc;
      for (char ch : t) esc += ch == '<' ? std::string("&lt;") : ch == '&' ? std::string("&amp;") : std::string(1, ch);
      xml += "<p>" + esc + "</p>\n";
    }
    xml += "<p>正文。</p></body.content></body></nitf>\n";
    CAPTURE(xml);
    const model::Copy c = model::parse_copy(xml, data("random.nitf.xml"), std::nullopt, {});
    check_copy(c, true);
    const int lines = static_cast<int>(std::count(xml.begin(), xml.end(), '\n'));
    for (const auto& n : c.stories.at(0).notes) {
      CHECK(n.loc.line >= 2);
      CHECK(n.loc.line < lines);
    }
  }
}
