// IPTC NITF 3.x stories (docs/import.md "NITF"): head/title, body.head (hedline hl1 /
// hl2, byline, dateline), body.content (p, block with hl2 subheads, media photos with
// media-caption and media-producer, bq, lists), body.end (tagline).
#include <algorithm>

#include "model/copy_xml.h"

namespace model::copy {

namespace {

// NITF's inline markup: <em> is emphasis (set as CJK emphasis, like the issue's <i>);
// q, person, org, location, chron, num, money, a … are text with meaning, set as text.
const InlineMap kNitfInline{{}, {"em"}, {}};

struct NitfReader {
  const XmlScope& s;
  RawStory story;
  std::optional<Raw> dateline;  // a <dateline> waiting for the paragraph it heads

  void head(const XMLElement& nitf);
  void hedline(const XMLElement& h);
  void body_head(const XMLElement& bh);
  void content(const XMLElement& parent);
  void element(const XMLElement& e);
  bool paragraph(const XMLElement& e, TextKind kind = TextKind::Para);
  void media(const XMLElement& m);
};

void NitfReader::head(const XMLElement& nitf) {
  const XMLElement* head = child(nitf, "head");
  if (!head) return;
  if (const XMLElement* docdata = child(*head, "docdata"))
    if (const XMLElement* id = child(*docdata, "doc-id"))
      if (const char* v = attr(*id, "id-string")) story.name = v;
  const XMLElement* title = child(*head, "title");
  if (title && s.opt.kicker == "title") story.head.push_back(raw_text(*title, TextKind::Kicker, kNitfInline));
}

// hl1 is the headline; hl2 the subtitle (副题), or the kicker (引题) when the layout
// desk says its agency writes the kicker there (kicker="hl2").
void NitfReader::hedline(const XMLElement& h) {
  bool kicker_taken = false;
  std::vector<Raw> kickers, rest;
  for (const XMLElement* c = h.FirstChildElement(); c; c = c->NextSiblingElement()) {
    const std::string n = local(*c);
    if (n == "hl1") rest.push_back(raw_text(*c, TextKind::Headline, kNitfInline));
    else if (n == "hl2" && s.opt.kicker == "hl2" && !kicker_taken) {
      kickers.push_back(raw_text(*c, TextKind::Kicker, kNitfInline));
      kicker_taken = true;
    } else if (n == "hl2") rest.push_back(raw_text(*c, TextKind::Subtitle, kNitfInline));
  }
  story.head.insert(story.head.end(), kickers.begin(), kickers.end());
  story.head.insert(story.head.end(), rest.begin(), rest.end());
}

void NitfReader::body_head(const XMLElement& bh) {
  for (const XMLElement* c = bh.FirstChildElement(); c; c = c->NextSiblingElement()) {
    const std::string n = local(*c);
    if (n == "hedline") hedline(*c);
    else if (n == "byline") story.body.push_back(raw_text(*c, TextKind::Byline, kNitfInline));
    else if (n == "dateline") dateline = raw_text(*c, TextKind::Para, kNitfInline);
    // note, rights, distributor, abstract, series: about the story, not printed with it.
  }
}

bool NitfReader::paragraph(const XMLElement& e, TextKind kind) {
  Raw r = raw_text(e, kind, kNitfInline);
  if (r.blank()) return false;  // <p/> and empty list items are not paragraphs
  story.body.push_back(std::move(r));
  return true;
}

void NitfReader::media(const XMLElement& m) {
  const char* type = attr(m, "media-type");
  if (type && std::string(type) != "image" && std::string(type) != "photo" && std::string(type) != "graphic") {
    s.warn(m, "NITF <media media-type=\"" + std::string(type) + "\"> skipped: only images are set in print");
    return;
  }
  RawPhoto p;
  p.line = m.GetLineNum();
  for (const XMLElement* ref : children_named(m, "media-reference")) {
    const char* src = attr(*ref, "source");
    if (!src || !*src) continue;
    const auto path = image_path(src, s.folder);
    if (p.src.empty() || (!local_file_exists(p.src) && local_file_exists(path))) p.src = path;
  }
  for (const XMLElement* cap : children_named(m, "media-caption")) {
    Raw r = raw_text(*cap, TextKind::Caption, kNitfInline);
    if (r.blank()) continue;
    if (!p.caption) p.caption = std::move(r);
    else {  // further captions continue the first on a new line
      p.caption->add_br(r.line);
      p.caption->text.insert(p.caption->text.end(), r.text.begin(), r.text.end());
    }
  }
  if (const XMLElement* prod = child(m, "media-producer")) {
    Raw r = raw_text(*prod, TextKind::Credit, kNitfInline);
    if (!r.blank()) p.credit = std::move(r);
  }
  if (p.src.empty() && child(m, "media-object"))
    s.warn(m, "NITF <media-object> (image data inside the file) is not read: give the image as a file with "
              "<media-reference source=\"…\"/>");
  story.photos.push_back(std::move(p));
}

void NitfReader::element(const XMLElement& e) {
  const std::string n = local(e);
  if (n == "p" || n == "pre") {
    if (paragraph(e) && dateline) {
      std::vector<Raw> one{std::move(story.body.back())};
      run_in_dateline(one, *dateline);
      story.body.back() = std::move(one.front());
      dateline.reset();
    }
  } else if (n == "hl1" || n == "hl2") paragraph(e, TextKind::Subhead);
  else if (n == "block" || n == "bq" || n == "ol" || n == "ul" || n == "dl") content(e);
  else if (n == "li" || n == "dt" || n == "dd" || n == "tagline") paragraph(e, n == "tagline" ? TextKind::Byline : TextKind::Para);
  else if (n == "byline") paragraph(e, TextKind::Byline);
  else if (n == "dateline") dateline = raw_text(e, TextKind::Para, kNitfInline);
  else if (n == "media") media(e);
  else if (n == "table" || n == "nitf-table")
    s.warn(e, "NITF <" + n + "> skipped: tables are not set as running text; place the table as an image");
  else if (n == "fn" || n == "note")
    s.warn(e, "NITF <" + n + "> skipped: footnotes and editorial notes are not printed with the story");
  // hr, tobject, key-list, classifier, copyrite, datasource, credit, bibliography: not text.
}

void NitfReader::content(const XMLElement& parent) {
  for (const XMLElement* c = parent.FirstChildElement(); c; c = c->NextSiblingElement()) element(*c);
}

}  // namespace

RawStory read_nitf_story(const XMLElement& nitf, const XmlScope& s) {
  NitfReader r{s, {}, {}};
  r.story.line = nitf.GetLineNum();
  r.head(nitf);
  const XMLElement* body = child(nitf, "body");
  if (!body)
    throw base::Error({s.file, nitf.GetLineNum()}, "the NITF story has no <body>",
                      "write the story in <body><body.head>…</body.head><body.content><p>…</p></body.content></body>");
  if (const XMLElement* bh = child(*body, "body.head")) r.body_head(*bh);
  const bool has_hl1 = std::any_of(r.story.head.begin(), r.story.head.end(),
                                   [](const Raw& x) { return x.kind == TextKind::Headline; });
  const XMLElement* head = child(nitf, "head");
  const XMLElement* title = head ? child(*head, "title") : nullptr;
  if (!has_hl1 && title && s.opt.kicker != "title")  // no hedline: the document title is the headline
    r.story.head.push_back(raw_text(*title, TextKind::Headline, kNitfInline));
  if (const XMLElement* bc = child(*body, "body.content")) r.content(*bc);
  if (const XMLElement* be = child(*body, "body.end")) r.content(*be);
  if (r.dateline) run_in_dateline(r.story.body, *r.dateline);  // no paragraph after it in its block
  if (std::none_of(r.story.body.begin(), r.story.body.end(), [](const Raw& x) { return x.kind == TextKind::Para; }))
    throw base::Error({s.file, body->GetLineNum()}, "the NITF story has no paragraphs (no <p> with text in <body.content>)",
                      "write the story's text as <p>…</p> in <body.content>");
  return std::move(r.story);
}

}  // namespace model::copy
