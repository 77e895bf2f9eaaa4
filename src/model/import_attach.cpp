// Placing copy (docs/import.md "Placing copy"): an <article src=…> takes the text of a
// story of a copy file, its nested <photo>s without src= the story's photos; a
// <photo from=…> takes an image, caption and credit; a <banner src=…> a manuscript's
// slogan lines. Each copy file is read once; its notes join the issue's.
#include <algorithm>

#include "model/copy_attach.h"

namespace model {

namespace fs = std::filesystem;

namespace {

std::optional<CopyFormat> read_format(const xml::Node& n) {
  const auto v = n.opt("format");
  if (!v) return std::nullopt;
  const auto f = format_from_name(*v);
  if (!f)
    n.fail("format", "attribute format=\"" + *v + "\" of " + n.tag() + " is not one of: nitf, newsml, text",
           "write format=\"nitf\", \"newsml\" or \"text\", or leave it out (the file's content tells)");
  return f;
}

CopyOptions options(const xml::Node& n, const IssueScope& s) {
  CopyOptions o;
  o.clean = !s.imports->keep_copy && n.choice<bool>("copy", {{"clean", true}, {"keep", false}}, true);
  o.kicker = n.choice<std::string>("kicker", {{"none", "none"}, {"hl2", "hl2"}, {"title", "title"}}, "none");
  return o;
}

const Copy& load(const xml::Node& n, const char* attr, const IssueScope& s) {
  const std::string rel = n.req(attr);
  if (rel.empty())
    n.fail(attr, "empty " + std::string(attr) + "= on " + n.tag(), "name the copy file, e.g. " + std::string(attr) + "=\"story.xml\"");
  const fs::path file = s.folder / rel;
  const std::string what = "copy file '" + file.string() + "'";
  // Copy files, like photos, stay inside the issue's folder tree (docs/format.md "Limits").
  if (!base::path_within(file, s.ctx.resource_roots(s.folder)))
    n.fail(attr, what + base::resolved_note(file) + " is outside the issue's folder",
           "copy the file into the issue's folder (or a folder below it), or allow its folder with --allow-paths DIR");
  const auto format = read_format(n);
  const CopyOptions opt = options(n, s);
  const std::string key = file.string() + '\n' + (format ? format_name(*format) : "") + '\n' +
                          (opt.clean ? "clean" : "keep") + '\n' + opt.kicker;
  auto& files = s.imports->files;
  if (const auto it = files.find(key); it != files.end()) return it->second;
  const std::string bytes = base::read_input_file(file, n.at(attr), what, {s.ctx.limits.issue_bytes, "issue-size"});
  try {
    Copy c = parse_copy(bytes, file, format, opt);
    if (std::find(s.imports->paths.begin(), s.imports->paths.end(), file) == s.imports->paths.end())
      s.imports->paths.push_back(file);
    s.imports->notes.insert(s.imports->notes.end(), c.notes.begin(), c.notes.end());
    return files.emplace(key, std::move(c)).first->second;
  } catch (const base::Error& e) {
    // The error names the copy file's own line; say which element read it.
    throw base::Error(e.loc(), e.message() + " (read for " + n.tag() + " at " + base::format_loc(n.at()) + ")", e.fix());
  }
}

size_t part_of(const xml::Node& n, size_t count, const std::string& file, const std::string& things) {
  const int part = n.opt_integer("part", 1).value_or(1);
  if (static_cast<size_t>(part) > count)
    n.fail("part", "part=\"" + std::to_string(part) + "\" of " + n.tag() + ": '" + file + "' holds " +
                       std::to_string(count) + " " + things,
           "write part= from 1 to " + std::to_string(count) + " (in the order of the file)");
  return static_cast<size_t>(part - 1);
}

// format=, part=, copy=, kicker= only mean something with the attribute naming the file.
void needs(const xml::Node& n, const char* file_attr, std::initializer_list<const char*> attrs) {
  for (const char* a : attrs)
    if (n.has(a) && !n.has(file_attr))
      n.fail(a, std::string(a) + "= on " + n.tag() + " needs " + file_attr + "=",
             std::string("add ") + file_attr + "=\"FILE\" naming the copy file, or remove " + a + "=");
}

void add_notes(std::vector<base::Finding>& to, const std::vector<base::Finding>& from, const std::string& id, int page) {
  for (base::Finding f : from) {
    f.article = id;
    f.page = page;
    to.push_back(std::move(f));
  }
}

bool local_image(const fs::path& p) {
  std::error_code ec;
  return p.string().find("://") == std::string::npos && fs::is_regular_file(p, ec);
}

void use_photo(Photo& p, const CopyPhoto& cp, const IssueScope& s) {
  Imports& im = *s.imports;
  if (p.src.empty()) {
    if (cp.src.empty())
      throw base::Error(p.loc, "photo '" + p.id + "' has no image: its copy (" + base::format_loc(cp.loc) + ") names none",
                        "add src=\"images/….jpg\" to the <photo>");
    if (!local_image(cp.src))
      throw base::Error(cp.loc, "image file '" + cp.src.string() + "' of photo '" + p.id + "' not found",
                        "put the image where the copy file says (a relative path starts at the copy file's folder; "
                        "web addresses are not fetched), or give the <photo> its own src=");
    // The copy file names the image: it too stays inside the allowed folders and is a
    // regular file within the image limit (docs/format.md "Limits").
    const std::string what = "image file '" + cp.src.string() + "' of photo '" + p.id + "'";
    if (!base::path_within(cp.src, s.ctx.resource_roots(s.folder)))
      throw base::Error(cp.loc, what + base::resolved_note(cp.src) + " is outside the issue's folder",
                        "copy the image into the issue's folder (or a folder below it), or allow its folder with "
                        "--allow-paths DIR");
    base::check_input_file(cp.src, cp.loc, what, {s.ctx.limits.image_bytes, "image-size"});
    p.src = cp.src;
  }
  for (auto [mine, theirs, tag] : {std::tuple{&p.caption, &cp.caption, "caption"}, {&p.credit, &cp.credit, "credit"}}) {
    if (!*theirs) continue;
    if (*mine)
      throw base::Error((*mine)->loc, "photo '" + p.id + "' has its own <" + tag + "> and one from its copy (" +
                                          base::format_loc((*theirs)->loc) + ")",
                        std::string("remove the <") + tag + "> from the <photo>, or take the photo without its copy");
    *mine = *theirs;
  }
  add_notes(im.notes, cp.notes, p.id, p.page);
}

// Photos nested in the article without src= (or with part=) take the story's photos in
// order; a story without photos lends the file's. Photos of the story left unplaced are
// reported.
void nested_photos(const xml::Node& n, Article& a, const Copy& c, const CopyStory& st, const IssueScope& s) {
  std::vector<const CopyPhoto*> pool;
  for (const auto& p : st.photos) pool.push_back(&p);
  if (pool.empty())
    for (const auto& p : c.photos) pool.push_back(&p);
  std::vector<bool> used(pool.size(), false);
  size_t next = 0, k = 0;
  for (const auto* e : xml::children(n.e)) {
    if (std::string(e->Name()) != "photo") continue;
    const xml::Node pn{*e, s.file};
    Photo& p = a.photos[k++];
    if (pn.has("from") || (pn.has("src") && !pn.has("part"))) continue;
    const size_t i = pn.has("part") ? part_of(pn, pool.size(), c.file.string(), "photos") : next++;
    if (i >= pool.size())
      pn.fail(nullptr, "photo '" + p.id + "' has no src= and story of '" + c.file.string() + "' has only " +
                           std::to_string(pool.size()) + " photo(s) for the photos without src=",
              "add src=\"images/….jpg\" to the <photo>, or remove it");
    use_photo(p, *pool[i], s);
    used[i] = true;
  }
  for (size_t i = 0; i < st.photos.size(); ++i)
    if (!used[i])
      s.imports->notes.push_back({base::Severity::Info, "import-photo",
                                  "photo " + std::to_string(i + 1) + " of the story is not placed; place it with "
                                  "<photo id=\"…\" col= cols= row= rows=/> inside the article (part=\"" +
                                      std::to_string(i + 1) + "\")",
                                  st.photos[i].loc, a.id, a.page});
}

}  // namespace

void article_from_copy(const xml::Node& n, Article& a, const IssueScope& s) {
  needs(n, "src", {"format", "part", "copy", "kicker"});
  if (!n.has("src")) return;
  if (!a.head.empty() || !a.body.empty()) {
    const TextBlock& own = a.head.empty() ? a.body.front() : a.head.front();
    throw base::Error(own.loc, "article '" + a.id + "' has text of its own and takes its text from src=",
                      "remove the text elements (the copy file supplies headline and text) or remove src=");
  }
  const Copy& c = load(n, "src", s);
  if (c.stories.empty())
    n.fail("src", "'" + c.file.string() + "' holds no story (only banners or captions)",
           "take banners with <banner src=…> and captions with <photo from=…>, or name the story's file");
  const CopyStory& st = c.stories[part_of(n, c.stories.size(), c.file.string(), "stories")];
  if (std::none_of(st.body.begin(), st.body.end(), [](const TextBlock& b) { return b.kind == TextKind::Para; }))
    throw base::Error(st.loc, "the story has no paragraphs (read for article '" + a.id + "')",
                      "write the story's text under its headline");
  a.head = st.head;
  a.body = st.body;
  add_notes(s.imports->notes, st.notes, a.id, a.page);
  nested_photos(n, a, c, st, s);
}

void photo_from_copy(const xml::Node& n, Photo& p, const IssueScope& s, bool in_copy) {
  needs(n, "from", {"format", "copy"});
  if (!in_copy) needs(n, "from", {"part"});
  if (!n.has("from")) return;
  const Copy& c = load(n, "from", s);
  std::vector<const CopyPhoto*> pool;
  for (const auto& ph : c.photos) pool.push_back(&ph);
  for (const auto& st : c.stories)
    for (const auto& ph : st.photos) pool.push_back(&ph);
  if (pool.empty())
    n.fail("from", "'" + c.file.string() + "' holds no photo or caption",
           "a manuscript writes a caption as its text with the credit (某某 摄) on the next line; NITF as <media>");
  use_photo(p, *pool[part_of(n, pool.size(), c.file.string(), "photos and captions")], s);
}

void banner_from_copy(const xml::Node& n, Banner& b, const IssueScope& s) {
  for (const auto* node = n.e.FirstChild(); node; node = node->NextSibling()) {
    const auto* t = node->ToText();
    if (node->ToElement() || (t && std::string(t->Value()).find_first_not_of(" \t\r\n") != std::string::npos))
      throw base::Error({s.file, node->GetLineNum()}, "the banner takes its text from src= and has text of its own",
                        "remove the banner's own text, or remove src=");
  }
  const Copy& c = load(n, "src", s);
  if (c.banners.empty())
    n.fail("src", "'" + c.file.string() + "' holds no banner",
           "a manuscript writes a banner as two or more short lines, each but the last ending in two spaces");
  const size_t i = part_of(n, c.banners.size(), c.file.string(), "banners");
  b.text = c.banners[i];
  b.text.style = style_attr(n, s.layout, "banner");
  add_notes(s.imports->notes, c.banner_notes[i], b.id, b.page);
}

}  // namespace model
