#include "cli/output.h"

#include <unistd.h>

#include <cstdio>

#include "base/error.h"

namespace cli {

void write_atomically(const std::filesystem::path& path, const std::string& bytes) {
  const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  const auto tmp = dir / ("." + path.filename().string() + ".tmp" + std::to_string(::getpid()));
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) throw base::Error({path.string(), 0}, "cannot write the output file", "check that the folder exists and is writable");
  const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size() && std::fflush(f) == 0 &&
                  ::fsync(fileno(f)) == 0;
  std::fclose(f);
  std::error_code ec;
  if (ok) std::filesystem::rename(tmp, path, ec);
  if (!ok || ec) {
    std::filesystem::remove(tmp, ec);
    throw base::Error({path.string(), 0}, "writing the output file failed", "check free disk space and permissions");
  }
}

}  // namespace cli
