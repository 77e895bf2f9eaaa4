#include "cli/report.h"

#include <cmath>

#include "preflight/json.h"

namespace cli {

namespace {
const char* severity(base::Severity s) {
  return s == base::Severity::Error ? "error" : s == base::Severity::Warning ? "warning" : "info";
}
}  // namespace

std::string report_json(const Report& r) {
  preflight::JsonWriter w;
  int errors = 0, warnings = 0;
  for (const auto& f : r.findings) (f.severity == base::Severity::Error ? errors : warnings) += f.severity != base::Severity::Info;
  w.begin_object();
  w.key("issue").value(r.issue).key("ok").value(r.ok).key("errors").value(errors).key("warnings").value(warnings);
  w.key("pages").begin_array();
  for (int p : r.pages) w.value(p);
  w.end_array().key("files").begin_array();
  for (const auto& f : r.files) w.value(f);
  w.end_array().key("timings_ms").begin_object();
  for (const auto& [k, v] : r.timings_ms) w.key(k).value(static_cast<long long>(std::llround(v)));
  w.end_object().key("findings").begin_array();
  for (const auto& f : r.findings) {
    w.begin_object().key("severity").value(severity(f.severity)).key("code").value(f.code);
    w.key("page").value(f.page).key("article").value(f.article).key("file").value(f.loc.file);
    w.key("line").value(f.loc.line).key("message").value(f.message).end_object();
  }
  w.end_array().end_object();
  return w.str() + "\n";
}

}  // namespace cli
