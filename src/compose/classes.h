#pragma once
// Character classes the composer works from: UAX #14 line-breaking classes (for
// everything that is not Han), the CLREQ punctuation classes that drive punctuation
// width (标点挤压), and the basic-level kinsoku tables (禁则). All are data, declared
// in one place each (docs/architecture.md habit 5); docs/composer.md lists their sources.
#include <cstdint>

namespace compose {

// UAX #14 line-breaking classes (Unicode 14.0, LineBreak.txt), after LB1 resolution for
// an East Asian context: AI→ID, CJ→NS (strict), SA/SG/XX→AL, Hangul→ID, EB/EM/CB→ID,
// RI/HL→AL, NL→BK, CR→LF.
enum class Brk : std::uint8_t {
  AL, ID, NU, OP, CL, CP, QU, GL, NS, EX, SY, IS, PR, PO, IN, HY, BA, BB, B2, SP, ZW, WJ, CM, ZWJ, BK, LF
};

// CLREQ §3.1 / GB/T 15834-2011 punctuation, by where the blank part of its em box is
// (SC glyph positions, docs/libraries.md §1: ink of 、，。：；！？ and closing marks in the
// left half, of opening marks in the right half).
enum class Mark : std::uint8_t {
  None,
  Opening,    // “ ‘ （ 《 …: blank left half
  Closing,    // ” ’ ） 》 …: blank right half
  Stop,       // 、，。．：；！？ (点号): blank right half
  Middle,     // · ・ (间隔号): blank quarter on each side
  Dash,       // — ―  (破折号, used in pairs)
  Ellipsis,   // … ⋯  (省略号, used in pairs)
  Connector,  // ～ 〜 (连接号)
};

// UAX #14 class of a code point, with the CLREQ tailoring for Chinese text applied
// (quotes are opening/closing, not QU; · and ～ are non-starters; ― is B2).
Brk break_class(char32_t cp);
// The raw UAX #14 class from the generated table (no CLREQ tailoring).
Brk uax14_class(char32_t cp);
Mark mark_class(char32_t cp);

// CLREQ basic-level kinsoku (docs/typography.md "Line breaking"): a character that may not
// start a line, one that may not end a line, and pairs that are never split.
bool line_start_prohibited(char32_t cp);
bool line_end_prohibited(char32_t cp);
bool inseparable(char32_t before, char32_t after);

// East Asian Width F or W for the punctuation that matters to LB30 (full-width brackets).
bool east_asian_wide(char32_t cp);

const char* brk_name(Brk b);

}  // namespace compose
