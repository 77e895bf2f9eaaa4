// Whole-issue checks (docs/format.md "What bad input gets"): page numbers and ids
// unique, every block on the grid, no two blocks overlapping, frames on existing
// pages, nested photos inside their article, every article with text.
#include <algorithm>
#include <cstdint>
#include <map>
#include <tuple>

#include "model/issue_parse.h"

namespace model {

namespace {

std::string line_of(const base::Loc& l) { return "line " + std::to_string(l.line); }

// A rectangle some block occupies on a page, with who owns it.
struct Placed {
  GridRect r;
  int page = 0;
  std::string what;     // "article 'lead'", "<frame> of article 'lead'", "photo 'forge'" …
  base::Loc loc;
  std::string article;  // the article whose text frame this is
  std::string inside;   // for a photo nested in an article: that article's id
  std::string id;       // the block's own id (messages)
};

std::string range(int from, int count) {
  return count == 1 ? std::to_string(from) : std::to_string(from) + "–" + std::to_string(from + count - 1);
}

// The rectangles each kind of block occupies (one visitor per kind, so a new kind of
// block does not compile until it says where it sits).
struct PlacedOf {
  std::vector<Placed>& out;
  void operator()(const Article& a) const {
    for (const auto& f : a.frames) {
      const bool implicit = a.frames.size() == 1 && !a.rect.empty();
      out.push_back({f.rect, f.page, implicit ? "article '" + a.id + "'" : "<frame> of article '" + a.id + "'", f.loc,
                     a.id, "", a.id});
    }
    for (const auto& ph : a.photos) out.push_back({ph.rect, ph.page, "photo '" + ph.id + "'", ph.loc, "", a.id, ph.id});
  }
  void operator()(const Photo& ph) const {
    out.push_back({ph.rect, ph.page, "photo '" + ph.id + "'", ph.loc, "", "", ph.id});
  }
  void operator()(const Briefs& b) const {
    out.push_back({b.rect, b.page, b.id.empty() ? std::string("briefs") : "briefs '" + b.id + "'", b.loc, "", "", b.id});
  }
  void operator()(const Masthead& m) const {
    out.push_back({m.rect, m.page, "masthead", m.loc, "", "", m.id});
  }
  void operator()(const Rule& r) const {
    out.push_back({r.rect, r.page, r.id.empty() ? std::string("rule") : "rule '" + r.id + "'", r.loc, "", "", r.id});
  }
  void operator()(const Banner& b) const {
    out.push_back({b.rect, b.page, b.id.empty() ? std::string("banner") : "banner '" + b.id + "'", b.loc, "", "", b.id});
  }
  void operator()(const Ad& a) const { out.push_back({a.rect, a.page, "ad '" + a.id + "'", a.loc, "", "", a.id}); }
};

std::vector<Placed> placed_blocks(const Issue& is) {
  std::vector<Placed> out;
  for (const auto& p : is.pages)
    for (const auto& b : p.blocks) std::visit(PlacedOf{out}, b);
  return out;
}

void check_page_numbers(const Issue& is, base::ErrorCollector& errors) {
  std::map<int, const Page*> seen;
  for (const auto& p : is.pages) {
    const auto [it, fresh] = seen.emplace(p.number, &p);
    if (!fresh)
      errors.add(base::Error(p.loc, "page number " + std::to_string(p.number) + " is used twice (" + line_of(it->second->loc) +
                                   " and " + line_of(p.loc) + ")",
                        "give every <page> its own number"));
  }
}

void check_ids(const Issue& is, base::ErrorCollector& errors) {
  std::map<std::string, base::Loc> seen;
  auto add = [&](const std::string& id, const base::Loc& loc) {
    if (id.empty()) return;
    const auto [it, fresh] = seen.emplace(id, loc);
    if (!fresh)
      errors.add(base::Error(loc, "id '" + id + "' is used twice (" + line_of(it->second) + " and " + line_of(loc) + ")",
                        "give every article, photo, banner and ad of the issue its own id"));
  };
  for (const auto& p : is.pages)
    for (const auto& b : p.blocks) {
      add(id_of(b), loc_of(b));
      if (const auto* a = std::get_if<Article>(&b))
        for (const auto& ph : a->photos) add(ph.id, ph.loc);
    }
}

void check_articles(const Issue& is, base::ErrorCollector& errors) {
  for (const auto& p : is.pages)
    for (const Article& a : p.of<Article>()) {
      bool text = false;
      for (const auto& b : a.body) text = text || b.kind == TextKind::Para;
      if (!text)
        errors.add(base::Error(a.loc, "article '" + a.id + "' has no body text",
                               "add the article's text as <p>…</p> paragraphs (a headline alone is not an article)")
                       .in_element(p.number, a.id));
      for (const auto& f : a.frames)
        if (!is.page(f.page))
          errors.add(base::Error(f.loc, "<frame> of article '" + a.id + "' names page " + std::to_string(f.page) +
                                            ", which the issue does not have",
                                 "correct page= or add <page number=\"" + std::to_string(f.page) + "\"> to the issue")
                         .in_element(p.number, a.id));
    }
}

bool check_grid(const Placed& b, const Layout& lay, base::ErrorCollector& errors) {
  // In 64 bits: the sum of two ints need not be one.
  const std::int64_t last_col = std::int64_t{b.r.col} + b.r.cols - 1, last_row = std::int64_t{b.r.row} + b.r.rows - 1;
  if (last_col > lay.columns)
    errors.add(base::Error(b.loc, b.what + " reaches column " + std::to_string(last_col) + " (col " + std::to_string(b.r.col) +
                                 " + cols " + std::to_string(b.r.cols) + " - 1), but layout '" + lay.name + "' has " +
                                 std::to_string(lay.columns) + " columns",
                      "make col + cols - 1 at most " + std::to_string(lay.columns))
                   .in_element(b.page, b.id));
  if (last_row > lay.rows)
    errors.add(base::Error(b.loc, b.what + " reaches grid line " + std::to_string(last_row) + " (row " +
                                 std::to_string(b.r.row) + " + rows " + std::to_string(b.r.rows) +
                                 " - 1), but layout '" + lay.name + "' has " + std::to_string(lay.rows) + " rows",
                      "make row + rows - 1 at most " + std::to_string(lay.rows))
                   .in_element(b.page, b.id));
  return last_col <= lay.columns && last_row <= lay.rows;
}

void check_nested_photos(const Issue& is, base::ErrorCollector& errors) {
  for (const auto& p : is.pages)
    for (const Article& a : p.of<Article>())
      for (const auto& ph : a.photos) {
        bool inside = false;
        for (const auto& f : a.frames) inside = inside || (f.page == ph.page && f.rect.contains(ph.rect));
        if (!inside)
          errors.add(base::Error(ph.loc, "photo '" + ph.id + "' is nested in article '" + a.id +
                                        "' but does not lie inside one of its frames on page " + std::to_string(ph.page),
                            "give the photo col/cols/row/rows within the article's area (" + line_of(a.loc) +
                                "), or move the <photo> out of the <article> to place it on its own")
                         .in_element(ph.page, ph.id));
      }
}

base::Error overlap_error(const Placed& x, const Placed& y) {
  const Placed& a = x.loc.line <= y.loc.line ? x : y;
  const Placed& b = &a == &x ? y : x;
  const int c0 = std::max(a.r.col, b.r.col), c1 = std::min(a.r.col + a.r.cols, b.r.col + b.r.cols);
  const int r0 = std::max(a.r.row, b.r.row), r1 = std::min(a.r.row + a.r.rows, b.r.row + b.r.rows);
  return std::move(base::Error(b.loc, b.what + " (" + line_of(b.loc) + ") overlaps " + a.what + " (" + line_of(a.loc) +
                                      ") on page " + std::to_string(a.page) + ": columns " + range(c0, c1 - c0) +
                                      ", grid lines " + range(r0, r1 - r0) + " are in both",
                                  "move or resize one of the two blocks so that their col/row ranges do not meet")
                       .in_element(b.page, b.id));
}

// Any two of `blocks` meeting is an error. A sweep across the columns, page by page
// (O(n log n); checking every pair took a minute for 200 000 blocks): the blocks that
// span the sweep column so far are pairwise apart, so their row ranges are disjoint and
// a new block need only be compared with its neighbours by row. A block that meets one
// is reported (once, naming one it meets) and left out of the sweep.
void check_disjoint(const std::vector<const Placed*>& blocks, base::ErrorCollector& errors) {
  struct Event {
    int page, col;
    bool end;
    const Placed* p;
  };
  std::vector<Event> ev;
  for (const Placed* b : blocks) {
    ev.push_back({b->page, b->r.col, false, b});
    ev.push_back({b->page, b->r.col + b->r.cols, true, b});
  }
  // Per page, by column; a block ending at a column goes before one starting there.
  std::sort(ev.begin(), ev.end(), [](const Event& x, const Event& y) {
    return std::tie(x.page, x.col, y.end, x.p->loc.line) < std::tie(y.page, y.col, x.end, y.p->loc.line);
  });
  std::map<std::pair<int, int>, const Placed*> active;  // (page, first row) → block
  for (const Event& e : ev) {
    const auto key = std::make_pair(e.page, e.p->r.row);
    if (e.end) {
      if (const auto it = active.find(key); it != active.end() && it->second == e.p) active.erase(it);
      continue;
    }
    const auto next = active.lower_bound(key);
    const Placed* met = nullptr;
    if (next != active.end() && next->first.first == e.page && next->first.second < e.p->r.row + e.p->r.rows)
      met = next->second;
    if (!met && next != active.begin()) {
      const auto prev = std::prev(next);
      if (prev->first.first == e.page && prev->second->r.row + prev->second->r.rows > e.p->r.row) met = prev->second;
    }
    if (met) errors.add(overlap_error(*met, *e.p));
    else active.emplace(key, e.p);
  }
}

// A photo nested in an article sits in that article's frames by design: the text flows
// around it (docs/format.md). Any other meeting of two rectangles is an error.
// Blocks placed on the page directly (articles' frames, photos, banners) may not meet;
// photos nested in articles may not meet each other. A nested photo lies inside one of
// its own article's frames (check_nested_photos), so it cannot meet anything else.
void check_overlaps(const std::vector<const Placed*>& all, base::ErrorCollector& errors) {
  std::vector<const Placed*> top, nested;
  for (const Placed* b : all) (b->inside.empty() ? top : nested).push_back(b);
  check_disjoint(top, errors);
  check_disjoint(nested, errors);
}

}  // namespace

// At most one masthead a page; an ear stands beside the masthead of its page (it shares
// grid lines with it).
void check_furniture(const Issue& is, base::ErrorCollector& errors) {
  for (const auto& p : is.pages) {
    const Masthead* m = nullptr;
    for (const Masthead& x : p.of<Masthead>()) {
      if (m)
        errors.add(base::Error(x.loc, "a second <masthead> on page " + std::to_string(p.number) + " (first at " +
                                          line_of(m->loc) + ")",
                               "keep one masthead a page")
                       .in_element(p.number, x.id));
      m = m ? m : &x;
    }
    for (const Article& a : p.of<Article>()) {
      if (!a.ear) continue;
      const bool beside = m && a.rect.row < m->rect.row + m->rect.rows && m->rect.row < a.rect.row + a.rect.rows;
      if (!beside)
        errors.add(base::Error(a.loc, m ? "<ear> '" + a.id + "' does not stand beside the masthead (" + line_of(m->loc) +
                                              "): they share no grid line"
                                        : "<ear> '" + a.id + "' on page " + std::to_string(p.number) + ", which has no <masthead>",
                               m ? "place the ear on grid lines the masthead also takes, to its left or right"
                                 : "add a <masthead> to the page, or write the story as an <article>")
                       .in_element(p.number, a.id));
    }
  }
}

void check_issue(const Issue& is, base::ErrorCollector& errors) {
  check_page_numbers(is, errors);
  check_ids(is, errors);
  check_articles(is, errors);
  check_furniture(is, errors);
  const auto all = placed_blocks(is);
  std::vector<const Placed*> on_grid;  // blocks off the grid are reported once, not also as overlaps
  for (const auto& b : all)
    if (check_grid(b, is.layout, errors)) on_grid.push_back(&b);
  check_nested_photos(is, errors);
  check_overlaps(on_grid, errors);
}

}  // namespace model
