#pragma once
// What the hanging-punctuation tests (行末悬挂) check on every layout they build: no
// error, every line and hung mark in its own block touching nothing, no text lost, and —
// where a mark should hang — the first line with its mark half an em past the measure.
#include <doctest/doctest.h>

#include <string>

#include "flow/invariants.h"

namespace ft {

// The layout's errors, one a line (for REQUIRE_MESSAGE).
inline std::string errors(const Laid& l) {
  std::string s;
  for (const auto& f : l.findings)
    if (f.severity == base::Severity::Error) s += f.code + ": " + f.message + "\n";
  return s;
}

// Every line and hung mark inside the text area, in its own block, touching nothing.
inline Violations checked(const Laid& l) {
  Violations v;
  check_inside(l, v), check_no_overlap(l, v), check_text_complete(l, v);
  return v;
}

// The first `role` line of block `id` on page 1 is `text`, its mark hung half of `em`
// past the measure, and the page passes the checks above.
inline void first_line_hangs(const Laid& l, const std::string& id, const std::string& role, const std::string& text,
                             base::Len em) {
  REQUIRE_MESSAGE(!l.any_error(), errors(l));
  const auto lines = l.lines(1, id, role);
  REQUIRE(!lines.empty());
  CHECK(lines.front().text == text);
  CHECK(lines.front().hang == em / 2);
  const auto v = checked(l);
  CHECK_MESSAGE(v.empty(), first(v));
}

}  // namespace ft
