#include "cli/session.h"

#include <sys/stat.h>

namespace cli {

namespace fs = std::filesystem;

std::string file_identity(const fs::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return p.string() + ":missing;";
  return p.string() + ":" + std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec) + ":" + std::to_string(st.st_ino) + ";";
}

namespace {

// The font map as fontconfig is asked about it, with the files fonts/ ships.
std::string map_key(const model::FontMap& map, const base::Context& ctx) {
  std::string k = map.source + "\n";
  for (const auto& e : map.entries) {
    k += std::to_string(static_cast<int>(e.role)) + (e.bold ? "b " : " ") + e.family + "\x1f" + e.style + "\x1f" +
         e.package + "\x1f";
    if (!e.file.empty()) k += file_identity(ctx.fonts_dir / e.file);
    k += "\n";
  }
  return k;
}

// The files fontconfig resolved the map to.
std::string faces_key(const text::FontSet& fonts) {
  std::string k;
  for (int f = 0; f < fonts.face_count(); ++f) k += file_identity(fonts.info(f).file) + "\n";
  return k;
}

}  // namespace

std::shared_ptr<const text::FontSet> Session::fonts(const base::Context& ctx) {
  const model::FontMap map = model::load_font_map(ctx);
  const std::string key = map_key(map, ctx);
  if (fonts_ && key == fonts_key_ && faces_key(*fonts_) == fonts_faces_) return fonts_;
  fonts_.reset();
  auto loaded = text::FontSet::load(map, ctx);
  fonts_faces_ = faces_key(*loaded);
  fonts_key_ = key;
  fonts_ = std::move(loaded);
  return fonts_;
}

void Session::start_build(const std::vector<fs::path>& files) {
  bool same = images_ != nullptr;
  for (auto it = read_.begin(); same && it != read_.end(); ++it) same = file_identity(it->first) == it->second;
  if (!same) {
    images_ = std::make_unique<image::Store>();
    placed_ = std::make_unique<placed::Library>();
    read_.clear();
  }
  // Seen before the build reads them: a file changed while it is read differs next time.
  for (const auto& f : files) read_.emplace(f.lexically_normal().string(), file_identity(f));
  images_->next_build();
}

}  // namespace cli
