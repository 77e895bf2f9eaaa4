#include "base/error.h"

namespace base {

std::string format_loc(const Loc& loc) {
  if (loc.file.empty()) return {};
  std::string s = loc.file;
  if (loc.line > 0) s += ":" + std::to_string(loc.line);
  if (loc.line > 0 && loc.col > 0) s += ":" + std::to_string(loc.col);
  return s;
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

Error& Error::in_element(int page, const std::string& id) {
  if (page_ == 0) page_ = page;
  if (element_.empty()) element_ = id;
  return *this;
}

Errors::Errors(std::vector<Error> all, bool truncated)
    : Error(all.empty() ? Error({}, "no errors") : all.front()), all_(std::move(all)), truncated_(truncated) {}

void ErrorCollector::add(Error e) {
  errors_.push_back(std::move(e));
  if (errors_.size() >= limit_) throw Errors(errors_, true);
}

void ErrorCollector::throw_if_any() const {
  if (!errors_.empty()) throw Errors(errors_, false);
}

}  // namespace base
