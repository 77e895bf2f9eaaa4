#pragma once
// Copy as newsrooms have it (docs/import.md): IPTC NITF 3.x stories, NewsML-G2 news
// items (inline NITF or XHTML bodies) and plain-text manuscripts, read into the same
// TextBlocks the issue reader makes, with the copy clean-up applied and reported.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/diag.h"
#include "model/issue.h"

namespace model {

enum class CopyFormat { Nitf, NewsMl, Text };

// "nitf", "newsml", "text".
const char* format_name(CopyFormat f);
std::optional<CopyFormat> format_from_name(const std::string& name);

struct CopyOptions {
  bool clean = true;             // the copy clean-up (docs/import.md "Clean-up"); --keep-copy turns it off
  std::string kicker = "none";   // where a kicker comes from: "none", "hl2" (NITF), "title" (NITF head/title, G2 itemMeta/title)
};

// A photo a copy file describes: its image (NITF media-reference, G2 remoteContent), or
// none (a manuscript's caption), and its caption and credit.
struct CopyPhoto {
  std::filesystem::path src;  // resolved against the copy file's folder; empty: none named
  std::optional<TextBlock> caption;
  std::optional<TextBlock> credit;
  base::Loc loc;
  std::vector<base::Finding> notes;  // the clean-up's changes to caption and credit
};

struct CopyStory {
  std::vector<TextBlock> head;  // kicker, headline, subtitle in order
  std::vector<TextBlock> body;  // byline, p (with a run-in dateline), subhead in order
  std::vector<CopyPhoto> photos;
  base::Loc loc;
  std::string name;                  // a name the file gives the story (doc-id, guid), may be empty
  std::vector<base::Finding> notes;  // clean-up changes and reading notes, for the article's report
};

// A whole copy file: its stories, and what stands beside them in a manuscript.
struct Copy {
  std::filesystem::path file;
  CopyFormat format = CopyFormat::Text;
  std::vector<CopyStory> stories;
  std::vector<TextBlock> banners;          // a manuscript's slogan lines
  std::vector<std::vector<base::Finding>> banner_notes;
  std::vector<CopyPhoto> photos;           // photos outside the stories (captions, G2 picture items)
  std::vector<base::Finding> notes;        // about the file as a whole
};

// Which format a file is in: by its first element (nitf, newsItem/newsMessage) or, for
// files that are not XML, plain text; nullopt for XML of another kind.
std::optional<CopyFormat> detect_format(const std::string& bytes);

// Reads a copy file. `format` nullopt: detected. Throws base::Error naming the copy file
// and line on bad input; an explicit format that does not match the file is an error.
Copy read_copy(const std::filesystem::path& file, std::optional<CopyFormat> format, const CopyOptions& opt);
// The same from memory (tests); `file` is used in messages and for image paths.
Copy parse_copy(const std::string& bytes, const std::filesystem::path& file, std::optional<CopyFormat> format,
                const CopyOptions& opt);

// `paperset import`: the copy as issue XML for editing (docs/import.md): one <article>
// per story (nested <photo>s for its pictures), <banner>s and <photo>s for the rest,
// without placement. Image paths are written relative to `relative_to`.
std::string copy_to_issue_xml(const Copy& copy, const std::filesystem::path& relative_to);

}  // namespace model
