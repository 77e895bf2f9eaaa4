#pragma once
// Temporary output files (docs/cli.md "Output files"): created in the folder of the file
// they will become (so the final rename is atomic), under a short unpredictable name
// ".paperset-PID-XXXXXX" with O_CREAT | O_EXCL (mkostemp) — a planted file or symbolic
// link at that name is never opened, and a 255-byte output name still fits — and
// removed when the build fails, is interrupted (SIGINT, SIGTERM, SIGHUP) or, after a
// SIGKILL, by the next build writing to the same folder.
#include <filesystem>
#include <string>

namespace cli {

class TempFile {
 public:
  // Creates the file in `folder`; throws base::Error naming `for_output` when it cannot.
  TempFile(const std::filesystem::path& folder, const std::filesystem::path& for_output);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes all of `bytes` and flushes them to disk; throws base::Error.
  void write(const std::string& bytes);
  // Closes the file so that another writer (cairo's PNG encoder) may fill it by name.
  void close();
  // Renames the file onto `target` (replacing it atomically); throws base::Error. After
  // this the file is no longer removed.
  void commit_to(const std::filesystem::path& target);

 private:
  std::filesystem::path path_;
  std::filesystem::path for_output_;
  int fd_ = -1;
  int slot_ = -1;  // in the list the signal handler removes
  bool done_ = false;
};

// Adds `path` to what the signal handler removes (a previous result at an output path:
// an interrupted build leaves none, as a failed one); returns the slot to forget it by.
int remember_for_removal(const std::string& path);
void forget_for_removal(int slot);

// Installs the handlers that remove every TempFile on SIGINT, SIGTERM and SIGHUP and
// then end the process by that signal (exit status 128 + N). SIGPIPE is ignored, so a
// closed standard output is a write error, not a silent death.
void install_cleanup_handlers();

// While one lives, SIGINT, SIGTERM and SIGHUP wait: the renames that publish a set of
// outputs all happen, or (when it fails first) none.
class SignalsHeld {
 public:
  SignalsHeld();
  ~SignalsHeld();
  SignalsHeld(const SignalsHeld&) = delete;
  SignalsHeld& operator=(const SignalsHeld&) = delete;
};

// Removes temporary files in `folder` that a paperset process killed outright (SIGKILL,
// power loss) left: ".paperset-PID-…" whose PID no longer runs. Returns how many.
int remove_orphaned_temps(const std::filesystem::path& folder);

// Whether the name is one TempFile makes.
bool is_temp_name(const std::string& filename);

}  // namespace cli
