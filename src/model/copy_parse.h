#pragma once
// Private to model/: copy files being read (docs/import.md). Every reader produces raw
// text elements whose code points remember their source line, so that the clean-up can
// name the imported file's own line for each change; finish_copy() turns them into the
// TextBlocks the issue reader makes (same whitespace rule, same default styles).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/copy.h"
#include "model/issue_parse.h"

namespace model::copy {

enum Flag : std::uint8_t { kBold = 1, kItalic = 2, kDateline = 4 };

struct Ch {
  char32_t c = 0;
  int line = 0;
  std::uint8_t flags = 0;
  bool br = false;
};

// A text element read from a copy file, before the whitespace rule.
struct Raw {
  TextKind kind = TextKind::Para;
  std::vector<Ch> text;
  int line = 0;
  // Appends UTF-8 text that starts on `line` (a '\n' in it moves to the next line).
  void add(std::string_view utf8, int line, std::uint8_t flags = 0);
  void add_br(int line, std::uint8_t flags = 0) { text.push_back({0, line, flags, true}); }
  // Only whitespace (or nothing)?
  bool blank() const;
  std::u32string chars() const;  // the code points, <br/> as '\n'
};

struct RawPhoto {
  std::filesystem::path src;
  std::optional<Raw> caption, credit;
  int line = 0;
};

struct RawStory {
  std::vector<Raw> head, body;
  std::vector<RawPhoto> photos;
  int line = 0;
  std::string name;
  std::vector<base::Finding> notes;
};

struct RawCopy {
  std::vector<RawStory> stories;
  std::vector<Raw> banners;
  std::vector<RawPhoto> photos;
  std::vector<base::Finding> notes;
};

// Character classes of copy text (copy_news.cpp): Han ideographs (CJK Unified and
// Compatibility, Extensions A to H), Latin letters and digits, XML whitespace.
bool is_han(char32_t c);
bool is_latin_or_digit(char32_t c);
inline bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r'; }

// A note about the file (severity Info, or Warning for what could not be used).
base::Finding note(base::Severity sev, const std::string& code, const std::string& file, int line,
                   const std::string& message);

// The readers. `file` names the copy file in messages; `folder` resolves image paths.
RawCopy read_text_copy(const std::string& bytes, const std::string& file);
RawCopy read_xml_copy(const std::string& bytes, const std::string& file, const std::filesystem::path& folder,
                      CopyFormat format, const CopyOptions& opt);

// The run-in dateline at the start of a paragraph of Chinese news (本报讯(…), 新华社北京
// 1月5日电(记者 …)): its length in code points, 0 when the paragraph has none.
size_t dateline_length(std::u32string_view para);
// Marks the first `n` code points of a paragraph as its dateline.
void mark_dateline(Raw& para, size_t n);
// Puts a dateline given apart (NITF <dateline>, G2 <dateline>) at the head of the first
// paragraph: marks it when the paragraph already starts with it, else runs it in.
void run_in_dateline(std::vector<Raw>& body, const Raw& dateline);

// The clean-up (copy_cleanup.cpp), on the code points of one element: before the
// whitespace rule (repeated spaces, typed indents) and after it (marks, quotes, dashes).
// Every change is a note (code copy-cleanup) with the copy file's line.
void clean_before_spaces(std::vector<TextCell>& cells, TextKind kind, const std::string& file,
                         std::vector<base::Finding>& notes);
void clean_after_spaces(std::vector<TextCell>& cells, TextKind kind, const std::string& file,
                        std::vector<base::Finding>& notes);

// A raw element as a TextBlock: the issue format's whitespace rule, the clean-up when
// `clean`, the kind's default style. nullopt when no text is left.
std::optional<TextBlock> finish_block(const Raw& r, const std::string& file, bool clean,
                                      std::vector<base::Finding>& notes);

}  // namespace model::copy
