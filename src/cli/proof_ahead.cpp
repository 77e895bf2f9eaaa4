#include "cli/proof_ahead.h"

namespace cli {

void ProofsAhead::start(const frame::Document& doc, image::Store& images, const std::vector<std::size_t>& pages,
                        const std::filesystem::path& folder, const std::vector<std::filesystem::path>& names,
                        const render::PngOptions& o) {
  // The files are made here, on the build's thread, where the signal handler's list of
  // files to remove is kept.
  for (std::size_t k = 0; k < pages.size(); ++k) {
    auto t = std::make_unique<TempFile>(folder, folder / names[k]);
    t->close();
    files_[pages[k]] = std::move(t);
  }
  if (files_.empty()) return;
  std::vector<std::pair<std::size_t, std::filesystem::path>> jobs;
  for (const auto& [i, t] : files_) jobs.push_back({i, t->path()});
  drawing_ = std::async(std::launch::async, [&doc, &images, jobs, o] {
    for (const auto& [i, path] : jobs) render::render_png(doc, images, static_cast<int>(i), path, o);
  });
}

bool ProofsAhead::take(std::size_t i, const std::filesystem::path& file) {
  const auto it = files_.find(i);
  if (it == files_.end()) return false;
  if (drawing_.valid()) drawing_.get();
  it->second->commit_to(file);
  return true;
}

ProofsAhead::~ProofsAhead() {
  if (drawing_.valid()) drawing_.wait();
}

}  // namespace cli
