// A small content-stream interpreter (ISO 32000-1 §8–9 operators that matter here):
// CTM (q/Q/cm), fill and stroke colour (g rg k cs sc scn and the stroking forms),
// overprint from ExtGStates (gs: OP, op, OPM), text render mode (Tr), text showing
// (Tj TJ ' "), XObjects (Do) and inline images (BI/ID). It reports:
// * RGB colour operators (docs/print.md: no DeviceRGB anywhere);
// * black text that is not K-only with overprint, and text in rich black, RGB or grey
//   (docs/print.md "Colour": black text 100 % K, /OP true /op true /OPM 1);
// * total ink of k/K colours over the limit;
// * effective image resolution: pixels ÷ placed size from the CTM at Do (docs/print.md
//   "Resolution": < 200 ppi warning, < 100 ppi error).
#include <qpdf/Pl_Concatenate.hh>
#include <qpdf/Pl_QPDFTokenizer.hh>

#include <charconv>
#include <cmath>

#include "preflight/checks.h"
#include "preflight/streams.h"

namespace preflight {

namespace {

struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
};

Matrix times(const Matrix& m, const Matrix& n) {  // m × n (row vectors, §8.3.4)
  return {m.a * n.a + m.b * n.c, m.a * n.b + m.b * n.d, m.c * n.a + m.d * n.c,
          m.c * n.b + m.d * n.d, m.e * n.a + m.f * n.c + n.e, m.e * n.b + m.f * n.d + n.f};
}

struct Colour {
  enum Kind { Gray, Rgb, Cmyk, Other } kind = Gray;
  double v[4] = {0, 0, 0, 0};  // initial colour: DeviceGray black (§8.6.8)
};

struct State {
  Matrix ctm;
  Colour fill, stroke;
  bool op_fill = false, op_stroke = false;
  int opm = 0;
  int tr = 0;  // text render mode
};

std::string fixed(double v, int decimals) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  return std::string(buf, r.ptr);
}

std::string colour_text(const Colour& c) {
  switch (c.kind) {
    case Colour::Gray: return "gray " + fixed(c.v[0], 3);
    case Colour::Rgb: return "RGB " + fixed(c.v[0], 3) + " " + fixed(c.v[1], 3) + " " + fixed(c.v[2], 3);
    case Colour::Cmyk:
      return "CMYK " + fixed(c.v[0] * 100, 0) + "/" + fixed(c.v[1] * 100, 0) + "/" + fixed(c.v[2] * 100, 0) + "/" +
             fixed(c.v[3] * 100, 0);
    default: return "other";
  }
}

// Thrown when a page's content budget runs out; scan_page_content reports it.
struct OverBudget {};

struct Shared {
  int page;
  const Options& opt;
  Report& r;
  std::uint64_t left = 0;       // decoded content this page's check may still interpret
  bool over = false;            // the budget ran out (qpdf swallows exceptions on the way up)
  std::set<QPDFObjGen> active;  // forms being drawn (a form that draws itself is an error)
  // Forms already scanned in a state that gives the same findings: a form drawn again
  // from the same state (translation aside, which no check looks at) says nothing new,
  // so forms nested k deep and drawn n times each cost k scans, not n^k.
  std::set<std::string> scanned;
  std::map<QPDFObjGen, double> worst_ppi;
  std::map<QPDFObjGen, std::string> image_names;
};

// Forms nested deeper than this are not followed: an error, as no real file comes near.
constexpr int kMaxFormDepth = 32;

// A PDF number ("-.5", "12", "3.25"), in the C locale whatever the process's is.
double number(const std::string& v) {
  double d = 0;
  const char* b = v.data();
  if (!v.empty() && v[0] == '+') ++b;
  std::from_chars(b, v.data() + v.size(), d);
  return d;
}

// One operand as the checks need it: a number, a name, or anything else (a string, an
// array, a dictionary), whose source text is kept only inside BI … ID, where an inline
// image's colour space may be an array.
struct Operand {
  enum Kind { Number, Name, Other } kind = Other;
  double num = 0;
  std::string text;  // the name ("/DeviceRGB"), or the raw text of an array inside BI
};

// Works on content-stream tokens (QPDFTokenizer, through a TokenFilter), not parsed
// objects: a page of text is a few hundred thousand tokens, and building an object for
// each one cost more than the rest of the build's PDF work.
class Scanner : public QPDFObjectHandle::TokenFilter {
 public:
  Scanner(Shared& s, State st, QPDFObjectHandle resources, int depth)
      : s_(s), gs_(st), resources_(resources), depth_(depth) {}

  void handleToken(QPDFTokenizer::Token const& t) override;

