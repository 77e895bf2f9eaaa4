#pragma once
// English hyphenation: Debian's hyphen-en-us patterns (Liang's TeX patterns for US
// English) through libhyphen, the library LibreOffice uses. Never a hand-made list.
#include <string_view>
#include <vector>

namespace compose {

// Where a hyphen may go in an English word of ASCII letters: offsets i (a hyphen after
// the i-th letter), at least 2 letters before and 3 after. Words of fewer than 6 letters,
// and words of more than 100, get none. Empty too when the patterns are not installed.
std::vector<int> hyphen_points(std::string_view word);

// The pattern file used, for the documentation and the error message of a missing one.
const char* hyphen_patterns_path();

}  // namespace compose
