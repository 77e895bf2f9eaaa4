#pragma once
// Word boundaries of Chinese (and mixed) text from ICU's dictionary-based word break
// iterator (Debian's libicu, locale zh): where an editor may break a headline, and where a
// jump may leave a story (docs/composer.md "Headlines", "Jumps").
#include <cstdint>
#include <string>
#include <vector>

namespace compose {

struct WordBoundary {
  std::uint32_t at = 0;       // byte offset in the text
  bool beside_single = false; // a word of one Han character is on either side: the
                              // dictionary did not know the word (观|摩|会), a weak place
};

// The boundaries strictly inside text[from, to), in order. Empty when ICU cannot segment.
std::vector<WordBoundary> word_boundaries(const std::string& text, std::uint32_t from, std::uint32_t to);

}  // namespace compose
