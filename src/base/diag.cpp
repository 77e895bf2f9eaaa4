#include "base/diag.h"

namespace base {

void Diagnostics::warn(std::string code, std::string message, Loc loc, std::string article, int page) {
  add({Severity::Warning, std::move(code), std::move(message), std::move(loc), std::move(article), page});
}

void Diagnostics::error(std::string code, std::string message, Loc loc, std::string article, int page) {
  add({Severity::Error, std::move(code), std::move(message), std::move(loc), std::move(article), page});
}

bool Diagnostics::has_errors() const {
  for (const auto& f : findings_)
    if (f.severity == Severity::Error) return true;
  return false;
}

void Diagnostics::merge(const Diagnostics& other) {
  findings_.insert(findings_.end(), other.findings_.begin(), other.findings_.end());
}

std::string format_finding(const Finding& f) {
  std::string s = format_loc(f.loc);
  if (!s.empty()) s += ": ";
  s += f.severity == Severity::Error ? "error" : f.severity == Severity::Warning ? "warning" : "note";
  if (!f.code.empty()) s += " [" + f.code + "]";
  s += ": ";
  if (f.page > 0) s += "page " + std::to_string(f.page) + ": ";
  if (!f.article.empty()) s += "'" + f.article + "': ";
  s += f.message;
  return s;
}

}  // namespace base
