// CLREQ tables: punctuation classes (标点符号的类别) and basic-level kinsoku (禁则),
// plus the tailoring of UAX #14 for Chinese text. Sources, per table:
//  * punctuation classes: W3C CLREQ §3.1.6 "Punctuation Marks" and GB/T 15834-2011 §4
//    (标号 / 点号), with the blank-half positions of the Simplified Chinese glyphs
//    (docs/libraries.md §1: SC stops and closing marks ink left, opening marks ink right);
//  * kinsoku: docs/typography.md "Line breaking (禁则)" — the CLREQ §3.1.7 basic set — and
//    GB/T 15834-2011 §5.1.3 (破折号、省略号 occupy two ems and are not split);
//  * tailoring: UAX #14 §6.1 LB1 and §8 (tailoring) for an East Asian context.
#include <algorithm>
#include <array>
#include <iterator>

#include "compose/classes.h"

namespace compose {

namespace {

struct MarkEntry {
  char32_t cp;
  Mark mark;
};

// Sorted by code point. GB/T 15834-2011 §4.1 (quotation marks, brackets, book-title
// marks), §4.2 (stops), §4.3 (dash, ellipsis, connector, middle dot).
constexpr MarkEntry kMarks[] = {
    {0x00B7, Mark::Middle},    // · 间隔号 (Latin-1 code point, CLREQ §3.1.6.2)
    {0x2014, Mark::Dash},      // — 破折号 (half of ——)
    {0x2015, Mark::Dash},      // ― horizontal bar, used as 破折号 by some sources
    {0x2018, Mark::Opening},   // ‘
    {0x2019, Mark::Closing},   // ’
    {0x201C, Mark::Opening},   // “
    {0x201D, Mark::Closing},   // ”
    {0x2026, Mark::Ellipsis},  // … 省略号 (half of ……)
    {0x2027, Mark::Middle},    // ‧
    {0x22EF, Mark::Ellipsis},  // ⋯
    {0x2E3A, Mark::Dash},      // ⸺ two-em dash
    {0x3001, Mark::Stop},      // 、
    {0x3002, Mark::Stop},      // 。
    {0x3008, Mark::Opening},   // 〈
    {0x3009, Mark::Closing},   // 〉
    {0x300A, Mark::Opening},   // 《
    {0x300B, Mark::Closing},   // 》
    {0x300C, Mark::Opening},   // 「
    {0x300D, Mark::Closing},   // 」
    {0x300E, Mark::Opening},   // 『
    {0x300F, Mark::Closing},   // 』
    {0x3010, Mark::Opening},   // 【
    {0x3011, Mark::Closing},   // 】
    {0x3014, Mark::Opening},   // 〔
    {0x3015, Mark::Closing},   // 〕
    {0x3016, Mark::Opening},   // 〖
    {0x3017, Mark::Closing},   // 〗
    {0x3018, Mark::Opening},   // 〘
    {0x3019, Mark::Closing},   // 〙
    {0x301A, Mark::Opening},   // 〚
    {0x301B, Mark::Closing},   // 〛
    {0x301C, Mark::Connector}, // 〜
    {0x301D, Mark::Opening},   // 〝
    {0x301E, Mark::Closing},   // 〞
    {0x301F, Mark::Closing},   // 〟
    {0x30FB, Mark::Middle},    // ・
    {0xFF01, Mark::Stop},      // ！
    {0xFF08, Mark::Opening},   // （
    {0xFF09, Mark::Closing},   // ）
    {0xFF0C, Mark::Stop},      // ，
    {0xFF0E, Mark::Stop},      // ．
    {0xFF1A, Mark::Stop},      // ：
    {0xFF1B, Mark::Stop},      // ；
    {0xFF1F, Mark::Stop},      // ？
    {0xFF3B, Mark::Opening},   // ［
    {0xFF3D, Mark::Closing},   // ］
    {0xFF5B, Mark::Opening},   // ｛
    {0xFF5D, Mark::Closing},   // ｝
    {0xFF5E, Mark::Connector}, // ～
    {0xFF5F, Mark::Opening},   // ｟
    {0xFF60, Mark::Closing},   // ｠
};

// docs/typography.md "Never at line start" (CLREQ §3.1.7 basic level), plus the other
// closing brackets of the same classes. Sorted.
constexpr char32_t kLineStartProhibited[] = {
    '!', ')', ',', '.', ':', ';', '?', ']', '}',
    0x00B7,                                   // ·
    0x2019, 0x201D,                           // ’ ”
    0x2026, 0x203C, 0x2047, 0x2048, 0x2049,   // … ‼ ⁇ ⁈ ⁉
    0x22EF,                                   // ⋯
    0x3001, 0x3002,                           // 、 。
    0x3009, 0x300B, 0x300D, 0x300F, 0x3011,   // 〉 》 」 』 】
    0x3015, 0x3017, 0x3019, 0x301B,           // 〕 〗 〙 〛
    0x301E, 0x301F, 0x30FB,                   // 〞 〟 ・
    0xFF01, 0xFF09, 0xFF0C, 0xFF0E,           // ！ ） ， ．
    0xFF1A, 0xFF1B, 0xFF1F,                   // ： ； ？
    0xFF3D, 0xFF5D, 0xFF5E, 0xFF60,           // ］ ｝ ～ ｠
};

// docs/typography.md "Never at line end". Sorted.
constexpr char32_t kLineEndProhibited[] = {
    '(', '[', '{',
    0x2018, 0x201C,                          // ‘ “
    0x3008, 0x300A, 0x300C, 0x300E, 0x3010,  // 〈 《 「 『 【
    0x3014, 0x3016, 0x3018, 0x301A, 0x301D,  // 〔 〖 〘 〚 〝
    0xFF08, 0xFF3B, 0xFF5B, 0xFF5F,          // （ ［ ｛ ｟
};

// Never split (GB/T 15834-2011 §4.3.1, §4.3.2; docs/typography.md): —— and …… (and the
// other dash / ellipsis code points used for them).
constexpr std::array<std::pair<char32_t, char32_t>, 5> kInseparable = {{
    {0x2014, 0x2014}, {0x2015, 0x2015}, {0x2026, 0x2026}, {0x22EF, 0x22EF}, {0x2E3A, 0x2E3A},
}};

template <typename T, size_t N>
constexpr bool sorted(const T (&arr)[N]) {
  return std::is_sorted(std::begin(arr), std::end(arr));
}
static_assert(sorted(kLineStartProhibited) && sorted(kLineEndProhibited), "binary search needs sorted tables");
static_assert(std::is_sorted(std::begin(kMarks), std::end(kMarks),
                             [](const MarkEntry& a, const MarkEntry& b) { return a.cp < b.cp; }));

template <typename T, size_t N>
bool contains(const T (&arr)[N], char32_t cp) {
  return std::binary_search(std::begin(arr), std::end(arr), static_cast<T>(cp));
}

}  // namespace

Mark mark_class(char32_t cp) {
  const auto* it = std::lower_bound(std::begin(kMarks), std::end(kMarks), cp,
                                    [](const MarkEntry& e, char32_t c) { return e.cp < c; });
  return it != std::end(kMarks) && it->cp == cp ? it->mark : Mark::None;
}

bool line_start_prohibited(char32_t cp) { return contains(kLineStartProhibited, cp); }
bool line_end_prohibited(char32_t cp) { return contains(kLineEndProhibited, cp); }

bool inseparable(char32_t before, char32_t after) {
  return std::find(kInseparable.begin(), kInseparable.end(), std::make_pair(before, after)) != kInseparable.end();
}

bool east_asian_wide(char32_t cp) {
  return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF60) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
         cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D;
}

