#pragma once
// Checks shared by the property tests: the character sets written from
// docs/typography.md (independently of the composer's tables), the visible characters
// of a line, and what every gap of a justified line may take.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

#include "helpers.h"

namespace checks {

using base::Len;

const std::u32string kNoStart = U"、，。．：；！？‼⁇”’」』）》〉】〗〕］｝～·…,.;:?!)]}";
const std::u32string kNoEnd = U"“‘「『（《〈【〖〔［｛([{";
const std::u32string kOpening = U"“‘（《〈【〖〔「『";
const std::u32string kClosing = U"”’）》〉】〗〕」』、，。：；！？";  // blank right half
const std::u32string kMarks = kOpening + kClosing + U"·—…～．";

inline bool in(const std::u32string& set, char32_t c) { return set.find(c) != std::u32string::npos; }
inline bool numeric(char32_t c) { return (c >= '0' && c <= '9') || c == '.' || c == '%'; }
inline bool latin(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

struct Rng {  // a fixed LCG: the same text on every platform
  std::uint64_t s;
  std::uint32_t next() { return static_cast<std::uint32_t>((s = s * 6364136223846793005ULL + 1442695040888963407ULL) >> 33); }
  std::size_t below(std::size_t n) { return next() % n; }
};

struct Visible {
  std::u32string text;
  std::vector<std::uint32_t> at;  // byte offset of each code point in the paragraph
};

// The visible characters of a line and where they are in the paragraph.
inline Visible visible(const std::string& para, const compose::Line& l) {
  const std::string t = ct::line_text(l);
  const std::size_t pos = para.find(t, l.start);
  REQUIRE(pos != std::string::npos);
  Visible v;
  for (std::size_t i = 0; i < t.size();) {
    int len = 0;
    v.text += base::decode_utf8(t, i, len);
    v.at.push_back(static_cast<std::uint32_t>(pos + i));
    i += static_cast<std::size_t>(len);
  }
  return v;
}

inline bool has_adjust_at(const compose::Line& l, const char* why, std::uint32_t a, std::uint32_t b) {
  for (const auto& adj : l.adjustments)
    if (adj.why == why && (adj.at == a || adj.at == b)) return true;
  return false;
}

inline int chars(const std::u32string& s) {
  int n = 0;
  for (char32_t c : s) n += in(kMarks, c) || c == ' ' ? 0 : 1;
  return n;
}

inline std::string strip_spaces(const std::string& s) {
  std::string o;
  for (char c : s)
    if (c != ' ') o += c;
  return o;
}

// Every gap's stretch: at most 0.10 em above natural unless the line is reported loose;
// never any inside a Latin word or a number (no letter-spacing), never before a closing
// mark or after an opening one (a comma never floats away from its word).
inline void check_gaps(const compose::Line& l, const Visible& v, Len em) {
  Len widest = 0;
  for (const auto& a : l.adjustments) {
    CHECK(a.why != "letterspace");
    if (a.why != "justify") continue;
    widest = std::max(widest, a.delta);
    const auto it = std::find(v.at.begin(), v.at.end(), a.at);
    if (it == v.at.begin() || it == v.at.end()) continue;  // a space's own width
    const std::size_t i = static_cast<std::size_t>(it - v.at.begin());
    const char32_t x = v.text[i - 1], y = v.text[i];
    CAPTURE(static_cast<unsigned>(x));
    CAPTURE(static_cast<unsigned>(y));
    CHECK_FALSE(((latin(x) || numeric(x)) && (latin(y) || numeric(y))));
    CHECK_FALSE(in(kClosing, y));
    CHECK_FALSE(in(kOpening, x));
  }
  if (widest * 10 > em) CHECK(l.loose);
  CHECK(l.gap_stretch == widest);
}

}  // namespace checks
