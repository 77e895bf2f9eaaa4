#include "base/context.h"

#include <fstream>
#include <sstream>

namespace base {

Context Context::for_root(const std::filesystem::path& root) {
  Context c;
  c.layouts_dir = root / "layouts";
  c.fonts_dir = root / "fonts";
  c.data_dir = root / "data";
  return c;
}

std::string read_file(const std::filesystem::path& p, const Loc& from) {
  std::error_code ec;
  const bool is_dir = std::filesystem::is_directory(p, ec);
  std::ifstream in(p, std::ios::binary);
  if (!in || is_dir) {
    Loc loc = from.file.empty() ? Loc{p.string(), 0} : from;
    throw Error(loc, "cannot read file '" + p.string() + "'",
                "check that the path exists and is a readable file");
  }
  // Read at its size in one go: growing a string (and copying a stream buffer) touches
  // every page two or three times, and fresh pages are expensive (docs/libraries.md "Speed").
  std::string out;
  const std::uintmax_t size = std::filesystem::file_size(p, ec);
  if (!ec) out.resize(static_cast<std::size_t>(size));
  in.read(out.data(), static_cast<std::streamsize>(out.size()));
  out.resize(static_cast<std::size_t>(in.gcount()));
  // A file that grew since it was measured (or has no size, a pipe) is read to its end.
  char more[65536];
  while (in.read(more, sizeof more) || in.gcount() > 0) out.append(more, static_cast<std::size_t>(in.gcount()));
  return out;
}

}  // namespace base
