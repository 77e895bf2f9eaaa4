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
// paths), the layout (for style names and the grid) and the copy files it imports.
struct IssueScope {
  const std::string& file;
  std::filesystem::path folder;
  const Layout& layout;
  Imports* imports = nullptr;
  const LoadOptions* options = nullptr;
  std::vector<base::Finding>* notes = nullptr;  // warnings found while reading (missing photos, ads)
};

// style= of any element must name a style of the layout (docs/format.md "Any element
// may carry style"); returns it, or `fallback` when the attribute is absent.
std::string style_attr(const xml::Node& n, const Layout& layout, const std::string& fallback);

// A text element (kicker … banner): inline content with the whitespace rule applied
// (docs/format.md "Whitespace"), style resolved to the kind's default.
TextBlock read_text_block(const xml::Node& n, TextKind kind, const Layout& layout);
// The same without checking the element's attributes (the caller did: <banner>).
TextBlock read_text_content(const xml::Node& n, TextKind kind, const Layout& layout);

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
