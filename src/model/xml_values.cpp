// Typed attribute values: lengths and em amounts, with errors that show the form.
#include <cstdio>
#include <string>

#include "model/issue.h"
#include "model/numbers.h"
#include "model/xml_read.h"

namespace model::xml {

namespace {

std::string fixed(double v, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

// "30 mm (85.04 pt)": limits in the units layouts are written in.
std::string len_text(Len l) {
  const double mm = base::to_mm(l);
  return fixed(mm, mm < 1 ? 3 : 1) + " mm (" + fixed(base::to_pt(l), 2) + " pt)";
}
std::string ems_text(int em1000) { return fixed(em1000 / 1000.0, 3) + " em"; }

}  // namespace

std::optional<Len> Node::opt_length(const char* attr, Len em_base, bool min_zero) const {
  const auto v = opt(attr);
  if (!v) return std::nullopt;
  const auto len = parse_length(*v, em_base);
  const std::string what = "attribute " + std::string(attr) + "=\"" + *v + "\" of " + tag();
  if (!len)
    fail(attr, what + " is not a length",
         std::string("write a number with a unit: mm, pt or q (e.g. 3mm, 9pt, 12q)") +
             (em_base > 0 ? ", or em of the body size (e.g. 13em)" : "") + ", or a Chinese size name (e.g. 小五)");
  if (*len < 0 || (*len == 0 && !min_zero))
    fail(attr, what + (min_zero ? " must not be negative" : " must be greater than zero"),
         min_zero ? "write 0 or a positive length" : "write a positive length");
  return len;
}

Len Node::length(const char* attr, Len em_base, bool min_zero) const {
  req(attr);
  return *opt_length(attr, em_base, min_zero);
}

int Node::em1000(const char* attr, int fallback, int min, int max) const {
  const auto v = opt(attr);
  if (!v) return fallback;
  const auto ems = num::em1000(*v);
  const std::string what = "attribute " + std::string(attr) + "=\"" + *v + "\" of " + tag();
  if (!ems) fail(attr, what + " is not an amount of em", "write ems as a number, e.g. 2em, 0.5em or 1/8em");
  if (*ems < min) fail(attr, what + " must not be negative", "write 0 or a positive amount, e.g. 1em");
  if (*ems > max)
    fail(attr, what + " is more than " + ems_text(max) + ", the largest paperset accepts",
         "write an amount from " + ems_text(min) + " to " + ems_text(max));
  return *ems;
}

void Node::within(const char* attr, Len v, Len lo, Len hi) const {
  if (v >= lo && v <= hi) return;
  const std::string what = "attribute " + std::string(attr) + "=\"" + opt(attr).value_or("") + "\" of " + tag();
  fail(attr, what + (v < lo ? " is less than " + len_text(lo) + ", the smallest" : " is more than " + len_text(hi) + ", the largest") +
                 " paperset accepts",
       "write a length from " + len_text(lo) + " to " + len_text(hi));
}

}  // namespace model::xml
