// One <style> element of a layout (docs/format.md "Layout files", <style>).
#include "model/layout_parse.h"
#include "model/issue.h"
#include "model/limits.h"
#include "model/numbers.h"

namespace model {

namespace {

void read_spacing(const xml::Node& n, Style& s) {
  // Han–Latin spacing (docs/typography.md "Spacing and justification"): a preferred
  // amount and the range justification may use.
  using namespace limits;
  s.han_latin_em1000 = n.em1000("han-latin", s.han_latin_em1000, 0, kMaxHanLatinEm1000);
  s.han_latin_min_em1000 = n.em1000("han-latin-min", s.han_latin_min_em1000, 0, kMaxHanLatinEm1000);
  s.han_latin_max_em1000 = n.em1000("han-latin-max", s.han_latin_max_em1000, 0, kMaxHanLatinEm1000);
  if (s.han_latin_min_em1000 > s.han_latin_em1000 || s.han_latin_em1000 > s.han_latin_max_em1000)
    n.fail(nullptr,
           "style '" + s.name + "': han-latin must lie between han-latin-min and han-latin-max (now " +
               std::to_string(s.han_latin_min_em1000) + " / " + std::to_string(s.han_latin_em1000) + " / " +
               std::to_string(s.han_latin_max_em1000) + " thousandths of an em)",
           "make han-latin-min <= han-latin <= han-latin-max (defaults 0, 1/8em, 1/4em)");
  // A space typed between Han characters keeps this width (docs/typography.md: "never delete it").
  s.space_em1000 = n.em1000("space", s.space_em1000, 0, kMaxSpaceEm1000);
  s.indent_em1000 = n.em1000("indent", s.indent_em1000, 0, kMaxIndentEm1000);
}

void read_color(const xml::Node& n, Style& s) {
  if (const auto c = parse_colour(n, "color", "spot")) s.color = *c;
}

// The range copyfitting may set the style in (docs/format.md "Copyfitting"):
// size-min ≤ size ≤ size-max.
void read_size_range(const xml::Node& n, Style& s) {
  s.size_min = n.opt_length("size-min", 0, false).value_or(s.size);
  s.size_max = n.opt_length("size-max", 0, false).value_or(s.size);
  n.within("size-max", s.size_max, limits::kMinSize, limits::kMaxSize);
  if (s.size_min > s.size)
    n.fail("size-min", "style '" + s.name + "': size-min is larger than size",
           "make size-min at most the style's size (it is the smallest size copyfitting may set)");
  if (s.size_max < s.size)
    n.fail("size-max", "style '" + s.name + "': size-max is smaller than size",
           "make size-max at least the style's size (it is the largest size copyfitting may set)");
}

// sizes="2:二号 4:小一 6:一号": from N columns up, that size (docs/format.md <style>).
void read_span_sizes(const xml::Node& n, Style& s) {
  const auto v = n.opt("sizes");
  if (!v) return;
  const std::string fix = "write pairs COLUMNS:SIZE separated by spaces, columns ascending, e.g. sizes=\"2:二号 4:小一 6:一号\"";
  std::size_t i = 0;
  while (i < v->size()) {
    while (i < v->size() && (*v)[i] == ' ') ++i;
    if (i >= v->size()) break;
    const std::size_t e = std::min(v->find(' ', i), v->size());
    const std::string pair = v->substr(i, e - i);
    const std::size_t colon = pair.find(':');
    const auto cols = colon == std::string::npos ? std::nullopt : xml::to_int(pair.substr(0, colon));
    const auto size = cols ? parse_length(pair.substr(colon + 1)) : std::nullopt;
    if (!cols || *cols < 1 || !size || *size <= 0 || (!s.span_sizes.empty() && *cols <= s.span_sizes.back().first))
      n.fail("sizes", "sizes=\"" + *v + "\" of style '" + s.name + "': \"" + pair + "\" is not COLUMNS:SIZE in ascending columns", fix);
    if (*size < limits::kMinSize || *size > limits::kMaxSize)  // the range of size= (docs/format.md "Limits")
      n.fail("sizes", "sizes=\"" + *v + "\" of style '" + s.name + "': \"" + pair + "\" is outside 1pt to 1000pt", fix);
    s.span_sizes.emplace_back(*cols, *size);
    i = e;
  }
}

}  // namespace

std::optional<Cmyk> parse_colour(const xml::Node& n, const char* color_attr, const char* spot_attr) {
  const auto v = n.opt(color_attr);
  if (!v) {
    if (n.opt(spot_attr))
      n.fail(spot_attr, "a spot colour needs its CMYK alternate",
             "add " + std::string(color_attr) + "=\"C M Y K\" next to " + spot_attr + "=");
    return std::nullopt;
  }
  auto c = num::cmyk(*v);
  if (!c)
    n.fail(color_attr, "attribute " + std::string(color_attr) + "=\"" + *v + "\" of " + n.tag() + " is not a CMYK colour",
           "write four percentages 0–100 separated by spaces: " + std::string(color_attr) +
               "=\"C M Y K\", e.g. \"0 100 100 0\" for red");
  // A named spot colour (docs/print.md "Colour"): the name goes to the plate, the CMYK above is
  // its alternate for proofs and for plants that print it in process colours.
  if (const auto spot = n.opt(spot_attr)) {
    bool ok = !spot->empty() && spot->size() <= 60;
    for (unsigned char ch : *spot) ok = ok && ch >= 0x20 && ch < 0x7F && ch != '/' && ch != '#';
    if (!ok)
      n.fail(spot_attr, "spot colour name \"" + *spot + "\" is not usable as a PDF colourant name",
             "use up to 60 printable ASCII characters without / or #, e.g. " + std::string(spot_attr) +
                 "=\"PANTONE 485 C\"");
    c->spot = *spot;
  }
  return c;
}

Style parse_style(const xml::Node& n) {
  n.allow({"name", "font", "weight", "size", "size-min", "size-max", "leading", "lines", "align", "indent", "han-latin", "han-latin-min",
           "han-latin-max", "space", "hanging", "half-open-start", "space-before", "space-after", "color", "spot",
           "marker", "keep-dates", "sizes", "max-measure", "max-measure-mode", "tcy", "quotes", "digits"});
  if (!xml::children(n.e).empty()) n.unknown_child(*xml::children(n.e).front(), "");
  Style s;
  s.loc = n.at();
  s.name = n.req("name");
  if (s.name.empty()) n.fail("name", "empty style name", "give the style a name, e.g. name=\"body\"");
  s.font = n.choice<FontRole>(
      "font", {{"song", FontRole::Song}, {"hei", FontRole::Hei}, {"kai", FontRole::Kai}, {"fang", FontRole::Fang}},
      FontRole::Song);
  s.bold = n.choice<bool>("weight", {{"regular", false}, {"bold", true}}, false);
  s.size = n.length("size", 0, false);
  n.within("size", s.size, limits::kMinSize, limits::kMaxSize);
  read_size_range(n, s);
  // Leading in em is relative to the style's own size ("1.5em").
  s.leading = n.opt_length("leading", s.size, false).value_or(0);
  if (s.leading) n.within("leading", s.leading, 1, limits::kMaxLeading);
  // Grid lines: at most the grid's rows, checked once the grid is read (layout_parse.cpp).
  s.grid_lines = n.opt_integer("lines", 1, limits::kMaxRows).value_or(0);
  s.align = n.choice<Align>(
      "align", {{"justify", Align::Justify}, {"left", Align::Left}, {"center", Align::Center}, {"right", Align::Right}},
      Align::Justify);
  read_spacing(n, s);
  s.hanging_punct = n.yes_no("hanging", false);
  s.half_open_at_start = n.yes_no("half-open-start", false);
  s.keep_dates = n.yes_no("keep-dates", false);
  read_span_sizes(n, s);
  s.max_measure_em1000 = n.em1000("max-measure", 0, 1000, limits::kMaxMeasureEm1000);
  s.max_measure_columns = n.choice<bool>("max-measure-mode", {{"columns", true}, {"block", false}}, false);
  // Vertical text (docs/format.md "Vertical text"): numbers of up to `tcy` digits set as
  // 纵中横; quotes="corner" sets “ ” ‘ ’ as 「 」 『 』.
  s.tcy_digits = n.choice<int>("tcy", {{"0", 0}, {"1", 1}, {"2", 2}, {"3", 3}}, 2);
  s.corner_quotes = n.choice<bool>("quotes", {{"curly", false}, {"corner", true}}, false);
  // Digits half an em wide (docs/typography.md "Numbers"), or the face's proportional ones.
  s.half_width_digits = n.choice<bool>("digits", {{"half", true}, {"proportional", false}}, true);

  s.space_before_lines = n.opt_integer("space-before", 0, limits::kMaxRows).value_or(0);
  s.space_after_lines = n.opt_integer("space-after", 0, limits::kMaxRows).value_or(0);
  read_color(n, s);
  s.marker = n.opt("marker").value_or("");
  if (n.has("marker") && (s.marker.empty() || s.marker.size() > 16 || s.marker.find_first_of(" \t\r\n") != std::string::npos))
    n.fail("marker", "marker=\"" + s.marker + "\" is not a short mark", "write one or two characters, e.g. marker=\"■\" or \"●\"");
  return s;
}

}  // namespace model
