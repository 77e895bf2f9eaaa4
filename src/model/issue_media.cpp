// Photos and ads as they arrive (docs/format.md "Photos and ads"): a photo's crop= and
// focus=, a photo or ad file that is not there yet (a placeholder with
// --allow-missing-photos / --allow-missing-ads), and the <ad> block.
#include <filesystem>
#include <sstream>

#include "model/issue_parse.h"
#include "model/numbers.h"

namespace model {

namespace {

// The words of an attribute's value, split at spaces.
std::vector<std::string> words(const std::string& v) {
  std::istringstream in(v);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

Crop read_crop(const xml::Node& n) {
  const std::string v = *n.opt("crop");
  const auto w = words(v);
  const char* fix = "write crop=\"x y w h\": the shown part of the upright image in pixels (crop=\"120 0 1600 1200\") "
                    "or in percent (crop=\"10% 0% 80% 100%\"), all four in the same unit";
  if (w.size() != 4) n.fail("crop", "crop=\"" + v + "\" does not have four values", fix);
  Crop c;
  double* out[4] = {&c.x, &c.y, &c.w, &c.h};
  int percents = 0;
  for (int i = 0; i < 4; ++i) {
    std::string t = w[static_cast<size_t>(i)];
    if (!t.empty() && t.back() == '%') t.pop_back(), ++percents;
    const auto d = num::decimal(t);
    if (!d || *d < 0) n.fail("crop", "crop=\"" + v + "\": '" + w[static_cast<size_t>(i)] + "' is not a number ≥ 0", fix);
    *out[i] = *d;
  }
  if (percents != 0 && percents != 4) n.fail("crop", "crop=\"" + v + "\" mixes pixels and percent", fix);
  c.percent = percents == 4;
  if (c.w <= 0 || c.h <= 0) n.fail("crop", "crop=\"" + v + "\" has no width or height", fix);
  if (c.percent && (c.x + c.w > 100.0001 || c.y + c.h > 100.0001))
    n.fail("crop", "crop=\"" + v + "\" reaches beyond the image (x + w and y + h must be at most 100%)", fix);
  return c;
}

std::pair<double, double> read_focus(const xml::Node& n) {
  const std::string v = *n.opt("focus");
  const auto w = words(v);
  const char* fix = "write focus=\"x y\" as fractions of the image's width and height from its top-left corner, "
                    "e.g. focus=\"0.3 0.4\" (0.5 0.5 is the centre)";
  std::optional<double> x, y;
  if (w.size() == 2) x = num::decimal(w[0]), y = num::decimal(w[1]);
  if (!x || !y || *x < 0 || *x > 1 || *y < 0 || *y > 1)
    n.fail("focus", "focus=\"" + v + "\" is not two numbers from 0 to 1", fix);
  return {*x, *y};
}

bool file_there(const std::filesystem::path& p) {
  std::error_code ec;
  return !p.empty() && std::filesystem::is_regular_file(p, ec);
}

void note(const IssueScope& s, const std::string& code, const std::string& message, const base::Loc& loc,
          const std::string& id, int page, const std::string& fix) {
  if (!s.notes) return;
  base::Finding f;
  f.severity = base::Severity::Warning;
  f.code = code, f.message = message, f.loc = loc, f.article = id, f.page = page, f.fix = fix;
  s.notes->push_back(f);
}

}  // namespace

void read_photo_media(const xml::Node& n, Photo& p, const IssueScope& s) {
  if (n.has("crop")) p.crop = read_crop(n);
  if (n.has("focus")) p.focus = read_focus(n);
  if (!n.has("src") || file_there(p.src)) return;
  const std::string what = "image file '" + p.src.string() + "' of photo '" + p.id + "' not found";
  if (!s.options || !s.options->allow_missing_photos || n.opt("src")->empty())
    n.fail("src", what,
           "correct src= (relative paths start at the issue file's folder) or add the image file; "
           "--allow-missing-photos builds the page with a placeholder");
  p.missing = true;
  note(s, "photo-missing", what + ": a placeholder box stands in its place", n.at("src"), p.id, p.page,
       "add the photo before the page goes to press");
}

Ad read_ad(const xml::Node& n, int page, const IssueScope& s) {
  n.allow({"id", "src", "page", "col", "cols", "row", "rows", "client", "rules"});
  if (const auto* inner = n.e.FirstChildElement()) n.unknown_child(*inner, "");
  n.no_loose_text();
  Ad a;
  a.loc = n.at();
  a.page = page;
  a.id = n.req("id");
  if (a.id.empty()) n.fail("id", "empty id on <ad>", "give the ad a name, e.g. id=\"p3-ad\"");
  a.rect = {n.integer("col", 1), n.integer("cols", 1), n.integer("row", 1), n.integer("rows", 1)};
  a.src_page = n.opt_integer("page", 1).value_or(1);
  a.client = n.opt("client").value_or("");
  a.rules = rules_attr(n, s.layout);
  const auto src = n.opt("src");
  if (src && !src->empty()) a.src = resource_path(n, "src", "ad file", " of ad '" + a.id + "'", s);
  if (file_there(a.src)) return a;
  const std::string what = src ? "ad file '" + a.src.string() + "' of ad '" + a.id + "' not found"
                               : "ad '" + a.id + "' has no src= (its file has not been delivered)";
  if (!s.options || !s.options->allow_missing_ads)
    n.fail(src ? "src" : nullptr, what,
           "add the ad's PDF (or JPEG, PNG, TIFF) as src=, or build with --allow-missing-ads to keep the slot "
           "empty, marked 广告 on the proofs");
  a.missing = true;
  note(s, "ad-missing", what + ": the slot is kept empty", src ? n.at("src") : n.at(), a.id, page,
       "place the ad's file before the page goes to press");
  return a;
}

}  // namespace model
