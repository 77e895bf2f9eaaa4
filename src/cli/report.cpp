#include "cli/report.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace cli {

namespace {

const char* severity(base::Severity s) {
  return s == base::Severity::Error ? "error" : s == base::Severity::Warning ? "warning" : "note";
}

// Text a user or an input wrote (messages, ids) is escaped as when printed, so that a
// `jq -r` of the report cannot put control characters into a log either.
nlohmann::ordered_json finding_json(const base::Finding& f) {
  return {{"severity", severity(f.severity)},
          {"code", f.code},
          {"page", f.page},
          {"id", base::escape_text(f.article)},
          {"article", base::escape_text(f.article)},
          {"file", base::escape_text(f.loc.file)},
          {"line", f.loc.line},
          {"column", f.loc.col},
          {"message", base::escape_text(f.message)},
          {"fix", base::escape_text(f.fix)}};
}

}  // namespace

std::string report_json(const Report& r) {
  int errors = 0, warnings = 0;
  for (const auto& f : r.findings) {
    errors += f.severity == base::Severity::Error;
    warnings += f.severity == base::Severity::Warning;
  }
  nlohmann::ordered_json j;
  j["paperset"] = PAPERSET_VERSION;
  j["command"] = r.command;
  j["issue"] = r.issue;
  j["ok"] = r.ok;
  j["exit_status"] = r.exit_status;
  j["errors"] = errors;
  j["warnings"] = warnings;
  j["pages"] = r.pages;
  j["files"] = r.files;
  j["removed"] = r.removed;
  nlohmann::ordered_json t = nlohmann::ordered_json::object();
  for (const auto& [k, v] : r.timings_ms) t[k] = std::llround(v);
  j["timings_ms"] = t;
  if (!r.cache_dir.empty())
    j["cache"] = {{"dir", r.cache_dir}, {"rebuilt", r.rebuilt}, {"reused", r.reused}};
  j["findings"] = nlohmann::ordered_json::array();
  for (const auto& f : r.findings) j["findings"].push_back(finding_json(f));
  // File names and argv need not be UTF-8: bytes that are not become U+FFFD instead of
  // failing the report.
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace cli
