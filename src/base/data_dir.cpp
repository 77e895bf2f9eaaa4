#include "base/data_dir.h"

#include <algorithm>

namespace base {

namespace fs = std::filesystem;

namespace {

bool is_data_dir(const fs::path& d) {
  std::error_code ec;
  return fs::is_directory(d / "layouts", ec) && fs::is_regular_file(d / "fonts" / "fontmap.xml", ec);
}

// Whether `p` lies inside folder `dir` (both resolved).
bool inside(const fs::path& p, const fs::path& dir) {
  std::error_code ec;
  const fs::path rp = fs::weakly_canonical(p, ec), rd = fs::weakly_canonical(dir, ec);
  const auto [d_end, p_at] = std::mismatch(rd.begin(), rd.end(), rp.begin(), rp.end());
  return !rd.empty() && d_end == rd.end();
}

}  // namespace

fs::path find_data_dir(const DataSearch& s) {
  if (!s.env.empty()) {
    if (is_data_dir(s.env)) return s.env;
    throw Error({}, "PAPERSET_DATA='" + s.env + "' is not a paperset data folder (it needs layouts/ and fonts/fontmap.xml)",
                "point PAPERSET_DATA at the installed PREFIX/share/paperset (or a source tree), or unset it");
  }
  std::error_code ec;
  const fs::path program = fs::weakly_canonical(s.program, ec);
  const fs::path beside = (program.parent_path() / s.relative).lexically_normal();
  if (is_data_dir(beside)) return beside;
  if (!s.build_dir.empty() && inside(program, s.build_dir) && is_data_dir(s.source_root)) return s.source_root;
  throw Error({}, "cannot find paperset's data (layouts, font map, ICC profile): looked in " + beside.string(),
              "install paperset with `cmake --install` (data goes to PREFIX/share/paperset beside PREFIX/bin), "
              "or set PAPERSET_DATA to the data folder");
}

Context context_for_data(const fs::path& dir) {
  std::error_code ec;
  Context c = Context::for_root(dir);
  // for_root() is the source tree's shape (data/icc/); an installed folder has icc/.
  if (!fs::is_directory(dir / "data" / "icc", ec)) c.data_dir = dir;
  return c;
}

fs::path program_file(const std::string& argv0) {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec && !self.empty()) return self;
  return fs::absolute(argv0, ec);
}

}  // namespace base
