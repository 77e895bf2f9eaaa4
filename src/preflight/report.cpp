#include "preflight/checks.h"

namespace preflight {

void Report::add(base::Severity sev, const char* code, int page, const std::string& key, std::string message) {
  const auto id = std::make_tuple(page, std::string(code), key);
  auto it = index_.find(id);
  if (it != index_.end()) {
    Entry& e = entries_[it->second];
    ++e.count;
    if (sev == base::Severity::Error) e.finding.severity = sev;  // the worst one wins
    return;
  }
  index_.emplace(id, entries_.size());
  base::Finding f;
  f.severity = sev;
  f.code = code;
  f.message = std::move(message);
  f.page = page;
  entries_.push_back({std::move(f), 1});
}

std::vector<base::Finding> Report::findings() const {
  std::vector<base::Finding> out;
  for (const auto& e : entries_) {
    out.push_back(e.finding);
    if (e.count > 1) out.back().message += " (" + std::to_string(e.count) + " times)";
  }
  return out;
}

}  // namespace preflight
