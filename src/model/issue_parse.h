#pragma once
// Private to model/: pieces of the issue parser shared between its files.
#include <filesystem>
#include <string>
#include <vector>

#include "model/issue.h"
#include "model/xml_read.h"

namespace model {

struct Imports;  // copy files read for the issue (copy_attach.h)

// What every element reader needs: the file (for messages), its folder (for photo
// paths), the layout (for style names and the grid), the context (limits, the folders
// photos may come from) and the copy files it imports.
struct IssueScope {
  const std::string& file;
  std::filesystem::path folder;
  const Layout& layout;
  const base::Context& ctx;
  Imports* imports = nullptr;
  const LoadOptions* options = nullptr;
  std::vector<base::Finding>* notes = nullptr;  // warnings found while reading (missing photos, ads)
};

// style= of any element must name a style of the layout (docs/format.md "Any element
// may carry style"); returns it, or `fallback` when the attribute is absent.
std::string style_attr(const xml::Node& n, const Layout& layout, const std::string& fallback);

// A text element (kicker … banner): inline content with the whitespace rule applied
// (docs/format.md "Whitespace"), style resolved to the kind's default.
TextBlock read_text_block(const xml::Node& n, TextKind kind, const IssueScope& s);
// The same without checking the element's attributes (the caller did: <banner>).
// At most ctx.limits.text_chars characters (whitespace not counted).
TextBlock read_text_content(const xml::Node& n, TextKind kind, const IssueScope& s);

// col, cols, row, rows, each bounded by the largest grid (model/limits.h) so that no sum
// overflows; `rows_default` > 0: rows may be left out.
GridRect read_rect(const xml::Node& n, int rows_default = 0);
// columns= of an article, frame or briefs: 0 when absent, else 1 to the largest grid.
int read_columns(const xml::Node& n);
// A file named by `attr` (photo src=, ad src=, masthead logo=): resolved against the
// issue's folder, inside the allowed folders (docs/format.md "Limits"), and when it
// exists a regular file within its size limit (pdf-size for a .pdf, else image-size).
// It may not exist (a photo or ad not delivered yet). Messages start "<kind>
// 'PATH'<of>": "image file 'x' of photo 'p'".
std::filesystem::path resource_path(const xml::Node& n, const char* attr, const std::string& kind,
                                    const std::string& of, const IssueScope& s);
// resource_path(), and the file must exist.
std::filesystem::path image_path(const xml::Node& n, const char* attr, const std::string& kind, const std::string& of,
                                 const IssueScope& s);

// The style a text element of this kind gets without style= ("body" for a <p>).
const char* default_style(TextKind kind);

// One code point of a text element with the inline run it came from (`seg`) and, for
// text read from other files than XML, its source line; br marks a forced break.
struct TextCell {
  char32_t c = 0;
  size_t seg = 0;
  bool br = false;
  int line = 0;
};
// East Asian Width W or F, plus the marks set full width in Chinese text (“ ” ‘ ’ — … ·).
bool wide_char(char32_t c);
// The whitespace rule (docs/format.md "Whitespace in text") on the code points of one
// text element, and the inline runs rebuilt from what it left.
std::vector<TextCell> apply_space_rule(const std::vector<TextCell>& cells);
std::vector<Inline> rebuild_inlines(const std::vector<Inline>& runs, const std::vector<TextCell>& cells);

// Vertical text (issue_vertical.cpp): dir= and tiers= of an article or frame, dir= and
// side= of a headline, and the combinations that are errors (docs/format.md "Vertical text").
void read_direction(const xml::Node& n, bool& vertical, int& tiers, bool inherited_vertical, int inherited_tiers);
void read_headline_direction(const xml::Node& n, Article& a);
void check_vertical(const xml::Node& n, Article& a);

// Blocks of a page (issue_blocks.cpp).
Article read_article(const xml::Node& n, int page, const IssueScope& s);
// `in_copy`: nested in an article whose text comes from a copy file (src= may then be
// left out: the story's photo supplies the image).
Photo read_photo(const xml::Node& n, int page, const IssueScope& s, bool in_copy = false);
Banner read_banner(const xml::Node& n, int page, const IssueScope& s);
Rule read_rule(const xml::Node& n, int page, const IssueScope& s);
// Ads and the photo attributes crop=, focus=, a photo file not there (issue_media.cpp).
Ad read_ad(const xml::Node& n, int page, const IssueScope& s);
void read_photo_media(const xml::Node& n, Photo& p, const IssueScope& s);
// Briefs, masthead and ear (issue_furniture.cpp).
Briefs read_briefs(const xml::Node& n, int page, const IssueScope& s);
Masthead read_masthead(const xml::Node& n, int page, const IssueScope& s);
Article read_ear(const xml::Node& n, int page, const IssueScope& s);
// box= and rules= name a box style / a stroke of the layout (error otherwise); "" if absent.
std::string box_attr(const xml::Node& n, const Layout& layout);
std::string rules_attr(const xml::Node& n, const Layout& layout);

// Whole-issue checks after parsing (issue_check.cpp): grid, overlaps, ids, pages. Every
// problem found goes to `errors`.
void check_issue(const Issue& issue, base::ErrorCollector& errors);

}  // namespace model
