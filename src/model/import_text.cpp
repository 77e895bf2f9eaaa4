// Plain-text manuscripts (docs/import.md "Plain text"): the page as an editor's tool
// writes it — '#' headlines, '##' subheads (or the headline of the next story), blank
// lines between paragraphs, a line ending in two spaces continuing its block on a new
// line, paragraphs cut mid-sentence by the tool. The reader finds the blocks, tells
// bylines, captions and banners from paragraphs, joins what was cut, and groups the
// blocks into stories.
#include <algorithm>

#include "base/utf8.h"
#include "model/copy_parse.h"
#include "model/xml_read.h"

namespace model::copy {

namespace {

struct Line {
  int no = 0;
  std::u32string text;
  bool hard = false;  // a forced line break follows (two trailing spaces or a backslash)
};

enum class Kind { Heading, Para, Byline, Caption, Banner };

struct Block {
  Kind kind = Kind::Para;
  int level = 0;  // '#' count of a heading
  std::vector<Line> lines;
  bool indented = false;  // its first line was indented: it starts a paragraph
  size_t dateline = 0;    // code points of a run-in dateline at its head
  int line() const { return lines.front().no; }
  std::u32string text() const {
    std::u32string s;
    for (const auto& l : lines) s += l.text;
    return s;
  }
};

bool blank(std::u32string_view s) {
  return std::all_of(s.begin(), s.end(), [](char32_t c) { return is_space(c) || c == U'\u3000'; });
}

// "## 标题" → level 2; 0 when the line is not a heading.
int heading_level(std::u32string_view s) {
  size_t n = 0;
  while (n < s.size() && s[n] == U'#') ++n;
  return n >= 1 && n <= 6 && n < s.size() && (s[n] == U' ' || s[n] == U'\t') ? static_cast<int>(n) : 0;
}

std::u32string heading_text(std::u32string_view s, int level) {
  std::u32string t(s.substr(static_cast<size_t>(level)));
  const auto a = t.find_first_not_of(U" \t");
  t = a == std::u32string::npos ? U"" : t.substr(a);
  // A closing run of '#' (Markdown's "## 标题 ##") is not text.
  const auto hashes = t.find_last_not_of(U'#');
  if (hashes != std::u32string::npos && hashes + 1 < t.size() && (t[hashes] == U' ' || t[hashes] == U'\t'))
    t = t.substr(0, hashes);
  const auto b = t.find_last_not_of(U" \t");
  return b == std::u32string::npos ? U"" : t.substr(0, b + 1);
}

bool indented(std::u32string_view s) {
  return !s.empty() && (s[0] == U'\u3000' || s[0] == U'\t' || (s.size() > 1 && s[0] == U' ' && s[1] == U' '));
}

std::vector<Line> split_lines(const std::string& bytes) {
  std::u32string all = base::to_u32(bytes);
  if (!all.empty() && all[0] == U'\uFEFF') all.erase(0, 1);  // byte-order mark
  std::vector<Line> out;
  int no = 1;
  for (size_t i = 0; i <= all.size();) {
    size_t j = all.find_first_of(U"\r\n", i);
    if (j == std::u32string::npos) j = all.size();
    Line l{no++, all.substr(i, j - i), false};
    // Markdown's forced break: two or more trailing spaces, or a trailing backslash.
    const size_t end = l.text.find_last_not_of(U" \t");
    const size_t spaces = end == std::u32string::npos ? 0 : l.text.size() - end - 1;
    l.text.resize(end == std::u32string::npos ? 0 : end + 1);
    l.hard = spaces >= 2 || (!l.text.empty() && l.text.back() == U'\\');
    if (!l.text.empty() && l.text.back() == U'\\') l.text.pop_back();
    out.push_back(std::move(l));
    if (j < all.size() && all[j] == U'\r' && j + 1 < all.size() && all[j + 1] == U'\n') ++j;
    i = j + 1;
  }
  return out;
}

// Blocks: runs of non-blank lines; a heading is a block of its own, and an indented
// line starts a new paragraph.
std::vector<Block> split_blocks(const std::vector<Line>& lines) {
  std::vector<Block> out;
  bool open = false;
  for (const Line& l : lines) {
    if (blank(l.text)) {
      open = false;
      continue;
    }
    if (const int level = heading_level(l.text)) {
      out.push_back({Kind::Heading, level, {{l.no, heading_text(l.text, level), false}}, false, 0});
      open = false;
      continue;
    }
    const bool starts = indented(l.text) && open && !out.back().lines.back().hard;
    if (!open || starts) out.push_back({Kind::Para, 0, {}, indented(l.text), 0});
    out.back().lines.push_back(l);
    open = true;
  }
  return out;
}

bool has_any(std::u32string_view s, std::u32string_view chars) {
  return s.find_first_of(chars) != std::u32string_view::npos;
}

std::u32string trim(std::u32string_view s) {
  const auto a = s.find_first_not_of(U" \t\u3000");
  if (a == std::u32string_view::npos) return {};
  return std::u32string(s.substr(a, s.find_last_not_of(U" \t\u3000") - a + 1));
}

// A photo credit on its own line: 徐晶玮 摄, 新华社记者 李贺 摄, 图/张三.
bool is_credit(std::u32string_view raw) {
  const std::u32string s = trim(raw);
  if (s.empty() || s.size() > 30 || has_any(s, U"。！？，；、")) return false;
  return s.back() == U'摄' || s.substr(s.size() > 1 ? s.size() - 2 : 0) == U"摄影" ||
         s.substr(s.size() > 1 ? s.size() - 2 : 0) == U"供图" || s.rfind(U"图/", 0) == 0 || s.rfind(U"图／", 0) == 0;
}

// A byline: □ 记者 徐梦超 宋祎凡, 本报记者 张三, 文/李四 — short, no sentence punctuation.
bool is_byline(std::u32string_view raw) {
  const std::u32string s = trim(raw);
  if (s.size() < 2 || s.size() > 40 || has_any(s, U"。！？，；、")) return false;
  if (std::u32string_view(U"□■◇◆○●★☆▲△").find(s[0]) != std::u32string_view::npos) return true;
  for (std::u32string_view lead : {U"本报记者", U"记者", U"本报通讯员", U"通讯员", U"特约记者", U"见习记者",
                                   U"实习生", U"文/", U"文／", U"文 /", U"撰文"})
    if (s.rfind(lead, 0) == 0) return true;
  return false;
}

// Slogan lines (通栏): two or more short lines broken by hand, no sentence punctuation.
bool is_banner(const Block& b) {
  if (b.lines.size() < 2) return false;
  for (size_t i = 0; i < b.lines.size(); ++i) {
    if (i + 1 < b.lines.size() && !b.lines[i].hard) return false;
    if (b.lines[i].text.size() > 30 || has_any(b.lines[i].text, U"。！？，；、")) return false;
  }
  return true;
}

void classify(Block& b) {
  if (b.kind == Kind::Heading) return;
  if (b.lines.size() >= 2 && is_credit(b.lines.back().text)) b.kind = Kind::Caption;
  else if (is_banner(b)) b.kind = Kind::Banner;
  else if (b.lines.size() == 1 && is_byline(b.lines[0].text)) b.kind = Kind::Byline;
  else b.dateline = dateline_length(trim(b.text()));
}

// A paragraph cut mid-sentence by the tool that wrote the file: it is prose (it holds
// punctuation) and ends without closing its sentence (GB/T 15834-2011 §4.1–4.3: a
// sentence ends in 。？！, or a closing quote or bracket after them).
bool cut_mid_sentence(const Block& b) {
  if (b.kind != Kind::Para || b.lines.back().hard) return false;
  const std::u32string& last = b.lines.back().text;
  static constexpr std::u32string_view kEnds = U"。！？!?.…；;：:”’」』）)】〕》〉—~～\"'";
  return !last.empty() && kEnds.find(last.back()) == std::u32string_view::npos &&
         has_any(b.text(), U"，。、；：！？“”‘’（）《》,;:");
}

std::string utf8(std::u32string_view s) { return base::to_utf8(s); }

std::u32string edge(std::u32string_view s, size_t n, bool tail) {
  return std::u32string(tail ? s.substr(s.size() > n ? s.size() - n : 0) : s.substr(0, n));
}

void join_cut_paragraphs(std::vector<Block>& blocks, const std::string& file, std::vector<base::Finding>& notes) {
  std::vector<Block> out;
  for (Block& b : blocks) {
    const bool continues = !out.empty() && cut_mid_sentence(out.back()) && b.kind == Kind::Para && !b.indented &&
                           b.dateline == 0;
    if (!continues) {
      out.push_back(std::move(b));
      continue;
    }
    Block& prev = out.back();
    notes.push_back(note(base::Severity::Info, "text-join", file, b.line(),
                         "joined a paragraph cut mid-sentence: [" + utf8(edge(prev.lines.back().text, 8, true)) +
                             "] (line " + std::to_string(prev.lines.back().no) + ") + [" +
                             utf8(edge(b.lines.front().text, 8, false)) + "]"));
    // The cut is not a space: mark the seam so no line wrap is put there.
    b.lines.front().text.insert(0, 1, U'\0');
    prev.lines.insert(prev.lines.end(), b.lines.begin(), b.lines.end());
  }
  blocks = std::move(out);
}

// The lines of a block as one text element: hard breaks are <br/>, other line ends a
// source wrap (the whitespace rule removes it between Chinese characters).
Raw raw_of(const std::vector<Line>& lines, TextKind kind) {
  Raw r;
  r.kind = kind;
  r.line = lines.front().no;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::u32string_view t = lines[i].text;
    const bool seam = !t.empty() && t[0] == U'\0';
    if (seam) t.remove_prefix(1);
    if (i > 0 && lines[i - 1].hard) r.add_br(lines[i].no);
    else if (i > 0 && !seam) r.add("\n", lines[i - 1].no);
    else if (i > 0 && !r.text.empty() && !t.empty() && !wide_char(r.text.back().c) && !wide_char(t[0]))
      r.add(" ", lines[i].no);  // a cut between two Latin words
    r.add(utf8(t), lines[i].no);
  }
  return r;
}

struct Assembler {
  RawCopy out;
  RawStory* story = nullptr;
  bool closed = true;  // no story open (none yet, or a banner ended it)

