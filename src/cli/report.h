#pragma once
// build --report FILE.json (docs/cli.md "The build report"): what a nightly job needs to
// decide and alert — the outcome, every file written and every previous result removed,
// every finding with its place, page and element, timings, and which paperset ran with
// which command line. Written with nlohmann-json.
#include <string>
#include <utility>
#include <vector>

#include "base/diag.h"

namespace cli {

struct Report {
  std::vector<std::string> command;  // argv
  std::string issue;
  bool ok = false;
  int exit_status = 0;
  std::vector<int> pages;
  std::vector<std::string> files;    // written ("-": standard output)
  std::vector<std::string> removed;  // previous results removed (stale pages, a failed build's old PDF)
  std::vector<std::pair<std::string, double>> timings_ms;  // stage → milliseconds
  std::vector<base::Finding> findings;
  // With a page cache (--cache, watch): the pages laid out and drawn afresh, and those
  // taken from the cache.
  std::string cache_dir;  // empty: no cache
  std::vector<int> rebuilt, reused;
};

std::string report_json(const Report& r);

}  // namespace cli
