#pragma once
// Shared test helpers: a hermetic context rooted at the source tree, temp folders,
// and running the built `paperset` binary.
#include <filesystem>
#include <string>

#include "base/context.h"

namespace test {

inline std::filesystem::path source_root() { return PAPERSET_SOURCE_ROOT; }
inline base::Context context() { return base::Context::for_root(source_root()); }

// A fresh empty folder under the system temp dir, unique per call.
std::filesystem::path temp_dir(const std::string& tag);

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout + stderr
};
// Runs the built paperset binary with `args` (shell-quoted by the caller).
RunResult run_paperset(const std::string& args);
// Runs any shell command, capturing stdout + stderr.
RunResult run_shell(const std::string& cmd);

}  // namespace test
