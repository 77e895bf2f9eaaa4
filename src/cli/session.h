#pragma once
// What `paperset watch` keeps loaded between rebuilds, so that a rebuild pays for what
// changed and not for start-up again: the fonts (fontconfig's configuration, FreeType
// faces, HarfBuzz fonts), the image files with the proof pixels decoded from them, and
// the placed PDFs. Each is dropped and loaded anew when a file it was made from changed
// (by size, time of change and inode, as the page cache's keys see files). A plain build
// has no session: it loads everything, once.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/context.h"
#include "image/store.h"
#include "placed/placed.h"
#include "text/fonts.h"

namespace cli {

class Session {
 public:
  // The fonts of the font map `ctx` names: the loaded ones while the map and the font
  // files are as they were, else loaded now. Throws base::Error as text::FontSet::load.
  std::shared_ptr<const text::FontSet> fonts(const base::Context& ctx);

  // The image store and placed PDFs for a build that reads `files` (photos, ads, logos):
  // kept while every file the kept ones read is unchanged, else fresh.
  void start_build(const std::vector<std::filesystem::path>& files);
  image::Store& images() { return *images_; }
  placed::Library& placed() { return *placed_; }

 private:
  std::shared_ptr<const text::FontSet> fonts_;
  std::string fonts_key_, fonts_faces_;
  std::unique_ptr<image::Store> images_;
  std::unique_ptr<placed::Library> placed_;
  std::map<std::string, std::string> read_;  // file → its identity when the kept store first saw it
};

// A file as make and ninja see it: path, size, time of last change, inode ("missing"
// when it is not there).
std::string file_identity(const std::filesystem::path& p);

}  // namespace cli
