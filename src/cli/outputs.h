#pragma once
// Where a build's results go, and the contract a nightly job relies on (docs/cli.md
// "Output files"):
// * before any input is read, every output path is checked (never a folder, device,
//   FIFO or other non-regular file; never the issue file) and its folder created;
// * once the issue is read, no output may be one of its inputs (layout, photos, font
//   map, output profile);
// * success: every requested output — the PDF or the split pages, the proofs, the
//   report — is first written to a temporary file beside its target, then all are
//   renamed into place together (pages of an earlier --split run that this issue no
//   longer has, and older proofs, are removed at the same time);
// * failure or interruption: nothing that looks like a result is left — no temporary
//   file, and a previous PDF (split pages, proofs) at the output paths is removed, as
//   make's .DELETE_ON_ERROR does; the report lists what was removed.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/split_name.h"
#include "cli/temp_file.h"

namespace cli {

// One page of the issue, as its split file and proof are named.
struct PageName {
  int number = 0;
  std::string section;
  std::string proof;  // the proof's file name ("page-03.png")
};

// A made PDF, ready to be published: already written to a temporary file beside its
// path (so that a --split set is not held in memory at once), or, for standard output,
// in memory.
struct MadePdf {
  std::filesystem::path path;  // empty: standard output
  std::string bytes;           // standard output's
  std::shared_ptr<TempFile> file;  // the other files': renamed onto `path` by commit()
};

class Outputs {
 public:
  explicit Outputs(const BuildArgs& args);
  ~Outputs();
  Outputs(const Outputs&) = delete;
  Outputs& operator=(const Outputs&) = delete;

  // Before the issue is read: checks the output paths, creates their folders, clears
  // temporary files a killed build left there. Throws base::Error.
  void prepare(const std::filesystem::path& issue_file);
  // Once the issue is read: its paper, number and date name the split files; no output
  // may be one of `inputs`. Throws base::Error.
  void issue_read(const NameFields& fields, const std::vector<PageName>& pages,
                  const std::vector<std::filesystem::path>& inputs);

  // Where each PDF goes: one (the whole issue; empty path for standard output) or,
  // with --split, one per page in order.
  std::vector<std::filesystem::path> pdf_paths() const;

  // Writes everything and publishes it at once. `draw_proof(i, path)` writes page i's
  // proof into a file; `report(written, removed)` gives the report's text. Returns the
  // files written. Throws base::Error; then nothing new is left behind.
  using ProofDrawer = std::function<void(size_t page, const std::filesystem::path& file)>;
  using ReportMaker = std::function<std::string(const std::vector<std::string>& written,
                                                const std::vector<std::string>& removed)>;
  // `sheet(written, removed)` gives the proof sheet's HTML (--proof-sheet).
  std::vector<std::string> commit(const std::vector<MadePdf>& pdfs, const ProofDrawer& draw_proof,
                                  const ReportMaker& report, const ReportMaker& sheet = {});

  // After a failure: removes the previous results at the output paths; returns them.
  std::vector<std::string> remove_previous();
  // After a failure: removes the folders prepare() made, when they are empty.
  void remove_created_folders();
  // Writes the report of a failed build (atomically). Throws base::Error.
  void write_failure_report(const std::string& json);
  // Writes the proof sheet of a failed build (atomically), when one is asked for.
  void write_failure_sheet(const std::string& html);

 private:
  struct Candidate;
  std::vector<std::filesystem::path> previous_results() const;
  std::vector<std::filesystem::path> output_files() const;
  void guard_previous();
  void release_guards();

  const BuildArgs& args_;
  std::filesystem::path split_folder_;
  std::optional<SplitName> split_name_;
  NameFields fields_;
  std::vector<PageName> pages_;
  std::vector<int> guards_;  // signal-handler slots of the previous results
  std::vector<std::filesystem::path> created_;  // folders prepare() made, outermost first
};

// "a character device", "a FIFO", "a folder" … for messages; "" for a regular file.
std::string non_regular_kind(const std::filesystem::path& p);

}  // namespace cli
