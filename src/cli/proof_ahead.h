#pragma once
// The proofs a build draws, drawn on a thread of their own while the PDF is written and
// preflighted, so the two overlap on a machine with more than one core (the proof loop's
// rebuild is mostly these two). Each proof goes to a temporary file beside its target;
// Outputs::commit then takes it instead of drawing the page itself.
#include <cstddef>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <vector>

#include "cli/temp_file.h"
#include "frame/frame.h"
#include "image/store.h"
#include "render/render.h"

namespace cli {

class ProofsAhead {
 public:
  // Starts drawing page `pages[k]` (indices into doc.pages) into `folder/names[k]`'s
  // temporary file. The photos' proof pixels must be decoded already (pdf::prepare has
  // run): a proof never decodes a photo a second way. `doc` and `images` must outlive
  // this. Throws base::Error when a temporary file cannot be made.
  void start(const frame::Document& doc, image::Store& images, const std::vector<std::size_t>& pages,
             const std::filesystem::path& folder, const std::vector<std::filesystem::path>& names,
             const render::PngOptions& o);
  // Page `i`'s proof, drawn ahead, renamed onto `file`; false when it was not drawn
  // ahead. Rethrows what drawing threw.
  bool take(std::size_t i, const std::filesystem::path& file);
  ~ProofsAhead();

 private:
  std::map<std::size_t, std::unique_ptr<TempFile>> files_;
  std::future<void> drawing_;  // declared last: joined before the files go
};

}  // namespace cli
