#pragma once
// What the block layouts share while one issue is laid out.
#include <map>

#include "flow/flow.h"
#include "flow/setter.h"

namespace flow {

struct Job {
  const Setter& setter;
  std::map<int, frame::Page*> pages;  // page number → output page
  base::Diagnostics& diag;
  const Options& opt;
  const model::Issue* issue = nullptr;  // the whole issue (copyfitting looks for free grid lines)
  // Articles whose last frame copyfitting lengthened or shortened: their frames as set.
  std::map<std::string, std::vector<model::Frame>> fitted_frames;
  frame::Page& page(int number) const { return *pages.at(number); }
  const model::Layout& layout() const { return setter.layout(); }
  // The grid rectangles of everything placed on page `number`: blocks, every article
  // frame on it (whichever page lists the article), photos set in articles. Gathered in
  // one pass over the issue on first use.
  const std::vector<model::GridRect>& rects_on(int number) const;
  mutable std::map<int, std::vector<model::GridRect>> rects_;  // rects_on's, by page
  mutable bool rects_made_ = false;
};

// Records a block's place for --dump=pages and the proof sheet (a "block" box naming what
// it is) and, with `edge`, outlines it in the proof overlay.
void record_block(frame::Page& page, const std::string& id, const char* what, const model::Box& b, bool edge = true);
void lay_out_article(Job& job, const model::Article& a);
// `in`: the article a photo is set in (its caption's hung marks need room before that
// article's text beside it, or past its frame); none for a photo block of its own.
void lay_out_photo(Job& job, const model::Photo& p, const std::string& owner, const model::Article* in = nullptr);
void lay_out_banner(Job& job, const model::Banner& b);
void lay_out_rule(Job& job, const model::Rule& r);
void lay_out_briefs(Job& job, const model::Briefs& b);
void lay_out_masthead(Job& job, const model::Issue& issue, const model::Masthead& m);
void lay_out_ad(Job& job, const model::Ad& a);
void lay_out_folio(Job& job, const model::Issue& issue, const model::Page& p);
void draw_block_rules(Job& job, const model::Issue& issue);

// Where material is still missing (an ad, a photo): a marked box on the proofs only.
void place_placeholder(Job& job, int page, const model::Box& b, const std::string& label);
// Page `n` of the PDF `file` drawn into `area` as large as fits, centred horizontally
// unless `left` (a logo stands flush left); returns where it went.
model::Box place_pdf_page(Job& job, const std::filesystem::path& file, int n, const model::Box& area, bool left,
                          const std::string& id, const base::Loc& loc, int page);

// Overset is an error naming the block and how much did not fit (docs/format.md);
// --allow-overset makes it a warning. Either way `mark` is outlined on the proof.
void report_overset(Job& job, const std::string& message, const std::string& fix, const base::Loc& loc, const std::string& id, int page,
                    const model::Box& mark);

}  // namespace flow