 private:
  double num(std::size_t i) const {
    return i < operands_.size() && operands_[i].kind == Operand::Number ? operands_[i].num : 0.0;
  }
  std::size_t numbers() const {
    std::size_t n = 0;
    for (const auto& o : operands_) n += o.kind == Operand::Number ? 1 : 0;
    return n;
  }
  const std::string* name(std::size_t i) const {
    return i < operands_.size() && operands_[i].kind == Operand::Name ? &operands_[i].text : nullptr;
  }
  void compound(QPDFTokenizer::Token const& t);

  void op(const std::string& o);
  void set_colour(bool stroke, Colour::Kind kind, std::size_t n);
  void set_space(bool stroke);
  void ext_gstate();
  void show_text();
  void text_colour(const Colour& c, bool overprint);
  void draw_xobject();
  void draw_form(QPDFObjectHandle form);
  std::string state_key(QPDFObjectHandle form, QPDFObjectHandle res) const;
  void image_at(QPDFObjectHandle key, double w_px, double h_px, const std::string& label);
  void inline_image();

  Shared& s_;
  State gs_;
  std::vector<State> stack_;
  QPDFObjectHandle resources_;
  int depth_;
  std::vector<Operand> operands_;
  int nesting_ = 0;      // inside [ … ] or << … >>: tokens belong to one operand
  bool in_bi_ = false;   // between BI and ID: operands are the inline image's dictionary
};

void Scanner::handleToken(QPDFTokenizer::Token const& t) {
  using T = QPDFTokenizer;
  switch (t.getType()) {
    case T::tt_space:
    case T::tt_comment:
      return;
    case T::tt_array_open:
    case T::tt_dict_open:
    case T::tt_array_close:
    case T::tt_dict_close:
      compound(t);
      return;
    default:
      break;
  }
  if (nesting_ > 0) {
    if (in_bi_) operands_.back().text += " " + t.getRawValue();
    return;
  }
  switch (t.getType()) {
    case T::tt_integer:
    case T::tt_real: operands_.push_back({Operand::Number, number(t.getValue()), {}}); break;
    case T::tt_name: operands_.push_back({Operand::Name, 0, t.getValue()}); break;
    case T::tt_word:
      op(t.getValue());
      if (t.getValue() == "BI") in_bi_ = true;
      if (t.getValue() == "ID") in_bi_ = false;
      if (!in_bi_ && t.getValue() != "ID") operands_.clear();
      break;
    case T::tt_inline_image: operands_.clear(); break;
    default: operands_.push_back({Operand::Other, 0, {}}); break;
  }
}

// [ … ] and << … >> make one operand; inside BI their text is kept for the colour space.
void Scanner::compound(QPDFTokenizer::Token const& t) {
  using T = QPDFTokenizer;
  const bool open = t.getType() == T::tt_array_open || t.getType() == T::tt_dict_open;
  if (open && nesting_++ == 0) operands_.push_back({Operand::Other, 0, {}});
  if (!open && nesting_ > 0) --nesting_;
  if (in_bi_ && !operands_.empty()) operands_.back().text += " " + t.getRawValue();
}

void Scanner::op(const std::string& o) {
  if (o == "q") stack_.push_back(gs_);
  else if (o == "Q" && !stack_.empty()) gs_ = stack_.back(), stack_.pop_back();
  else if (o == "cm" && numbers() == 6) gs_.ctm = times({num(0), num(1), num(2), num(3), num(4), num(5)}, gs_.ctm);
  else if (o == "g" || o == "G") set_colour(o == "G", Colour::Gray, 1);
  else if (o == "rg" || o == "RG") set_colour(o == "RG", Colour::Rgb, 3);
  else if (o == "k" || o == "K") set_colour(o == "K", Colour::Cmyk, 4);
  else if (o == "cs" || o == "CS") set_space(o == "CS");
  else if (o == "sc" || o == "scn" || o == "SC" || o == "SCN") {
    const bool stroke = o[0] == 'S';
    Colour& c = stroke ? gs_.stroke : gs_.fill;
    const std::size_t n = c.kind == Colour::Gray ? 1 : c.kind == Colour::Rgb ? 3 : c.kind == Colour::Cmyk ? 4 : 0;
    if (n && numbers() == n) set_colour(stroke, c.kind, n);
  } else if (o == "gs") ext_gstate();
  else if (o == "Tr" && numbers() == 1) gs_.tr = static_cast<int>(num(0));
  else if (o == "Tj" || o == "TJ" || o == "'" || o == "\"") show_text();
  else if (o == "Do") draw_xobject();
  else if (o == "ID") inline_image();
}

