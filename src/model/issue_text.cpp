// Text elements of an issue: inline markup (<b>, <i>, <br/>, <dateline>) and the
// whitespace rule (docs/format.md "Whitespace in text").
#include <cstring>

#include "base/utf8.h"
#include "model/issue_parse.h"

namespace model {

const char* default_style(TextKind k) {
  switch (k) {
    case TextKind::Kicker: return "kicker";
    case TextKind::Headline: return "headline";
    case TextKind::Subtitle: return "subtitle";
    case TextKind::Byline: return "byline";
    case TextKind::Para: return "body";
    case TextKind::Subhead: return "subhead";
    case TextKind::Caption: return "caption";
    case TextKind::Credit: return "credit";
    case TextKind::Banner: return "banner";
    case TextKind::Item: return "brief";
    case TextKind::JumpHead: return "jumphead";
  }
  return "body";
}

namespace {

bool xml_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r'; }

}  // namespace

// Wide characters: East Asian Width W or F (UAX #11), plus the punctuation that
// shares code points with Western text but is set full width in Chinese text
// (docs/typography.md "Punctuation width": “ ” ‘ ’ — … ·). A line wrap between two of
// them is an artefact of the source file, not a space (CLREQ §3.1: no inter-word
// spaces in Han text).
bool wide_char(char32_t c) {
  static constexpr char32_t kRanges[][2] = {
      {0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3040, 0x33FF},   {0x3400, 0x4DBF}, {0x4E00, 0x9FFF},
      {0xA000, 0xA4CF},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19}, {0xFE30, 0xFE6F},
      {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD}};
  for (const auto& r : kRanges)
    if (c >= r[0] && c <= r[1]) return true;
  return c == 0x2014 || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D || c == 0x2026 || c == 0x00B7;
}

namespace {

bool only_space(const std::vector<Inline>& out) {
  for (const auto& x : out)
    if (x.br || x.text.find_first_not_of(" \t\r\n") != std::string::npos) return false;
  return true;
}

struct InlineState {
  bool bold = false, italic = false, in_dateline = false;
  std::string style;
};

void collect(const tinyxml2::XMLElement& parent, const xml::Node& block, TextKind kind, const Layout& lay,
             InlineState st, std::vector<Inline>& out);

void collect_element(const tinyxml2::XMLElement& e, const xml::Node& block, TextKind kind, const Layout& lay,
                     InlineState st, std::vector<Inline>& out) {
  const xml::Node n{e, block.file};
  const std::string tag = e.Name();
  const bool dateline_ok = kind == TextKind::Para && !st.in_dateline;
  const bool lead_ok = kind == TextKind::Item && e.Parent() == &block.e && only_space(out);
  if (tag != "b" && tag != "i" && tag != "br" && !(tag == "dateline" && dateline_ok) && !(tag == "lead" && lead_ok))
    block.unknown_child(e, dateline_ok ? "text, b, i, br, dateline"
                           : kind == TextKind::Item ? "text, b, i, br (and <lead> first)"
                                                    : "text, b, i, br");
  n.allow({"style"});
  // The run-in lead-in of a brief is bold, in the layout's brief-lead style when it has one.
  const std::string lead_style = lay.find_style("brief-lead") ? "brief-lead" : st.style;
  st.style = style_attr(n, lay, tag == "dateline" ? "dateline" : tag == "lead" ? lead_style : st.style);
  st.bold = st.bold || tag == "lead";
  if (tag == "br") {
    if (e.FirstChildElement() || (e.FirstChild() && e.FirstChild()->ToText()))
      n.fail(nullptr, "<br> holds content", "write the forced line break as an empty element: <br/>");
    out.push_back({"", st.bold, st.italic, true, st.style});
    return;
  }
  st.bold = st.bold || tag == "b";
  st.italic = st.italic || tag == "i";
  st.in_dateline = st.in_dateline || tag == "dateline";
  collect(e, block, kind, lay, st, out);
}

void collect(const tinyxml2::XMLElement& parent, const xml::Node& block, TextKind kind, const Layout& lay,
             InlineState st, std::vector<Inline>& out) {
  for (const auto* node = parent.FirstChild(); node; node = node->NextSibling()) {
    if (const auto* t = node->ToText()) out.push_back({t->Value(), st.bold, st.italic, false, st.style, st.in_dateline});
    else if (const auto* e = node->ToElement()) collect_element(*e, block, kind, lay, st, out);
    // Comments (and other non-content nodes) are not text.
  }
}

std::vector<TextCell> cells_of(const std::vector<Inline>& in) {
  std::vector<TextCell> cells;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i].br) cells.push_back({0, i, true, 0});
    for (char32_t c : base::to_u32(in[i].text)) cells.push_back({c, i, false, 0});
  }
  return cells;
}

