#pragma once
// The one explicit context through which files, resource folders and the clock reach
// the stages (docs/architecture.md: "never through globals"), so tests are hermetic and
// output deterministic.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/diag.h"
#include "base/files.h"
#include "base/limits.h"

namespace base {

struct Context {
  std::filesystem::path layouts_dir;  // where layout names resolve
  std::filesystem::path fonts_dir;    // the font map and any shipped fonts
  std::filesystem::path data_dir;     // other shipped data (ICC profiles …)
  // Seconds since the epoch used for PDF dates when set (SOURCE_DATE_EPOCH); otherwise
  // the issue's own date is used. Never the wall clock.
  std::optional<std::int64_t> source_date_epoch;
  Diagnostics diag;
  Limits limits;  // docs/format.md "Limits"; --limit NAME=N raises one
  // Folders outside the issue's own folder tree from which an issue may take photos
  // and layouts (--allow-paths DIR); the three resource folders above are always allowed.
  std::vector<std::filesystem::path> allowed_paths;

  // The folders an input file in `issue_folder` may take resources from.
  std::vector<std::filesystem::path> resource_roots(const std::filesystem::path& issue_folder) const;

  // Resources found relative to the executable's source tree (set by the CLI / tests).
  static Context for_root(const std::filesystem::path& root);
};

// Reads a whole regular file of at most 256 MiB (read_input_file); throws Error naming
// the file when it cannot.
std::string read_file(const std::filesystem::path& p, const Loc& referenced_from = {});

}  // namespace base
