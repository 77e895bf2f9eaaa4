#include "base/icc_layout.h"

#include <cstdint>

namespace base {

namespace {

std::uint64_t be32(const std::string& s, std::size_t at) {
  std::uint64_t v = 0;
  for (std::size_t k = 0; k < 4; ++k) v = (v << 8) | static_cast<unsigned char>(s[at + k]);
  return v;
}

}  // namespace

std::optional<std::string> icc_layout_problem(const std::string& icc) {
  if (icc.size() < 132) return "it is " + std::to_string(icc.size()) + " bytes, shorter than an ICC header";
  const std::uint64_t declared = be32(icc, 0);
  if (declared > icc.size())
    return "it is cut short: its header says " + std::to_string(declared) + " bytes, it has " + std::to_string(icc.size());
  if (icc.compare(36, 4, "acsp") != 0) return std::string("it lacks the ICC signature 'acsp' (it is not an ICC profile)");
  const std::uint64_t tags = be32(icc, 128);
  if (132 + tags * 12 > declared) return std::string("its tag table runs past the end of the profile");
  for (std::uint64_t t = 0; t < tags; ++t) {
    const auto e = static_cast<std::size_t>(132 + t * 12);
    if (be32(icc, e + 4) + be32(icc, e + 8) > declared)
      return "tag '" + icc.substr(e, 4) + "' lies outside the profile (cut short?)";
  }
  return std::nullopt;
}

}  // namespace base
