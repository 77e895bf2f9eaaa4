// Ads (广告, docs/format.md "Ads"): page N of a PDF placed in its grid slot as a form —
// its box (TrimBox, else CropBox, else MediaBox) scaled to the slot only within the
// layout's ad-tolerance — or a JPEG/PNG/TIFF fitted into the slot, or, while the file is
// not there, the slot kept empty and marked 广告 on the proofs.
#include <cmath>
#include <cstdio>

#include "flow/pages.h"
#include "image/store.h"

namespace flow {

namespace {

std::string mm(double pt) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", pt * 25.4 / 72.0);
  return b;
}

std::string pct(double f) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", f * 100.0);
  return b;
}

void block_box(Job& job, const model::Ad& a, const model::Box& b) {
  record_block(job.page(a.page), a.id, "ad", b);
}

// The file's size against the slot's: each side may differ by the layout's tolerance.
bool size_fits(Job& job, const model::Ad& a, double w, double h, const std::string& what, const model::Box& slot) {
  const double sw = base::to_pt(slot.w), sh = base::to_pt(slot.h);
  const double fx = sw / w, fy = sh / h, tol = job.layout().ad_tolerance_percent / 100.0;
  if (std::abs(fx - 1) <= tol + 1e-9 && std::abs(fy - 1) <= tol + 1e-9) return true;
  job.diag.error("ad-size",
                 "ad '" + a.id + "' (" + a.src.string() + ") is " + mm(w) + " × " + mm(h) + " mm (" + what +
                     "), the slot is " + mm(sw) + " × " + mm(sh) + " mm (" + std::to_string(a.rect.cols) +
                     " columns × " + std::to_string(a.rect.rows) + " grid lines): it would be scaled to " + pct(fx) +
                     " % × " + pct(fy) + " %, beyond the layout's ad-tolerance of " +
                     std::to_string(job.layout().ad_tolerance_percent) + " %",
                 a.loc, a.id, a.page,
                 "ask for the ad at " + mm(sw) + " × " + mm(sh) + " mm, or give it the slot its size needs");
  return false;
}

// A raster ad: the image fitted into the slot (its pixels carry no size of their own,
// so the proportions are what must match), checked for resolution like a photo.
void place_raster(Job& job, const model::Ad& a, const model::Box& slot) {
  const image::Info& info = job.opt.images->get(a.src, a.loc).info;
  const double W = info.upright_width(), H = info.upright_height();
  const double aspect = (W / H) / (static_cast<double>(slot.w) / slot.h);
  if (std::abs(aspect - 1) > job.layout().ad_tolerance_percent / 100.0 + 1e-9) {
    job.diag.error("ad-size",
                   "ad '" + a.id + "' (" + a.src.string() + ") is " + std::to_string(static_cast<int>(W)) + " × " +
                       std::to_string(static_cast<int>(H)) + " pixels, " + pct(aspect) +
                       " % of the slot's width-to-height ratio (" + mm(base::to_pt(slot.w)) + " × " +
                       mm(base::to_pt(slot.h)) + " mm), beyond the layout's ad-tolerance of " +
                       std::to_string(job.layout().ad_tolerance_percent) + " %",
                   a.loc, a.id, a.page,
                   "ask for the ad in the slot's proportions (" + mm(base::to_pt(slot.w)) + " × " +
                       mm(base::to_pt(slot.h)) + " mm at 300 ppi), or as PDF");
    return;
  }
  const double scale = std::min(slot.w / W, slot.h / H);
  frame::Image img;
  img.path = a.src.string(), img.id = a.id, img.loc = a.loc, img.orientation = info.orientation;
  img.img_w = img.w = static_cast<Len>(std::llround(W * scale));
  img.img_h = img.h = static_cast<Len>(std::llround(H * scale));
  img.img_x = img.x = slot.x + (slot.w - img.w) / 2;
  img.img_y = img.y = slot.y + (slot.h - img.h) / 2;
  const double ppi = W / (base::to_pt(img.w) / 72.0);
  if (ppi < 100 && !job.opt.allow_low_res)
    job.diag.error("low-resolution", "ad image resolution is " + std::to_string(static_cast<int>(ppi)) + " ppi (minimum 100)",
                   a.loc, a.id, a.page, "ask for the ad at 300 ppi, or as PDF");
  else if (ppi < 200)
    job.diag.warn("low-resolution", "ad image resolution is " + std::to_string(static_cast<int>(ppi)) + " ppi", a.loc, a.id,
                  a.page, "ask for the ad at 300 ppi, or as PDF");
  job.page(a.page).add(std::move(img));
}

}  // namespace

void place_placeholder(Job& job, int page, const model::Box& b, const std::string& label) {
  job.page(page).add(frame::Placeholder{b.x, b.y, b.w, b.h, label});
}

model::Box place_pdf_page(Job& job, const std::filesystem::path& file, int n, const model::Box& area, bool left,
                          const std::string& id, const base::Loc& loc, int page) {
  const placed::PageInfo& p = placed::page(job.opt.placed->get(file, loc), n, loc);
  const double scale = std::min(base::to_pt(area.w) / p.width(), base::to_pt(area.h) / p.height());
  frame::Placed f;
  f.path = file.string(), f.page = n, f.id = id, f.loc = loc;
  f.w = static_cast<Len>(std::llround(p.width() * scale * 1000));
  f.h = static_cast<Len>(std::llround(p.height() * scale * 1000));
  f.x = left ? area.x : area.x + (area.w - f.w) / 2;
  f.y = area.y + (area.h - f.h) / 2;
  const model::Box out{f.x, f.y, f.w, f.h};
  frame::Page& pg = job.page(page);
  frame::Box box;
  box.kind = "placed", box.id = id, box.text = f.path;
  box.x = f.x, box.y = f.y, box.w = f.w, box.h = f.h;
  pg.boxes.push_back(box);
  pg.add(std::move(f));
  return out;
}

void lay_out_ad(Job& job, const model::Ad& a) {
  const model::Box slot = job.layout().box(a.rect);
  block_box(job, a, slot);
  if (a.missing) return place_placeholder(job, a.page, slot, "广告 " + a.id + (a.client.empty() ? "" : " " + a.client));
  if (!placed::is_pdf(a.src)) return place_raster(job, a, slot);
  const placed::PageInfo& p = placed::page(job.opt.placed->get(a.src, a.loc), a.src_page, a.loc);
  if (!size_fits(job, a, p.width(), p.height(), "its " + p.box_name, slot)) return;
  place_pdf_page(job, a.src, a.src_page, slot, false, a.id, a.loc, a.page);
}

}  // namespace flow
