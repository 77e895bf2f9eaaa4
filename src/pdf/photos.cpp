// PhotoWork: the photos of a build, prepared once each, on a background thread while the
// pages are laid out and then on every core (docs/print.md "Photos").
#include "pdf/photos.h"

#include <algorithm>

#include "base/context.h"
#include "pdf/metadata.h"
#include "pdf/photo_cache.h"
#include "pdf/util.h"

namespace pdf {

PhotoWork::PhotoWork(image::Store& store, const Options& opt, std::string output_profile,
                     std::vector<const image::Store::Entry*> entries)
    : store_(store), opt_(opt), output_profile_(std::move(output_profile)),
      conv_(std::make_unique<CmykConverter>(output_profile_)) {
  // The condition an untagged CMYK photo over the ink limit is taken to be made for.
  const std::string untagged =
      opt.untagged_cmyk_profile.empty() ? std::string() : base::read_file(opt.untagged_cmyk_profile);
  resep_ = std::make_unique<Reseparator>(output_profile_, untagged);
  cache_ = std::make_unique<PhotoCache>(opt.photo_cache, output_profile_, untagged, opt);
  add(entries);
}

PhotoWork::~PhotoWork() {
  stop_ = true;
  if (background_.joinable()) background_.join();
}

void PhotoWork::add(const std::vector<const image::Store::Entry*>& entries) {
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto* e : entries) {
    if (by_hash_.count(e->hash)) continue;
    slots_.push_back(std::make_unique<Slot>());
    slots_.back()->entry = e;
    by_hash_[e->hash] = slots_.back().get();
  }
}

// Takes slots until none is left; what a photo throws is kept for finish().
void PhotoWork::work() {
  for (;;) {
    Slot* s = nullptr;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stop_ || next_ >= slots_.size()) return;
      s = slots_[next_++].get();
    }
    try {
      // A photo whose proof is wanted is prepared afresh: its one decode serves the proof
      // too, and the proof is then the one a build without the cache draws.
      const bool proof = store_.proof_pending(*s->entry);
      if (proof || !cache_->load(*s->entry, s->photo)) {
        prepare_photo(*s->entry, store_, *conv_, *resep_, opt_, s->photo);
        cache_->save(*s->entry, s->photo);
      }
      s->photo.image.digest = md5_hex(s->photo.image.data());  // here, not after every photo is done
    } catch (...) {
      s->error = std::current_exception();
    }
  }
}

void PhotoWork::start() {
  if (!background_.joinable()) background_ = std::thread([this] { work(); });
}

void PhotoWork::finish(int jobs) {
  const std::size_t threads = jobs > 0 ? static_cast<std::size_t>(jobs) : std::max(1u, std::thread::hardware_concurrency());
  parallel_for(threads, static_cast<int>(threads), [this](std::size_t) { work(); });
  if (background_.joinable()) background_.join();
  for (const auto& s : slots_)
    if (s->error) std::rethrow_exception(s->error);
  cache_->prune(30);  // entries no build has used for a month
}

std::shared_ptr<PhotoWork> start_photos(image::Store& images, const std::vector<const image::Store::Entry*>& photos,
                                        const Options& opt) {
  auto work = std::make_shared<PhotoWork>(images, opt, read_output_profile(opt.output.profile).bytes, photos);
  work->start();
  return work;
}

const PreparedPhoto& PhotoWork::result(const image::Store::Entry& e) const { return by_hash_.at(e.hash)->photo; }

}  // namespace pdf
