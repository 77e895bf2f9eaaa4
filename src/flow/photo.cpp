// A photo block: the image scaled into its grid area (crop to fill, or fit), the caption
// in Kai under it on the grid, the credit (某某 摄) flush right, run in on the caption's
// last line when it fits (docs/typography.md "Roles and fonts"). A caption is set at the
// photo's width, but never wider than its style's longest readable measure: under a wider
// photo it goes in columns of the grid, or in one block at that measure (docs/format.md
// "Photos"). A caption style that hangs its line-end marks (行末悬挂) hangs them only where
// the white past its lines' ends holds them, as body columns do (docs/composer.md
// "Hanging punctuation").
#include <algorithm>
#include <cmath>
#include <optional>

#include "flow/head.h"
#include "flow/pages.h"
#include "flow/slots.h"
#include "image/store.h"

namespace flow {

namespace {

struct Text {
  std::unique_ptr<compose::Paragraph> para;
  std::vector<compose::Line> lines;
  int rows = 0;  // grid lines per line
  Len size = 0;
};

// Where the caption goes: one or more groups of grid columns side by side under the photo
// (their left edges), each `measure` wide; the lines fill them in turn, `per` to a group.
struct Groups {
  std::vector<Len> xs;
  Len measure = 0;
};

struct CaptionLines {
  Text caption, credit;
  bool credit_run_in = false;
  Groups groups;
  int per = 0;  // caption lines per group
  int rows() const {
    return per * caption.rows + (credit_run_in ? 0 : static_cast<int>(credit.lines.size()) * credit.rows);
  }
};

Text set_text(const Setter& s, const std::optional<model::TextBlock>& b, const model::Photo& p, Len measure,
              bool indent, bool hang) {
  Text t;
  if (!b) return t;
  t.para = std::make_unique<compose::Paragraph>(s.paragraph(*b, p.id, p.page, indent, 0, false, false, hang));
  t.lines = t.para->lines(measure);
  t.rows = s.rows_per_line(s.style(b->style));
  t.size = s.style(b->style).size;
  return t;
}

Len leftmost_glyph(const compose::Line& l, Len measure) {
  Len left = measure;
  for (const auto& seg : l.segments)
    for (const auto& g : seg.glyphs) left = std::min(left, g.x);
  return left;
}

// Where the image and its caption go: the photo's grid area; in a photo set in a boxed
// story, the part of it inside the box's padding (the story's text stands there too:
// inner_of), so that neither touches the box's frame.
struct Area {
  model::Box box;
  int row = 0, rows = 0;  // grid rows, the first and how many
};

// The horizontal frame of the article `in` that holds the photo, if any.
const model::Frame* frame_holding(const model::Photo& p, const model::Article* in) {
  if (in)
    for (const model::Frame& f : in->frames)
      if (f.page == p.page && !f.vertical && f.rect.contains(p.rect)) return &f;
  return nullptr;
}

Area photo_area(const model::Layout& L, const model::Photo& p, const model::Article* in) {
  Area a{L.box(p.rect), p.rect.row, p.rect.rows};
  const model::Frame* f = frame_holding(p, in);
  if (!f || !box_of(L, *in)) return a;
  const Inner inner = inner_of(L, *in, *f);
  const Len x0 = std::max(a.box.x, inner.x), x1 = std::min(a.box.x + a.box.w, inner.x + inner.w);
  const int r0 = std::max(a.row, inner.row_first), r1 = std::min(a.row + a.rows - 1, inner.row_last);
  if (x1 <= x0 || r1 < r0) return a;  // nothing inside the padding: the grid area as it is
  a.box.x = x0, a.box.w = x1 - x0, a.box.y = L.row_y(r0), a.box.h = (r1 - r0 + 1) * L.pitch;
  a.row = r0, a.rows = r1 - r0 + 1;
  return a;
}

// The caption's measure: the photo's width, unless that is wider than the style's longest
// readable line (max-measure): then the widest run of whole grid columns within it,
// repeated across the photo (max-measure-mode="columns"), or one block at that measure.
Groups caption_groups(const Setter& s, const model::Photo& p, const model::Box& box) {
  const model::Layout& L = s.layout();
  Groups g{{box.x}, box.w};
  if (!p.caption) return g;
  const model::Style& st = s.style(p.caption->style);
  const Len most = static_cast<Len>(st.max_measure_em1000) * st.size / 1000;
  if (most <= 0 || box.w <= most) return g;
  if (!st.max_measure_columns) {
    g.measure = most;
    return g;
  }
  int k = 1;
  while (k < p.rect.cols && L.box({p.rect.col, k + 1, p.rect.row, 1}).w <= most) ++k;
  g.measure = most;
  g.xs.clear();
  for (int c = p.rect.col; c + k <= p.rect.col + p.rect.cols; c += k) {  // each within the area
    const Len x0 = std::max(L.col_x(c), box.x), x1 = std::min(L.col_x(c) + L.box({c, k, p.rect.row, 1}).w, box.x + box.w);
    g.xs.push_back(x0);
    g.measure = std::min(g.measure, x1 - x0);
  }
  return g;
}

// The white past a caption line ending at `end` at the photo's right edge or short of it
// (`area`: where the photo and caption stand): in a photo set in an article, to the
// article's text beside it, or past the article's frame (its box's frame, the gutter's
// middle, the trim); else past the photo's block.
Len room_past_photo(const model::Layout& L, const model::Photo& p, const model::Article* in, const model::Box& area,
                    Len end) {
  const model::Frame* f = frame_holding(p, in);
  if (!f) return room_past(L, p.rect, nullptr, end);
  for (const TextColumn& c : text_columns(L, *in, *f))
    if (c.x >= area.x + area.w) return c.x - end;
  return room_past(L, f->rect, box_of(L, *in), end);
}

// Whether text of style `b` set in `groups` may hang its marks: each group's lines have
// the room past their ends (the next group, or what is past the photo) — else the whole
// text is set without hanging.
bool may_hang(const Setter& s, const std::optional<model::TextBlock>& b, const model::Photo& p,
              const model::Article* in, const model::Box& area, const Groups& groups) {
  if (!b || !s.style(b->style).hanging_punct) return false;
  const Len size = s.style(b->style).size;
  for (size_t i = 0; i < groups.xs.size(); ++i) {
    const Len end = groups.xs[i] + groups.measure;
    const Len room = i + 1 < groups.xs.size() ? groups.xs[i + 1] - end : room_past_photo(s.layout(), p, in, area, end);
    if (!hang_fits(room, size)) return false;
  }
  return true;
}

// The credit is flush right at the photo's edge (it names who took the photo), run in on
// the caption's last line when that line ends at least 1 em before the credit's first
// glyph, else on its own line under the caption.
CaptionLines set_caption(const Setter& s, const model::Photo& p, const model::Article* in, const model::Box& box) {
  const Groups groups = caption_groups(s, p, box);
  const bool hang = may_hang(s, p.caption, p, in, box, groups);
  const bool credit_hang = may_hang(s, p.credit, p, in, box, Groups{{box.x}, box.w});
  CaptionLines c{set_text(s, p.caption, p, groups.measure, true, hang),
                 set_text(s, p.credit, p, box.w, false, credit_hang), false, groups, 0};
  // The lines fill the groups evenly, the first ones fullest.
  const auto n = static_cast<int>(c.caption.lines.size()), k = static_cast<int>(groups.xs.size());
  c.per = n > 0 ? (n + k - 1) / k : 0;
  if (n > 0 && c.credit.lines.size() == 1) {
    const Len em = s.style(p.credit->style).size;
    const Len last_x = groups.xs[static_cast<size_t>((n - 1) / c.per)] - box.x;
    c.credit_run_in = last_x + c.caption.lines.back().width + em <= leftmost_glyph(c.credit.lines.front(), box.w);
  }
  return c;
}

// The shown part of the upright image in pixels: crop= (pixels or percent), else all.
struct Shown {
  double x = 0, y = 0, w = 0, h = 0;
};
std::optional<Shown> shown_part(Job& job, const model::Photo& p, int W, int H) {
  if (!p.crop) return Shown{0, 0, static_cast<double>(W), static_cast<double>(H)};
  const model::Crop& c = *p.crop;
  Shown s = c.percent ? Shown{c.x * W / 100, c.y * H / 100, c.w * W / 100, c.h * H / 100} : Shown{c.x, c.y, c.w, c.h};
  if (s.x + s.w > W + 0.01 || s.y + s.h > H + 0.01) {
    job.diag.error("photo-crop",
                   "crop= reaches beyond the image, which is " + std::to_string(W) + " × " + std::to_string(H) +
                       " pixels upright",
                   p.loc, p.id, p.page, "keep x + w ≤ " + std::to_string(W) + " and y + h ≤ " + std::to_string(H) + ", or write the crop in percent");
    return std::nullopt;
  }
  return s;
}

// Where the shown part goes: fit → centred inside; fill → covers the area, the focus
// point (default the centre) as near the area's centre as the image allows.
std::pair<Len, Len> shown_origin(const model::Photo& p, const model::Box& area, Len vw, Len vh) {
  if (p.fit == "fit") return {area.x + (area.w - vw) / 2, area.y + (area.h - vh) / 2};
  const auto [fx, fy] = p.focus.value_or(std::make_pair(0.5, 0.5));
  auto pos = [](Len from, Len size, Len v, double f) {
    const Len want = from + size / 2 - static_cast<Len>(std::llround(f * static_cast<double>(v)));
    return std::max(std::min(want, from), std::min(from + size - v, from));  // no gap at either edge
  };
  return {pos(area.x, area.w, vw, fx), pos(area.y, area.h, vh, fy)};
}

void report_resolution(Job& job, const model::Photo& p, double ppi) {
  const std::string what = "photo resolution is " + std::to_string(static_cast<int>(ppi)) + " ppi at its placed size";
  if (ppi < 100 && !job.opt.allow_low_res)
    job.diag.error("low-resolution", what + " (minimum 100)", p.loc, p.id, p.page,
                   "use a larger image, or pass --allow-low-res to print it anyway");
  else if (ppi < 200)
    job.diag.warn("low-resolution", what + " (200 recommended for newsprint)", p.loc, p.id, p.page);
}

void place_image(Job& job, const model::Photo& p, const model::Box& area) {
  if (p.missing) return place_placeholder(job, p.page, area, "图片 " + p.id + "（缺）");
  const image::Info& info = job.opt.images->get(p.src, p.loc).info;
  const int W = info.upright_width(), H = info.upright_height();
  const auto part = shown_part(job, p, W, H);
  if (!part) return;
  const double sx = area.w / part->w, sy = area.h / part->h;
  const double scale = p.fit == "fit" ? std::min(sx, sy) : std::max(sx, sy);
  const Len vw = static_cast<Len>(std::llround(part->w * scale)), vh = static_cast<Len>(std::llround(part->h * scale));
  const auto [vx, vy] = shown_origin(p, area, vw, vh);
  frame::Image img;
  img.path = p.src.string();
  img.id = p.id;
  img.loc = p.loc;
  img.orientation = info.orientation;
  img.img_w = static_cast<Len>(std::llround(W * scale));
  img.img_h = static_cast<Len>(std::llround(H * scale));
  img.img_x = vx - static_cast<Len>(std::llround(part->x * scale));
  img.img_y = vy - static_cast<Len>(std::llround(part->y * scale));
  img.x = std::max(area.x, vx);
  img.y = std::max(area.y, vy);
  img.w = std::min(area.x + area.w, vx + vw) - img.x;
  img.h = std::min(area.y + area.h, vy + vh) - img.y;
  // Effective resolution = pixels ÷ placed size (docs/print.md "Resolution").
  report_resolution(job, p, W / (base::to_pt(img.img_w) / 72.0));
  frame::Page& page = job.page(p.page);
  frame::Box box;
  box.kind = "image", box.id = p.id, box.text = img.path;
  box.x = img.x, box.y = img.y, box.w = img.w, box.h = img.h;
  page.boxes.push_back(box);
  page.add(std::move(img));
}

// A caption longer than its block leaves the image at least one grid line; what does not
// fit is overset (an error, a warning with --allow-overset, marked on the proof).
void caption_overset(Job& job, const model::Photo& p, const Area& area, int need, int lost_chars) {
  const std::string msg = "the caption needs " + std::to_string(need) + " grid lines but the photo block has only " +
                          std::to_string(area.rows) + " (" + std::to_string(lost_chars) +
                          " characters did not fit)";
  const model::Box& b = area.box;
  report_overset(job, msg, "make the block taller or shorten the caption", p.loc, p.id, p.page, {b.x, b.y + b.h - job.layout().pitch, b.w, job.layout().pitch});
}

}  // namespace

void lay_out_photo(Job& job, const model::Photo& p, const std::string& owner, const model::Article* in) {
  const Setter& s = job.setter;
  const model::Layout& L = job.layout();
  frame::Page& page = job.page(p.page);
  const std::string id = p.id.empty() ? owner : p.id;
  record_block(page, id, "photo", L.box(p.rect));
  const Area area = photo_area(L, p, in);
  const model::Box& box = area.box;
  const CaptionLines cap = set_caption(s, p, in, box);
  const int image_rows = std::max(1, area.rows - cap.rows());
  const int last_row = area.row + area.rows - 1;
  // The caption's grid lines under the image; a quarter line of white between them.
  const Len gap = cap.rows() > 0 && image_rows < area.rows ? L.pitch / 4 : 0;
  place_image(job, p, {box.x, box.y, box.w, image_rows * L.pitch - gap});
  const int top = area.row + image_rows;
  int lost = 0, row = top;
  Len x = box.x;
  auto put = [&](const Text& t, const compose::Line& l, int at, const std::string& role) {
    s.place(page, *t.para, l, x, s.baseline(L.row_y(at), t.rows, t.size), id, role);
  };
  for (size_t i = 0; i < cap.caption.lines.size(); ++i) {
    if (cap.per > 0 && i % static_cast<size_t>(cap.per) == 0) {  // the next group of columns
      row = top;
      x = cap.groups.xs[i / static_cast<size_t>(cap.per)];
    }
    const compose::Line& l = cap.caption.lines[i];
    const bool last = i + 1 == cap.caption.lines.size();
    if (row + cap.caption.rows - 1 > last_row) {
      lost += line_chars(l);
      if (last && cap.credit_run_in) lost += line_chars(cap.credit.lines.front());
      continue;
    }
    put(cap.caption, l, row, "caption");
    if (last && cap.credit_run_in) {
      const Len at = x;
      x = box.x;  // the credit is set across the photo, flush right
      put(cap.credit, cap.credit.lines.front(), row, "credit");
      x = at;
    }
    row += cap.caption.rows;
  }
  x = box.x;
  row = top + cap.per * cap.caption.rows;
  if (!cap.credit_run_in)
    for (const auto& l : cap.credit.lines) {
      if (row + cap.credit.rows - 1 > last_row) {
        lost += line_chars(l);
        continue;
      }
      put(cap.credit, l, row, "credit");
      row += cap.credit.rows;
    }
  if (lost > 0) caption_overset(job, p, area, cap.rows() + 1, lost);
}

}  // namespace flow
