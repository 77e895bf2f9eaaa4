#pragma once
// Command-line parsing (docs/cli.md "Conventions"): every option that takes a value
// takes it as `--opt value` or `--opt=value` (short ones as `-o value` or `-ovalue`);
// `--` ends the options; `--help` after a command is that command's help. Usage errors
// are exit code 2.
#include <optional>
#include <string>
#include <vector>

#include "base/pdfx.h"

namespace cli {

struct UsageError {
  std::string message;
  std::string command = {};  // the command whose usage to show ("" for the general one)
};

struct BuildArgs {
  std::string issue;
  std::string output;  // "-": the PDF goes to standard output
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
  bool allow_missing_photos = false;  // a photo file not there: a placeholder and a warning
  bool allow_missing_ads = false;     // an ad file not there (or no src=): a reserved slot and a warning
  bool split = false;
  std::string split_name;      // --split-name TEMPLATE (cli/split_name.h); "" for the default
  bool no_balance = false;     // --no-balance: fill columns top to bottom, never balance
  int jobs = 0;                // --jobs N: pages drawn at once with --split (0: one per core)
  int max_errors = 20;         // --max-errors N: input errors collected before stopping
  std::vector<std::string> fail_on;  // --fail-on: finding codes, or "warning" for every warning
  bool quiet = false;          // --quiet: errors only
  std::string report;          // --report FILE.json
  std::string output_profile;  // --output-profile FILE.icc
  bool keep_copy = false;      // --keep-copy: imported copy without the clean-up (docs/import.md)
  std::optional<base::PdfX> pdfx;  // --pdfx 1a|3|4; unset: the layout's <print pdfx>, else 4
  std::string proof_sheet;     // --proof-sheet FILE.html (cli/sheet.h); the proofs go beside it without --png
  std::string cache_dir;       // --cache DIR: reuse unchanged pages (cli/cache.h); watch: a default under -o's folder
  std::vector<std::string> allow_paths;  // --allow-paths DIR: photos and layouts may come from DIR
  std::vector<std::string> limits;       // --limit NAME=N (base::Limits)
  int serve_port = -1;         // watch --serve PORT: the sheet on 127.0.0.1 (0: any free port); -1: not served
  std::vector<std::string> command_line;  // the whole command line, for the report
  bool to_stdout() const { return output == "-"; }
};

struct PreflightArgs {
  std::string file;
  bool json = false;
  std::optional<base::PdfX> pdfx;  // --pdfx 1a|3|4; unset: the standard the file claims
  std::vector<std::string> limits;  // --limit pdf-size=N
};

// paperset import (docs/import.md).
struct ImportArgs {
  std::string file;
  std::string format;           // --format nitf|newsml|text; empty: the file's content tells
  bool keep_copy = false;       // --keep-copy: no clean-up
  std::string kicker = "none";  // --kicker hl2|title: where a NITF / NewsML-G2 kicker comes from
};

struct Args {
  enum Command { Help, Version, Build, Preflight, Import, Watch } command = Help;
  std::string help_topic;  // Help: "" (general), "build", "preflight", "import", "watch"
  BuildArgs build;  // also `paperset watch`'s: each rebuild is a build with these
  PreflightArgs preflight;
  std::vector<std::string> argv;  // the whole command line, for the build report
  ImportArgs import;
};

// Throws UsageError.
Args parse_args(const std::vector<std::string>& argv);

// The finding codes --fail-on accepts, and the names it also knows ("warning", "low-res").
std::vector<std::string> fail_on_codes();
// True when --fail-on `classes` makes a warning of `code` fail the build.
bool fails_on(const std::vector<std::string>& classes, const std::string& code);

}  // namespace cli
