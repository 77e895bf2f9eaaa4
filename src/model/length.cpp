// Lengths and sizes as written in layouts: mm, pt, q, em and the Chinese size names.
#include <array>
#include <charconv>
#include <cmath>
#include <sstream>
#include <string_view>

#include "model/issue.h"
#include "model/numbers.h"

namespace model {

namespace {

// The Chinese type size names (字号) and their sizes in points, as listed in
// docs/format.md, "Units" (the traditional 号数制 values in
// common use in Chinese publishing). Sizes in 1/10 pt so the table is exact.
struct ChineseSize {
  std::string_view name;
  int decipoints;
};
constexpr std::array<ChineseSize, 16> kChineseSizes{{
    {"初号", 420}, {"小初", 360}, {"一号", 260}, {"小一", 240},
    {"二号", 220}, {"小二", 180}, {"三号", 160}, {"小三", 150},
    {"四号", 140}, {"小四", 120}, {"五号", 105}, {"小五", 90},
    {"六号", 75},  {"小六", 65},  {"七号", 55},  {"八号", 50},
}};

// Largest magnitude accepted: far above any page dimension, far below Len overflow.
constexpr double kMaxMagnitude = 1e6;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::optional<Len> chinese_size(const std::string& name) {
  for (const auto& s : kChineseSizes)
    if (s.name == name) return static_cast<Len>(s.decipoints) * 100;
  return std::nullopt;
}

namespace num {

std::optional<double> decimal(const std::string& s) {
  size_t i = s.empty() || s[0] != '-' ? 0 : 1;
  size_t digits = 0, dots = 0;
  for (size_t k = i; k < s.size(); ++k) {
    if (s[k] >= '0' && s[k] <= '9') ++digits;
    else if (s[k] == '.') ++dots;
    else return std::nullopt;
  }
  if (digits == 0 || dots > 1) return std::nullopt;
  double v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, std::chars_format::fixed);
  if (ec != std::errc() || p != s.data() + s.size() || std::fabs(v) > kMaxMagnitude) return std::nullopt;
  return v;
}

std::optional<int> em1000(const std::string& text) {
  const std::string s = ends_with(text, "em") ? text.substr(0, text.size() - 2) : text;
  if (const size_t slash = s.find('/'); slash != std::string::npos) {
    // A fraction ("1/8em"), the way typographers write em spaces.
    const auto num = decimal(s.substr(0, slash)), den = decimal(s.substr(slash + 1));
    if (!num || !den || *den <= 0) return std::nullopt;
    const double v = *num * 1000.0 / *den;  // "1/0.0001em" is 10⁷ em: refused, not cast
    if (!(std::fabs(v) <= kMaxMagnitude * 1000.0)) return std::nullopt;
    return static_cast<int>(std::lround(v));
  }
  const auto v = decimal(s);
  if (!v) return std::nullopt;
  return static_cast<int>(std::lround(*v * 1000.0));
}

std::optional<Cmyk> cmyk(const std::string& s) {
  std::istringstream in(s);
  std::array<double, 4> v{};
  std::string word;
  size_t n = 0;
  while (in >> word) {
    const auto d = decimal(word);
    if (!d || *d < 0 || *d > 100 || n == 4) return std::nullopt;
    v[n++] = *d;
  }
  if (n != 4) return std::nullopt;
  auto milli = [](double pct) { return static_cast<std::uint16_t>(std::lround(pct * 10.0)); };
  return Cmyk{milli(v[0]), milli(v[1]), milli(v[2]), milli(v[3]), {}};
}

}  // namespace num

std::optional<Len> parse_length(const std::string& text, Len em_base) {
  if (auto size = chinese_size(text)) return size;
  if (text == "0") return 0;  // zero needs no unit
  struct Unit {
    std::string_view suffix;
    double pt_per_unit;
  };
  // 1 pt = 1/72 in; 1 mm = 72/25.4 pt; 1 q (级) = 0.25 mm.
  static constexpr std::array<Unit, 4> kUnits{{{"mm", 72.0 / 25.4}, {"pt", 1.0}, {"q", 18.0 / 25.4}, {"Q", 18.0 / 25.4}}};
  if (ends_with(text, "em")) {
    const auto v = num::decimal(text.substr(0, text.size() - 2));
    if (!v || em_base <= 0) return std::nullopt;
    return static_cast<Len>(std::llround(*v * static_cast<double>(em_base)));
  }
  for (const auto& u : kUnits) {
    if (!ends_with(text, u.suffix)) continue;
    const auto v = num::decimal(text.substr(0, text.size() - u.suffix.size()));
    if (!v) return std::nullopt;
    return base::from_pt(*v * u.pt_per_unit);
  }
  return std::nullopt;
}

}  // namespace model
