#include "base/limits.h"

#include <charconv>
#include <cstdio>
#include <utility>

namespace base {

namespace {

struct Named {
  const char* name;
  std::uint64_t Limits::*field;
  bool bytes;  // a size: accepts K, M, G
};

constexpr Named kNamed[] = {
    {"issue-size", &Limits::issue_bytes, true}, {"layout-size", &Limits::layout_bytes, true},
    {"image-size", &Limits::image_bytes, true}, {"icc-size", &Limits::icc_bytes, true},
    {"pdf-size", &Limits::pdf_bytes, true},     {"elements", &Limits::elements, false},
    {"paragraph", &Limits::text_chars, false},  {"pages", &Limits::pages, false},
};

// Upper bound of any setting: far beyond what fits in memory, far below overflow.
constexpr std::uint64_t kCeiling = std::uint64_t{1} << 40;

std::optional<std::uint64_t> parse_count(const std::string& s, bool bytes) {
  std::uint64_t v = 0;
  const char* end = s.data() + s.size();
  const auto [p, ec] = std::from_chars(s.data(), end, v);
  if (ec != std::errc() || p == s.data()) return std::nullopt;
  std::uint64_t unit = 1;
  if (bytes && p + 1 == end) {
    switch (*p) {
      case 'K': unit = 1u << 10; break;
      case 'M': unit = 1u << 20; break;
      case 'G': unit = 1u << 30; break;
      default: return std::nullopt;
    }
  } else if (p != end) {
    return std::nullopt;
  }
  if (v == 0 || v > kCeiling / unit) return std::nullopt;
  return v * unit;
}

}  // namespace

std::optional<std::string> Limits::set(const std::string& assignment) {
  const auto eq = assignment.find('=');
  const std::string name = assignment.substr(0, eq);
  for (const auto& n : kNamed) {
    if (name != n.name) continue;
    const auto v = eq == std::string::npos ? std::nullopt : parse_count(assignment.substr(eq + 1), n.bytes);
    if (!v)
      return "--limit " + name + " needs a whole number from 1 to 2^40" +
             (n.bytes ? std::string(" (bytes; K, M or G may follow: 64M)") : std::string()) + ", got '" + assignment +
             "'";
    this->*n.field = *v;
    return std::nullopt;
  }
  return "--limit knows " + names() + "; got '" + assignment + "'";
}

std::string Limits::names() {
  std::string s;
  for (const auto& n : kNamed) s += (s.empty() ? "" : ", ") + std::string(n.name);
  return s;
}

std::string format_bytes(std::uint64_t n) {
  static const std::pair<std::uint64_t, const char*> kUnits[] = {{1u << 30, "GiB"}, {1u << 20, "MiB"}, {1u << 10, "KiB"}};
  for (const auto& [size, name] : kUnits) {
    if (n < size) continue;
    char buf[48];
    if (n % size == 0)
      std::snprintf(buf, sizeof buf, "%llu %s", static_cast<unsigned long long>(n / size), name);
    else
      std::snprintf(buf, sizeof buf, "%.1f %s", static_cast<double>(n) / static_cast<double>(size), name);
    return buf;
  }
  return std::to_string(n) + (n == 1 ? " byte" : " bytes");
}

}  // namespace base
