// Finding a layout by name or path, and looking up its styles.
#include <algorithm>
#include <filesystem>

#include "model/layout.h"

namespace model {

namespace fs = std::filesystem;

namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
  return s.empty() ? "(none)" : s;
}

// docs/format.md: "issue/@layout names a layout file in layouts/ (without extension)
// or a path". Anything with a folder separator or an .xml extension is a path.
bool is_path(const std::string& s) {
  return s.find('/') != std::string::npos || s.find('\\') != std::string::npos ||
         fs::path(s).extension() == ".xml";
}

fs::path resolve(const std::string& name, const base::Context& ctx, const base::Loc& from) {
  if (is_path(name)) {
    fs::path p(name);
    const fs::path folder = from.file.empty() ? fs::path() : fs::path(from.file).parent_path();
    if (p.is_relative()) p = folder / p;
    // A layout named by an issue stays inside the folder tree or the resource
    // folders (docs/format.md "Limits"): an issue file must not read any file it likes.
    if (!from.file.empty() && !base::path_within(p, ctx.resource_roots(folder)))
      throw base::Error(from, "layout file '" + p.string() + "'" + base::resolved_note(p) +
                                  " is outside the issue's folder and the resource folders",
                        "put the layout beside the issue or in " + ctx.layouts_dir.string() +
                            ", or allow its folder with --allow-paths DIR");
    std::error_code ec;
    if (!fs::exists(p, ec) && !fs::is_symlink(p, ec))
      throw base::Error(from, "layout file '" + p.string() + "' not found",
                        "correct the path (relative paths start at the issue file's folder), or name one of the "
                        "layouts: " + joined(layout_names(ctx)));
    return p;
  }
  const fs::path p = ctx.layouts_dir / (name + ".xml");
  std::error_code ec;
  if (name.empty() || !fs::is_regular_file(p, ec))
    throw base::Error(from, "unknown layout '" + name + "'",
                      "use one of the available layouts: " + joined(layout_names(ctx)) + " (files in " +
                          ctx.layouts_dir.string() + "), or give a path to a layout file");
  return p;
}

}  // namespace

std::vector<std::string> layout_names(const base::Context& ctx) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(ctx.layouts_dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".xml") names.push_back(it->path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

Layout load_layout(const std::string& name_or_path, const base::Context& ctx, const base::Loc& referenced_from) {
  const fs::path file = resolve(name_or_path, ctx, referenced_from);
  const std::string bytes =
      base::read_input_file(file, referenced_from, "layout file '" + file.string() + "'", {ctx.limits.layout_bytes, "layout-size"});
  return parse_layout(bytes, file.string(), ctx.limits);
}

const Style* Layout::find_style(const std::string& name) const {
  const auto it = styles.find(name);
  return it == styles.end() ? nullptr : &it->second;
}

const Style& Layout::style(const std::string& name, const base::Loc& used_at) const {
  if (const Style* s = find_style(name)) return *s;
  std::vector<std::string> names;
  for (const auto& [n, s] : styles) names.push_back(n);
  throw base::Error(used_at.file.empty() ? loc : used_at,
                    "unknown style '" + name + "' (layout '" + this->name + "')",
                    "use a style the layout defines: " + joined(names));
}

namespace {

template <class T>
const T& lookup(const std::map<std::string, T>& map, const std::string& name, const base::Loc& at,
                const Layout& lay, const char* what, const char* element) {
  const auto it = map.find(name);
  if (it != map.end()) return it->second;
  std::vector<std::string> names;
  for (const auto& [n, v] : map) names.push_back(n);
  throw base::Error(at.file.empty() ? lay.loc : at, std::string("unknown ") + what + " '" + name + "' (layout '" + lay.name + "')",
                    names.empty() ? std::string("define it in the layout with <") + element + " name=\"" + name + "\" …/>"
                                  : "use one the layout defines: " + joined(names));
}

}  // namespace

const Stroke& Layout::stroke(const std::string& name, const base::Loc& used_at) const {
  return lookup(strokes, name, used_at, *this, "stroke", "stroke");
}

const BoxStyle& Layout::box_style(const std::string& name, const base::Loc& used_at) const {
  return lookup(boxes, name, used_at, *this, "box", "box");
}

}  // namespace model
