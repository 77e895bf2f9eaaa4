#include "flow/invariants.h"

#include <algorithm>
#include <map>
#include <sstream>

namespace ft {

namespace {

constexpr Len kFar = Len{1} << 40;

struct Block {
  std::string id;
  frame::Box box;
  std::string kind;       // "frame", "photo", "banner", "briefs"
  std::string nested_in;  // a photo set inside an article: the article's id
  // Inside the sides a box's frame draws (no bound on a side without one): where the
  // block's own hung marks must stay.
  frame::Box clear{"", "", -kFar, -kFar, 2 * kFar, 2 * kFar, 0, {}, {}};
};

frame::Box box_of(const model::Layout& L, const model::GridRect& r) {
  const model::Box b = L.box(r);
  frame::Box out;
  out.x = b.x, out.y = b.y, out.w = b.w, out.h = b.h;
  return out;
}

// The block with the part inside its box's frame (model::BoxStyle::sides, the stroke's band).
Block boxed(const model::Layout& L, Block b, const std::string& box) {
  if (box.empty()) return b;
  const model::BoxStyle& bs = L.box_style(box);
  if (bs.frame.empty()) return b;
  const Len band = L.stroke(bs.frame).band();
  const Len x0 = bs.sides[3] ? b.box.x + band : -kFar, x1 = bs.sides[1] ? right(b.box) - band : kFar;
  const Len y0 = bs.sides[0] ? b.box.y + band : -kFar, y1 = bs.sides[2] ? bottom(b.box) - band : kFar;
  b.clear.x = x0, b.clear.w = x1 - x0, b.clear.y = y0, b.clear.h = y1 - y0;
  return b;
}

// Every block on page `pg`, from the model (not from what flow says it placed).
std::vector<Block> blocks_on(const Laid& l, int pg) {
  std::vector<Block> out;
  const model::Layout& L = l.layout();
  for (const auto& p : l.issue.pages) {
    for (const model::Article& a : p.of<model::Article>()) {
      for (const auto& f : a.frames)
        if (f.page == pg) out.push_back(boxed(L, {a.id, box_of(L, f.rect), "frame", {}}, a.box));
      for (const auto& ph : a.photos)
        if (ph.page == pg) out.push_back({ph.id, box_of(L, ph.rect), "photo", a.id});
    }
    if (p.number != pg) continue;
    for (const model::Photo& ph : p.of<model::Photo>()) out.push_back({ph.id, box_of(L, ph.rect), "photo", {}});
    for (const model::Banner& b : p.of<model::Banner>()) out.push_back({b.id, box_of(L, b.rect), "banner", {}});
    // Briefs are set as a story whose id is the block's (lay_out_briefs).
    for (const model::Briefs& b : p.of<model::Briefs>())
      out.push_back(boxed(L, {b.id.empty() ? "briefs" : b.id, box_of(L, b.rect), "briefs", {}}, b.box));
  }
  return out;
}

std::string pt(Len v) {
  std::ostringstream s;
  s.precision(2);
  s << std::fixed << base::to_pt(v);
  return s.str();
}

std::string where(int pg, const frame::Box& b) {
  return "page " + std::to_string(pg) + " " + b.kind + (b.role.empty() ? "" : "/" + b.role) + " '" + b.id + "' \"" +
         b.text + "\" at x=" + pt(b.x) + " y=" + pt(b.y) + " w=" + pt(b.w) + " h=" + pt(b.h) +
         " base=" + pt(b.baseline) + (b.hang != 0 ? " hang=" + pt(b.hang) : "");
}

bool is_text(const frame::Box& b) { return b.kind == "line" || b.kind == "jump"; }

frame::Box text_area(const model::Layout& L) {
  frame::Box a;
  a.x = L.margin_left;
  a.y = L.margin_top;
  a.w = L.columns * L.column_width + (L.columns - 1) * L.gutter;
  a.h = L.rows * L.pitch;
  return a;
}

// A line may sit in its own blocks, and a nested photo's caption inside its article.
bool allowed_in(const frame::Box& line, const Block& b, const std::map<std::string, std::string>& nested) {
  if (b.id == line.id) return true;
  const auto n = nested.find(line.id);
  return n != nested.end() && n->second == b.id && b.kind == "frame";
}

std::map<std::string, std::string> nested_photos(const Laid& l) {
  std::map<std::string, std::string> out;
  for (const auto& p : l.issue.pages)
    for (const model::Article& a : p.of<model::Article>())
      for (const auto& ph : a.photos) out[ph.id] = a.id;
  return out;
}

// The mark a line hangs past its measure (CLREQ §3.1.7 行末悬挂): the band past x + w, or
// below y + h for a vertical line.
frame::Box hung_mark(const frame::Box& b) {
  frame::Box m = b;
  if (b.vertical) m.y = b.y + b.h, m.h = b.hang;
  else m.x = b.x + b.w, m.w = b.hang;
  return m;
}

frame::Box rule_box(const frame::Rule& r) {
  frame::Box b;
  b.x = std::min(r.x0, r.x1) - r.width / 2, b.w = std::abs(r.x1 - r.x0) + r.width;
  b.y = std::min(r.y0, r.y1) - r.width / 2, b.h = std::abs(r.y1 - r.y0) + r.width;
  return b;
}

// A hung mark stands at most half its em past the line, on the page, and touches no
// image, rule, other block, other line or its own box's frame (it may stand in a gutter,
// the margin or a box's padding).
void check_hang(const frame::Page& page, const frame::Box& t, const std::vector<Block>& blocks,
                const std::map<std::string, std::string>& nested, const std::vector<frame::Box>& text,
                Violations& v) {
  if (t.hang == 0) return;
  const frame::Box m = hung_mark(t);
  const Len em = t.vertical ? t.w : t.h;
  if (t.hang < 0 || t.hang > em / 2 + 10) v.push_back("a hung mark more than half an em wide: " + where(page.number, t));
  if (right(m) > page.trim_w || bottom(m) > page.trim_h) v.push_back("a hung mark off the page: " + where(page.number, t));
  for (const auto& img : page.of<frame::Image>())
    if (intersects(m, frame::Box{"image", img.id, img.x, img.y, img.w, img.h, 0, {}, {}}))
      v.push_back("a hung mark over the image '" + img.id + "': " + where(page.number, t));
  for (const auto& r : page.of<frame::Rule>())
    if (intersects(m, rule_box(r))) v.push_back("a hung mark on a rule: " + where(page.number, t));
  for (const auto& blk : blocks) {
    if (!allowed_in(t, blk, nested) && intersects(m, blk.box)) v.push_back("a hung mark over '" + blk.id + "': " + where(page.number, t));
    if (blk.id == t.id && inside(t, blk.box) && !inside(m, blk.clear))
      v.push_back("a hung mark on the box's frame of '" + blk.id + "': " + where(page.number, t));
  }
  for (const auto& o : text)
    if (&o != &t && intersects(m, o)) v.push_back("a hung mark over a line: " + where(page.number, t));
}

}  // namespace

void check_inside(const Laid& l, Violations& v) {
  const frame::Box area = text_area(l.layout());
  const auto nested = nested_photos(l);
  for (const auto& page : l.doc.pages) {
    const auto blocks = blocks_on(l, page.number);
    for (const auto& b : page.boxes) {
      if (!is_text(b)) continue;
      if (!inside(b, area)) v.push_back("outside the text area: " + where(page.number, b));
      bool in_own = false;
      for (const auto& blk : blocks) {
        in_own = in_own || (blk.id == b.id && inside(b, blk.box));
        // Within a box, its own lines and its photos' captions stand inside the frame.
        if (allowed_in(b, blk, nested) && inside(b, blk.box) && !inside(b, blk.clear))
          v.push_back("on the box's frame of '" + blk.id + "': " + where(page.number, b));
      }
      if (!in_own) v.push_back("not inside its own block: " + where(page.number, b));
    }
  }
}

void check_no_overlap(const Laid& l, Violations& v) {
  const auto nested = nested_photos(l);
  for (const auto& page : l.doc.pages) {
    const auto blocks = blocks_on(l, page.number);
    std::vector<frame::Box> text;
    for (const auto& b : page.boxes)
      if (is_text(b) || b.kind == "folio") text.push_back(b);
    for (const auto& t : text) {
      check_hang(page, t, blocks, nested, text, v);
      for (const auto& img : page.of<frame::Image>()) {
        const frame::Box ib{"image", img.id, img.x, img.y, img.w, img.h, 0, {}, {}};
        if (intersects(t, ib)) v.push_back("over the image '" + img.id + "': " + where(page.number, t));
      }
      for (const auto& blk : blocks)
        if (!allowed_in(t, blk, nested) && intersects(t, blk.box))
          v.push_back("over the " + blk.kind + " '" + blk.id + "': " + where(page.number, t));
    }
    std::sort(text.begin(), text.end(), [](const frame::Box& a, const frame::Box& b) { return a.y < b.y; });
    for (size_t i = 0; i < text.size(); ++i)
      for (size_t j = i + 1; j < text.size() && text[j].y < bottom(text[i]); ++j)
        if (intersects(text[i], text[j]))
          v.push_back("two lines overlap: " + where(page.number, text[i]) + " and " + where(page.number, text[j]));
  }
}

void check_grid(const Laid& l, Violations& v) {
  const model::Layout& L = l.layout();
  std::map<Len, Len> body_offset;  // size → baseline − grid line top
  for (const auto& page : l.doc.pages) {
    for (const auto& b : page.boxes) {
      if (!is_text(b) || b.role == "banner") continue;
      const Len twice = 2 * (em_centre(b) - L.margin_top);
      const Len r = ((twice % L.pitch) + L.pitch) % L.pitch;
      if (std::min(r, L.pitch - r) > 4)
        v.push_back("not centred in whole grid lines (off by " + pt(std::min(r, L.pitch - r) / 2) +
                    " pt): " + where(page.number, b));
      if (b.role != "body") continue;
      const Len off = ((b.baseline - L.margin_top) % L.pitch + L.pitch) % L.pitch;
      const auto [it, fresh] = body_offset.emplace(b.h, off);
      if (!fresh && std::abs(it->second - off) > 1)
        v.push_back("body baseline off the grid (" + pt(off) + " pt into its grid line, others " +
                    pt(it->second) + "): " + where(page.number, b));
    }
  }
}

std::vector<Placed> body_in_order(const Laid& l, const model::Article& a) {
  std::vector<Placed> out;
  std::vector<std::pair<int, frame::Box>> columns;
  for (const auto& f : a.frames) {
    const frame::Box fb = box_of(l.layout(), f.rect);
    std::vector<frame::Box> cols;
    for (const auto& c : l.boxes(f.page, "column", a.id))
      if (inside(c, fb)) cols.push_back(c);
    std::sort(cols.begin(), cols.end(),
              [](const frame::Box& x, const frame::Box& y) { return x.x != y.x ? x.x < y.x : x.y < y.y; });
    for (const auto& c : cols) columns.push_back({f.page, c});
  }
  for (size_t ci = 0; ci < columns.size(); ++ci) {
    const auto& [pg, col] = columns[ci];
    std::vector<frame::Box> in;
    for (const auto& b : l.lines(pg, a.id))
      if ((b.role == "body" || b.role == "subhead" || b.role == "byline") && inside(b, col)) in.push_back(b);
    std::sort(in.begin(), in.end(), [](const frame::Box& x, const frame::Box& y) { return x.baseline < y.baseline; });
    for (size_t i = 0; i < in.size(); ++i) out.push_back({in[i], pg, ci, col, i + 1 == in.size()});
  }
  return out;
}

namespace {

bool indented(const frame::Box& line, const frame::Box& column) { return line.x > column.x + line.h / 2; }

}  // namespace

void check_column_feet(const Laid& l, Violations& v) {
  for (const auto& p : l.issue.pages) {
    for (const model::Article& a : p.of<model::Article>()) {
      const auto seq = body_in_order(l, a);
      for (size_t i = 0; i + 1 < seq.size(); ++i) {
        if (!seq[i].column_last) continue;
        const frame::Box& line = seq[i].line;
        if (line.role == "subhead")
          v.push_back("a subhead ends a column while text follows: " + where(seq[i].page, line));
        const frame::Box& next = seq[i + 1].line;
        if (line.role == "body" && next.role == "body" && indented(line, seq[i].column_box) &&
            !indented(next, seq[i + 1].column_box) && seq[i].column_box.h >= 2 * l.layout().pitch)
          v.push_back("a paragraph's first line alone at a column foot: " + where(seq[i].page, line));
      }
    }
  }
}

namespace {

bool names(const frame::Box& b, const std::string& what, int page) {
  return b.text.find(what + "第" + std::to_string(page) + "版") != std::string::npos;
}

void check_transition(const Laid& l, const model::Article& a, size_t i, Violations& v) {
  const model::Frame& f = a.frames[i];
  const model::Frame& g = a.frames[i + 1];
  const frame::Box fb = box_of(l.layout(), f.rect), gb = box_of(l.layout(), g.rect);
  bool continues = false;
  for (const auto& b : l.lines(g.page, a.id))
    continues = continues || ((b.role == "body" || b.role == "subhead") && inside(b, gb));
  int to = 0, from = 0;
  for (const auto& b : l.boxes(f.page, "jump", a.id))
    if (inside(b, fb) && names(b, "转", g.page)) ++to;
  for (const auto& b : l.boxes(g.page, "jump", a.id))
    if (inside(b, gb) && names(b, "接", f.page)) ++from;
  const std::string what = "'" + a.id + "' frame " + std::to_string(i + 1) + " (page " + std::to_string(f.page) +
                           ") → frame " + std::to_string(i + 2) + " (page " + std::to_string(g.page) + ")";
  if (to != (continues ? 1 : 0))
    v.push_back(what + ": " + std::to_string(to) + " jump lines naming page " + std::to_string(g.page) +
                (continues ? " (text continues there)" : " (no text continues there)"));
  if (from != (continues ? 1 : 0))
    v.push_back(what + ": " + std::to_string(from) + " continuation lines naming page " + std::to_string(f.page));
  // The continuation's head (接题): over the continuation line, when the story has a
  // headline or a <jumphead> and the frame is set horizontally. Flow gives a frame too
  // short for the head and two lines under it none; a frame of 8 grid lines and 2 columns
  // has room for any head of up to three lines.
  bool named = a.jumphead.has_value();
  for (const auto& h : a.head) named = named || h.kind == model::TextKind::Headline;
  const bool room = g.rect.rows >= 8 && g.rect.cols >= 2;
  if (!continues || !named || g.vertical) return;
  int heads = 0;
  for (const auto& b : l.lines(g.page, a.id, "jumphead"))
    if (inside(b, gb)) {
      ++heads;
      for (const auto& j : l.boxes(g.page, "jump", a.id))
        if (inside(j, gb) && j.y < bottom(b) - 10) v.push_back(what + ": the continuation line above its head");
    }
  if (heads == 0 && room) v.push_back(what + ": no continuation head (接题) over the continuation");
}

// A jump line is the last line of its column; a continuation line the first.
void check_jump_places(const Laid& l, const model::Article& a, Violations& v) {
  for (const auto& page : l.doc.pages) {
    for (const auto& j : l.boxes(page.number, "jump", a.id)) {
      const bool out = j.text.find("转") != std::string::npos;
      for (const auto& b : l.lines(page.number, a.id)) {
        if (b.role != "body" && b.role != "subhead") continue;
        if (b.x + b.w <= j.x || j.x + j.w <= b.x) continue;  // another column
        if (out ? b.baseline > j.baseline : b.baseline < j.baseline)
          v.push_back("a line " + std::string(out ? "below the jump line" : "above the continuation line") + ": " +
                      where(page.number, b));
      }
    }
  }
}

}  // namespace

void check_jumps(const Laid& l, Violations& v) {
  for (const auto& p : l.issue.pages) {
    for (const model::Article& a : p.of<model::Article>()) {
      for (size_t i = 0; i + 1 < a.frames.size(); ++i)
        if (a.frames[i].page != a.frames[i + 1].page) check_transition(l, a, i, v);
      check_jump_places(l, a, v);
    }
  }
}

namespace {

int visible_chars(const std::string& s) {
  int n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    n += (b & 0xC0) != 0x80 && b != ' ' && b != '\n';
  }
  return n;
}

}  // namespace