void Scanner::set_colour(bool stroke, Colour::Kind kind, std::size_t n) {
  Colour c;
  c.kind = kind;
  for (std::size_t i = 0; i < n && i < 4; ++i) c.v[i] = num(i);
  (stroke ? gs_.stroke : gs_.fill) = c;
  if (kind == Colour::Rgb)
    s_.r.error(code::kDeviceRgb, s_.page, "operator", "content stream sets DeviceRGB colours (rg/RG)");
  if (kind == Colour::Cmyk) {
    const double total = (c.v[0] + c.v[1] + c.v[2] + c.v[3]) * 100.0;
    if (total > s_.opt.ink_limit_percent + 0.5)
      s_.r.error(code::kInk, s_.page, colour_text(c),
                 "colour " + colour_text(c) + " has " + fixed(total, 0) + " % total ink, over the " +
                     std::to_string(s_.opt.ink_limit_percent) + " % limit");
  }
}

void Scanner::set_space(bool stroke) {
  Colour c;
  const std::string* n = name(0);
  if (!n) return;
  if (*n == "/DeviceGray") c.kind = Colour::Gray;
  else if (*n == "/DeviceCMYK") c.kind = Colour::Cmyk, c.v[3] = 1.0;
  else if (uses_device_rgb(QPDFObjectHandle::newName(*n), resources_)) {
    c.kind = Colour::Rgb;
    s_.r.error(code::kDeviceRgb, s_.page, "cs", "content stream selects a DeviceRGB colour space (cs/CS)");
  } else c.kind = Colour::Other;
  (stroke ? gs_.stroke : gs_.fill) = c;
}

void Scanner::ext_gstate() {
  const std::string* n = name(0);
  if (!n || !resources_.isDictionary()) return;
  auto gs = resources_.getKey("/ExtGState").isDictionary() ? resources_.getKey("/ExtGState").getKey(*n)
                                                           : QPDFObjectHandle::newNull();
  if (!gs.isDictionary()) return;
  // /op absent: /OP sets both (ISO 32000-1 Table 58).
  if (gs.getKey("/OP").isBool()) gs_.op_stroke = gs_.op_fill = gs.getKey("/OP").getBoolValue();
  if (gs.getKey("/op").isBool()) gs_.op_fill = gs.getKey("/op").getBoolValue();
  if (gs.getKey("/OPM").isNumber()) gs_.opm = static_cast<int>(gs.getKey("/OPM").getNumericValue());
}

void Scanner::show_text() {
  const int tr = gs_.tr;
  if (tr == 3 || tr == 7) return;  // invisible / clip only
  if (tr == 0 || tr == 2 || tr == 4 || tr == 6) text_colour(gs_.fill, gs_.op_fill);
  if (tr == 1 || tr == 2 || tr == 5 || tr == 6) text_colour(gs_.stroke, gs_.op_stroke);
}

void Scanner::text_colour(const Colour& c, bool overprint) {
  if (c.kind == Colour::Cmyk && c.v[0] == 0 && c.v[1] == 0 && c.v[2] == 0 && c.v[3] == 1.0 && overprint &&
      gs_.opm == 1)
    return;  // K-only black that overprints: the common case, nothing to say
  const std::string key = colour_text(c);
  if (c.kind == Colour::Rgb) {
    s_.r.error(code::kTextRgb, s_.page, key, "text in Device" + key + " (print needs CMYK; black text 100 % K only)");
  } else if (c.kind == Colour::Gray) {
    // DeviceGray black knocks out C, M and Y under it: it cannot overprint (docs/libraries.md §5d).
    if (c.v[0] == 0.0) s_.r.error(code::kTextGray, s_.page, key, "black text in DeviceGray; it knocks out (use 0 0 0 1 k with overprint)");
    else s_.r.warn(code::kTextGray, s_.page, key, "text in DeviceGray " + fixed(c.v[0], 3) + " (prefer CMYK K tints)");
  } else if (c.kind == Colour::Cmyk) {
    const bool black = c.v[0] == 0 && c.v[1] == 0 && c.v[2] == 0 && c.v[3] == 1.0;
    const bool rich = (c.v[3] >= 0.8 && c.v[0] + c.v[1] + c.v[2] > 0) || (c.v[0] >= 0.8 && c.v[1] >= 0.8 && c.v[2] >= 0.8);
    if (black && !(overprint && gs_.opm == 1))
      s_.r.error(code::kBlackKnockout, s_.page, "",
                 "black text without overprint (needs an ExtGState with /OP true /op true /OPM 1)");
    else if (rich)
      s_.r.error(code::kTextRichBlack, s_.page, key, "text in rich black " + key + " (misregisters; use 100 % K only)");
  }
}

