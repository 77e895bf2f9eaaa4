// The blocks of a page: <article> (with <frame>s and nested <photo>s), <photo>, <banner>.
#include <algorithm>
#include <filesystem>

#include "model/copy_attach.h"
#include "model/issue_parse.h"
#include "model/limits.h"

namespace model {

namespace {

const char* kRectAttrs[] = {"col", "cols", "row", "rows"};

// Bounded by the largest grid any layout may have (model/limits.h), so that sums such as
// col + cols never overflow in the checks and in flow; the layout's own grid is checked
// later (check_grid), with both numbers in the message.
}  // namespace

GridRect read_rect(const xml::Node& n, int rows_default) {
  GridRect r;
  r.col = n.integer("col", 1, limits::kMaxColumns);
  r.cols = n.integer("cols", 1, limits::kMaxColumns);
  r.row = n.integer("row", 1, limits::kMaxRows);
  r.rows = rows_default > 0 ? n.opt_integer("rows", 1, limits::kMaxRows).value_or(rows_default)
                            : n.integer("rows", 1, limits::kMaxRows);
  return r;
}

int read_columns(const xml::Node& n) { return n.opt_integer("columns", 1, limits::kMaxColumns).value_or(0); }

std::filesystem::path resource_path(const xml::Node& n, const char* attr, const std::string& kind,
                                    const std::string& of, const IssueScope& s) {
  const std::string value = n.req(attr);
  const std::filesystem::path p = s.folder / value;
  const std::string what = kind + " '" + p.string() + "'" + of;
  if (value.empty()) n.fail(attr, "empty " + std::string(attr) + "=", "write the file's path");
  // Files stay inside the issue's folder tree or the resource folders (docs/format.md
  // "Limits"), and are regular files within their size limit.
  if (!base::path_within(p, s.ctx.resource_roots(s.folder)))
    n.fail(attr, what + base::resolved_note(p) + " is outside the issue's folder",
           "copy the file into the issue's folder (or a folder below it), or allow its folder with --allow-paths DIR");
  std::error_code ec;
  if (std::filesystem::exists(p, ec) || std::filesystem::is_symlink(p, ec)) {
    const bool pdf = p.extension() == ".pdf" || p.extension() == ".PDF";
    base::check_input_file(p, n.at(attr), what,
                           pdf ? base::SizeLimit{s.ctx.limits.pdf_bytes, "pdf-size"}
                               : base::SizeLimit{s.ctx.limits.image_bytes, "image-size"});
  }
  return p;
}

std::filesystem::path image_path(const xml::Node& n, const char* attr, const std::string& kind, const std::string& of,
                                 const IssueScope& s) {
  const std::filesystem::path p = resource_path(n, attr, kind, of, s);
  std::error_code ec;
  if (!std::filesystem::exists(p, ec))
    n.fail(attr, kind + " '" + p.string() + "'" + of + " not found",
           "correct " + std::string(attr) + "= (relative paths start at the issue file's folder) or add the file");
  return p;
}

namespace {

// All four placement attributes, or none (then nullopt).
std::optional<GridRect> read_opt_rect(const xml::Node& n) {
  for (const char* a : kRectAttrs)
    if (n.has(a)) return read_rect(n);
  return std::nullopt;
}

std::string read_id(const xml::Node& n, bool required) {
  const auto id = required ? std::optional(n.req("id")) : n.opt("id");
  if (id && id->empty()) n.fail("id", "empty id on " + n.tag(), "give the block a name, e.g. id=\"lead\"");
  return id.value_or("");
}

Frame read_frame(const xml::Node& n, int page, const IssueScope& s, const Article& a) {
  n.allow({"col", "cols", "row", "rows", "page", "style", "columns", "dir", "tiers"});
  if (const auto* inner = n.e.FirstChildElement()) n.unknown_child(*inner, "");
  n.no_loose_text();
  style_attr(n, s.layout, "");
  Frame f;
  f.loc = n.at();
  f.rect = read_rect(n);
  f.page = n.opt_integer("page", 1).value_or(page);
  f.columns = read_columns(n);
  read_direction(n, f.vertical, f.tiers, a.vertical, a.tiers);
  return f;
}

// fit="track shrink-size frames": the copyfitting methods, tried in this order.
void read_fit(const xml::Node& n, Article& a) {
  const std::string v = n.opt("fit").value_or("");
  for (size_t i = 0; i < v.size();) {
    const size_t end = std::min(v.find(' ', i), v.size());
    const std::string w = v.substr(i, end - i);
    i = end + 1;
    if (w.empty()) continue;
    if (w != "track" && w != "shrink-size" && w != "frames")
      n.fail("fit", "fit=\"" + v + "\" of <article>: '" + w + "' is not a copyfitting method",
             "write one or more of track, shrink-size, frames (tried in the order written), e.g. fit=\"track frames\"");
    a.fit.push_back(w == "track" ? FitMethod::Track : w == "shrink-size" ? FitMethod::ShrinkSize : FitMethod::Frames);
  }
  if (n.has("fit") && a.fit.empty()) n.fail("fit", "fit=\"\" of <article> names no method", "write track, shrink-size or frames");
  a.fit_rows = n.opt_integer("fit-rows", 0).value_or(-1);
  if (n.has("fit-rows") && std::find(a.fit.begin(), a.fit.end(), FitMethod::Frames) == a.fit.end())
    n.fail("fit-rows", "fit-rows= of <article> only limits fit=\"frames\"", "add frames to fit=, or remove fit-rows=");
}

void read_article_child(const xml::Node& parent, const xml::Node& c, Article& a, const IssueScope& s) {
  const std::string tag = c.e.Name();
  static const std::pair<const char*, TextKind> kHead[] = {
      {"kicker", TextKind::Kicker}, {"headline", TextKind::Headline}, {"subtitle", TextKind::Subtitle}};
  static const std::pair<const char*, TextKind> kBody[] = {
      {"byline", TextKind::Byline}, {"p", TextKind::Para}, {"subhead", TextKind::Subhead}};
  for (const auto& [name, kind] : kHead) {
    if (tag != name) continue;
    // The head is set across the block's full width above the text (docs/format.md).
    if (!a.body.empty())
      throw base::Error(c.at(), c.tag() + " after the article's text (line " + std::to_string(a.body.front().loc.line) + ")",
                        "move kicker, headline and subtitle before the byline and the first <p>");
    if (kind == TextKind::Headline) read_headline_direction(c, a);  // dir=, side= (竖题)
    a.head.push_back(kind == TextKind::Headline ? read_text_content(c, kind, s) : read_text_block(c, kind, s));
    return;
  }
  for (const auto& [name, kind] : kBody)
    if (tag == name) return a.body.push_back(read_text_block(c, kind, s));
  if (tag == "jumphead") {
    if (a.jumphead)
      throw base::Error(c.at(), "a second <jumphead> in article '" + a.id + "' (the first is at line " +
                                    std::to_string(a.jumphead->loc.line) + ")",
                        "keep one <jumphead>: it heads the continuation on the page the story jumps to");
    a.jumphead = read_text_block(c, TextKind::JumpHead, s);
    return;
  }
  if (tag == "photo") return a.photos.push_back(read_photo(c, a.page, s, parent.has("src")));
  if (tag == "frame") return a.frames.push_back(read_frame(c, a.page, s, a));
  parent.unknown_child(c.e, "kicker, headline, subtitle, byline, p, subhead, jumphead, photo, frame");
}

// A <jumphead> heads a continuation: the story must continue on another page.
void check_jumphead(const Article& a) {
  if (!a.jumphead) return;
  for (size_t i = 1; i < a.frames.size(); ++i)
    if (a.frames[i].page != a.frames[i - 1].page) return;
  throw base::Error(a.jumphead->loc, "<jumphead> in article '" + a.id + "', which does not jump to another page",
                    "remove the <jumphead>, or add a <frame page=\"N\" col= cols= row= rows=/> on the page the story "
                    "continues on");
}

}  // namespace

Article read_article(const xml::Node& n, int page, const IssueScope& s) {
  n.allow({"id", "col", "cols", "row", "rows", "style", "balance", "box", "columns", "rules", "src", "format", "part",
           "copy", "kicker", "fit", "fit-rows", "dir", "tiers"});
  n.no_loose_text();
  Article a;
  read_direction(n, a.vertical, a.tiers, false, 0);
  read_fit(n, a);
  a.box = box_attr(n, s.layout);
  a.columns = read_columns(n);
  a.rules = rules_attr(n, s.layout);
  a.balance = n.choice<bool>("balance", {{"yes", true}, {"no", false}}, true);
  a.loc = n.at();
  a.page = page;
  a.id = read_id(n, true);
  a.style = style_attr(n, s.layout, "");
  const auto rect = read_opt_rect(n);
  for (const auto* c : xml::children(n.e)) {
    read_article_child(n, {*c, s.file}, a, s);
    // docs/format.md "Limits": flow's work per article grows with frames × photos.
    if (a.frames.size() > limits::kMaxFrames || a.photos.size() > limits::kMaxPhotos)
      throw base::Error(xml::loc(s.file, *c), "article '" + a.id + "' has more than " +
                                                  std::to_string(a.frames.size() > limits::kMaxFrames ? limits::kMaxFrames : limits::kMaxPhotos) +
                                                  (a.frames.size() > limits::kMaxFrames ? " frames" : " nested photos") + " (the limit)",
                        "split it into several articles");
  }
  article_from_copy(n, a, s);  // src=: the story's text from a copy file
  if (a.frames.empty() && !rect)
    n.fail(nullptr, "article '" + a.id + "' has no place on the page",
           "add col=, cols=, row=, rows= to the <article>, or list <frame col= cols= row= rows=/> inside it");
  if (!a.frames.empty() && rect)
    n.fail(nullptr, "article '" + a.id + "' is placed both by col/cols/row/rows and by <frame>s",
           "remove col/cols/row/rows from the <article> (write the first frame as a <frame>) or remove the <frame>s");
  if (rect) {
    a.rect = *rect;
    a.frames.push_back({*rect, page, 0, a.loc, a.vertical, a.tiers});  // one frame = the article's rect
  }
  check_vertical(n, a);
  check_jumphead(a);
  // The text starts on the article's own page; later frames may jump elsewhere.
  if (a.frames.front().page != page)
    throw base::Error(a.frames.front().loc,
                      "the first <frame> of article '" + a.id + "' is on page " +
                          std::to_string(a.frames.front().page) + ", not on the article's page " + std::to_string(page),
                      "put the first frame on page " + std::to_string(page) +
                          " (omit page=), and later frames on the pages the text jumps to");
  return a;
}

Photo read_photo(const xml::Node& n, int page, const IssueScope& s, bool in_copy) {
  n.allow({"id", "src", "col", "cols", "row", "rows", "style", "fit", "rules", "from", "format", "part", "copy", "crop",
           "focus"});
  n.no_loose_text();
  Photo p;
  p.rules = rules_attr(n, s.layout);
  p.loc = n.at();
  p.page = page;
  p.id = read_id(n, true);
  p.style = style_attr(n, s.layout, "");
  p.rect = read_rect(n);
  p.fit = n.choice<std::string>("fit", {{"fill", "fill"}, {"fit", "fit"}}, "fill");
  // The image may come from a copy file instead (docs/import.md "Placing copy").
  const std::string src = in_copy || n.has("from") ? n.opt("src").value_or("") : n.req("src");
  if (!src.empty() || n.has("src")) p.src = resource_path(n, "src", "image file", " of photo '" + p.id + "'", s);
  read_photo_media(n, p, s);  // crop=, focus=, and a file not there (yet)
  for (const auto* c : xml::children(n.e)) {
    const std::string tag = c->Name();
    if (tag != "caption" && tag != "credit") n.unknown_child(*c, "caption, credit");
    auto& slot = tag == "caption" ? p.caption : p.credit;
    if (slot)
      throw base::Error(xml::loc(s.file, *c), "photo '" + p.id + "' has a second <" + tag + "> (first at line " +
                                                  std::to_string(slot->loc.line) + ")",
                        "merge them into one <" + tag + ">");
    slot = read_text_block({*c, s.file}, tag == "caption" ? TextKind::Caption : TextKind::Credit, s);
  }
  photo_from_copy(n, p, s, in_copy);  // from=: image, caption and credit from a copy file
  return p;
}

Banner read_banner(const xml::Node& n, int page, const IssueScope& s) {
  n.allow({"id", "col", "cols", "row", "rows", "style", "rules", "src", "format", "part", "copy"});
  Banner b;
  b.rules = rules_attr(n, s.layout);
  b.loc = n.at();
  b.page = page;
  b.id = read_id(n, false);
  b.rect = read_rect(n);
  if (n.has("src")) banner_from_copy(n, b, s);  // the banner's lines from a manuscript
  else b.text = read_text_content(n, TextKind::Banner, s);  // the banner is its own text element
  return b;
}

Rule read_rule(const xml::Node& n, int page, const IssueScope& s) {
  n.allow({"id", "col", "cols", "row", "rows", "stroke"});
  if (const auto* inner = n.e.FirstChildElement()) n.unknown_child(*inner, "");
  n.no_loose_text();
  Rule r;
  r.loc = n.at();
  r.page = page;
  r.id = read_id(n, false);
  r.rect = read_rect(n, 1);
  r.stroke = n.req("stroke");
  const Stroke& st = s.layout.stroke(r.stroke, n.at("stroke"));
  if (st.band() > r.rect.rows * s.layout.pitch)
    n.fail("rows", "stroke '" + r.stroke + "' is taller than the " + std::to_string(r.rect.rows) + " grid line(s) of the rule",
           "give the rule more rows= or use a lighter stroke");
  return r;
}

std::string box_attr(const xml::Node& n, const Layout& layout) {
  const auto v = n.opt("box");
  if (!v) return "";
  layout.box_style(*v, n.at("box"));  // throws: unknown box, listing the layout's boxes
  return *v;
}

std::string rules_attr(const xml::Node& n, const Layout& layout) {
  const auto v = n.opt("rules");
  if (!v) return "";
  layout.stroke(*v, n.at("rules"));
  return *v;
}

}  // namespace model