void check_text_complete(const Laid& l, Violations& v) {
  for (const auto& p : l.issue.pages) {
    for (const model::Article& a : p.of<model::Article>()) {
      int want = 0, got = 0;
      for (const auto& b : a.head) want += visible_chars(b.plain());
      for (const auto& b : a.body) want += visible_chars(b.plain());
      for (const auto& page : l.doc.pages)
        for (const auto& b : page.boxes)
          if (b.kind == "line" && b.id == a.id && b.role != "jumphead") got += visible_chars(b.text);  // 接题 repeats
      bool reported = false;
      for (const auto& f : l.found("overset")) reported = reported || f.article == a.id;
      if (!reported && got != want)
        v.push_back("'" + a.id + "': " + std::to_string(want) + " characters, " + std::to_string(got) +
                    " set, and no overset reported");
      if (reported && got >= want) v.push_back("'" + a.id + "': overset reported but every character was set");
    }
  }
}

Violations check_all(const Laid& l) {
  Violations v;
  check_text_complete(l, v);
  check_inside(l, v);
  check_no_overlap(l, v);
  check_grid(l, v);
  check_column_feet(l, v);
  check_jumps(l, v);
  return v;
}

std::string first(const Violations& v, size_t n) {
  std::string out = std::to_string(v.size()) + " violations";
  for (size_t i = 0; i < v.size() && i < n; ++i) out += "\n  " + v[i];
  return out;
}

}  // namespace ft