void Scanner::draw_xobject() {
  const std::string* n = name(0);
  if (!n || !resources_.isDictionary()) return;
  auto xobjects = resources_.getKey("/XObject");
  auto x = xobjects.isDictionary() ? xobjects.getKey(*n) : QPDFObjectHandle::newNull();
  if (!x.isStream()) return;
  auto d = x.getDict();
  if (is_name(d.getKey("/Subtype"), "/Form")) draw_form(x);
  if (is_name(d.getKey("/Subtype"), "/Image") && d.getKey("/Width").isNumber() && d.getKey("/Height").isNumber())
    image_at(x, d.getKey("/Width").getNumericValue(), d.getKey("/Height").getNumericValue(), "image " + object_name(x));
}

// What the checks inside a form depend on: the form and its resources, the colours,
// overprint and text render mode it inherits, and the CTM's scale and rotation (image
// resolution); not the translation.
std::string Scanner::state_key(QPDFObjectHandle form, QPDFObjectHandle res) const {
  std::string k = form.getObjGen().unparse(' ') + "|" + (res.isIndirect() ? res.getObjGen().unparse(' ') : "d") + "|";
  const double v[] = {gs_.ctm.a, gs_.ctm.b, gs_.ctm.c, gs_.ctm.d, gs_.fill.v[0], gs_.fill.v[1], gs_.fill.v[2],
                      gs_.fill.v[3], gs_.stroke.v[0], gs_.stroke.v[1], gs_.stroke.v[2], gs_.stroke.v[3]};
  k.append(reinterpret_cast<const char*>(v), sizeof v);
  const int i[] = {gs_.fill.kind, gs_.stroke.kind, gs_.op_fill, gs_.op_stroke, gs_.opm, gs_.tr};
  k.append(reinterpret_cast<const char*>(i), sizeof i);
  return k;
}

// Every form drawn costs at least this much of the content budget, so empty forms drawn
// over and over still run it out.
constexpr std::uint64_t kFormCost = 1024;

void Scanner::draw_form(QPDFObjectHandle form) {
  const std::string name = "form " + object_name(form);
  if (depth_ >= kMaxFormDepth) {
    s_.r.error(code::kBudget, s_.page, "depth",
               "forms are nested more than " + std::to_string(kMaxFormDepth) + " deep: the innermost are not checked");
    return;
  }
  if (s_.active.count(form.getObjGen())) {
    s_.r.error(code::kStructure, s_.page, name, name + " draws itself (ISO 32000-1 §8.10.1 forbids it)");
    return;
  }
  auto res = form.getDict().getKey("/Resources");
  if (!res.isDictionary()) res = resources_;
  if (!s_.scanned.insert(state_key(form, res)).second) return;
  State st = gs_;
  auto m = form.getDict().getKey("/Matrix");
  if (m.isArray() && m.getArrayNItems() == 6) {
    Matrix fm{m.getArrayItem(0).getNumericValue(), m.getArrayItem(1).getNumericValue(),
              m.getArrayItem(2).getNumericValue(), m.getArrayItem(3).getNumericValue(),
              m.getArrayItem(4).getNumericValue(), m.getArrayItem(5).getNumericValue()};
    st.ctm = times(fm, st.ctm);
  }
  if (s_.left < kFormCost) s_.over = true;
  if (s_.over) throw OverBudget{};
  s_.left -= kFormCost;
  s_.active.insert(form.getObjGen());
  Scanner inner(s_, st, res, depth_ + 1);
  Pl_QPDFTokenizer tokens("preflight form", &inner);
  const Decoded got = pipe_decoded(form, &tokens, qpdf_dl_generalized, s_.left);
  s_.active.erase(form.getObjGen());
  if (got == Decoded::OverBudget || s_.over) {
    s_.over = true;
    throw OverBudget{};
  }
  if (got == Decoded::Failed)
    s_.r.error(code::kStructure, s_.page, name, "the content of " + name + " cannot be decoded: it is not checked");
}

// The unit square is the image: its sides in page space are the CTM's column vectors.
void Scanner::image_at(QPDFObjectHandle key, double w_px, double h_px, const std::string& label) {
  const double w_pt = std::hypot(gs_.ctm.a, gs_.ctm.b), h_pt = std::hypot(gs_.ctm.c, gs_.ctm.d);
  if (w_pt < 1e-3 || h_pt < 1e-3 || w_px <= 1 || h_px <= 1) return;  // tiny or 1-pixel: a fill, not a photo
  const double ppi = std::min(w_px * 72.0 / w_pt, h_px * 72.0 / h_pt);
  const QPDFObjGen id = key.isIndirect() ? key.getObjGen() : QPDFObjGen(0, static_cast<int>(s_.image_names.size()) + 1);
  auto it = s_.worst_ppi.find(id);
  if (it == s_.worst_ppi.end() || ppi < it->second) s_.worst_ppi[id] = ppi;
  s_.image_names[id] = label;
}