// CLREQ tailoring of UAX #14 (UAX #14 §8 allows tailoring):
//  * “ ‘ are OP and ” ’ CL: in Chinese text the quotes' direction is known, and
//    QU's "no break on either side" (LB19) would glue them to both neighbours
//    (docs/libraries.md §6: the Pango failure `幕，“两`);
//  * · ・ ～ 〜 are NS: docs/typography.md lists them as never at line start;
//  * ― (used as 破折号) is B2 like —;
//  * U+3000 IDEOGRAPHIC SPACE is a space (SP), so it is dropped at line edges like any
//    break space (docs/typography.md: a typed space at a line end or start is not visible).
Brk break_class(char32_t cp) {
  switch (cp) {
    case 0x2018: case 0x201C: return Brk::OP;
    case 0x2019: case 0x201D: return Brk::CL;
    case 0x00B7: case 0x30FB: case 0xFF5E: case 0x301C: return Brk::NS;
    case 0x2015: return Brk::B2;
    case 0x3000: return Brk::SP;
    default: return uax14_class(cp);
  }
}

const char* brk_name(Brk b) {
  static constexpr const char* kNames[] = {"AL", "ID", "NU", "OP", "CL", "CP", "QU", "GL", "NS",
                                           "EX", "SY", "IS", "PR", "PO", "IN", "HY", "BA", "BB",
                                           "B2", "SP", "ZW", "WJ", "CM", "ZWJ", "BK", "LF"};
  return kNames[static_cast<int>(b)];
}

}  // namespace compose
