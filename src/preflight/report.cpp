#include "preflight/checks.h"

namespace preflight {

void Report::add(base::Severity sev, const char* code, int page, const std::string& key, std::string message) {
  base::Finding f;
  f.severity = sev;
  f.code = code;
  f.message = std::move(message);
  f.page = page;
  add_entry({std::move(f), 1, {}, key});
}

void Report::add_entry(Entry e) {
  const auto id = std::make_tuple(e.finding.page, e.finding.code, e.key);
  auto it = index_.find(id);
  if (it != index_.end()) {
    Entry& mine = entries_[it->second];
    mine.count += e.count;
    if (e.finding.severity == base::Severity::Error) mine.finding.severity = e.finding.severity;  // the worst one wins
    return;
  }
  index_.emplace(id, entries_.size());
  entries_.push_back(std::move(e));
}

void Report::merge(const Report& other) {
  for (const auto& e : other.entries_) add_entry(e);
}

void Report::add_via(base::Severity sev, const char* code, int page, const std::string& via, const std::string& key,
                     std::string message) {
  add(sev, code, page, via + " " + key, std::move(message));
  entries_[index_.at(std::make_tuple(page, std::string(code), via + " " + key))].via = via;
}

std::vector<base::Finding> Report::findings(const Options& opt) const {
  std::vector<base::Finding> out;
  for (const auto& e : entries_) {
    out.push_back(e.finding);
    base::Finding& f = out.back();
    if (e.count > 1) f.message += " (" + std::to_string(e.count) + " times)";
    if (e.via.empty() || !opt.element_of) continue;
    if (const auto el = opt.element_of(f.page, e.via)) {
      f.message = el->what + ": " + f.message;
      f.article = el->id;
      f.loc = el->loc;
    }
  }
  return out;
}

}  // namespace preflight
