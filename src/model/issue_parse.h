#pragma once
// Private to model/: pieces of the issue parser shared between its files.
#include <filesystem>
#include <string>

#include "model/issue.h"
#include "model/xml_read.h"

namespace model {

// What every element reader needs: the file (for messages), its folder (for photo
// paths) and the layout (for style names and the grid).
struct IssueScope {
  const std::string& file;
  std::filesystem::path folder;
  const Layout& layout;
};

// style= of any element must name a style of the layout (docs/format.md "Any element
// may carry style"); returns it, or `fallback` when the attribute is absent.
std::string style_attr(const xml::Node& n, const Layout& layout, const std::string& fallback);

// A text element (kicker … banner): inline content with the whitespace rule applied
// (docs/format.md "Whitespace"), style resolved to the kind's default.
TextBlock read_text_block(const xml::Node& n, TextKind kind, const Layout& layout);
// The same without checking the element's attributes (the caller did: <banner>).
TextBlock read_text_content(const xml::Node& n, TextKind kind, const Layout& layout);

// Blocks of a page (issue_blocks.cpp).
Article read_article(const xml::Node& n, int page, const IssueScope& s);
Photo read_photo(const xml::Node& n, int page, const IssueScope& s);
Banner read_banner(const xml::Node& n, int page, const IssueScope& s);
Rule read_rule(const xml::Node& n, int page, const IssueScope& s);
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
