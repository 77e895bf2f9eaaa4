#pragma once
// Private to model/: reading XML files with tinyxml2 and turning every problem into a
// base::Error with file, line and a fix (docs/format.md "What bad input gets").
// Only model/*.cpp include this header; tinyxml2 stays inside model/ (docs/architecture.md).
#include <tinyxml2.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/error.h"
#include "base/limits.h"
#include "base/units.h"

namespace model::xml {

using base::Len;
using tinyxml2::XMLElement;

// The checks every text file read by model/ passes first (`kind` names the format in
// messages: "XML", "plain-text"): not empty, not UTF-16, no NUL bytes, strict UTF-8.
void check_bytes(const std::string& bytes, const std::string& file, const char* kind);

// The byte checks of every text file model/ reads (`kind` names the format in messages:
// "XML", "plain-text"): not empty, not UTF-16, no NUL bytes, strict UTF-8.
void check_text_bytes(const std::string& bytes, const std::string& file, const std::string& kind);

// Checks the bytes (empty, NUL bytes, UTF-16, invalid UTF-8), scans them (scan()), then
// parses them with PRESERVE_WHITESPACE (text comes through byte-identical; the
// whitespace rule of docs/format.md is applied per text block afterwards). Returns the
// root element, which must be named `root` (any name when `root` is nullptr).
const XMLElement& parse(tinyxml2::XMLDocument& doc, const std::string& bytes, const std::string& file,
                        const char* root, const base::Limits& limits = {});

// Before tinyxml2 sees the bytes (xml_scan.cpp): element and attribute counts within
// the limits, every character and character reference a real character (not NUL, a
// control, a surrogate or a noncharacter), '&' only in entities and references, no '<'
// in an attribute value. Throws base::Error with the line.
void scan(const std::string& bytes, const std::string& file, const base::Limits& limits);
// The character rule of scan() for a file that is not XML (a plain-text manuscript).
void check_characters(const std::string& bytes, const std::string& file);

// Location of an element or of one of its attributes (tinyxml2 GetLineNum).
base::Loc loc(const std::string& file, const XMLElement& e);
base::Loc loc(const std::string& file, const XMLElement& e, const char* attr);

constexpr int kMaxInt = 2147483647;

// An element being read: its file, for messages.
struct Node {
  const XMLElement& e;
  const std::string& file;

  std::string tag() const { return std::string("<") + e.Name() + ">"; }
  base::Loc at() const { return loc(file, e); }
  base::Loc at(const char* attr) const { return loc(file, e, attr); }

  // Unknown attribute → error listing the allowed ones.
  void allow(std::initializer_list<const char*> names) const;
  std::optional<std::string> opt(const char* attr) const;
  std::string req(const char* attr) const;
  bool has(const char* attr) const { return e.Attribute(attr) != nullptr; }

  // Whole numbers: strictly decimal digits ("4x", "abc", "1e999" are errors), from min
  // to max (docs/format.md "Limits").
  int integer(const char* attr, int min, int max = kMaxInt) const;
  std::optional<int> opt_integer(const char* attr, int min, int max = kMaxInt) const;
  bool yes_no(const char* attr, bool fallback) const;
  // Lengths (parse_length): "390mm", "9pt", "12q", "小五", and "13em" when em_base > 0.
  // `min_zero`: 0 allowed (margins, bleed); otherwise the length must be positive.
  Len length(const char* attr, Len em_base, bool min_zero) const;
  std::optional<Len> opt_length(const char* attr, Len em_base, bool min_zero) const;
  // A count of ems in 1/1000 em (numbers.h em1000), from `min` to `max`.
  int em1000(const char* attr, int fallback, int min, int max) const;
  // A length read from `attr` must lie in [lo, hi] (docs/format.md "Limits").
  void within(const char* attr, Len v, Len lo, Len hi) const;
  // One of `choices` (value, result); error lists them.
  template <class T>
  T choice(const char* attr, std::initializer_list<std::pair<const char*, T>> choices, T fallback) const;

  [[noreturn]] void fail(const char* attr, const std::string& what, const std::string& fix) const;
  [[noreturn]] void unknown_child(const XMLElement& child, const std::string& allowed) const;
  // Text that is not whitespace directly inside an element that holds only elements.
  void no_loose_text() const;
};

// Child elements in order (comments and declarations skipped).
std::vector<const XMLElement*> children(const XMLElement& e);

// Strict whole number: optional '-', digits, fits an int.
std::optional<int> to_int(const std::string& s);

template <class T>
T Node::choice(const char* attr, std::initializer_list<std::pair<const char*, T>> choices, T fallback) const {
  const auto v = opt(attr);
  if (!v) return fallback;
  std::string list;
  for (const auto& [name, value] : choices) {
    if (*v == name) return value;
    list += list.empty() ? "" : ", ";
    list += name;
  }
  fail(attr, "attribute " + std::string(attr) + "=\"" + *v + "\" of " + tag() + " is not one of: " + list,
       "write one of: " + list);
}

}  // namespace model::xml
