#pragma once
// Atomic output (print.md "Atomic"): a file appears at its path only when complete —
// written to a temporary name in the same folder, then renamed.
#include <filesystem>
#include <string>

namespace cli {

void write_atomically(const std::filesystem::path& path, const std::string& bytes);

}  // namespace cli
