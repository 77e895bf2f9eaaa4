#include "base/error.h"

namespace base {

std::string format_loc(const Loc& loc) {
  if (loc.file.empty()) return {};
  if (loc.line > 0) return loc.file + ":" + std::to_string(loc.line);
  return loc.file;
}

static std::string compose(const Loc& loc, const std::string& what, const std::string& fix) {
  std::string s = format_loc(loc);
  s += s.empty() ? "error: " : ": error: ";
  s += what;
  if (!fix.empty()) s += "\n  fix: " + fix;
  return s;
}

Error::Error(Loc loc, std::string what, std::string fix)
    : std::runtime_error(compose(loc, what, fix)),
      loc_(std::move(loc)),
      message_(std::move(what)),
      fix_(std::move(fix)) {}

std::string Error::format() const { return what(); }

}  // namespace base
