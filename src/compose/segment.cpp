// ICU word segmentation (docs/composer.md "Headlines"): BreakIterator::createWordInstance
// for locale "zh" uses ICU's CJK dictionary, so 区政府召开全区重点项目 segments as
// 区|政府|召开|全区|重点|项目. ICU works in UTF-16; offsets are mapped back to bytes.
#include "compose/segment.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>

#include "base/utf8.h"

namespace compose {

namespace {

bool han(char32_t c) { return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || c >= 0x20000; }

}  // namespace

std::vector<WordBoundary> word_boundaries(const std::string& text, std::uint32_t from, std::uint32_t to) {
  std::vector<WordBoundary> out;
  if (to <= from) return out;
  // UTF-16 index → byte offset, and each code point's value, built as the text is converted.
  icu::UnicodeString u;
  std::vector<std::uint32_t> byte_of;  // by UTF-16 index (both units of a pair map to the code point)
  std::vector<char32_t> cp_of;
  for (std::uint32_t i = from; i < to;) {
    int len = 0;
    const char32_t c = base::decode_utf8(text, i, len);
    const int units = c > 0xFFFF ? 2 : 1;
    u.append(static_cast<UChar32>(c));
    for (int k = 0; k < units; ++k) byte_of.push_back(i), cp_of.push_back(c);
    i += static_cast<std::uint32_t>(len > 0 ? len : 1);
  }
  byte_of.push_back(to);
  cp_of.push_back(0);
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale("zh"), err));
  if (U_FAILURE(err) || !it) return out;
  it->setText(u);
  std::int32_t prev = it->first();
  std::int32_t at = it->next();
  while (at != icu::BreakIterator::DONE && at < u.length()) {
    const std::int32_t next = it->next();
    // A one-character Han word on either side of this boundary.
    const bool left_single = at - prev == 1 && han(cp_of[static_cast<std::size_t>(prev)]);
    const std::int32_t end = next == icu::BreakIterator::DONE ? u.length() : next;
    const bool right_single = end - at == 1 && han(cp_of[static_cast<std::size_t>(at)]);
    out.push_back({byte_of[static_cast<std::size_t>(at)], left_single || right_single});
    prev = at;
    at = next;
  }
  return out;
}

}  // namespace compose
