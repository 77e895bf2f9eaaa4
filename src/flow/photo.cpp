// A photo block: the image scaled into its grid area (crop to fill, or fit), the caption
// in Kai under it on the grid, the credit (某某 摄) flush right, run in on the caption's
// last line when it fits (docs/typography.md "Roles and fonts").
#include <cmath>

#include "flow/head.h"
#include "flow/pages.h"
#include "image/store.h"

namespace flow {

namespace {

struct Text {
  std::unique_ptr<compose::Paragraph> para;
  std::vector<compose::Line> lines;
  int rows = 0;  // grid lines per line
  Len size = 0;
};

struct CaptionLines {
  Text caption, credit;
  bool credit_run_in = false;
  int rows() const {
    return static_cast<int>(caption.lines.size()) * caption.rows +
           (credit_run_in ? 0 : static_cast<int>(credit.lines.size()) * credit.rows);
  }
};

Text set_text(const Setter& s, const std::optional<model::TextBlock>& b, const model::Photo& p, Len measure,
              bool indent) {
  Text t;
  if (!b) return t;
  t.para = std::make_unique<compose::Paragraph>(s.paragraph(*b, p.id, p.page, indent));
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

CaptionLines set_caption(const Setter& s, const model::Photo& p, Len measure) {
  CaptionLines c{set_text(s, p.caption, p, measure, true), set_text(s, p.credit, p, measure, false), false};
  // Run in: the credit is right-aligned, so it fits on the caption's last line when that
  // line ends at least 1 em before the credit's first glyph.
  if (!c.caption.lines.empty() && c.credit.lines.size() == 1) {
    const Len em = s.style(p.credit->style).size;
    c.credit_run_in = c.caption.lines.back().width + em <= leftmost_glyph(c.credit.lines.front(), measure);
  }
  return c;
}

void place_image(Job& job, const model::Photo& p, const model::Box& area) {
  const image::Info& info = job.opt.images->get(p.src, p.loc).info;
  const double sx = static_cast<double>(area.w) / info.width, sy = static_cast<double>(area.h) / info.height;
  const double scale = p.fit == "fit" ? std::min(sx, sy) : std::max(sx, sy);
  frame::Image img;
  img.path = p.src.string();
  img.id = p.id;
  img.loc = p.loc;
  img.img_w = static_cast<Len>(std::llround(info.width * scale));
  img.img_h = static_cast<Len>(std::llround(info.height * scale));
  img.img_x = area.x + (area.w - img.img_w) / 2;
  img.img_y = area.y + (area.h - img.img_h) / 2;
  img.x = std::max(area.x, img.img_x);
  img.y = std::max(area.y, img.img_y);
  img.w = std::min(area.w, img.img_w);
  img.h = std::min(area.h, img.img_h);
  // Effective resolution = pixels ÷ placed size (docs/print.md "Resolution").
  const double ppi = info.width / (base::to_pt(img.img_w) / 72.0);
  const std::string what = "photo resolution is " + std::to_string(static_cast<int>(ppi)) + " ppi at its placed size";
  if (ppi < 100 && !job.opt.allow_low_res)
    job.diag.error("low-resolution", what + " (minimum 100)", p.loc, p.id, p.page,
                   "use a larger image, or pass --allow-low-res to print it anyway");
  else if (ppi < 200)
    job.diag.warn("low-resolution", what + " (200 recommended for newsprint)", p.loc, p.id, p.page);
  frame::Page& page = job.page(p.page);
  frame::Box box;
  box.kind = "image", box.id = p.id, box.text = img.path;
  box.x = img.x, box.y = img.y, box.w = img.w, box.h = img.h;
  page.boxes.push_back(box);
  page.add(std::move(img));
}

// A caption longer than its block leaves the image at least one grid line; what does not
// fit is overset (an error, a warning with --allow-overset, marked on the proof).
void caption_overset(Job& job, const model::Photo& p, int need, int lost_chars) {
  const std::string msg = "the caption needs " + std::to_string(need) + " grid lines but the photo block has only " +
                          std::to_string(p.rect.rows) + " (" + std::to_string(lost_chars) +
                          " characters did not fit)";
  const model::Box b = job.layout().box(p.rect);
  report_overset(job, msg, "make the block taller or shorten the caption", p.loc, p.id, p.page, {b.x, b.y + b.h - job.layout().pitch, b.w, job.layout().pitch});
}

}  // namespace

void lay_out_photo(Job& job, const model::Photo& p, const std::string& owner) {
  const Setter& s = job.setter;
  const model::Layout& L = job.layout();
  const model::Box box = L.box(p.rect);
  frame::Page& page = job.page(p.page);
  const std::string id = p.id.empty() ? owner : p.id;
  frame::Box blk;
  blk.kind = "block", blk.id = id, blk.text = "photo";
  blk.x = box.x, blk.y = box.y, blk.w = box.w, blk.h = box.h;
  page.boxes.push_back(blk);
  page.overlay.push_back({frame::Overlay::FrameEdge, box.x, box.y, box.w, box.h});
  const CaptionLines cap = set_caption(s, p, box.w);
  const int image_rows = std::max(1, p.rect.rows - cap.rows());
  const int last_row = p.rect.row + p.rect.rows - 1;
  // The caption's grid lines under the image; a quarter line of white between them.
  const Len gap = cap.rows() > 0 && image_rows < p.rect.rows ? L.pitch / 4 : 0;
  place_image(job, p, {box.x, box.y, box.w, image_rows * L.pitch - gap});
  int row = p.rect.row + image_rows, lost = 0;
  auto put = [&](const Text& t, const compose::Line& l, int at, const std::string& role) {
    s.place(page, *t.para, l, box.x, s.baseline(L.row_y(at), t.rows, t.size), id, role);
  };
  for (size_t i = 0; i < cap.caption.lines.size(); ++i) {
    const compose::Line& l = cap.caption.lines[i];
    if (row + cap.caption.rows - 1 > last_row) {
      lost += line_chars(l);
      if (i + 1 == cap.caption.lines.size() && cap.credit_run_in) lost += line_chars(cap.credit.lines.front());
      continue;
    }
    put(cap.caption, l, row, "caption");
    if (i + 1 == cap.caption.lines.size() && cap.credit_run_in) put(cap.credit, cap.credit.lines.front(), row, "credit");
    row += cap.caption.rows;
  }
  if (!cap.credit_run_in)
    for (const auto& l : cap.credit.lines) {
      if (row + cap.credit.rows - 1 > last_row) {
        lost += line_chars(l);
        continue;
      }
      put(cap.credit, l, row, "credit");
      row += cap.credit.rows;
    }
  if (lost > 0) caption_overset(job, p, cap.rows() + 1, lost);
}

}  // namespace flow
