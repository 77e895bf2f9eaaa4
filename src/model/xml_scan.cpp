// A cheap pass over the raw bytes before tinyxml2 parses them (docs/format.md "Limits"
// and "Bad input"): counts elements and attributes so that a hostile file is refused
// before tinyxml2's quadratic duplicate-attribute check runs, and checks every
// character and character reference, which tinyxml2 passes through unchecked (it turns
// &#0; into a NUL that cuts the text short and &#xD800; into invalid UTF-8).
#include <unicode/uchar.h>

#include <cstdio>
#include <string_view>

#include "base/limits.h"
#include "base/utf8.h"
#include "model/xml_read.h"

namespace model::xml {

namespace {

std::string hex_cp(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

// Why a code point may not appear in an issue or layout, or nullptr. XML 1.0 §2.2 (Char)
// excludes NUL, the C0 controls but tab, LF and CR, surrogates, U+FFFE and U+FFFF; it
// discourages DEL, the C1 controls and the noncharacters (Unicode §23.7), which never
// belong in newspaper text either (a C1 control is usually a Windows-1252 quote converted
// as Latin-1).
const char* bad_char(char32_t c) {
  if (c == 0) return "NUL, which XML does not allow";
  if (c < 0x20 && c != 0x9 && c != 0xA && c != 0xD) return "a control character, which XML does not allow";
  if (c == 0x7F || (c >= 0x80 && c <= 0x9F)) return "a control character, not text";
  if (c >= 0xD800 && c <= 0xDFFF) return "a surrogate (half of a UTF-16 pair), not a character";
  if (c > 0x10FFFF) return "beyond U+10FFFF, the last Unicode code point";
  if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE) return "a Unicode noncharacter, not text";
  return nullptr;
}

// Characters an attribute value may not hold even though text may (docs/format.md
// "Limits"): values are names, numbers and one-line texts that messages and the report
// echo, so a line break, tab, line separator or bidirectional control in one could
// forge or hide a line of output.
const char* bad_in_value(char32_t c) {
  if (c == 0x9 || c == 0xA || c == 0xD || c == 0x2028 || c == 0x2029) return "a line break or tab";
  if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) return "a bidirectional control";
  return nullptr;
}

// One letter takes at most 30 combining characters after it: nonspacing and spacing
// marks, joiners, variation selectors, CGJ — what never starts a grapheme cluster
// (UAX #29 Grapheme_Cluster_Break Extend, ZWJ, SpacingMark). UAX #15 §13's Stream-Safe
// Text Format sets the same bound on non-starters; no script stacks more. A longer run
// is "Zalgo" or damage, and HarfBuzz's search for the base of each mark makes shaping
// quadratic in it (100 000 marks on one letter: minutes, with or without a CGJ after
// every 30). HarfBuzz looks for the base across default ignorables (ZWSP, soft hyphen,
// bidi marks), so they do not end a run, though they do not count in it.
constexpr int kMaxNonStarters = 30;

// Counts `c` into the run of non-starters; false when the run is over the limit.
bool count_non_starter(char32_t c, int& run) {
  if (c < 0x300 && c != 0xAD) {  // U+00AD, soft hyphen: the one default ignorable below
    run = 0;
    return true;
  }
  const auto gcb = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_GRAPHEME_CLUSTER_BREAK);
  if (gcb == U_GCB_EXTEND || gcb == U_GCB_ZWJ || gcb == U_GCB_SPACING_MARK) ++run;
  else if (!u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) run = 0;
  return run <= kMaxNonStarters;
}

std::string too_many_marks(const std::string& shown) {
  return "more than " + std::to_string(kMaxNonStarters) + " combining characters in a row (the last " + shown +
         "): no script stacks that many marks, joiners or variation selectors on one letter";
}
const char* kMarksFix = "remove the excess marks (Unicode's stream-safe limit, UAX #15 §13, is 30 in a row)";

const char* kEntityFix =
    "write & as &amp; in text; HTML names such as &nbsp; are not XML: write the character itself or a reference such "
    "as &#xA0;";

class Scanner {
 public:
  Scanner(const std::string& s, const std::string& file, const base::Limits& limits)
      : s_(s), file_(file), limits_(limits) {}

  void run() {
    while (i_ < s_.size()) {
      if (s_[i_] == '<') markup();
      else if (s_[i_] == '&') reference();
      else character(nullptr, true);
    }
  }

 private:
  const std::string& s_;
  const std::string& file_;
  const base::Limits& limits_;
  size_t i_ = 0;
  int line_ = 1;
  std::uint64_t elements_ = 0;
  int non_starters_ = 0;  // combining characters in a row, tags between them ignored

  [[noreturn]] void fail(const std::string& what, const std::string& fix) const {
    throw base::Error({file_, line_}, what, fix);
  }

  bool at(std::string_view w) const { return s_.compare(i_, w.size(), w) == 0; }

  // One code point of text, a comment or a value: checked, line counted. `value`: the
  // element whose attribute value it is in, or nullptr; `text`: character data. Combining
  // characters are counted in text and values; markup between them is transparent.
  void character(const std::string* value = nullptr, bool text = false) {
    const auto b = static_cast<unsigned char>(s_[i_]);
    int len = 1;
    const char32_t c = b < 0x80 ? b : base::decode_utf8(s_, i_, len);
    if (const char* why = bad_char(c))
      fail("character " + hex_cp(c) + " in the file is " + why,
           "remove it (it is usually debris from a copy out of another program or a damaged conversion)");
    if (value) value_char(c, *value, hex_cp(c));
    if (value || text) mark_run(b < 0x80 ? 0 : c, hex_cp(c));
    if (b == '\n') ++line_;
    i_ += static_cast<size_t>(len);
  }

