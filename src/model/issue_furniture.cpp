// Page furniture of a city paper (docs/format.md "Briefs, masthead, ear"): <briefs> (简讯),
// <masthead> (报头) and <ear> (报眼).
#include <filesystem>

#include "model/issue_parse.h"

namespace model {

namespace {

std::string optional_id(const xml::Node& n) {
  const auto id = n.opt("id");
  if (id && id->empty()) n.fail("id", "empty id on " + n.tag(), "give the block a name, or leave id= out");
  return id.value_or("");
}

}  // namespace

Briefs read_briefs(const xml::Node& n, int page, const IssueScope& s) {
  n.allow({"id", "col", "cols", "row", "rows", "box", "columns", "rules", "style"});
  n.no_loose_text();
  style_attr(n, s.layout, "");
  Briefs b;
  b.loc = n.at();
  b.page = page;
  b.id = optional_id(n);
  b.rect = read_rect(n);
  b.box = box_attr(n, s.layout);
  b.columns = read_columns(n);
  b.rules = rules_attr(n, s.layout);
  for (const auto* c : xml::children(n.e)) {
    const xml::Node child{*c, s.file};
    const std::string tag = c->Name();
    if (tag == "headline" && b.items.empty()) b.head.push_back(read_text_block(child, TextKind::Headline, s));
    else if (tag == "item") b.items.push_back(read_text_block(child, TextKind::Item, s));
    else if (tag == "headline")
      throw base::Error(child.at(), "<headline> after the items of <briefs>", "move the headline before the first <item>");
    else n.unknown_child(*c, "headline, item");
  }
  if (b.items.empty())
    n.fail(nullptr, "<briefs> has no <item>", "add one <item><lead>…</lead>text</item> per news item");
  return b;
}

Masthead read_masthead(const xml::Node& n, int page, const IssueScope& s) {
  n.allow({"id", "col", "cols", "row", "rows", "logo", "cn", "post", "pages", "rules"});
  if (const auto* inner = n.e.FirstChildElement()) n.unknown_child(*inner, "");
  n.no_loose_text();
  Masthead m;
  m.loc = n.at();
  m.page = page;
  m.id = optional_id(n);
  m.rect = read_rect(n);
  m.cn = n.opt("cn").value_or("");
  m.post = n.opt("post").value_or("");
  m.pages = n.opt_integer("pages", 1).value_or(0);
  m.rules = rules_attr(n, s.layout);
  if (const auto logo = n.opt("logo")) {
    const std::string ext = (s.folder / *logo).extension().string();
    // A PDF logo is placed as a form (its vectors kept); an SVG would have to be
    // converted, and the only converter at hand (librsvg) draws through cairo's PDF
    // surface, which rewrites colours as RGB: it is refused, with the way to a PDF.
    if (ext == ".svg" || ext == ".SVG" || ext == ".svgz")
      n.fail("logo", "logo '" + *logo + "' is an SVG file, which paperset does not convert",
             "export the logo as PDF (vectors, CMYK or spot colours, fonts outlined), e.g. from Illustrator or "
             "Inkscape: Save As PDF, and give that file as logo=");
    m.logo = image_path(n, "logo", "logo file", "", s);
  } else if (!s.layout.find_style("masthead")) {
    n.fail(nullptr, "a <masthead> without logo= sets the paper's name in the layout's 'masthead' style, which layout '" +
                        s.layout.name + "' does not define",
           "add logo=\"…png\", or a <style name=\"masthead\" …/> to the layout");
  }
  return m;
}

// <ear>: a small story beside the masthead — an article with one frame and, by default,
// the layout's box named "ear", its text in one column.
Article read_ear(const xml::Node& n, int page, const IssueScope& s) {
  Article a = read_article(n, page, s);
  a.ear = true;
  if (a.frames.size() != 1 || a.rect.empty())
    throw base::Error(a.loc, "<ear> '" + a.id + "' must be placed by col, cols, row, rows",
                      "write col=, cols=, row=, rows= on the <ear> (an ear has one frame and no jumps)");
  if (a.box.empty() && s.layout.boxes.count("ear")) a.box = "ear";
  if (a.columns == 0) a.columns = 1;  // an ear is set in one column across its frame
  return a;
}

}  // namespace model
