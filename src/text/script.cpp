// Character classes for itemization: which script run a code point belongs to.
// Ranges from the Unicode Scripts and Blocks data (UAX #24); CJK punctuation is kept
// with Han so that “ ” ‘ ’ — … · get Chinese (full-width) glyphs in Chinese text
// (docs/typography.md "Punctuation width").
#include "text/shape.h"

namespace text {

Script script_of(char32_t c) {
  if (c == ' ' || c == '\t' || c == 0xA0) return Script::Space;
  if (c < 0x20) return Script::Other;
  if (c >= '0' && c <= '9') return Script::Digit;
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return Script::Latin;
  if (c < 0x80) return Script::Punct;  // ASCII punctuation and symbols
  if (c == 0xB7 || (c >= 0x2010 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F) ||
      (c >= 0xFE10 && c <= 0xFE1F) || (c >= 0xFE30 && c <= 0xFE6F))
    return Script::Punct;
  if (c >= 0xFF01 && c <= 0xFF65) {
    // Full-width forms: letters and digits behave as Han (one em, fixed); the rest are marks.
    const char32_t a = c - 0xFEE0;
    const bool alnum = (a >= '0' && a <= '9') || (a >= 'A' && a <= 'Z') || (a >= 'a' && a <= 'z');
    return alnum || c > 0xFF5E ? Script::Han : Script::Punct;
  }
  if ((c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3100 && c <= 0x31FF) ||
      (c >= 0x3200 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF) || c == 0x25A1 || c == 0x25CB ||
      c == 0x25CF || c == 0x25A0 || c == 0x2605 || c == 0x2606)
    return Script::Han;  // ideographs, kana, bopomofo, enclosed CJK, □ ○ ● ■ ★ ☆ (full-width symbols)
  if ((c >= 0xC0 && c <= 0x24F) || (c >= 0x370 && c <= 0x52F) || (c >= 0x1E00 && c <= 0x1EFF))
    return Script::Latin;  // Latin-1 / Extended, Greek, Cyrillic: set like Latin words
  if (c >= 0x80 && c <= 0xBF) return Script::Punct;  // Latin-1 symbols (° ± × …)
  return Script::Other;
}

}  // namespace text
