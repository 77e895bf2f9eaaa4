// NewsML-G2 (docs/import.md "NewsML-G2"): a newsItem, or the newsItems of a
// newsMessage. A text item's story comes from its contentSet (inline NITF, inline XHTML,
// or inline plain text); contentMeta supplies what the body lacks (headline, by,
// dateline or located) and itemMeta/title the kicker when asked. Picture items become
// photos: the image from remoteContent, caption from description or headline, credit
// from creditline or by.
#include <algorithm>

#include "model/copy_xml.h"

namespace model::copy {

namespace {

const InlineMap kMetaInline{{}, {}, {}};

std::string item_class(const XMLElement& item) {
  const XMLElement* meta = child(item, "itemMeta");
  const XMLElement* cls = meta ? child(*meta, "itemClass") : nullptr;
  const char* q = cls ? attr(*cls, "qcode") : nullptr;
  if (!q) return "text";
  const std::string v = q;
  return v.substr(v.find(':') == std::string::npos ? 0 : v.find(':') + 1);  // ninat:picture → picture
}

bool contains(const char* s, const char* part) { return s && std::string(s).find(part) != std::string::npos; }

void shift_lines(Raw& r, int by) {
  r.line += by;
  for (Ch& c : r.text) c.line += by;
}

// inlineData contenttype="text/plain": a plain-text manuscript inside the item; its lines
// are counted from the element's line.
RawStory plain_text_story(const XMLElement& data, const XmlScope& s) {
  const int by = data.GetLineNum() - 1;
  RawCopy c;
  try {
    c = read_text_copy(data.GetText() ? data.GetText() : "", s.file);
  } catch (const base::Error& e) {
    throw base::Error({s.file, e.loc().line + by}, e.message(), e.fix());
  }
  if (c.stories.empty())
    throw base::Error({s.file, data.GetLineNum()}, "the item's inline text holds no story", "write the story's paragraphs");
  RawStory st = std::move(c.stories.front());
  st.line += by;
  for (Raw& r : st.head) shift_lines(r, by);
  for (Raw& r : st.body) shift_lines(r, by);
  for (auto& n : c.notes) n.loc.line += by;
  s.notes.insert(s.notes.end(), c.notes.begin(), c.notes.end());
  return st;
}

RawStory story_from_content(const XMLElement& item, const XmlScope& s) {
  const XMLElement* set = child(item, "contentSet");
  for (const XMLElement* c = set ? set->FirstChildElement() : nullptr; c; c = c->NextSiblingElement()) {
    const std::string n = local(*c);
    if (n == "inlineXML") {
      const XMLElement* doc = c->FirstChildElement();
      if (doc && local(*doc) == "nitf") return read_nitf_story(*doc, s);
      if (doc && (local(*doc) == "html" || local(*doc) == "body")) return read_xhtml_story(*doc, s);
    } else if (n == "inlineData" && contains(attr(*c, "contenttype"), "text/plain") && !attr(*c, "encoding")) {
      return plain_text_story(*c, s);
    }
  }
  throw base::Error({s.file, set ? set->GetLineNum() : item.GetLineNum()},
                    "the NewsML-G2 text item has no inline story (contentSet with inlineXML holding <nitf> or <html>, "
                    "or inlineData contenttype=\"text/plain\")",
                    "deliver the story inline in the item, or import the NITF or XHTML file its remoteContent names");
}

bool has_kind(const std::vector<Raw>& v, TextKind k) {
  return std::any_of(v.begin(), v.end(), [k](const Raw& r) { return r.kind == k; });
}

bool has_dateline(const std::vector<Raw>& body) {
  for (const Raw& r : body)
    for (const Ch& c : r.text)
      if (c.flags & kDateline) return true;
  return false;
}

// contentMeta headlines: role "…sub…" a subtitle, "…kicker…"/"…over…" a kicker, else the headline.
TextKind headline_kind(const XMLElement& h) {
  const char* role = attr(h, "role");
  if (contains(role, "sub")) return TextKind::Subtitle;
  if (contains(role, "kicker") || contains(role, "over") || contains(role, "upper")) return TextKind::Kicker;
  return TextKind::Headline;
}

int head_rank(TextKind k) { return k == TextKind::Kicker ? 0 : k == TextKind::Headline ? 1 : 2; }

void fill_from_meta(RawStory& st, const XMLElement& item, const XmlScope& s) {
  const XMLElement* meta = child(item, "contentMeta");
  const XMLElement* imeta = child(item, "itemMeta");
  if (const XMLElement* title = imeta ? child(*imeta, "title") : nullptr; title && s.opt.kicker == "title" &&
                                                                           !has_kind(st.head, TextKind::Kicker))
    st.head.push_back(raw_text(*title, TextKind::Kicker, kMetaInline));
  if (meta)
    for (const XMLElement* h : children_named(*meta, "headline")) {
      const TextKind k = headline_kind(*h);
      if (!has_kind(st.head, k)) st.head.push_back(raw_text(*h, k, kMetaInline));
    }
  const XMLElement* title = imeta ? child(*imeta, "title") : nullptr;
  if (title && s.opt.kicker != "title" && !has_kind(st.head, TextKind::Headline))  // the item's name, at least
    st.head.push_back(raw_text(*title, TextKind::Headline, kMetaInline));
  std::stable_sort(st.head.begin(), st.head.end(),
                   [](const Raw& a, const Raw& b) { return head_rank(a.kind) < head_rank(b.kind); });
  if (!meta) return;
  if (!has_kind(st.body, TextKind::Byline)) {
    std::vector<Raw> by;
    for (const XMLElement* b : children_named(*meta, "by")) by.push_back(raw_text(*b, TextKind::Byline, kMetaInline));
    st.body.insert(st.body.begin(), by.begin(), by.end());
  }
  if (has_dateline(st.body)) return;
  if (const XMLElement* d = child(*meta, "dateline")) run_in_dateline(st.body, raw_text(*d, TextKind::Para, kMetaInline));
  else if (const XMLElement* loc = child(*meta, "located"))
    if (const XMLElement* name = child(*loc, "name")) run_in_dateline(st.body, raw_text(*name, TextKind::Para, kMetaInline));
}

RawPhoto picture(const XMLElement& item, const XmlScope& s) {
  RawPhoto p;
  p.line = item.GetLineNum();
  if (const XMLElement* set = child(item, "contentSet"))
    for (const XMLElement* rc : children_named(*set, "remoteContent")) {
      const char* href = attr(*rc, "href");
      if (!href || !*href) continue;
      const auto path = image_path(href, s.folder);
      if (p.src.empty() || (!local_file_exists(p.src) && local_file_exists(path))) p.src = path;
    }
  const XMLElement* meta = child(item, "contentMeta");
  if (!meta) return p;
  const XMLElement* caption = nullptr;
  for (const XMLElement* d : children_named(*meta, "description"))
    if (!caption || contains(attr(*d, "role"), "caption")) caption = d;
  if (!caption) caption = child(*meta, "headline");
  if (caption) p.caption = raw_text(*caption, TextKind::Caption, kMetaInline);
  const XMLElement* credit = child(*meta, "creditline");
  if (!credit) credit = child(*meta, "by");
  if (credit) p.credit = raw_text(*credit, TextKind::Credit, kMetaInline);
  return p;
}

void read_item(const XMLElement& item, const XmlScope& s, RawCopy& out) {
  const std::string cls = item_class(item);
  if (cls == "picture" || cls == "graphic") {
    out.photos.push_back(picture(item, s));
  } else if (cls == "text" || cls == "composite") {
    RawStory st = story_from_content(item, s);
    st.line = item.GetLineNum();
    if (const char* guid = attr(item, "guid")) st.name = guid;
    fill_from_meta(st, item, s);
    out.stories.push_back(std::move(st));
  } else {
    s.warn(item, "NewsML-G2 " + cls + " item skipped: only text and picture items are set in print");
  }
}

}  // namespace

void read_newsml(const XMLElement& root, const XmlScope& s, RawCopy& out) {
  const std::string name = local(root);
  if (name == "packageItem")
    throw base::Error({s.file, root.GetLineNum()}, "a NewsML-G2 packageItem only refers to its items",
                      "import the newsItem files it lists, or a newsMessage that holds them");
  std::vector<const XMLElement*> items;
  if (name == "newsItem") items.push_back(&root);
  else if (const XMLElement* set = child(root, "itemSet"))
    for (const XMLElement* c = set->FirstChildElement(); c; c = c->NextSiblingElement()) {
      if (local(*c) == "newsItem") items.push_back(c);
      else s.warn(*c, "NewsML-G2 <" + local(*c) + "> in the itemSet skipped: only newsItems are read");
    }
  for (const XMLElement* item : items) read_item(*item, s, out);
  if (out.stories.empty() && out.photos.empty())
    throw base::Error({s.file, root.GetLineNum()}, "the NewsML-G2 file holds no text or picture item",
                      "pass a newsItem with itemClass ninat:text (or ninat:picture), or a newsMessage holding them");
}

}  // namespace model::copy
