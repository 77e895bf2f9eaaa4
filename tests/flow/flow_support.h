#pragma once
// Shared helpers of the flow tests: issues built from XML strings, laid out with the real
// fonts (pinned by the font map), and read back from the frame::Page boxes.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "base/diag.h"
#include "flow/flow.h"
#include "frame/frame.h"
#include "model/issue.h"
#include "support/support.h"
#include "text/fonts.h"

namespace ft {

using base::Len;

const text::FontSet& fonts();
// tests/data/flow (fixtures, images/wide.jpg 4:3, images/tall.jpg 3:4).
std::filesystem::path data_dir();

struct Laid {
  model::Issue issue;
  frame::Document doc;
  std::vector<base::Finding> findings;

  const frame::Page& page(int number) const;
  // Boxes of a page by kind ("line", "jump", "block", …), optionally by id and role.
  std::vector<frame::Box> boxes(int page, const std::string& kind, const std::string& id = "",
                                const std::string& role = "") const;
  // Line boxes of every page for an article / block id, optionally by role.
  std::vector<frame::Box> lines(int page, const std::string& id, const std::string& role = "") const;
  std::vector<base::Finding> found(const std::string& code) const;
  bool has_error(const std::string& code) const;
  bool has_warning(const std::string& code) const;
  bool any_error() const;
  const model::Layout& layout() const { return issue.layout; }
};

flow::Options default_options();  // allow_low_res: the test images are tiny
// Parses `xml` as if it were tests/data/flow/NAME and lays it out.
Laid lay_out(const std::string& xml, const flow::Options& opt = default_options(),
             const std::string& name = "inline.xml");
Laid lay_out_file(const std::filesystem::path& file, const flow::Options& opt = default_options());

// <issue …><page …>BODY</page></issue> on a layout ("tabloid", "broadsheet"). `pages`:
// the inner XML of each page, numbered 1, 2, …
std::string issue_xml(const std::string& layout, const std::vector<std::string>& pages,
                      const std::vector<std::string>& sections = {});

// Chinese news text from tests/compose/data/corpus_000.txt: `chars` code points starting
// at code point `from` of the corpus (wrapping around), XML-escaped.
std::string corpus_text(int chars, int from = 0);
// `chars` Han characters without punctuation: on a 10-em tabloid column a paragraph of
// 8 + 10k of them sets exactly k + 1 lines (2-em indent, no adjustment).
std::string han(int chars, int from = 0);
// Code points in UTF-8 text.
int code_points(const std::string& s);

// Geometry helpers.
bool inside(const frame::Box& in, const frame::Box& out, Len tol = 10);
bool intersects(const frame::Box& a, const frame::Box& b, Len tol = 10);
Len right(const frame::Box& b);
Len bottom(const frame::Box& b);
// Vertical centre of the line's ideographic em box (the band Setter centres it in).
Len em_centre(const frame::Box& line);

}  // namespace ft
