// A photo block: the image scaled into its grid area (crop to fill, or fit), the caption
// in Kai under it on the grid, the credit (某某 摄) flush right, run in on the caption's
// last line when it fits (typography.md "Roles and fonts").
#include <cmath>

#include "flow/pages.h"
#include "image/image.h"

namespace flow {

namespace {

struct CaptionLines {
  std::vector<compose::Line> lines;  // caption lines
  std::vector<compose::Line> credit; // credit lines (usually one)
  bool credit_run_in = false;
  int rows = 0;
};

CaptionLines set_caption(const Setter& s, const model::Photo& p, Len measure) {
  CaptionLines c;
  if (p.caption) c.lines = s.paragraph(*p.caption, p.id, p.page, true).lines(measure);
  if (p.credit) c.credit = s.paragraph(*p.credit, p.id, p.page, false).lines(measure);
  const int cap_rows = p.caption ? s.rows_per_line(s.style(p.caption->style)) : 0;
  const int cred_rows = p.credit ? s.rows_per_line(s.style(p.credit->style)) : 0;
  if (!c.lines.empty() && c.credit.size() == 1) {
    // Run in: the credit is right-aligned, so it fits on the caption's last line when
    // that line ends at least 1 em before the credit's first glyph.
    const Len em = s.style(p.credit->style).size;
    Len credit_left = measure;
    for (const auto& seg : c.credit.front().segments)
      for (const auto& g : seg.glyphs) credit_left = std::min(credit_left, g.x);
    c.credit_run_in = c.lines.back().width + em <= credit_left;
  }
  c.rows = static_cast<int>(c.lines.size()) * cap_rows + (c.credit_run_in ? 0 : static_cast<int>(c.credit.size()) * cred_rows);
  return c;
}

void place_image(Job& job, const model::Photo& p, const model::Box& area) {
  const image::Info info = image::probe(p.src, p.loc);
  const double sx = static_cast<double>(area.w) / info.width, sy = static_cast<double>(area.h) / info.height;
  const double scale = p.fit == "fit" ? std::min(sx, sy) : std::max(sx, sy);
  frame::Image img;
  img.path = p.src.string();
  img.id = p.id;
  img.img_w = static_cast<Len>(std::llround(info.width * scale));
  img.img_h = static_cast<Len>(std::llround(info.height * scale));
  img.img_x = area.x + (area.w - img.img_w) / 2;
  img.img_y = area.y + (area.h - img.img_h) / 2;
  img.x = std::max(area.x, img.img_x);
  img.y = std::max(area.y, img.img_y);
  img.w = std::min(area.w, img.img_w);
  img.h = std::min(area.h, img.img_h);
  // Effective resolution = pixels ÷ placed size (print.md "Resolution").
  const double ppi = info.width / (base::to_pt(img.img_w) / 72.0);
  const std::string what = "photo resolution is " + std::to_string(static_cast<int>(ppi)) + " ppi at its placed size";
  if (ppi < 100 && !job.opt.allow_low_res)
    job.diag.error("low-resolution", what + " (minimum 100); use a larger image or pass --allow-low-res", p.loc, p.id, p.page);
  else if (ppi < 200)
    job.diag.warn("low-resolution", what + " (200 recommended for newsprint)", p.loc, p.id, p.page);
  frame::Page& page = job.page(p.page);
  page.boxes.push_back({"image", p.id, img.x, img.y, img.w, img.h, 0, img.path});
  page.add(std::move(img));
}

}  // namespace

void lay_out_photo(Job& job, const model::Photo& p, const std::string& owner) {
  const Setter& s = job.setter;
  const model::Layout& L = job.layout();
  const model::Box box = L.box(p.rect);
  frame::Page& page = job.page(p.page);
  page.boxes.push_back({"block", p.id.empty() ? owner : p.id, box.x, box.y, box.w, box.h, 0, "photo"});
  const CaptionLines cap = set_caption(s, p, box.w);
  const int image_rows = p.rect.rows - cap.rows;
  if (image_rows < 1) {
    job.diag.error("caption-too-long",
                   "the caption needs " + std::to_string(cap.rows) + " grid lines but the photo block has only " +
                       std::to_string(p.rect.rows) + "; make the block taller or shorten the caption",
                   p.loc, p.id, p.page);
    return;
  }
  place_image(job, p, {box.x, box.y, box.w, image_rows * L.pitch - L.pitch / 4});
  int row = p.rect.row + image_rows;
  const std::string id = p.id.empty() ? owner : p.id;
  for (size_t i = 0; i < cap.lines.size(); ++i) {
    const model::Style& st = s.style(p.caption->style);
    const int rows = s.rows_per_line(st);
    const Len base = s.baseline(L.row_y(row), rows, st.size);
    s.place(page, cap.lines[i], box.x, base, id);
    if (i + 1 == cap.lines.size() && cap.credit_run_in) s.place(page, cap.credit.front(), box.x, base, id);
    row += rows;
  }
  if (!cap.credit_run_in)
    for (const auto& l : cap.credit) {
      const model::Style& st = s.style(p.credit->style);
      const int rows = s.rows_per_line(st);
      s.place(page, l, box.x, s.baseline(L.row_y(row), rows, st.size), id);
      row += rows;
    }
}

}  // namespace flow
