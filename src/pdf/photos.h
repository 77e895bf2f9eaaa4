#pragma once
// Internal to pdf/: preparing photos, possibly started before the layout is done (the
// photos an issue places are known from the issue itself), on a thread of their own.
#include <atomic>
#include <cstdint>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "pdf/cmyk_photos.h"
#include "pdf/colour.h"
#include "pdf/reseparate.h"
#include "pdf/resources.h"

namespace pdf {
class PhotoCache;
}

namespace pdf {

struct PreparedPhoto {
  PreparedImage image;
  InkStats ink;
  // Soft alpha that the standard (PDF/X-1a, X-3) cannot carry: an error where it is placed.
  bool soft_alpha_refused = false;
  CmykResult cmyk;  // a CMYK photo: passed through, or re-separated (reported where it is placed)
};

// images.cpp: one photo, passed through (grey, CMYK for the output condition), re-separated
// (CMYK for another condition) or converted (RGB, PNG, TIFF).
void prepare_photo(const image::Store::Entry& e, image::Store& store, CmykConverter& conv, Reseparator& resep,
                   const Options& opt, PreparedPhoto& out);

// A queue of photo files to prepare, each once (by content). start() works through it on
// a background thread; finish() takes what is left on `jobs` threads, waits for the
// background thread and rethrows the first error. Results stay until the work is gone.
class PhotoWork {
 public:
  PhotoWork(image::Store& store, const Options& opt, std::string output_profile,
            std::vector<const image::Store::Entry*> entries);
  ~PhotoWork();
  PhotoWork(const PhotoWork&) = delete;
  PhotoWork& operator=(const PhotoWork&) = delete;

  void start();
  // More files (after the layout): those not queued yet are added. Not while started work
  // runs unless finish() follows.
  void add(const std::vector<const image::Store::Entry*>& entries);
  void finish(int jobs);
  const PreparedPhoto& result(const image::Store::Entry& e) const;
  // Moves a prepared photo's image out (after finish()), so that its bytes are not held
  // twice while the files are written; result(e).image is then empty.
  PreparedImage take_image(const image::Store::Entry& e) { return std::move(by_hash_.at(e.hash)->photo.image); }

 private:
  struct Slot {
    const image::Store::Entry* entry = nullptr;
    PreparedPhoto photo;
    std::exception_ptr error;
  };
  void work();

  image::Store& store_;
  Options opt_;
  std::string output_profile_;
  std::unique_ptr<CmykConverter> conv_;
  std::unique_ptr<PhotoCache> cache_;
  std::unique_ptr<Reseparator> resep_;
  std::vector<std::unique_ptr<Slot>> slots_;
  std::map<std::uint64_t, Slot*> by_hash_;
  std::size_t next_ = 0;      // the next slot to take (under mu_)
  std::atomic<bool> stop_{false};  // the work is given up (the build failed before the PDF)
  std::mutex mu_;             // guards slots_ and next_ between the threads
  std::thread background_;
};

}  // namespace pdf
