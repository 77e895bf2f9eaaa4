#pragma once
// The one explicit context through which files, resource folders and the clock reach
// the stages (docs/architecture.md: "never through globals"), so tests are hermetic and
// output deterministic.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "base/diag.h"

namespace base {

struct Context {
  std::filesystem::path layouts_dir;  // where layout names resolve
  std::filesystem::path fonts_dir;    // the font map and any shipped fonts
  std::filesystem::path data_dir;     // other shipped data (ICC profiles …)
  // Seconds since the epoch used for PDF dates when set (SOURCE_DATE_EPOCH); otherwise
  // the issue's own date is used. Never the wall clock.
  std::optional<std::int64_t> source_date_epoch;
  Diagnostics diag;

  // Resources found relative to the executable's source tree (set by the CLI / tests).
  static Context for_root(const std::filesystem::path& root);
};

// Reads a whole file; throws Error naming the file when it cannot.
std::string read_file(const std::filesystem::path& p, const Loc& referenced_from = {});

}  // namespace base
