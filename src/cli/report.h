#pragma once
// build --report FILE.json: what a nightly job needs to decide and alert:
// every file written, findings by article and page (overset, low-resolution photos,
// substituted fonts, missing glyphs, preflight), timings, and the outcome.
#include <string>
#include <utility>
#include <vector>

#include "base/diag.h"

namespace cli {

struct Report {
  std::string issue;
  bool ok = false;
  std::vector<int> pages;
  std::vector<std::string> files;
  std::vector<std::pair<std::string, double>> timings_ms;  // stage → milliseconds
  std::vector<base::Finding> findings;
};

std::string report_json(const Report& r);

}  // namespace cli
