// Content-stream colour rewrite: cairo writes every solid colour as `r g b rg` / `RG`
// (docs/libraries.md §5); each is the RGB stand-in of one palette entry, so it maps back
// to the exact CMYK of the layout. 100 % K becomes `0 0 0 1 k` with overprint on
// (docs/print.md "Colour": /OP true /op true /OPM 1); every other colour knocks out.
#include <qpdf/Pl_QPDFTokenizer.hh>
#include <qpdf/Pl_String.hh>

#include <cstdlib>

#include "finish/steps.h"

namespace finish {

namespace {

using Token = QPDFTokenizer::Token;

// Overprint state written by the last ExtGState we emitted: stroke (OP) and fill (op).
// One ExtGState per combination, because an ExtGState without /op sets op from /OP
// (ISO 32000-1 §8.4.5, Table 58), so fill and stroke cannot be switched separately.
struct Overprint {
  bool stroke = false, fill = false;
};

std::string gs_name(Overprint o) {
  return std::string("/PSop") + (o.stroke ? "1" : "0") + (o.fill ? "1" : "0");
}

QPDFObjectHandle make_ext_gstate(QPDF& pdf, Overprint o) {
  auto d = QPDFObjectHandle::newDictionary();
  d.replaceKey("/Type", QPDFObjectHandle::newName("/ExtGState"));
  d.replaceKey("/OP", QPDFObjectHandle::newBool(o.stroke));
  d.replaceKey("/op", QPDFObjectHandle::newBool(o.fill));
  // OPM 1: a 0 component of DeviceCMYK leaves that plate alone (ISO 32000-1 §8.6.7).
  d.replaceKey("/OPM", QPDFObjectHandle::newInteger(1));
  return pdf.makeIndirectObject(d);
}

// A spot colour at 100 % tint, with its CMYK alternate from the layout.
QPDFObjectHandle make_separation(QPDF& pdf, const frame::Cmyk& c) {
  auto fn = QPDFObjectHandle::newDictionary();
  fn.replaceKey("/FunctionType", QPDFObjectHandle::newInteger(2));
  fn.replaceKey("/Domain", QPDFObjectHandle::parse("[0 1]"));
  fn.replaceKey("/N", QPDFObjectHandle::newInteger(1));
  fn.replaceKey("/C0", QPDFObjectHandle::parse("[0 0 0 0]"));
  fn.replaceKey("/C1", QPDFObjectHandle::parse("[" + pdf_unit(c.c) + " " + pdf_unit(c.m) + " " +
                                                pdf_unit(c.y) + " " + pdf_unit(c.k) + "]"));
  auto cs = QPDFObjectHandle::newArray();
  cs.appendItem(QPDFObjectHandle::newName("/Separation"));
  cs.appendItem(QPDFObjectHandle::newName("/" + c.spot));
  cs.appendItem(QPDFObjectHandle::newName("/DeviceCMYK"));
  cs.appendItem(fn);
  return pdf.makeIndirectObject(cs);
}

void add_resource(QPDFObjectHandle resources, const std::string& category, const std::string& name,
                  QPDFObjectHandle value) {
  if (!resources.hasKey(category) || !resources.getKey(category).isDictionary())
    resources.replaceKey(category, QPDFObjectHandle::newDictionary());
  resources.getKey(category).replaceKey(name, value);
}

bool is_number(const Token& t) {
  return t.getType() == QPDFTokenizer::tt_integer || t.getType() == QPDFTokenizer::tt_real;
}

class ColourFilter : public QPDFObjectHandle::TokenFilter {
 public:
  ColourFilter(ColourRewrite& cr, QPDFObjectHandle resources) : cr_(cr), resources_(resources) {}

  void handleToken(const Token& t) override {
    const auto type = t.getType();
    if (type == QPDFTokenizer::tt_eof) return;
    if (type == QPDFTokenizer::tt_space || is_number(t)) {
      pending_.push_back(t);
      return;
    }
    if (type == QPDFTokenizer::tt_word && (t.getValue() == "rg" || t.getValue() == "RG") && operands() == 3) {
      replace_rgb(t.getValue() == "RG");
      return;
    }
    flush();
    writeToken(t);
    if (type == QPDFTokenizer::tt_word) track(t.getValue());
    if (type == QPDFTokenizer::tt_name && in_inline_dict_) check_inline(t.getValue());
  }

  void handleEOF() override { flush(); }

 private:
  int operands() const {
    int n = 0;
    for (const auto& t : pending_) n += is_number(t) ? 1 : 0;
    return n;
  }

  void flush() {
    for (const auto& t : pending_) writeToken(t);
    pending_.clear();
  }

  void track(const std::string& op) {
    if (op == "q") stack_.push_back(state_);
    if (op == "Q" && !stack_.empty()) {
      state_ = stack_.back();
      stack_.pop_back();
    }
    if (op == "BI") in_inline_dict_ = true;
    if (op == "ID") in_inline_dict_ = false;
  }

  // Inline images (cairo uses them only for 1-bit stencil masks) must not be RGB.
  void check_inline(const std::string& name) {
    if (name == "/RGB" || name == "/DeviceRGB") cr_.inline_rgb.insert(std::to_string(cr_.page));
  }