// docs/format.md "Limits": one text element holds at most `limit` characters (XML
// whitespace not counted), checked before the text is split into characters.
void check_length(const xml::Node& n, const std::vector<Inline>& raw, std::uint64_t limit) {
  std::uint64_t chars = 0;
  for (const auto& x : raw)
    for (const char ch : x.text)
      chars += (static_cast<unsigned char>(ch) & 0xC0) != 0x80 && ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r';
  if (chars > limit)
    n.fail(nullptr,
           n.tag() + " holds " + std::to_string(chars) + " characters, more than the limit of " + std::to_string(limit) +
               " for one text element",
           "split it into paragraphs; if it really is one paragraph, raise the limit with --limit paragraph=N");
}

}  // namespace

// The whitespace rule: trim at the ends and around <br/>; a run with a newline goes
// between two wide characters, else becomes one space; spaces typed on one line
// become exactly one U+0020 (docs/typography.md: typed spaces between Han are meaningful).
std::vector<TextCell> apply_space_rule(const std::vector<TextCell>& cells) {
  std::vector<TextCell> out;
  for (size_t i = 0; i < cells.size();) {
    if (cells[i].br || !xml_space(cells[i].c)) {
      out.push_back(cells[i++]);
      continue;
    }
    size_t j = i;
    bool newline = false;
    for (; j < cells.size() && !cells[j].br && xml_space(cells[j].c); ++j)
      newline = newline || cells[j].c == U'\n' || cells[j].c == U'\r';
    const bool at_edge = out.empty() || out.back().br || j == cells.size() || cells[j].br;
    const bool wrap_between_wide = newline && !at_edge && wide_char(out.back().c) && wide_char(cells[j].c);
    if (!at_edge && !wrap_between_wide) {
      TextCell space = cells[i];  // keeps the run (and source line) where the whitespace began
      space.c = U' ';
      out.push_back(space);
    }
    i = j;
  }
  return out;
}

// Rebuilds the inlines from the cells, merging neighbours with the same emphasis and
// dropping those left empty.
std::vector<Inline> rebuild_inlines(const std::vector<Inline>& in, const std::vector<TextCell>& cells) {
  std::vector<std::u32string> text(in.size());
  std::vector<bool> keep(in.size(), false);
  for (const auto& c : cells) {
    keep[c.seg] = true;
    if (!c.br) text[c.seg] += c.c;
  }
  std::vector<Inline> out;
  for (size_t i = 0; i < in.size(); ++i) {
    if (!keep[i]) continue;
    Inline x = in[i];
    x.text = base::to_utf8(text[i]);
    const bool same = !out.empty() && !x.br && !out.back().br && out.back().bold == x.bold &&
                      out.back().italic == x.italic && out.back().style == x.style &&
                      out.back().dateline == x.dateline;
    if (same) out.back().text += x.text;
    else out.push_back(std::move(x));
  }
  return out;
}


std::string style_attr(const xml::Node& n, const Layout& layout, const std::string& fallback) {
  const auto v = n.opt("style");
  if (!v) return fallback;
  layout.style(*v, n.at("style"));  // throws: unknown style, listing the layout's styles
  return *v;
}

TextBlock read_text_block(const xml::Node& n, TextKind kind, const IssueScope& s) {
  n.allow({"style"});
  return read_text_content(n, kind, s);
}

TextBlock read_text_content(const xml::Node& n, TextKind kind, const IssueScope& s) {
  const Layout& layout = s.layout;
  TextBlock b;
  b.kind = kind;
  b.loc = n.at();
  // A brief's items take the layout's "brief" style when it has one, else the body's; a
  // continuation head the "jumphead" style, else the subhead's.
  std::string own = default_style(kind);
  if (!layout.find_style(own)) own = kind == TextKind::Item ? "body" : kind == TextKind::JumpHead ? "subhead" : own;
  b.style = style_attr(n, layout, own);
  std::vector<Inline> raw;
  collect(n.e, n, kind, layout, {}, raw);
  check_length(n, raw, s.ctx.limits.text_chars);
  // Inline style "" means the block's style; an explicit one equal to it is the same.
  b.content = rebuild_inlines(raw, apply_space_rule(cells_of(raw)));
  if (b.plain().find_first_not_of('\n') == std::string::npos)
    throw base::Error(b.loc, n.tag() + " has no text", "write its text, or remove the empty element");
  return b;
}

std::string TextBlock::plain() const {
  std::string s;
  for (const auto& x : content) s += x.br ? std::string("\n") : x.text;
  return s;
}

}  // namespace model
