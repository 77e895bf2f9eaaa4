#pragma once
// Command-line parsing. Usage errors are exit code 2.
#include <optional>
#include <string>
#include <vector>

namespace cli {

struct UsageError {
  std::string message;
};

struct BuildArgs {
  std::string issue;
  std::string output;
  std::string png_dir;
  double png_dpi = 150;
  bool png_overlay = false;
  std::vector<std::string> dumps;  // "lines", "pages"
  bool wants(const std::string& dump) const {
    for (const auto& d : dumps)
      if (d == dump) return true;
    return false;
  }
  bool allow_overset = false;
  bool allow_low_res = false;
  bool split = false;
  bool no_balance = false;
  int jobs = 0;                // --jobs N: pages drawn at once with --split (0: one per core)     // --no-balance: fill columns top to bottom, never balance
  int max_errors = 20;         // --max-errors N: input errors collected before stopping
  std::string report;          // --report FILE.json
  std::string output_profile;  // --output-profile FILE.icc
  bool no_finish = false;      // --raw: cairo's PDF without PDF/X finishing (debugging)
};

struct PreflightArgs {
  std::string file;
  bool json = false;
};

struct Args {
  enum Command { Help, Version, Build, Preflight } command = Help;
  BuildArgs build;
  PreflightArgs preflight;
};

// Throws UsageError.
Args parse_args(const std::vector<std::string>& argv);
std::string usage();

}  // namespace cli
