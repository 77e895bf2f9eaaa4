#pragma once
// Internal to pdf/: prepared photos kept between builds when the user asks for it (--cache)
// (docs/print.md "Photo cache"), so that a nightly rebuild does not decode and convert
// yesterday's photos again. An entry is found by the SHA-256 of the photo's bytes
// together with everything that shapes the result: the code that prepared it (the GNU
// build IDs of the program and of every library loaded into it), the PDF/X standard, the
// output profile's bytes, the assumed profile of untagged CMYK photos, the JPEG quality, the ink limit and the cache's format. An entry
// carries its own SHA-256: a damaged or foreign file is a miss, never a wrong photo. The
// cache changes nothing in the PDF: a hit gives the bytes a fresh preparation gives.
#include <filesystem>
#include <string>

#include "pdf/photos.h"

namespace pdf {

class PhotoCache {
 public:
  // `dir` empty, or a program without build IDs to tell its code by: no cache (every
  // call misses, nothing is written).
  // `untagged_profile`: the condition an untagged CMYK photo over the ink limit is
  // re-separated from (it shapes the result as the output profile does).
  PhotoCache(std::filesystem::path dir, const std::string& output_profile, const std::string& untagged_profile,
             const Options& opt);

  // Fills `out` from the cache; false when there is no good entry.
  bool load(const image::Store::Entry& e, PreparedPhoto& out) const;
  // Keeps `p` for the next build; a cache that cannot be written is no error.
  void save(const image::Store::Entry& e, const PreparedPhoto& p) const;
  // Removes entries no build has used for `days` days (and temporary files as old).
  void prune(int days) const;

 private:
  std::filesystem::path file_of(const image::Store::Entry& e, std::string& key) const;
  void write_atomically(const std::filesystem::path& file, const std::string& bytes) const;
  std::filesystem::path dir_;
  std::string settings_;  // SHA-256 of what shapes a prepared photo besides its bytes
};

// The GNU build IDs of the program and of every shared library loaded into it, one a
// line; "" when the program has none (then nothing tells one build of the code from
// another, and no cache is used).
std::string code_identity();

}  // namespace pdf
