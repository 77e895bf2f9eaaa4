// What a placed page holds (placed::inspect), for the PDF/X modes' checks of placed
// pages: colour spaces (ISO 32000-1 §8.6), transparency (§11: soft masks, groups, blend
// modes, constant alpha), fonts (§9.6–9.8: embedded when the descriptor has a font file).
// Resources are walked recursively through forms, patterns and soft masks, each object
// once; the content streams are read for the operators that select a device colour space.
#include <qpdf/Pl_Discard.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <set>

#include "placed/placed.h"
#include "placed/qpdf_open.h"
#include "preflight/streams.h"

namespace placed {

namespace {

using Obj = QPDFObjectHandle;

class Walker {
 public:
  Contents out;
  void resources(Obj r);
  void content(Obj stream_or_page_contents);

 private:
  void space(Obj cs);
  void add_space(const std::string& s) {
    if (std::find(out.colour_spaces.begin(), out.colour_spaces.end(), s) == out.colour_spaces.end())
      out.colour_spaces.push_back(s);
  }
  void xobject(Obj x);
  void gstate(Obj g);
  void font(Obj f);
  bool first_time(Obj o) {
    if (!o.isIndirect()) return true;
    return seen_.insert(o.getObjGen().unparse(' ')).second;
  }
  std::set<std::string> seen_;
  std::uint64_t budget_ = 32u << 20;  // decoded content bytes, as preflight's page budget
  bool within_budget(Obj s);
};

// A colour space by its family, and the spaces it is built on.
void Walker::space(Obj cs) {
  if (cs.isName()) return add_space(cs.getName().substr(1));
  if (!cs.isArray() || cs.getArrayNItems() == 0 || !cs.getArrayItem(0).isName()) return;
  const std::string family = cs.getArrayItem(0).getName().substr(1);
  if (family == "ICCBased") {
    Obj s = cs.getArrayItem(1);
    Obj n = s.isStream() ? s.getDict().getKey("/N") : Obj::newNull();
    return add_space("ICCBased/N=" + (n.isInteger() ? std::to_string(n.getIntValue()) : std::string("?")));
  }
  if (family == "Separation" && cs.getArrayNItems() >= 3) {
    Obj name = cs.getArrayItem(1);
    add_space("Separation/" + (name.isName() ? name.getName().substr(1) : std::string("?")));
    return space(cs.getArrayItem(2));
  }
  if (family == "DeviceN" && cs.getArrayNItems() >= 3) {
    std::string names;
    for (Obj n : cs.getArrayItem(1).aitems()) names += (names.empty() ? "" : ",") + (n.isName() ? n.getName().substr(1) : "?");
    add_space("DeviceN/" + names);
    return space(cs.getArrayItem(2));
  }
  if (family == "Indexed" && cs.getArrayNItems() >= 2) {
    Obj base = cs.getArrayItem(1);
    add_space("Indexed/" + (base.isName() ? base.getName().substr(1) : std::string("…")));
    return space(base);
  }
  if (family == "Pattern" && cs.getArrayNItems() >= 2) return add_space("Pattern"), space(cs.getArrayItem(1));
  add_space(family);  // Lab, CalRGB, CalGray
}

void Walker::xobject(Obj x) {
  if (!x.isStream() || !first_time(x)) return;
  Obj d = x.getDict();
  if (d.getKey("/Subtype").isNameAndEquals("/Image")) {
    if (!d.getKey("/ImageMask").isBool() || !d.getKey("/ImageMask").getBoolValue()) space(d.getKey("/ColorSpace"));
    if (d.hasKey("/SMask") || d.hasKey("/SMaskInData")) out.transparency = true;
    return;
  }
  Obj group = d.getKey("/Group");
  if (group.isDictionary() && group.getKey("/S").isNameAndEquals("/Transparency")) {
    out.transparency = true;
    if (group.hasKey("/CS")) space(group.getKey("/CS"));
  }
  resources(d.getKey("/Resources"));
  content(x);
}

void Walker::gstate(Obj g) {
  if (!g.isDictionary() || !first_time(g)) return;
  Obj smask = g.getKey("/SMask");
  if (smask.isDictionary()) {
    out.transparency = true;
    xobject(smask.getKey("/G"));
  }
  Obj bm = g.getKey("/BM");
  Obj mode = bm.isArray() && bm.getArrayNItems() > 0 ? bm.getArrayItem(0) : bm;
  if (mode.isName() && mode.getName() != "/Normal" && mode.getName() != "/Compatible") out.transparency = true;
  for (const char* k : {"/CA", "/ca"}) {
    Obj a = g.getKey(k);
    if (a.isNumber() && a.getNumericValue() < 1.0) out.transparency = true;
  }
}

void Walker::font(Obj f) {
  if (!f.isDictionary() || !first_time(f)) return;
  Contents::Font out_font;
  Obj base = f.getKey("/BaseFont");
  out_font.name = base.isName() ? base.getName().substr(1) : "";
  Obj sub = f.getKey("/Subtype");
  out_font.subtype = sub.isName() ? sub.getName().substr(1) : "";
  Obj desc = f.getKey("/FontDescriptor");
  Obj kids = f.getKey("/DescendantFonts");
  if (kids.isArray() && kids.getArrayNItems() > 0) desc = kids.getArrayItem(0).getKey("/FontDescriptor");
  out_font.embedded = out_font.subtype == "Type3" ||
                      (desc.isDictionary() && (desc.hasKey("/FontFile") || desc.hasKey("/FontFile2") || desc.hasKey("/FontFile3")));
  if (out_font.subtype == "Type3") resources(f.getKey("/Resources"));
  out.fonts.push_back(out_font);
}

void Walker::resources(Obj r) {
  if (!r.isDictionary() || !first_time(r)) return;
  auto each = [&](const char* key, auto&& f) {
    Obj d = r.getKey(key);
    if (d.isDictionary())
      for (const auto& [k, v] : d.ditems()) f(v);
  };
  each("/ColorSpace", [&](Obj v) { space(v); });
  each("/XObject", [&](Obj v) { xobject(v); });
  each("/ExtGState", [&](Obj v) { gstate(v); });
  each("/Font", [&](Obj v) { font(v); });
  each("/Shading", [&](Obj v) { space((v.isStream() ? v.getDict() : v).getKey("/ColorSpace")); });
  each("/Pattern", [&](Obj v) {
    if (!first_time(v)) return;
    Obj d = v.isStream() ? v.getDict() : v;
    if (d.hasKey("/Shading")) {
      Obj sh = d.getKey("/Shading");
      space((sh.isStream() ? sh.getDict() : sh).getKey("/ColorSpace"));
    }
    resources(d.getKey("/Resources"));
    if (v.isStream()) content(v);
  });
}

// Device colours selected by operator: rg/RG (RGB), g/G (grey), k/K (CMYK) and the
// device names given to cs/CS.
class Operators : public Obj::ParserCallbacks {
 public:
  explicit Operators(Walker& w) : w_(w) {}
  void handleObject(Obj o) override {
    if (!o.isOperator()) {
      last_ = o;
      return;
    }
    const std::string op = o.getOperatorValue();
    if (op == "rg" || op == "RG") w_.out.colour_spaces.push_back("DeviceRGB");
    if (op == "g" || op == "G") w_.out.colour_spaces.push_back("DeviceGray");
    if (op == "k" || op == "K") w_.out.colour_spaces.push_back("DeviceCMYK");
    if ((op == "cs" || op == "CS") && last_.isName() && last_.getName().rfind("/Device", 0) == 0)
      w_.out.colour_spaces.push_back(last_.getName().substr(1));
  }
  void handleEOF() override {}

