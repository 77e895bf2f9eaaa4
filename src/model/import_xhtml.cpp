// XHTML story bodies (NewsML-G2 inlineXML application/xhtml+xml; docs/import.md):
// h1 the headline, h2–h6 subheads (a subtitle right under the headline), p paragraphs
// (class "byline" / "dateline" as their names say), figure with img and figcaption a
// photo, lists and sections read through.
#include <algorithm>
#include <cstring>

#include "model/copy_xml.h"

namespace model::copy {

namespace {

const InlineMap kXhtmlInline{{"b", "strong"}, {"i", "em", "cite", "dfn", "var"}, {"script", "style", "noscript"}};

bool has_class(const XMLElement& e, const char* name) {
  const char* c = attr(e, "class");
  if (!c) return false;
  const std::string cls = std::string(" ") + c + " ";
  return cls.find(std::string(" ") + name + " ") != std::string::npos;
}

// Text directly inside the element (not only in child elements): it is a paragraph.
bool holds_text(const XMLElement& e) {
  for (const tinyxml2::XMLNode* n = e.FirstChild(); n; n = n->NextSibling())
    if (const auto* t = n->ToText())
      if (std::strspn(t->Value(), " \t\r\n") != std::strlen(t->Value())) return true;
  return false;
}

bool is_heading(const std::string& n) { return n.size() == 2 && n[0] == 'h' && n[1] >= '1' && n[1] <= '6'; }

struct XhtmlReader {
  const XmlScope& s;
  RawStory story;
  std::optional<Raw> dateline;

  bool has(TextKind k) const {
    return std::any_of(story.head.begin(), story.head.end(), [k](const Raw& r) { return r.kind == k; });
  }
  void add(Raw r) {
    if (r.blank()) return;
    if (r.kind == TextKind::Para && dateline) {
      std::vector<Raw> one{std::move(r)};
      run_in_dateline(one, *dateline);
      r = std::move(one.front());
      dateline.reset();
    }
    story.body.push_back(std::move(r));
  }
  void heading(const XMLElement& e, const std::string& n);
  void figure(const XMLElement& e);
  void element(const XMLElement& e);
  void content(const XMLElement& parent) {
    for (const XMLElement* c = parent.FirstChildElement(); c; c = c->NextSiblingElement()) element(*c);
  }
};

void XhtmlReader::heading(const XMLElement& e, const std::string& n) {
  Raw r = raw_text(e, TextKind::Headline, kXhtmlInline);
  if (r.blank()) return;
  const bool head_open = story.body.empty();
  if (n == "h1" && head_open && !has(TextKind::Headline)) story.head.push_back(std::move(r));
  else if (head_open && has(TextKind::Headline)) {
    r.kind = TextKind::Subtitle;
    story.head.push_back(std::move(r));
  } else {
    r.kind = TextKind::Subhead;
    story.body.push_back(std::move(r));
  }
}

void XhtmlReader::figure(const XMLElement& e) {
  RawPhoto p;
  p.line = e.GetLineNum();
  const XMLElement* img = e.FirstChildElement();
  while (img && local(*img) != "img") img = img->NextSiblingElement();
  if (img && attr(*img, "src")) p.src = image_path(attr(*img, "src"), s.folder);
  if (const XMLElement* cap = child(e, "figcaption")) {
    // A credit marked in the caption (<span class="credit">) is the credit.
    const XMLElement* credit = nullptr;
    for (const XMLElement* c = cap->FirstChildElement(); c && !credit; c = c->NextSiblingElement())
      if (has_class(*c, "credit")) credit = c;
    p.caption = Raw{TextKind::Caption, {}, cap->GetLineNum()};
    for (const tinyxml2::XMLNode* n = cap->FirstChild(); n; n = n->NextSibling())
      if (n != credit) inline_node(*n, *p.caption, kXhtmlInline);
    if (credit) p.credit = raw_text(*credit, TextKind::Credit, kXhtmlInline);
    if (p.caption->blank()) p.caption.reset();
  }
  story.photos.push_back(std::move(p));
}

void XhtmlReader::element(const XMLElement& e) {
  const std::string n = local(e);
  if (is_heading(n)) heading(e, n);
  else if (n == "figure") figure(e);
  else if (n == "img") {
    RawPhoto p;
    p.line = e.GetLineNum();
    if (attr(e, "src")) p.src = image_path(attr(e, "src"), s.folder);
    story.photos.push_back(std::move(p));
  } else if (n == "p" && has_class(e, "dateline")) dateline = raw_text(e, TextKind::Para, kXhtmlInline);
  else if ((n == "p" && has_class(e, "byline")) || n == "address") add(raw_text(e, TextKind::Byline, kXhtmlInline));
  else if (n == "table") s.warn(e, "XHTML <table> skipped: tables are not set as running text; place the table as an image");
  else if (n == "script" || n == "style" || n == "nav" || n == "form" || n == "hr" || n == "br" || n == "head") {
  } else if (n == "p" || n == "pre" || holds_text(e)) add(raw_text(e, TextKind::Para, kXhtmlInline));
  else content(e);  // div, section, article, blockquote, lists, li holding paragraphs …
}

}  // namespace

RawStory read_xhtml_story(const XMLElement& html, const XmlScope& s) {
  XhtmlReader r{s, {}, {}};
  r.story.line = html.GetLineNum();
  const XMLElement* body = local(html) == "body" ? &html : child(html, "body");
  if (!body)
    throw base::Error({s.file, html.GetLineNum()}, "the XHTML story has no <body>",
                      "write the story's text in <body><h1>…</h1><p>…</p></body>");
  r.content(*body);
  const XMLElement* head = child(html, "head");
  const XMLElement* title = head ? child(*head, "title") : nullptr;
  // The document title names the file; the printed headline is the body's h1 or the
  // item's contentMeta headline (read_newsml), so the title is only a kicker when asked.
  if (title && s.opt.kicker == "title") r.story.head.insert(r.story.head.begin(), raw_text(*title, TextKind::Kicker, kXhtmlInline));
  if (r.dateline) run_in_dateline(r.story.body, *r.dateline);
  return std::move(r.story);
}

}  // namespace model::copy
