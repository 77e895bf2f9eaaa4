#pragma once
// The build's one door to image files: each file is read and probed once, and decoded at
// most once per build; files with the same bytes share their decode (keyed by content
// hash). flow probes through it, pdf/ passes the bytes through or decodes them, render/
// draws proofs from it. Thread-safe.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "base/files.h"
#include "image/image.h"

namespace image {

class Store {
 public:
  struct Entry {
    std::filesystem::path file;
    base::Loc from;      // the element that referenced it first (for messages)
    std::string bytes;   // the whole file
    std::uint64_t hash = 0;  // of the bytes (FNV-1a, 64 bits): the key of decodes
    Info info;
  };

  // Reads and probes `file` on first use; later calls give the same entry. Throws
  // base::Error naming the image and `from` (missing, not JPEG/PNG, truncated, too big).
  const Entry& get(const std::filesystem::path& file, const base::Loc& from);

  // A proof will draw this image at up to `w` × `h` device pixels: decode() then keeps a
  // copy reduced to no less than that, so the proof needs no second decode.
  void want_proof(const Entry& e, int w, int h);
  // Decodes the image into `sink`, strip by strip (and into the proof copy, if wanted):
  // at full size, or (`full` false) as small as the proof allows, which still reads and
  // checks every byte of the file.
  void decode(const Entry& e, SampleSink& sink, bool full = true);
  // A proof wants pixels of `e` that no decode has kept yet.
  bool proof_pending(const Entry& e) { return proof_wanted(e).first > 0; }
  // The proof's pixels: kept from an earlier decode(), or decoded now (once).
  std::shared_ptr<const Pixels> proof(const Entry& e);

  int decodes() const { return decodes_; }  // for tests: decodes in this build

  // How much of one image file is read (--limit image-size; docs/format.md "Limits").
  base::SizeLimit limit{256u << 20, "image-size"};

  // Another build with the same store (paperset watch keeps it between rebuilds): the
  // proof sizes are asked for again; pixels made for the very size asked for now are
  // kept, so a proof is the same as a fresh store's (the reduction depends on the size).
  // The caller drops the store when one of its files changed.
  void next_build();

 private:
  struct Proof {
    int w = 0, h = 0;            // the size this build wants (the largest asked for)
    int made_w = 0, made_h = 0;  // the size `pixels` were made for
    bool fresh = false;          // `pixels` were made in this build
    std::shared_ptr<const Pixels> pixels;
    bool kept() const { return pixels && (fresh || (w == made_w && h == made_h)); }
  };
  // The proof size wanted for `e` (0 × 0: none, or one is kept already).
  std::pair<int, int> proof_wanted(const Entry& e);

  std::mutex mu_;
  std::map<std::string, std::unique_ptr<Entry>> by_path_;
  std::map<std::uint64_t, Proof> proofs_;
  std::atomic<int> decodes_{0};
};

}  // namespace image
