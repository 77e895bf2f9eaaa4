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
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace base
