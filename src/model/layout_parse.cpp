// Parsing a layout file (layouts/NAME.xml; format in docs/format.md "Layout files").
#include <array>
#include <filesystem>
#include <map>
#include <sstream>

#include "model/layout_parse.h"
#include "model/limits.h"

namespace model {

namespace {

// Every layout must define these: the engine asks for them by name (docs/format.md).
constexpr std::array<const char*, 12> kRequiredStyles{"body",    "kicker",  "headline", "subtitle",
                                                      "byline",  "dateline", "subhead", "caption",
                                                      "credit",  "banner",  "folio",    "jump"};

std::string mm_text(Len l) {
  std::ostringstream s;
  s.imbue(std::locale::classic());
  s.setf(std::ios::fixed);
  s.precision(1);
  s << base::to_mm(l) << " mm";
  return s.str();
}

void read_styles(const xml::Node& root, Layout& lay) {
  for (const auto* c : xml::children(root.e)) {
    if (std::string(c->Name()) != "style") continue;
    Style s = parse_style({*c, root.file});
    if (const auto it = lay.styles.find(s.name); it != lay.styles.end())
      throw base::Error(s.loc, "style '" + s.name + "' is defined twice (first at line " +
                                   std::to_string(it->second.loc.line) + ")",
                        "remove one of the two definitions or rename one");
    lay.styles.emplace(s.name, s);
  }
  std::string missing;
  for (const char* name : kRequiredStyles)
    if (!lay.styles.count(name)) missing += (missing.empty() ? "" : ", ") + std::string(name);
  if (!missing.empty())
    throw base::Error(lay.loc, "layout file " + root.file + " lacks required style(s): " + missing,
                      "add <style name=\"…\" …/> for each; every layout defines: body, kicker, headline, subtitle, "
                      "byline, dateline, subhead, caption, credit, banner, folio, jump");
}

void read_page(const xml::Node& n, Layout& lay) {
  using namespace limits;
  n.allow({"width", "height", "bleed", "marks", "marks-length"});
  lay.trim_w = n.length("width", 0, false);
  n.within("width", lay.trim_w, 1, kMaxMedia);
  lay.trim_h = n.length("height", 0, false);
  n.within("height", lay.trim_h, 1, kMaxMedia);
  lay.bleed = n.opt_length("bleed", 0, true).value_or(lay.bleed);
  n.within("bleed", lay.bleed, 0, kMaxBleed);
  lay.crop_marks = n.yes_no("marks", lay.crop_marks);
  lay.marks_length = n.opt_length("marks-length", 0, false).value_or(lay.marks_length);
  n.within("marks-length", lay.marks_length, 1, kMaxMarks);
  // The media box: trim, bleed and the marks with their 3 mm offset on both sides
  // (flow.cpp new_page) within PDF's largest page.
  const Len slug = 2 * (lay.bleed + (lay.crop_marks ? lay.marks_length + base::from_mm(3) : 0));
  if (lay.trim_w + slug > kMaxMedia || lay.trim_h + slug > kMaxMedia)
    n.fail(nullptr,
           "the page with bleed and crop marks is " + mm_text(lay.trim_w + slug) + " × " + mm_text(lay.trim_h + slug) +
               ", larger than PDF's largest page, " + mm_text(kMaxMedia) + " on a side (PDF 1.7 Annex C.2)",
           "check width and height (a newspaper page is under 1000 mm); lengths are in mm, pt or q");
}

void read_grid(const xml::Node& n, Layout& lay) {
  n.allow({"columns", "column-width", "gutter", "rows", "pitch"});
  // Widths may be in em of the body size: a column of whole body ems needs no
  // adjustment for a line of pure Han text (docs/typography.md "The character grid").
  using namespace limits;
  const Len em = lay.styles.at("body").size;
  lay.columns = n.integer("columns", 1, kMaxColumns);
  lay.column_width = n.length("column-width", em, false);
  n.within("column-width", lay.column_width, kMinColumnWidth, kMaxMedia);
  lay.gutter = n.length("gutter", em, true);
  n.within("gutter", lay.gutter, 0, kMaxMedia);
  lay.rows = n.integer("rows", 1, kMaxRows);
  lay.pitch = n.length("pitch", em, false);
  n.within("pitch", lay.pitch, kMinPitch, kMaxMedia);
}

// Grid lines a style asks for (lines, space-before, space-after) fit in the grid.
void check_style_lines(const xml::Node& root, const Layout& lay) {
  for (const auto* c : xml::children(root.e)) {
    if (std::string(c->Name()) != "style") continue;
    const xml::Node n{*c, root.file};
    for (const char* attr : {"lines", "space-before", "space-after"})
      if (n.has(attr)) n.opt_integer(attr, 0, lay.rows);
  }
}

void read_setting(const xml::Node& n, Layout& lay) {
  const std::string tag = n.e.Name();
  if (tag == "print") {
    n.allow({"ink-limit", "pdfx", "ad-tolerance"});
    // Total area coverage in percent (docs/print.md "Colour"): at most 4 × 100 %.
    lay.ink_limit_percent = n.opt_integer("ink-limit", 1).value_or(lay.ink_limit_percent);
    // The PDF/X standard the plant takes (docs/print.md "PDF/X-1a, X-3 and X-4").
    if (n.has("pdfx"))
      lay.pdfx = n.choice<base::PdfX>("pdfx", {{"1a", base::PdfX::X1a2001}, {"3", base::PdfX::X3_2002}, {"4", base::PdfX::X4}},
                                      base::PdfX::X4);
    if (lay.ink_limit_percent > 400)
      n.fail("ink-limit", "ink-limit=\"" + std::to_string(lay.ink_limit_percent) + "\" is above 400 %",
             "write the total ink limit of the printing condition in percent, e.g. 240");
    // How far an ad's page box may be scaled to fill its slot (docs/format.md "Ads").
    if (const auto t = n.opt_integer("ad-tolerance", 0)) {
      if (*t > 20) n.fail("ad-tolerance", "ad-tolerance=\"" + std::to_string(*t) + "\" is above 20 %",
                          "write how far an ad may be scaled, in percent (0 to 20; default 3)");
      lay.ad_tolerance_percent = *t;
    }
  } else if (tag == "jump") {
    n.allow({"to", "from"});
    lay.jump_to = n.opt("to").value_or(lay.jump_to);
    lay.jump_from = n.opt("from").value_or(lay.jump_from);
    for (const char* a : {"to", "from"})
      if (n.has(a) && n.opt(a)->find("{page}") == std::string::npos)
        n.fail(a, "jump line " + std::string(a) + "=\"" + *n.opt(a) + "\" does not contain {page}",
               "write {page} where the page number goes, e.g. （下转第{page}版）");
  } else if (tag == "rules") {
    n.allow({"between-blocks", "stroke"});
    n.req("between-blocks");
    lay.block_rules = n.yes_no("between-blocks", true);
    if (const auto st = n.opt("stroke")) {
      lay.stroke(*st, n.at("stroke"));
      lay.block_rule_stroke = *st;
    }
  }
}

// Right and bottom margins are what the page leaves after the left/top margin and the
// grid; a grid larger than the page is an error, not a silent overflow.
void derive_margins(const xml::Node& margins, const xml::Node& grid, Layout& lay) {
  const Len text_w = lay.columns * lay.column_width + (lay.columns - 1) * lay.gutter;
  const Len text_h = lay.rows * lay.pitch;
  lay.margin_right = lay.trim_w - lay.margin_left - text_w;
  lay.margin_bottom = lay.trim_h - lay.margin_top - text_h;
  if (lay.margin_right < 0)
    grid.fail(nullptr,
              "the grid is wider than the page: left margin + " + std::to_string(lay.columns) +
                  " columns and gutters = " + mm_text(lay.margin_left + text_w) + ", page width " +
                  mm_text(lay.trim_w) + " (right margin would be " + mm_text(lay.margin_right) + ")",
              "reduce columns, column-width or gutter, or the left margin (line " +
                  std::to_string(margins.e.GetLineNum()) + "), or widen the page");
  if (lay.margin_bottom < 0)
    grid.fail(nullptr,
              "the grid is taller than the page: top margin + " + std::to_string(lay.rows) + " rows × pitch = " +
                  mm_text(lay.margin_top + text_h) + ", page height " + mm_text(lay.trim_h) +
                  " (bottom margin would be " + mm_text(lay.margin_bottom) + ")",
              "reduce rows or pitch, or the top margin (line " + std::to_string(margins.e.GetLineNum()) +
                  "), or make the page taller");
}

// Each structural element at most once; page, margins and grid are required.
std::map<std::string, const tinyxml2::XMLElement*> sections(const xml::Node& root) {
  std::map<std::string, const tinyxml2::XMLElement*> out;
  for (const auto* c : xml::children(root.e)) {
    const std::string tag = c->Name();
    if (tag == "style" || tag == "stroke" || tag == "box") continue;
    if (tag != "page" && tag != "margins" && tag != "grid" && tag != "print" && tag != "jump" && tag != "rules")
      root.unknown_child(*c, "page, margins, grid, print, jump, rules, style, stroke, box");
    if (const auto it = out.find(tag); it != out.end())
      throw base::Error(xml::loc(root.file, *c), "<" + tag + "> is written twice (first at line " +
                                                     std::to_string(it->second->GetLineNum()) + ")",
                        "keep one <" + tag + "> element");
    if (const auto* inner = c->FirstChildElement()) xml::Node{*c, root.file}.unknown_child(*inner, "");
    out[tag] = c;
  }
  for (const char* tag : {"page", "margins", "grid"})
    if (!out.count(tag))
      throw base::Error(root.at(), "layout file " + root.file + " has no <" + tag + "> element",
                        "add the <" + std::string(tag) + " …/> element (see docs/format.md, \"Layout files\")");
  return out;
}

}  // namespace

Layout parse_layout(const std::string& bytes, const std::string& file, const base::Limits& limits) {
  tinyxml2::XMLDocument doc(true, tinyxml2::PRESERVE_WHITESPACE);
  const xml::Node root{xml::parse(doc, bytes, file, "layout", limits), file};
  root.allow({"name", "description"});
  root.no_loose_text();
  Layout lay;
  lay.loc = root.at();
  lay.name = root.opt("name").value_or(std::filesystem::path(file).stem().string());
  lay.description = root.opt("description").value_or("");
  const auto sec = sections(root);
  read_styles(root, lay);  // first: the grid may be written in em of the body size
  read_page({*sec.at("page"), file}, lay);
  const xml::Node margins{*sec.at("margins"), file};
  margins.allow({"top", "left"});
  lay.margin_top = margins.length("top", 0, true);
  margins.within("top", lay.margin_top, 0, limits::kMaxMedia);
  lay.margin_left = margins.length("left", 0, true);
  margins.within("left", lay.margin_left, 0, limits::kMaxMedia);
  const xml::Node grid{*sec.at("grid"), file};
  read_grid(grid, lay);
  check_style_lines(root, lay);
  read_strokes_and_boxes(root, lay);  // after the grid: box padding is checked against the pitch
  for (const char* tag : {"print", "jump", "rules"})
    if (sec.count(tag)) read_setting({*sec.at(tag), file}, lay);
  derive_margins(margins, grid, lay);
  return lay;
}

}  // namespace model
