// libhyphen with Debian's hyphen-en-us patterns (docs/composer.md "Latin inside Chinese").
// The dictionary is loaded once, on first use, and kept for the process.
#include "compose/hyphenate.h"

#include <hyphen.h>

#include <cctype>
#include <cstdlib>
#include <mutex>
#include <string>

namespace compose {

namespace {

constexpr int kMinWord = 6;      // shorter words are never hyphenated
constexpr int kMaxWord = 100;    // libhyphen's own limit on a word is larger; no word is longer
constexpr int kLeftMin = 2;      // letters kept before the hyphen
constexpr int kRightMin = 3;     // letters carried to the next line

HyphenDict* dictionary() {
  static HyphenDict* dict = nullptr;
  static std::once_flag once;
  std::call_once(once, [] { dict = hnj_hyphen_load(hyphen_patterns_path()); });
  return dict;
}

}  // namespace

const char* hyphen_patterns_path() { return "/usr/share/hyphen/hyph_en_US.dic"; }

std::vector<int> hyphen_points(std::string_view word) {
  std::vector<int> out;
  const int n = static_cast<int>(word.size());
  if (n < kMinWord || n > kMaxWord) return out;
  HyphenDict* dict = dictionary();
  if (!dict) return out;
  std::string lower(word);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string hyphens(static_cast<std::size_t>(n) + 5, '\0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  const int failed = hnj_hyphen_hyphenate3(dict, lower.data(), n, hyphens.data(), nullptr, &rep, &pos, &cut, kLeftMin,
                                           kRightMin, kLeftMin, kRightMin);
  // Non-standard hyphenation (rep) does not occur in the English patterns; free it if any.
  if (rep) {
    for (int i = 0; i < n; ++i) std::free(rep[i]);
    std::free(rep);
  }
  std::free(pos);
  std::free(cut);
  if (failed) return out;
  // hyphens[i] odd: a hyphen may follow letter i (0-based), i.e. after i + 1 letters.
  for (int i = kLeftMin - 1; i < n - kRightMin; ++i)
    if (hyphens[static_cast<std::size_t>(i)] & 1) out.push_back(i + 1);
  return out;
}

}  // namespace compose
