// Hanging punctuation (行末悬挂, CLREQ §3.1.7; docs/composer.md "Hanging punctuation")
// outside an article's body columns: a caption under a photo and the items of briefs hang
// a line-end mark only where the white past their lines' ends holds it (half its em and
// an eighth of an em clear); with less — a narrow gutter with its rule, the article's text
// beside a photo set in it, a box's frame padded by half an em — the same text is set
// without hanging. Checked from the line boxes (hang=) and the block checks.
#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <iterator>

#include "flow/hang_checks.h"

using namespace ft;

namespace {

constexpr Len kEm = 10500;  // 五号: the tabloid's brief style, and the caption style here

void edit(std::string& s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  s.replace(at, from.size(), to);
}

// The tabloid layout edited by `change`, one page holding `page`, laid out from a folder
// of its own (with the test photos).
Laid with_layout(const std::string& tag, const std::function<void(std::string&)>& change, const std::string& page) {
  std::string layout;
  {
    std::ifstream in(test::source_root() / "layouts/tabloid.xml");
    layout.assign(std::istreambuf_iterator<char>(in), {});
  }
  // Captions at the body size, so that a one-column caption's measure is 10 of its ems.
  edit(layout, "<style name=\"caption\"  font=\"kai\"  size=\"小五\"", "<style name=\"caption\"  font=\"kai\"  size=\"五号\"");
  change(layout);
  const auto dir = test::temp_dir("flow-hang-room-" + tag);
  std::filesystem::create_directories(dir / "images");
  std::filesystem::copy_file(test::source_root() / "tests/data/flow/images/wide.jpg", dir / "images/wide.jpg",
                             std::filesystem::copy_options::overwrite_existing);
  std::ofstream(dir / "l.xml") << layout;
  std::string xml = issue_xml("tabloid", {page});
  edit(xml, "layout=\"tabloid\"", "layout=\"l.xml\"");
  std::ofstream(dir / "issue.xml") << xml;
  return lay_out_file(dir / "issue.xml");
}

void narrow_gutter(std::string& l) { edit(l, "gutter=\"1.5em\"", "gutter=\"0.5em\""); }
void as_bundled(std::string&) {}

// A paragraph whose first line (2-em indent) is `m` ems of Han and then a comma: one em
// past the measure, and the comma may not start the next line. Pushing the last Han
// character out with it would open the line's gaps by an em in all.
std::string comma_one_em_over(int m) { return han(m - 2) + "，" + han(60, 40); }

std::string photo(const std::string& rect, const std::string& caption) {
  return "<photo id=\"ph\" src=\"images/wide.jpg\" " + rect + "><caption>" + caption + "</caption></photo>";
}

// No line hangs a mark, and none is the line `hung` that hanging would have set.
void none_hung(const std::vector<frame::Box>& lines, const std::string& hung) {
  REQUIRE(!lines.empty());
  for (const auto& b : lines) {
    CAPTURE(b.text);
    CHECK(b.hang == 0);
    CHECK(b.text != hung);
  }
}

}  // namespace

TEST_CASE("a caption next to a narrow gutter with its rule hangs nothing; beside a 1.5-em gutter it hangs") {
  // A one-column photo, a story right of it: a 10-em caption measure (the photo's
  // width), then the gutter with the rule between the blocks in its middle.
  const std::string page = photo("col=\"1\" cols=\"1\" row=\"1\" rows=\"20\"", comma_one_em_over(10)) +
                           "<article id=\"next\" col=\"2\" cols=\"2\" row=\"1\" rows=\"20\"><p>" + han(300) +
                           "</p></article>";
  const std::string hung = han(8) + "，";
  const Laid narrow = with_layout("caption-narrow", narrow_gutter, page);
  REQUIRE_MESSAGE(!narrow.any_error(), errors(narrow));
  const frame::Box ph = narrow.boxes(1, "block", "ph").front();
  bool rule_beside = false;  // a quarter em right of the photo: where a hung comma would stand
  for (const auto& r : narrow.page(1).of<frame::Rule>())
    rule_beside = rule_beside || (r.x0 == r.x1 && r.x0 > right(ph) && r.x0 < right(ph) + kEm / 2);
  CHECK(rule_beside);
  none_hung(narrow.lines(1, "ph", "caption"), hung);
  for (const auto& b : narrow.lines(1, "ph", "caption")) CHECK(right(b) <= right(ph));
  const auto v = checked(narrow);
  CHECK_MESSAGE(v.empty(), ft::first(v));

  first_line_hangs(with_layout("caption-wide", as_bundled, page), "ph", "caption", hung, kEm);
}

TEST_CASE("a caption of a photo set in a story hangs nothing toward the story's text a narrow gutter away") {
  // The photo takes the story's first column; the story's text runs beside it, half an em
  // (narrow) or an em and a half (bundled) right of the caption's measure.
  const std::string page = "<article id=\"s\" col=\"1\" cols=\"3\" row=\"1\" rows=\"30\"><p>" + han(400) + "</p>" +
                           photo("col=\"1\" cols=\"1\" row=\"1\" rows=\"20\"", comma_one_em_over(10)) + "</article>";
  const std::string hung = han(8) + "，";
  const Laid narrow = with_layout("nested-narrow", narrow_gutter, page);
  REQUIRE_MESSAGE(!narrow.any_error(), errors(narrow));
  none_hung(narrow.lines(1, "ph", "caption"), hung);
  const auto v = checked(narrow);
  CHECK_MESSAGE(v.empty(), ft::first(v));

  first_line_hangs(with_layout("nested-wide", as_bundled, page), "ph", "caption", hung, kEm);
}

