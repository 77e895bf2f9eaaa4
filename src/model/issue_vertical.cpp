// Vertical text in an issue (docs/format.md "Vertical text"): dir= and tiers= on an
// article or a frame, dir= and side= on a headline, and what cannot be combined with them.
#include "model/issue_parse.h"
#include "model/limits.h"

namespace model {

void read_direction(const xml::Node& n, bool& vertical, int& tiers, bool inherited_vertical, int inherited_tiers) {
  vertical = n.choice<bool>("dir", {{"horizontal", false}, {"vertical", true}}, inherited_vertical);
  tiers = n.opt_integer("tiers", 1, limits::kMaxRows).value_or(vertical ? inherited_tiers : 0);
  if (n.has("tiers") && !vertical)
    n.fail("tiers", "tiers= divides vertical text into tiers (栏), but this " + n.tag() + " is horizontal",
           "add dir=\"vertical\", or remove tiers=");
  if (vertical && n.has("columns"))
    n.fail("columns", "columns= sets text columns of horizontal text; a vertical " + n.tag() + " is divided into tiers",
           "write tiers=\"N\" (bands of vertical lines, top to bottom) instead of columns=");
}

void read_headline_direction(const xml::Node& n, Article& a) {
  n.allow({"style", "dir", "side"});
  n.choice<bool>("dir", {{"horizontal", false}, {"vertical", true}}, false);  // checked here, resolved below
  a.head_left = n.choice<bool>("side", {{"right", false}, {"left", true}}, false);
}

namespace {

const tinyxml2::XMLElement* headline_of(const xml::Node& n) {
  for (const auto* c : xml::children(n.e))
    if (std::string(c->Name()) == "headline") return c;
  return nullptr;
}

bool inside(const GridRect& in, const GridRect& r) {
  return r.col >= in.col && r.col + r.cols <= in.col + in.cols && r.row >= in.row && r.row + r.rows <= in.row + in.rows;
}

}  // namespace

void check_vertical(const xml::Node& n, Article& a) {
  // The head group follows the headline's dir=, else the first frame's direction.
  a.head_vertical = a.frames.front().vertical;
  if (const auto* h = headline_of(n)) {
    const xml::Node hn{*h, n.file};
    a.head_vertical = hn.choice<bool>("dir", {{"horizontal", false}, {"vertical", true}}, a.head_vertical);
    if (hn.has("side") && !a.head_vertical)
      hn.fail("side", "side= places a vertical headline beside the text, but this headline is horizontal",
              "add dir=\"vertical\" to the <headline>, or remove side=");
  }
  bool any = false;
  for (const Frame& f : a.frames) {
    any = any || f.vertical;
    if (!f.vertical || f.tiers <= (f.rect.rows + 1) / 3) continue;
    throw base::Error(f.loc, "tiers=\"" + std::to_string(f.tiers) + "\" leaves a tier less than two grid lines high in a frame " +
                                 std::to_string(f.rect.rows) + " grid lines high",
                      "use at most " + std::to_string(std::max(1, (f.rect.rows + 1) / 3)) + " tiers, or make the frame taller");
  }
  if (any && !a.fit.empty())
    n.fail("fit", "fit= copyfits horizontal text; article '" + a.id + "' has vertical frames",
           "remove fit=, or set the article horizontally");
  for (const Photo& p : a.photos)
    for (const Frame& f : a.frames)
      if (f.vertical && f.page == p.page && inside(f.rect, p.rect))
        throw base::Error(p.loc, "photo '" + p.id + "' is inside a vertical frame of article '" + a.id +
                                     "': vertical text does not run around photos",
                          "place the photo as a block of its own beside the article, or set that frame horizontally");
}

}  // namespace model