  RawStory& start(int line) {
    out.stories.push_back({});
    story = &out.stories.back();
    story->line = line;
    closed = false;
    return *story;
  }
  bool has_paragraphs() const {
    return story && std::any_of(story->body.begin(), story->body.end(),
                                [](const Raw& r) { return r.kind == TextKind::Para; });
  }
  void headings(const std::vector<Block>& bl, size_t i, size_t j);
  void block(const Block& b);
};

// A run of headings [i, j): with a '#' among them it starts a story (the '##' before it
// are kickers, those after it subtitles). '##' alone starts a story when none is open
// (first text, or after a banner) or when a byline or a dateline follows; otherwise
// they are subheads of the story.
void Assembler::headings(const std::vector<Block>& bl, size_t i, size_t j) {
  const auto top = std::find_if(bl.begin() + static_cast<long>(i), bl.begin() + static_cast<long>(j),
                                [](const Block& b) { return b.level == 1; });
  const Block* next = j < bl.size() ? &bl[j] : nullptr;
  const bool opens = next && (next->kind == Kind::Byline || next->dateline > 0);
  if (top == bl.begin() + static_cast<long>(j) && !closed && !opens) {
    for (size_t k = i; k < j; ++k) story->body.push_back(raw_of(bl[k].lines, TextKind::Subhead));
    return;
  }
  RawStory& s = start(bl[i].line());
  const size_t main = top == bl.begin() + static_cast<long>(j) ? i : static_cast<size_t>(top - bl.begin());
  for (size_t k = i; k < j; ++k)
    s.head.push_back(raw_of(bl[k].lines, k < main ? TextKind::Kicker : k == main || bl[k].level == 1
                                                                           ? TextKind::Headline
                                                                           : TextKind::Subtitle));
}

void Assembler::block(const Block& b) {
  switch (b.kind) {
    case Kind::Heading: return;  // by headings()
    case Kind::Banner:
      out.banners.push_back(raw_of(b.lines, TextKind::Banner));
      closed = true;
      return;
    case Kind::Caption: {
      RawPhoto p;
      p.line = b.line();
      p.caption = raw_of({b.lines.begin(), b.lines.end() - 1}, TextKind::Caption);
      p.credit = raw_of({b.lines.back()}, TextKind::Credit);
      out.photos.push_back(std::move(p));
      return;
    }
    case Kind::Byline:
      if (closed) start(b.line());
      story->body.push_back(raw_of(b.lines, TextKind::Byline));
      return;
    case Kind::Para:
      // A dateline after body text starts the next story (a brief without headline).
      if (closed || (b.dateline > 0 && has_paragraphs())) start(b.line());
      story->body.push_back(raw_of(b.lines, TextKind::Para));
      if (b.dateline > 0) mark_dateline(story->body.back(), b.dateline);
      return;
  }
}

}  // namespace

RawCopy read_text_copy(const std::string& bytes, const std::string& file) {
  xml::check_text_bytes(bytes, file, "plain-text");
  std::vector<Block> blocks = split_blocks(split_lines(bytes));
  for (Block& b : blocks) classify(b);
  Assembler as;
  join_cut_paragraphs(blocks, file, as.out.notes);
  for (size_t i = 0; i < blocks.size();) {
    if (blocks[i].kind != Kind::Heading) {
      as.block(blocks[i++]);
      continue;
    }
    size_t j = i;
    while (j < blocks.size() && blocks[j].kind == Kind::Heading) ++j;
    as.headings(blocks, i, j);
    i = j;
  }
  if (as.out.stories.empty() && as.out.banners.empty() && as.out.photos.empty())
    throw base::Error({file, 1}, "the plain-text file holds no text", "write the story's paragraphs, or pass the right file");
  return std::move(as.out);
}

}  // namespace model::copy
