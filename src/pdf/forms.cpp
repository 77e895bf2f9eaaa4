// Placed PDF pages (docs/print.md "Placed pages"): page N of an ad's PDF becomes a Form
// XObject of our file (ISO 32000-1 §8.10) — QPDFPageObjectHelper::getFormXObjectForPage,
// then QPDF::copyForeignObject, which brings its fonts, colour spaces (Separations
// included), images and graphics states along unchanged. Its /BBox is the page's box
// (TrimBox, else CropBox, else MediaBox), so the form is clipped to what the ad is.
#include "pdf/forms.h"

#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include "pdf/util.h"

namespace pdf {

using Obj = QPDFObjectHandle;

std::array<double, 6> form_matrix(const placed::PageInfo& p, double x0, double y0, double w, double h) {
  const placed::Rect& b = p.box;
  const double s = std::min(w / p.width(), h / p.height());
  // The box turned clockwise by /Rotate (ISO 32000-1 Table 30), its lower-left corner
  // then moved to (x0, y0): u, v are the turned page's coordinates.
  switch (p.rotate) {
    case 90: return {0, -s, s, 0, x0 - s * b.y0, y0 + s * b.x1};
    case 180: return {-s, 0, 0, -s, x0 + s * b.x1, y0 + s * b.y1};
    case 270: return {0, s, -s, 0, x0 + s * b.y1, y0 - s * b.x0};
    default: return {s, 0, 0, s, x0 - s * b.x0, y0 - s * b.y0};
  }
}

namespace {

std::string label(const frame::Placed& f) { return (f.id == "masthead" ? "the masthead logo" : "'" + f.id + "'"); }

// The placed file's output intent against ours: a file made for another condition
// prints with other colours than its maker saw (ISO 15930-7 §6.2.4).
void check_intent(const placed::Document& d, const frame::Placed& f, int page, const Resources& res,
                  base::Diagnostics& diag) {
  if (d.output_profile == placed::fingerprint(res.output_profile)) return;
  const std::string ours = res.opt.output.identifier.empty() ? res.output_description : res.opt.output.identifier;
  const std::string what =
      d.output_profile == 0
          ? "has no PDF/X output intent: the condition its colours were made for is unknown"
          : "was made for the output condition '" + (d.output_condition.empty() ? std::string("?") : d.output_condition) +
                "', not this paper's '" + ours + "'";
  diag.warn("ad-output-intent", label(f) + " (" + f.path + ") " + what, f.loc, f.id, page,
            "ask for the ad as PDF/X-4 made for '" + ours + "'");
}

}  // namespace

void prepare_forms(const frame::Document& doc, placed::Library& lib, Resources& res, base::Diagnostics& diag) {
  for (const auto& page : doc.pages)
    for (const auto& f : page.of<frame::Placed>()) {
      const auto key = std::make_pair(f.path, f.page);
      if (res.form_of.count(key)) continue;
      const placed::Document& d = lib.get(f.path, f.loc);
      const std::string what = f.id == "masthead" ? "the masthead logo" : "ad '" + f.id + "'";
      // Checked first: a file over preflight's budgets stops here (placed/check.cpp).
      const auto findings = placed::check(d, f.page, res.opt.ink_limit_percent, what, f.id, f.loc, page.number);
      PreparedForm pf{&d, f.page, placed::page(d, f.page, f.loc), placed::inspect(d, f.page).transparency};
      res.form_of[key] = res.forms.size();
      res.forms.push_back(pf);
      check_intent(d, f, page.number, res, diag);
      for (const auto& finding : findings) diag.add(finding);
    }
}

Obj FormImporter::form(std::size_t k) {
  if (auto it = made_.find(k); it != made_.end()) return it->second;
  const PreparedForm& pf = res_.forms.at(k);
  auto& src = sources_[pf.doc];
  if (!src) {
    src = std::make_unique<QPDF>();
    src->setSuppressWarnings(true);
    src->processMemoryFile(pf.doc->file.string().c_str(), pf.doc->bytes.data(), pf.doc->bytes.size());
  }
  auto pages = QPDFPageDocumentHelper(*src).getAllPages();
  QPDFPageObjectHelper page = pages.at(static_cast<std::size_t>(pf.page - 1));
  // Without /Rotate handling: form_matrix turns it, so the form's space is the page's.
  Obj fo = page.getFormXObjectForPage(false);
  const placed::Rect& b = pf.info.box;
  fo.getDict().replaceKey("/BBox", Obj::parse("[" + num(b.x0) + " " + num(b.y0) + " " + num(b.x1) + " " + num(b.y1) + "]"));
  fo.getDict().removeKey("/Matrix");
  return made_[k] = dest_.copyForeignObject(src->makeIndirectObject(fo));
}

}  // namespace pdf
