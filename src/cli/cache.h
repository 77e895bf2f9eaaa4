#pragma once
// The page cache of incremental builds (docs/architecture.md "Incremental builds").
//
// Each page gets a key: a hash of everything its layout depends on — the engine (this
// binary and its libraries), the layout file, the font map and font files, the
// options that change layout, the issue's own attributes, and the source text of the
// page's unit with the copy files and photos it names. A unit is a set of pages joined
// by jumps: a story that starts on page 1 and continues on page 4 makes {1, 4} one unit,
// since its lines on both pages (and copyfitting, which looks at the continuation's free
// grid lines) depend on both. A page whose key is in the cache is not laid out again:
// its frames and the findings its layout made come from the cache; its PNG proof too,
// when the proof options are the same. The PDF is always written whole from all the
// pages' frames (the font subsets span the issue), so it is the same bytes as a clean
// build's.
//
// Keys never depend on absolute line numbers: a line added on page 3 leaves page 7's
// key as it was; the findings of a cached page are stored relative to the start of
// their page's source and moved to where that page now starts.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/page_codec.h"
#include "model/issue.h"
#include "text/fonts.h"

namespace cli {

class PageCache {
 public:
  // `dir` is made when missing. Throws base::Error when it cannot be.
  explicit PageCache(std::filesystem::path dir);

  // Computes every page's key and decides which pages this build lays out: those whose
  // unit has a page not in the cache. Returns their page numbers.
  std::set<int> plan(const model::Issue& issue, const BuildArgs& args, const text::FontSet& fonts);
  const std::set<int>& laid_out() const { return lay_out_; }

  // A page this build does not lay out, as cached: frames and findings at this
  // issue's lines.
  CachedPage cached(int page) const;
  // After layout: a page laid out afresh, with the findings its layout added.
  void store(const frame::Page& page, std::vector<base::Finding> findings);

  // The cached proof of `page` drawn with `options` (dpi, overlay), if there is one.
  std::optional<std::filesystem::path> proof(int page, const std::string& options) const;
  void store_proof(int page, const std::string& options, const std::filesystem::path& png);

  const std::filesystem::path& dir() const { return dir_; }

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const CachedPage> page;  // findings' and images' lines relative to their page
  };
  std::filesystem::path file(int page, const char* ext) const;
  std::shared_ptr<const CachedPage> load(int page) const;
  base::Loc to_relative(base::Loc loc) const;
  base::Loc to_absolute(base::Loc loc) const;

  std::filesystem::path dir_;
  std::string issue_file_;
  std::map<int, std::string> keys_;   // page → this build's key
  std::map<int, int> starts_;         // page → line its <page> element starts on
  std::set<int> lay_out_;
  mutable std::map<int, Entry> memory_;  // what this process read or wrote (watch keeps it)
};

}  // namespace cli