namespace {

// Two boxes padded by half an em left and right: one framed on all four sides, one open
// on the right (its text has the padding and half the gutter beyond the block).
void boxes(std::string& l) {
  edit(l, "</layout>",
       "<box name=\"tight\" frame=\"hair\" padding=\"1 0.5em\"/>\n"
       "<box name=\"open\" frame=\"hair\" sides=\"top bottom left\" padding=\"1 0.5em\"/>\n</layout>");
}

std::string briefs(const std::string& box, const std::string& items) {
  return "<briefs id=\"br\" col=\"1\" cols=\"1\" row=\"1\" rows=\"40\" box=\"" + box + "\">" + items + "</briefs>";
}

}  // namespace

TEST_CASE("briefs in a box whose frame is half an em past the column hang nothing onto it; open on that side they hang") {
  // One 9-em text column (the one-column block less half an em of padding each side). The
  // item's third line is nine ems of Han and then a comma, one em past the measure.
  const std::string items = "<item><lead>" + han(2) + "</lead>" + han(5, 100) + "，" + han(7, 200) + "，" +
                            han(10, 300) + "，" + han(6, 310) + "。</item>";
  const std::string hung = han(9, 301) + "，";
  const Laid tight = with_layout("briefs-tight", boxes, briefs("tight", items));
  REQUIRE_MESSAGE(!tight.any_error(), errors(tight));
  const frame::Box col = tight.boxes(1, "column", "br").front();
  REQUIRE(col.w == 9 * kEm);
  none_hung(tight.lines(1, "br"), hung);
  for (const auto& b : tight.lines(1, "br")) CHECK(right(b) <= right(col));
  auto v = checked(tight);
  CHECK_MESSAGE(v.empty(), ft::first(v));

  const Laid open = with_layout("briefs-open", boxes, briefs("open", items));
  REQUIRE_MESSAGE(!open.any_error(), errors(open));
  REQUIRE(open.boxes(1, "column", "br").front().w == 9 * kEm);
  const auto lines = open.lines(1, "br");
  REQUIRE(lines.size() == 4);
  CHECK(lines[2].text == hung);
  CHECK(lines[2].hang == kEm / 2);
  v = checked(open);
  CHECK_MESSAGE(v.empty(), ft::first(v));
}

TEST_CASE("a caption at the page's right margin hangs nothing when the margin is narrower than the hung mark's room") {
  // A one-column photo in the last grid column: past its caption's measure, the right
  // margin to the trim — 10 mm in the bundled tabloid, 2 mm on a page 8 mm narrower.
  const std::string page = photo("col=\"6\" cols=\"1\" row=\"1\" rows=\"20\"", comma_one_em_over(10));
  const std::string hung = han(8) + "，";
  const Laid tight = with_layout(
      "caption-trim", [](std::string& l) { edit(l, "<page width=\"270mm\"", "<page width=\"262mm\""); }, page);
  REQUIRE_MESSAGE(!tight.any_error(), errors(tight));
  const frame::Box ph = tight.boxes(1, "block", "ph").front();
  REQUIRE(tight.page(1).trim_w - right(ph) < 5 * kEm / 8);
  none_hung(tight.lines(1, "ph", "caption"), hung);
  const auto v = checked(tight);
  CHECK_MESSAGE(v.empty(), ft::first(v));

  first_line_hangs(with_layout("caption-margin", as_bundled, page), "ph", "caption", hung, kEm);
}

TEST_CASE("a photo set in a boxed story stands inside the box's padding, its caption hanging no mark onto the frame") {
  // The photo takes the last grid column of a two-column boxed story: image and caption
  // end at the padding (an em, or half an em, inside the frame), as the story's text does.
  for (const char* box : {"boxed", "tight"}) {
    CAPTURE(box);
    const std::string page = "<article id=\"s\" col=\"1\" cols=\"2\" row=\"1\" rows=\"30\" box=\"" + std::string(box) +
                             "\"><p>" + han(150) + "</p>" +
                             photo("col=\"2\" cols=\"1\" row=\"4\" rows=\"20\"", comma_one_em_over(9)) + "</article>";
    const Laid l = with_layout(std::string("boxed-photo-") + box, boxes, page);
    REQUIRE_MESSAGE(!l.any_error(), errors(l));
    const model::Layout& L = l.layout();
    const Len pad = std::string(box) == "boxed" ? kEm : kEm / 2;
    const Len inner_right = L.col_x(2) + L.column_width - pad;
    const frame::Box img = l.boxes(1, "image", "ph").front();
    CHECK(right(img) == inner_right);
    const auto lines = l.lines(1, "ph", "caption");
    REQUIRE(!lines.empty());
    for (const auto& b : lines) {
      CAPTURE(b.text);
      CHECK(right(b) <= inner_right);
    }
    if (pad == kEm) {  // 9 ems of caption, then an em of padding: the comma hangs into it
      CHECK(lines.front().text == han(7) + "，");
      CHECK(lines.front().hang == kEm / 2);
    }
    const auto v = checked(l);
    CHECK_MESSAGE(v.empty(), ft::first(v));
  }
}