  void replace_rgb(bool stroke) {
    double v[3];
    int i = 0;
    for (const auto& t : pending_)
      if (is_number(t)) v[i++] = std::strtod(t.getValue().c_str(), nullptr);
    // Keep the whitespace that separated the operands from the previous token: without
    // it `ET0 0 0 1 k` would fuse into one word (docs/libraries.md §5c).
    if (!pending_.empty() && pending_.front().getType() == QPDFTokenizer::tt_space) writeToken(pending_.front());
    pending_.clear();
    const frame::PaletteEntry* e = cr_.opt.palette.find(v[0], v[1], v[2]);
    if (!e) {
      cr_.unknown.insert(pdf_num(v[0], 6) + " " + pdf_num(v[1], 6) + " " + pdf_num(v[2], 6));
      write(pdf_num(v[0], 6) + " " + pdf_num(v[1], 6) + " " + pdf_num(v[2], 6) + (stroke ? " RG" : " rg"));
      return;
    }
    check_ink(e->cmyk);
    write(colour_ops(e->cmyk, stroke));
    set_overprint(stroke, e->cmyk.is_black());
  }

  std::string colour_ops(const frame::Cmyk& c, bool stroke) {
    if (!c.spot.empty()) {
      const std::string name = spot_name(c);
      const std::string level = pdf_unit(c.tint);  // a screen of the ink (Cmyk::tint)
      return stroke ? name + " CS " + level + " SCN" : name + " cs " + level + " scn";
    }
    return pdf_unit(c.c) + " " + pdf_unit(c.m) + " " + pdf_unit(c.y) + " " + pdf_unit(c.k) + (stroke ? " K" : " k");
  }

  std::string spot_name(const frame::Cmyk& c) {
    const auto& entries = cr_.opt.palette.entries();
    std::size_t index = 0;
    while (index < entries.size() && !(entries[index].cmyk == c)) ++index;
    const std::string name = "/PSsp" + std::to_string(index);
    auto [it, added] = cr_.spot_spaces.try_emplace(name);
    if (added) it->second = make_separation(cr_.pdf, c);
    add_resource(resources_, "/ColorSpace", name, it->second);
    return name;
  }

  void set_overprint(bool stroke, bool black) {
    (stroke ? state_.stroke : state_.fill) = black;
    const std::string name = gs_name(state_);
    auto [it, added] = cr_.ext_gstates.try_emplace(name);
    if (added) it->second = make_ext_gstate(cr_.pdf, state_);
    add_resource(resources_, "/ExtGState", name, it->second);
    write(" " + name + " gs");
  }

  // docs/print.md "Colour": total ink of any area under the layout's limit. A spot colour is
  // one ink, never over the limit.
  void check_ink(const frame::Cmyk& c) {
    const int total = c.c + c.m + c.y + c.k;  // 1/1000 per ink → 1/10 %
    if (!c.spot.empty() || total <= cr_.opt.ink_limit_percent * 10) return;
    const std::string key = colour_ops(c, false);
    if (!cr_.reported_ink.insert(key).second) return;
    cr_.diag.error("ink-limit",
                   "colour C" + pdf_num(c.c / 10.0, 1) + " M" + pdf_num(c.m / 10.0, 1) + " Y" + pdf_num(c.y / 10.0, 1) +
                       " K" + pdf_num(c.k / 10.0, 1) + " has " + pdf_num(total / 10.0, 1) +
                       " % total ink, over the limit of " + std::to_string(cr_.opt.ink_limit_percent) + " %",
                   {}, {}, cr_.page);
  }

  ColourRewrite& cr_;
  QPDFObjectHandle resources_;
  std::vector<Token> pending_;
  Overprint state_;  // a stream starts with overprint off (cairo sets colours per stream)
  std::vector<Overprint> stack_;
  bool in_inline_dict_ = false;
};

}  // namespace

std::string rewrite_content(ColourRewrite& cr, const std::string& content, QPDFObjectHandle resources) {
  std::string out;
  Pl_String sink("finish colour out", nullptr, out);
  ColourFilter filter(cr, resources);
  Pl_QPDFTokenizer tokenizer("finish colour", &filter, &sink);
  tokenizer.write(reinterpret_cast<const unsigned char*>(content.data()), content.size());
  tokenizer.finish();
  return out;
}

void rewrite_page_contents(ColourRewrite& cr, QPDFPageObjectHelper& page) {
  std::string content;
  Pl_String sink("page contents", nullptr, content);
  page.pipeContents(&sink);
  auto page_obj = page.getObjectHandle();
  if (!page_obj.getKey("/Resources").isDictionary())
    page_obj.replaceKey("/Resources", QPDFObjectHandle::newDictionary());
  const std::string out = rewrite_content(cr, content, page_obj.getKey("/Resources"));
  page_obj.replaceKey("/Contents", QPDFObjectHandle::newStream(&cr.pdf, out));
}

void rewrite_stream_contents(ColourRewrite& cr, QPDFObjectHandle stream) {
  if (!cr.done.insert(stream.getObjGen()).second) return;
  auto dict = stream.getDict();
  if (!dict.getKey("/Resources").isDictionary()) dict.replaceKey("/Resources", QPDFObjectHandle::newDictionary());
  auto buf = stream.getStreamData(qpdf_dl_generalized);
  const std::string content(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
  const std::string out = rewrite_content(cr, content, dict.getKey("/Resources"));
  stream.replaceStreamData(out, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
}

void check_colour_rewrite(const ColourRewrite& cr) {
  if (!cr.inline_rgb.empty()) {
    std::string pages;
    for (const auto& p : cr.inline_rgb) pages += (pages.empty() ? "" : ", ") + p;
    throw base::Error({}, "RGB inline image on page " + pages + " (docs/print.md: no DeviceRGB anywhere)",
                      "draw images as image XObjects (render/ does) so they can be converted");
  }
  if (cr.unknown.empty()) return;
  std::string list;
  for (const auto& c : cr.unknown) list += (list.empty() ? "" : "; ") + c;
  throw base::Error({}, "colour(s) in cairo's PDF not in the palette (RGB " + list + ")",
                    "draw every colour with palette.rgb(cmyk) from the same frame::Palette passed to finish");
}

}  // namespace finish
