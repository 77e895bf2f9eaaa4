#include "flow/flow.h"

#include <cstdio>

#include "flow/pages.h"

namespace flow {

namespace {

// PDF dates come from the issue (or SOURCE_DATE_EPOCH), never the clock (docs/print.md
// "Deterministic").
std::string creation_date(const model::Issue& issue, const base::Context& ctx) {
  char buf[32];
  if (ctx.source_date_epoch) {
    const std::time_t t = static_cast<std::time_t>(*ctx.source_date_epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT00:00:00Z", issue.date.year, issue.date.month, issue.date.day);
  }
  return buf;
}

frame::Page new_page(const model::Layout& L, const model::Page& p) {
  frame::Page out;
  out.number = p.number;
  char name[32];
  std::snprintf(name, sizeof name, "page-%02d", p.number);
  out.name = name;
  out.trim_w = L.trim_w;
  out.trim_h = L.trim_h;
  out.bleed = L.bleed;
  out.marks = L.crop_marks ? L.marks_length + base::from_mm(3) : 0;
  return out;
}

void grid_overlay(const model::Layout& L, frame::Page& page) {
  for (int c = 1; c <= L.columns; ++c)
    page.overlay.push_back({frame::Overlay::Grid, L.col_x(c), L.row_y(1), L.column_width, L.rows * L.pitch});
}

// Blocks are set in the order the issue file lists them, so the PDF's content stream
// (and copy/paste, `pdftotext -raw`) reads the stories in the editor's order.
void lay_out_blocks(Job& job, const model::Issue& issue, const model::Page& p) {
  for (const auto& block : p.blocks)
    std::visit(base::Overloaded{[&](const model::Article& a) { lay_out_article(job, a); },
                                [&](const model::Photo& ph) { lay_out_photo(job, ph, ph.id); },
                                [&](const model::Banner& b) { lay_out_banner(job, b); },
                                [&](const model::Rule& r) { lay_out_rule(job, r); },
                                [&](const model::Briefs& b) { lay_out_briefs(job, b); },
                                [&](const model::Masthead& m) { lay_out_masthead(job, issue, m); },
                                [&](const model::Ad& a) { lay_out_ad(job, a); }},
               block);
}

}  // namespace

const std::vector<model::GridRect>& Job::rects_on(int number) const {
  if (!rects_made_ && issue) {
    for (const auto& pg : issue->pages)
      for (const auto& block : pg.blocks)
        std::visit(base::Overloaded{[&](const model::Article& a) {
                                      for (const auto& f : a.frames) rects_[f.page].push_back(f.rect);
                                      for (const auto& ph : a.photos) rects_[ph.page].push_back(ph.rect);
                                    },
                                    [&](const auto& b) {
                                      if constexpr (requires { b.rect; }) rects_[pg.number].push_back(b.rect);
                                    }},
                   block);
  }
  rects_made_ = true;
  return rects_[number];
}

void record_block(frame::Page& page, const std::string& id, const char* what, const model::Box& b, bool edge) {
  frame::Box blk;
  blk.kind = "block", blk.id = id, blk.text = what;
  blk.x = b.x, blk.y = b.y, blk.w = b.w, blk.h = b.h;
  page.boxes.push_back(blk);
  if (edge) page.overlay.push_back({frame::Overlay::FrameEdge, b.x, b.y, b.w, b.h});
}

void report_overset(Job& job, const std::string& message, const std::string& fix, const base::Loc& loc, const std::string& id, int page,
                    const model::Box& mark) {
  if (job.opt.allow_overset)
    job.diag.warn("overset", message, loc, id, page, fix);
  else
    job.diag.error("overset", message, loc, id, page, fix);
  job.page(page).overlay.push_back({frame::Overlay::Overset, mark.x, mark.y, mark.w, mark.h});
}

frame::Document lay_out(const model::Issue& issue, const text::FontSet& fonts, base::Context& ctx,
                        const Options& opt, std::string* line_dump) {
  frame::Document doc;
  doc.title = issue.paper + " " + issue.date_text + (issue.number.empty() ? "" : " 第" + issue.number + "期");
  doc.date_iso = creation_date(issue, ctx);
  for (int f = 0; f < fonts.face_count(); ++f) doc.faces.push_back({fonts.info(f).file, fonts.info(f).index, fonts.info(f).family});
  for (const auto& p : issue.pages) doc.pages.push_back(new_page(issue.layout, p));

  Setter setter(issue.layout, fonts, ctx.diag);
  setter.set_line_dump(line_dump);
  image::Store own_images;
  placed::Library own_placed;
  Options o = opt;
  if (!o.images) o.images = &own_images;
  if (!o.placed) o.placed = &own_placed;
  Job job{setter, {}, ctx.diag, o, &issue, {}, {}, false};
  for (auto& p : doc.pages) job.pages[p.number] = &p;
  int done = 0;
  const auto wanted = [&opt](int page) { return !opt.lay_out_page || opt.lay_out_page(page); };
  for (const auto& p : issue.pages) {
    if (!wanted(p.number)) continue;
    grid_overlay(issue.layout, job.page(p.number));
    lay_out_folio(job, issue, p);
    lay_out_blocks(job, issue, p);
    if (opt.page_done) opt.page_done(p.number);
    if (opt.progress) opt.progress(++done, static_cast<int>(issue.pages.size()));
  }
  draw_block_rules(job, issue);  // the pages lay_out_page wants
  return doc;
}

}  // namespace flow
