#include "base/context.h"

namespace base {

Context Context::for_root(const std::filesystem::path& root) {
  Context c;
  c.layouts_dir = root / "layouts";
  c.fonts_dir = root / "fonts";
  c.data_dir = root / "data";
  return c;
}

std::vector<std::filesystem::path> Context::resource_roots(const std::filesystem::path& issue_folder) const {
  std::vector<std::filesystem::path> roots{issue_folder.empty() ? std::filesystem::path(".") : issue_folder,
                                           layouts_dir, fonts_dir, data_dir};
  roots.insert(roots.end(), allowed_paths.begin(), allowed_paths.end());
  return roots;
}

std::string read_file(const std::filesystem::path& p, const Loc& from) {
  return read_input_file(p, from, "file '" + p.string() + "'", SizeLimit{});
}

}  // namespace base
