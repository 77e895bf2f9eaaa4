#pragma once
// The HTML proof sheet (docs/cli.md "The proof sheet"): one static page that shows the
// whole issue — every page's proof with an overlay of grid, frames and overset, each
// article's fill and composer quality, every finding linked to its element on the page
// and to its source line — plus the build's time and versions. Written as one
// self-contained index.html (data, style and script inline) next to the PNG proofs it
// shows, so it opens from disk in any browser with no server.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "base/diag.h"
#include "frame/frame.h"

namespace cli {

struct SheetInput {
  std::string issue;                         // the issue file, as given
  const frame::Document* doc = nullptr;      // null: the build stopped before layout
  std::vector<std::string> proofs;           // per page of doc: the PNG, relative to the sheet
  std::vector<base::Finding> findings;       // as printed (places, columns)
  std::vector<std::pair<std::string, double>> timings_ms;
  std::vector<int> rebuilt;                  // pages laid out afresh (the others came from the cache)
  bool ok = true;
  // Set by `paperset watch` when a rebuild failed: the pages shown are the last good
  // build's, and this says so over them.
  std::string stale_note;
  long long generation = 0;  // watch: which rebuild this is (the page reloads when it changes)
};

// The sheet's HTML text. `sheet_dir` is where it will be written (source links and
// proof paths are relative to it).
std::string proof_sheet_html(const SheetInput& in, const std::filesystem::path& sheet_dir);

// Per article: lines set, lines available, and the composer's quality, from the line
// boxes and the build's `fill` findings (exposed for tests).
struct ArticleQuality {
  std::string id;
  int page = 0;
  int lines = 0, hyphens = 0, compressed = 0, loose = 0;
  int used = -1, available = -1, over = 0;  // from the fill finding; -1: none
  std::string fill_note = {}, copyfit_note = {};
};
std::vector<ArticleQuality> article_quality(const frame::Document& doc, const std::vector<base::Finding>& findings);

}  // namespace cli
