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
};

void lay_out_article(Job& job, const model::Article& a);
void lay_out_photo(Job& job, const model::Photo& p, const std::string& owner);
void lay_out_banner(Job& job, const model::Banner& b);
void lay_out_rule(Job& job, const model::Rule& r);
void lay_out_briefs(Job& job, const model::Briefs& b);
void lay_out_masthead(Job& job, const model::Issue& issue, const model::Masthead& m);
void lay_out_folio(Job& job, const model::Issue& issue, const model::Page& p);
void draw_block_rules(Job& job, const model::Issue& issue, const model::Page& p);

// Overset is an error naming the block and how much did not fit (docs/format.md);
// --allow-overset makes it a warning. Either way `mark` is outlined on the proof.
void report_overset(Job& job, const std::string& message, const std::string& fix, const base::Loc& loc, const std::string& id, int page,
                    const model::Box& mark);

}  // namespace flow