  void mark_run(char32_t c, const std::string& shown) {
    if (!count_non_starter(c, non_starters_)) fail(too_many_marks(shown), kMarksFix);
  }

  void value_char(char32_t c, const std::string& element, const std::string& shown) {
    if (const char* why = bad_in_value(c))
      fail("an attribute value of " + element + " holds " + why + " (" + shown + ")",
           "attribute values are one line of text: remove it");
  }

  // Until `close` (comment, CDATA, processing instruction, declaration): '&' is free.
  void skip_to(std::string_view close, bool text = false) {
    while (i_ < s_.size() && !at(close)) character(nullptr, text);
    i_ = std::min(s_.size(), i_ + close.size());
  }

  void markup() {
    if (at("<!--")) return skip_to("-->");
    if (at("<![CDATA[")) return skip_to("]]>", true);
    if (at("<?")) return skip_to("?>");
    if (at("<!")) return skip_to(">");
    const bool end_tag = at("</");
    i_ += end_tag ? 2 : 1;
    const size_t name_start = i_;
    while (i_ < s_.size() && s_[i_] != '>' && s_[i_] != '/' && s_[i_] != ' ' && s_[i_] != '\t' && s_[i_] != '\n' &&
           s_[i_] != '\r' && s_[i_] != '"' && s_[i_] != '\'')
      character();
    const std::string name = "<" + s_.substr(name_start, std::min<size_t>(i_ - name_start, 40)) + ">";
    if (!end_tag && ++elements_ > limits_.elements)
      fail("the file has more than " + std::to_string(limits_.elements) + " elements (the limit)",
           "split the issue, or raise the limit with --limit elements=N");
    tag(name);
  }

  // Inside a tag: attribute values are counted and scanned until the closing '>'.
  void tag(const std::string& name) {
    int attributes = 0;
    while (i_ < s_.size() && s_[i_] != '>') {
      const char q = s_[i_];
      if (q != '"' && q != '\'') {
        character();
        continue;
      }
      if (++attributes > base::kMaxAttributes)
        fail(name + " has more than " + std::to_string(base::kMaxAttributes) + " attributes (the limit)",
             "an element takes at most 18 different attributes (docs/format.md); remove the others");
      value(q, name);
    }
    ++i_;
  }

  void value(char quote, const std::string& name) {
    const int text_run = non_starters_;  // a value's marks are a run of their own
    non_starters_ = 0;
    const size_t start = ++i_;
    while (i_ < s_.size() && s_[i_] != quote) {
      if (i_ - start > base::kMaxAttributeBytes)
        fail("an attribute value of " + name + " is longer than " + base::format_bytes(base::kMaxAttributeBytes) +
                 " (the limit)",
             "attribute values are names, numbers and short texts: shorten it");
      // XML 1.0 §3.1 [10] AttValue: no '<' in a value (so "<!--" there starts no comment).
      if (s_[i_] == '<') fail("'<' inside an attribute value of " + name, "write it as &lt;");
      if (s_[i_] == '&') reference(&name);
      else character(&name);
    }
    ++i_;
    non_starters_ = text_run;
  }

  // XML 1.0 §4.1: the five predefined entities and character references, nothing else
  // (tinyxml2 would print an unknown "&nbsp;" literally).
  void reference(const std::string* value = nullptr) {
    for (std::string_view e : {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"})
      if (at(e)) {
        i_ += e.size();
        return;
      }
    size_t k = i_ + 1;
    if (k >= s_.size() || s_[k] != '#') fail("malformed XML: '&' does not start an entity", kEntityFix);
    const bool hex = ++k < s_.size() && s_[k] == 'x';
    const size_t first = hex ? ++k : k;
    std::uint64_t v = 0;
    for (; k < s_.size() && k - first < 64; ++k) {
      const char c = s_[k];
      const int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                                                   : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) break;
      if (v <= 0x10FFFF) v = v * (hex ? 16 : 10) + static_cast<std::uint64_t>(d);  // stays far below overflow
    }
    if (k == first || k >= s_.size() || s_[k] != ';')
      fail("malformed XML: '&' does not start an entity or a complete character reference", kEntityFix);
    const std::string ref = s_.substr(i_, k + 1 - i_);
    if (const char* why = bad_char(v > 0x10FFFF ? 0x110000 : static_cast<char32_t>(v)))
      fail("character reference " + ref + " names " + (v > 0x10FFFF ? std::string("a number") : hex_cp(static_cast<char32_t>(v))) +
               ", " + why,
           "write the character itself, or a reference to a real character (&#x4E2D; is 中)");
    if (value) value_char(static_cast<char32_t>(v), *value, ref);
    mark_run(static_cast<char32_t>(v), ref);
    i_ = k + 1;
  }
};

}  // namespace

void check_characters(const std::string& bytes, const std::string& file) {
  int line = 1, marks = 0;
  for (size_t i = 0; i < bytes.size();) {
    int len = 1;
    const char32_t c = base::decode_utf8(bytes, i, len);
    if (const char* why = bad_char(c))
      throw base::Error({file, line}, "character " + hex_cp(c) + " in the file is " + why,
                        "remove it (it is usually debris from a copy out of another program or a damaged conversion)");
    if (!count_non_starter(c, marks)) throw base::Error({file, line}, too_many_marks(hex_cp(c)), kMarksFix);
    line += c == U'\n';
    i += static_cast<size_t>(len);
  }
}

void scan(const std::string& bytes, const std::string& file, const base::Limits& limits) {
  Scanner(bytes, file, limits).run();
}

}  // namespace model::xml
