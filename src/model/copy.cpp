// Reading a copy file (docs/import.md): detect its format, let the format's reader make
// raw elements, then finish them into TextBlocks — the issue format's whitespace rule,
// the clean-up with its report, the kinds' default styles.
#include "model/copy.h"

#include "base/utf8.h"
#include "model/copy_parse.h"
#include "model/xml_read.h"

namespace model {

namespace fs = std::filesystem;

const char* format_name(CopyFormat f) {
  switch (f) {
    case CopyFormat::Nitf: return "nitf";
    case CopyFormat::NewsMl: return "newsml";
    case CopyFormat::Text: return "text";
  }
  return "text";
}

std::optional<CopyFormat> format_from_name(const std::string& name) {
  for (CopyFormat f : {CopyFormat::Nitf, CopyFormat::NewsMl, CopyFormat::Text})
    if (name == format_name(f)) return f;
  return std::nullopt;
}

namespace {

// The name of the first element of an XML file (after the declaration, comments,
// processing instructions and a DOCTYPE), without a namespace prefix; empty if the
// file does not start like XML.
std::string first_element(const std::string& b) {
  size_t i = b.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (i < b.size()) {
    i = b.find_first_not_of(" \t\r\n", i);
    if (i == std::string::npos || b[i] != '<') return {};
    const bool comment = b.compare(i, 4, "<!--") == 0;
    if (comment) i = b.find("-->", i);
    else if (b.compare(i, 2, "<?") == 0 || b.compare(i, 2, "<!") == 0) i = b.find('>', i);
    else break;
    if (i == std::string::npos) return {};
    i += comment ? 3 : 1;
  }
  if (i >= b.size()) return {};
  const size_t end = b.find_first_of(" \t\r\n/>", i + 1);
  std::string name = b.substr(i + 1, end == std::string::npos ? std::string::npos : end - i - 1);
  if (const size_t colon = name.find(':'); colon != std::string::npos) name = name.substr(colon + 1);
  return name;
}

using copy::Raw;
using copy::RawPhoto;

CopyPhoto finish_photo(const RawPhoto& r, const std::string& file, bool clean) {
  CopyPhoto p;
  p.src = r.src;
  p.loc = {file, r.line};
  if (r.caption) p.caption = copy::finish_block(*r.caption, file, clean, p.notes);
  if (r.credit) p.credit = copy::finish_block(*r.credit, file, clean, p.notes);
  return p;
}

CopyStory finish_story(const copy::RawStory& r, const std::string& file, bool clean) {
  CopyStory s;
  s.loc = {file, r.line};
  s.name = r.name;
  s.notes = r.notes;
  for (const Raw& h : r.head)
    if (auto b = copy::finish_block(h, file, clean, s.notes)) s.head.push_back(std::move(*b));
  for (const Raw& p : r.body)
    if (auto b = copy::finish_block(p, file, clean, s.notes)) s.body.push_back(std::move(*b));
  for (const RawPhoto& ph : r.photos) s.photos.push_back(finish_photo(ph, file, clean));
  return s;
}

}  // namespace

std::optional<CopyFormat> detect_format(const std::string& bytes) {
  const std::string root = first_element(bytes);
  if (root.empty()) return CopyFormat::Text;
  if (root == "nitf") return CopyFormat::Nitf;
  if (root == "newsItem" || root == "newsMessage" || root == "packageItem") return CopyFormat::NewsMl;
  return std::nullopt;
}

Copy parse_copy(const std::string& bytes, const fs::path& path, std::optional<CopyFormat> format,
                const CopyOptions& opt) {
  const std::string file = path.string();
  const std::string root = first_element(bytes);
  const auto detected = detect_format(bytes);
  if (!detected)
    throw base::Error({file, 1}, "the file is XML with root <" + root + ">, neither NITF (<nitf>) nor NewsML-G2 (<newsItem>, <newsMessage>)",
                      "pass the story's NITF or NewsML-G2 file, or a plain-text manuscript");
  const CopyFormat found = *detected;
  if (format && *format != found) {
    throw base::Error({file, 1},
                      "the file is " +
                          (root.empty() ? std::string("not XML (plain text)") : "XML with root <" + root + ">") +
                          ", not " + (*format == CopyFormat::Nitf     ? "NITF (root <nitf>)"
                                      : *format == CopyFormat::NewsMl ? "NewsML-G2 (root <newsItem> or <newsMessage>)"
                                                                      : "plain text"),
                      std::string("write format=\"") + format_name(found) + "\" (or leave format= out), or pass the right file");
  }
  copy::RawCopy raw = found == CopyFormat::Text
                          ? copy::read_text_copy(bytes, file)
                          : copy::read_xml_copy(bytes, file, path.parent_path(), found, opt);
  Copy c;
  c.file = path;
  c.format = found;
  c.notes = std::move(raw.notes);
  for (const auto& s : raw.stories) c.stories.push_back(finish_story(s, file, opt.clean));
  for (const Raw& b : raw.banners) {
    std::vector<base::Finding> notes;
    if (auto t = copy::finish_block(b, file, opt.clean, notes)) {
      c.banners.push_back(std::move(*t));
      c.banner_notes.push_back(std::move(notes));
    }
  }
  for (const RawPhoto& p : raw.photos) c.photos.push_back(finish_photo(p, file, opt.clean));
  return c;
}

Copy read_copy(const fs::path& file, std::optional<CopyFormat> format, const CopyOptions& opt) {
  return parse_copy(base::read_file(file), file, format, opt);
}

namespace copy {

void Raw::add(std::string_view utf8, int at, std::uint8_t flags) {
  for (char32_t c : base::to_u32(utf8)) {
    text.push_back({c, at, flags, false});
    if (c == U'\n') ++at;
  }
}

bool Raw::blank() const {
  for (const Ch& c : text)
    if (!c.br && c.c != U' ' && c.c != U'\t' && c.c != U'\n' && c.c != U'\r') return false;
  return true;
}

std::u32string Raw::chars() const {
  std::u32string s;
  for (const Ch& c : text) s += c.br ? U'\n' : c.c;
  return s;
}

base::Finding note(base::Severity sev, const std::string& code, const std::string& file, int line,
                   const std::string& message) {
  return {sev, code, message, {file, line}, {}, 0};
}

std::optional<TextBlock> finish_block(const Raw& r, const std::string& file, bool clean,
                                      std::vector<base::Finding>& notes) {
  // Inline runs as the issue reader makes them: a new run wherever emphasis, the
  // dateline or a forced break begins or ends.
  std::vector<Inline> runs;
  std::vector<TextCell> cells;
  for (const Ch& c : r.text) {
    const bool same = !runs.empty() && !c.br && !runs.back().br &&
                      runs.back().bold == ((c.flags & kBold) != 0) && runs.back().italic == ((c.flags & kItalic) != 0) &&
                      runs.back().style == ((c.flags & kDateline) ? "dateline" : "");
    if (!same)
      runs.push_back({"", (c.flags & kBold) != 0, (c.flags & kItalic) != 0, c.br, (c.flags & kDateline) ? "dateline" : ""});
    cells.push_back({c.c, runs.size() - 1, c.br, c.line});
  }
  if (clean) clean_before_spaces(cells, r.kind, file, notes);
  cells = apply_space_rule(cells);
  if (clean) clean_after_spaces(cells, r.kind, file, notes);
  TextBlock b;
  b.kind = r.kind;
  b.style = default_style(r.kind);
  b.loc = {file, r.line};
  b.content = rebuild_inlines(runs, cells);
  if (b.plain().find_first_not_of('\n') == std::string::npos) return std::nullopt;
  return b;
}

}  // namespace copy

}  // namespace model