// The operands between BI and ID: key/value pairs of the inline image's dictionary.
void Scanner::inline_image() {
  double w = 0, h = 0;
  for (std::size_t i = 0; i + 1 < operands_.size(); i += 2) {
    const std::string* k = name(i);
    if (!k) continue;
    const Operand& v = operands_[i + 1];
    if (*k == "/W" || *k == "/Width") w = num(i + 1);
    if (*k == "/H" || *k == "/Height") h = num(i + 1);
    if (*k != "/CS" && *k != "/ColorSpace") continue;
    QPDFObjectHandle cs = v.kind == Operand::Name ? QPDFObjectHandle::newName(v.text)
                          : v.kind == Operand::Other && !v.text.empty() ? QPDFObjectHandle::parse(v.text)
                                                                         : QPDFObjectHandle::newNull();
    if (uses_device_rgb(cs, resources_)) s_.r.error(code::kDeviceRgb, s_.page, "inline", "inline image in DeviceRGB");
  }
  operands_.clear();
  image_at(QPDFObjectHandle::newNull(), w, h, "inline image");
}

void report_resolution(const Shared& s) {
  for (const auto& [id, ppi] : s.worst_ppi) {
    const std::string msg = s.image_names.at(id) + " is placed at " + fixed(ppi, 0) + " ppi effective";
    if (ppi < s.opt.error_ppi && !s.opt.allow_low_resolution)
      s.r.error(code::kResolution, s.page, s.image_names.at(id), msg + " (below " + fixed(s.opt.error_ppi, 0) + ")");
    else if (ppi < s.opt.warn_ppi)
      s.r.warn(code::kResolution, s.page, s.image_names.at(id), msg + " (below " + fixed(s.opt.warn_ppi, 0) + ")");
  }
}

}  // namespace

namespace {

void report_budget(const Shared& s) {
  s.r.error(code::kBudget, s.page, "content",
            "checking the page's content stopped after " + budget_text(s.opt.content_budget) +
                " of decoded content (forms drawn over and over, or streams that inflate that far): the rest is "
                "not checked, so the page does not pass");
}

// Pipes each content stream (several concatenate, ISO 32000-1 §7.8.2) into the scanner
// within the budget. One that cannot be decoded is an error: what it draws is unchecked.
void scan_streams(std::vector<QPDFObjectHandle> streams, Scanner& sc, Shared& s) {
  Pl_QPDFTokenizer tokens("preflight page", &sc);
  Pl_Concatenate all("preflight contents", &tokens);
  for (auto& c : streams) {
    if (!c.isStream()) continue;
    const Decoded got = pipe_decoded(c, &all, qpdf_dl_generalized, s.left);
    if (got == Decoded::OverBudget || s.over) throw OverBudget{};
    if (got == Decoded::Failed)
      s.r.error(code::kStructure, s.page, "contents " + object_name(c),
                "the page's content stream " + object_name(c) + " cannot be decoded: what it draws is not checked");
    unsigned char nl = '\n';
    all.write(&nl, 1);
  }
  all.manualFinish();  // the scan runs here, forms drawn on the way
  if (s.over) throw OverBudget{};
}

void scan(Shared& s, QPDFObjectHandle resources, std::vector<QPDFObjectHandle> streams) {
  s.left = s.opt.content_budget;
  Scanner sc(s, State{}, resources, 0);
  try {
    scan_streams(std::move(streams), sc, s);
  } catch (const OverBudget&) {
    report_budget(s);
  }
  report_resolution(s);
}

}  // namespace

void scan_page_content(QPDFPageObjectHelper& page, int page_no, const Options& opt, Report& report) {
  Shared s{page_no, opt, report, 0, false, {}, {}, {}, {}};
  auto contents = page.getObjectHandle().getKey("/Contents");
  std::vector<QPDFObjectHandle> streams;
  if (contents.isArray()) streams = contents.getArrayAsVector();
  else streams.push_back(contents);
  scan(s, page.getAttribute("/Resources", false), streams);
}

void scan_stream(QPDFObjectHandle stream, int page_no, const Options& opt, Report& report) {
  Shared s{page_no, opt, report, 0, false, {}, {}, {}, {}};
  scan(s, stream.getDict().getKey("/Resources"), {stream});
}

}  // namespace preflight
