#include "image/store.h"

#include <algorithm>

#include "base/context.h"
#include "image/internal.h"

namespace image {

namespace {

// FNV-1a, 64 bits: a cache key within one build, not a security measure.
std::uint64_t fnv1a(const std::string& bytes) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// The largest reduction of `size` pixels that keeps at least `want`, and at least as
// much as keeps the result within `most` (a cairo image surface is at most 32767 pixels
// a side; a 40000 × 20 strip must still be shown).
constexpr int kMostProofSide = 16384;
int shrink_for(int size, int want, int most = kMostProofSide) {
  int s = std::max(1, want > 0 ? size / std::max(want, 1) : 1);
  while (s > 1 && size / s < want) --s;
  while ((size + s - 1) / s > most) ++s;
  return s;
}

int ceil_div(int a, int b) { return (a + b - 1) / b; }

}  // namespace

const Store::Entry& Store::get(const std::filesystem::path& file, const base::Loc& from) {
  const std::string key = file.lexically_normal().string();
  std::lock_guard<std::mutex> lock(mu_);
  auto it = by_path_.find(key);
  if (it != by_path_.end()) return *it->second;
  auto e = std::make_unique<Entry>();
  e->file = file;
  e->from = from;
  checked_size({file, from});  // the image's own messages for a missing or empty file
  e->bytes = base::read_input_file(file, from, "image file '" + file.string() + "'", limit);
  e->info = probe_bytes(e->bytes, file, from);
  e->hash = fnv1a(e->bytes);
  return *by_path_.emplace(key, std::move(e)).first->second;
}

void Store::want_proof(const Entry& e, int w, int h) {
  std::lock_guard<std::mutex> lock(mu_);
  Proof& p = proofs_[e.hash];
  p.w = std::max(p.w, w);
  p.h = std::max(p.h, h);
}

// Hands every strip to two sinks.
class Tee : public SampleSink {
 public:
  Tee(SampleSink& a, SampleSink& b) : a_(a), b_(b) {}
  void begin(const SampleFormat& f) override {
    a_.begin(f);
    b_.begin(f);
  }
  void rows(const std::uint8_t* d, const std::uint8_t* alpha, int n) override {
    a_.rows(d, alpha, n);
    b_.rows(d, alpha, n);
  }

 private:
  SampleSink &a_, &b_;
};

void Store::next_build() {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto& [hash, p] : proofs_) p.w = p.h = 0, p.fresh = false;
  decodes_ = 0;
}

std::pair<int, int> Store::proof_wanted(const Entry& e) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = proofs_.find(e.hash);
  if (it == proofs_.end() || it->second.w == 0 || it->second.kept()) return {0, 0};
  return {it->second.w, it->second.h};
}

void Store::decode(const Entry& e, SampleSink& sink, bool full) {
  ++decodes_;
  const auto [w, h] = proof_wanted(e);
  // JPEG DCT scaling: 1/8 for a check only, else the smallest that still covers the proof.
  int reduce = 1;
  if (!full && e.info.format == Format::Jpeg) {
    const int ww = e.info.sideways() ? h : w, wh = e.info.sideways() ? w : h;
    for (reduce = 8; reduce > 1 && ww > 0 && (ceil_div(e.info.width, reduce) < ww || ceil_div(e.info.height, reduce) < wh);)
      reduce /= 2;
  }
  if (w == 0) {
    decode_to(e.bytes, e.info, e.file, e.from, sink, reduce);
    return;
  }
  // The proof is wanted upright; the samples come as stored (turned by the placement).
  const int want_w = e.info.sideways() ? h : w, want_h = e.info.sideways() ? w : h;
  ProofReducer proof(shrink_for(ceil_div(e.info.width, reduce), want_w), shrink_for(ceil_div(e.info.height, reduce), want_h));
  Tee both(sink, proof);
  decode_to(e.bytes, e.info, e.file, e.from, both, reduce);
  auto px = std::make_shared<const Pixels>(proof.take());
  std::lock_guard<std::mutex> lock(mu_);
  Proof& p = proofs_[e.hash];
  p.pixels = std::move(px);
  p.made_w = w, p.made_h = h, p.fresh = true;
}

std::shared_ptr<const Pixels> Store::proof(const Entry& e) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    Proof& p = proofs_[e.hash];
    // Nothing asked for: the whole image, as far as the decoder's reduction allows.
    if (p.w == 0 && !p.fresh) p.w = e.info.upright_width(), p.h = e.info.upright_height();
    if (p.kept()) return p.pixels;
  }
  NullSink none;
  decode(e, none, false);
  std::lock_guard<std::mutex> lock(mu_);
  return proofs_[e.hash].pixels;
}

}  // namespace image