 private:
  Walker& w_;
  Obj last_;
};

// A content stream is parsed only when it decodes within the budget the whole walk
// shares (preflight/streams.h); one that does not is preflight's finding
// (preflight-budget), never gigabytes here.
bool Walker::within_budget(Obj s) {
  std::vector<Obj> streams;
  if (s.isStream()) streams.push_back(s);
  else if (s.getKey("/Contents").isArray()) streams = s.getKey("/Contents").getArrayAsVector();
  else streams.push_back(s.getKey("/Contents"));
  for (auto& c : streams) {
    Pl_Discard none;
    if (c.isStream() && preflight::pipe_decoded(c, &none, qpdf_dl_generalized, budget_) != preflight::Decoded::Ok)
      return false;
  }
  return true;
}

void Walker::content(Obj s) {
  if (!within_budget(s)) return;
  Operators ops(*this);
  try {
    if (s.isStream()) s.parseAsContents(&ops);
    else QPDFPageObjectHelper(s).parseContents(&ops);
  } catch (const std::exception&) {
    // An unreadable content stream is preflight's finding (pdf-structure), not ours.
  }
  std::vector<std::string> unique;
  for (const auto& c : out.colour_spaces)
    if (std::find(unique.begin(), unique.end(), c) == unique.end()) unique.push_back(c);
  out.colour_spaces = std::move(unique);
}

}  // namespace

Contents inspect(const Document& doc, int n) {
  auto pdf = open(doc.bytes, doc.file.string());
  auto pages = QPDFPageDocumentHelper(*pdf).getAllPages();
  if (n < 1 || static_cast<std::size_t>(n) > pages.size()) return {};
  QPDFPageObjectHelper p = pages[static_cast<std::size_t>(n - 1)];
  Walker w;
  Obj group = p.getObjectHandle().getKey("/Group");
  if (group.isDictionary() && group.getKey("/S").isNameAndEquals("/Transparency")) w.out.transparency = true;
  w.resources(p.getAttribute("/Resources", false));
  w.content(p.getObjectHandle());
  return w.out;
}

}  // namespace placed
