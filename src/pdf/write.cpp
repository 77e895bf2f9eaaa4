// prepare() and write(): the writer's two steps. prepare() does the expensive work once
// per build (font subsets, photos); write() makes one file from it: pages with their
// boxes, content, resources and marks, then PDF/X identification and a deterministic
// /ID (docs/print.md).
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>

#include "pdf/conform.h"
#include "pdf/content.h"
#include "pdf/forms.h"
#include "pdf/metadata.h"
#include "pdf/util.h"

namespace pdf {

namespace {

using Obj = QPDFObjectHandle;

Obj name(const std::string& n) { return Obj::newName(n); }

// A stream over bytes that outlive the file (prepared once, shared by every file): qpdf
// reads them in place, without a copy.
Obj shared_stream(QPDF& pdf, const std::string& bytes) {
  auto buf = std::make_shared<Buffer>(reinterpret_cast<unsigned char*>(const_cast<char*>(bytes.data())), bytes.size());
  return Obj::newStream(&pdf, buf);
}

Obj flate_stream(QPDF& pdf, const std::string& flate_bytes) {
  Obj s = shared_stream(pdf, flate_bytes);
  s.getDict().replaceKey("/Filter", name("/FlateDecode"));
  return s;
}

Obj rect(double x0, double y0, double x1, double y1) {
  return Obj::parse("[" + num(x0) + " " + num(y0) + " " + num(x1) + " " + num(y1) + "]");
}

// The objects one file makes, each the first time a page of the file names it.
class FileObjects {
 public:
  FileObjects(QPDF& pdf, const Resources& res) : pdf_(pdf), res_(res), forms_(pdf, res) {}
  Obj resources(const PageNames& names);

 private:
  Obj font(int face, bool vertical = false);
  Obj cid_font(int face);
  Obj image(std::size_t k);
  Obj spot(std::size_t k);
  Obj ext_gstate(bool overprint);
  Obj registration();

  QPDF& pdf_;
  const Resources& res_;
  std::map<std::pair<int, bool>, Obj> fonts_;
  std::map<int, Obj> cid_fonts_, to_unicode_;
  std::map<std::size_t, Obj> images_, spots_;
  std::map<bool, Obj> gstates_;
  Obj all_;
  FormImporter forms_;
};

Obj font_descriptor(QPDF& pdf, const EmbeddedFont& f) {
  const text::FontProgram& p = f.program;
  auto u = [&](int v) { return num(v * 1000.0 / p.upem, 0); };
  // StemV has no source in an OpenType font; estimated from the weight class.
  const int stem_v = 50 + (std::max(p.weight, 100) - 100) * 150 / 800;
  std::string d = "<< /Type /FontDescriptor /FontName /" + f.base_font +
                  " /Flags " + std::to_string(4 | (p.fixed_pitch ? 1 : 0) | (p.italic ? 64 : 0)) +  // symbolic
                  " /FontBBox [" + u(p.bbox[0]) + " " + u(p.bbox[1]) + " " + u(p.bbox[2]) + " " + u(p.bbox[3]) +
                  "] /ItalicAngle 0 /Ascent " + u(p.ascent) + " /Descent " + u(p.descent) + " /CapHeight " +
                  u(p.cap_height) + " /StemV " + std::to_string(stem_v) + " >>";
  Obj desc = Obj::parse(d);
  Obj file = flate_stream(pdf, f.program_flate);
  if (p.format == text::FontProgram::Format::Cff) {
    file.getDict().replaceKey("/Subtype", name("/CIDFontType0C"));  // raw CFF (ISO 32000-1 Table 126)
    desc.replaceKey("/FontFile3", file);
  } else {
    file.getDict().replaceKey("/Length1", Obj::newInteger(static_cast<long long>(p.data.size())));
    desc.replaceKey("/FontFile2", file);
  }
  return pdf.makeIndirectObject(desc);
}

// The CIDFontType0 (CFF) or CIDFontType2 (TrueType) of a face, shared by its horizontal
// and vertical Type 0 fonts; a face shown upright also has its vertical metrics (/DW2 /W2,
// docs/print.md "Vertical text").
Obj FileObjects::cid_font(int face) {
  if (auto it = cid_fonts_.find(face); it != cid_fonts_.end()) return it->second;
  const EmbeddedFont& f = res_.font(face);
  const text::FontProgram& p = f.program;
  const bool cff = p.format == text::FontProgram::Format::Cff;
  Obj cid = Obj::parse("<< /Type /Font /Subtype /" + std::string(cff ? "CIDFontType0" : "CIDFontType2") +
                       " /BaseFont /" + f.base_font + " /DW 1000 " + f.vertical_metrics + " >>");
  Obj info = Obj::newDictionary();
  info.replaceKey("/Registry", Obj::newString(p.registry));
  info.replaceKey("/Ordering", Obj::newString(p.ordering));
  info.replaceKey("/Supplement", Obj::newInteger(p.supplement));
  cid.replaceKey("/CIDSystemInfo", info);
  cid.replaceKey("/FontDescriptor", font_descriptor(pdf_, f));
  cid.replaceKey("/W", Obj::parse(f.widths));
  if (!cff) cid.replaceKey("/CIDToGIDMap", name("/Identity"));
  return cid_fonts_[face] = pdf_.makeIndirectObject(cid);
}

// Type 0 font, Identity-H (or Identity-V for vertical text), over the face's CIDFont
// (ISO 32000-1 §9.7).
Obj FileObjects::font(int face, bool vertical) {
  if (auto it = fonts_.find({face, vertical}); it != fonts_.end()) return it->second;
  const EmbeddedFont& f = res_.font(face);
  const bool cff = f.program.format == text::FontProgram::Format::Cff;
  const std::string enc = vertical ? "Identity-V" : "Identity-H";
  Obj type0 = Obj::parse("<< /Type /Font /Subtype /Type0 /BaseFont /" + f.base_font + (cff ? "-" + enc : "") +
                         " /Encoding /" + enc + " >>");
  Obj kids = Obj::newArray();
  kids.appendItem(cid_font(face));
  type0.replaceKey("/DescendantFonts", kids);
  // One ToUnicode stream for both encodings: the same codes, the same characters.
  auto tu = to_unicode_.find(face);
  if (tu == to_unicode_.end()) tu = to_unicode_.emplace(face, flate_stream(pdf_, f.to_unicode)).first;
  type0.replaceKey("/ToUnicode", tu->second);
  return fonts_[{face, vertical}] = pdf_.makeIndirectObject(type0);
}

Obj FileObjects::image(std::size_t k) {
  if (auto it = images_.find(k); it != images_.end()) return it->second;
  const PreparedImage& im = res_.images.at(k);
  Obj s = shared_stream(pdf_, im.data());
  Obj d = s.getDict();
  d.replaceKey("/Type", name("/XObject"));
  d.replaceKey("/Subtype", name("/Image"));
  d.replaceKey("/Width", Obj::newInteger(im.width));
  d.replaceKey("/Height", Obj::newInteger(im.height));
  d.replaceKey("/ColorSpace", name(im.colour_space));
  d.replaceKey("/BitsPerComponent", Obj::newInteger(8));
  d.replaceKey("/Filter", name(im.filter));
  if (im.inverted) d.replaceKey("/Decode", Obj::parse("[1 0 1 0 1 0 1 0]"));
  if (!im.smask_flate.empty()) {
    Obj m = flate_stream(pdf_, im.smask_flate);
    m.getDict().replaceKey("/Type", name("/XObject"));
    m.getDict().replaceKey("/Subtype", name("/Image"));
    m.getDict().replaceKey("/Width", Obj::newInteger(im.width));
    m.getDict().replaceKey("/Height", Obj::newInteger(im.height));
    m.getDict().replaceKey("/ColorSpace", name("/DeviceGray"));
    m.getDict().replaceKey("/BitsPerComponent", Obj::newInteger(8));
    d.replaceKey("/SMask", m);
  }
  if (!im.stencil_flate.empty()) {  // explicit masking, PDF 1.3 (ISO 32000-1 §8.9.6.3)
    Obj m = flate_stream(pdf_, im.stencil_flate);
    m.getDict().replaceKey("/Type", name("/XObject"));
    m.getDict().replaceKey("/Subtype", name("/Image"));
    m.getDict().replaceKey("/Width", Obj::newInteger(im.width));
    m.getDict().replaceKey("/Height", Obj::newInteger(im.height));
    m.getDict().replaceKey("/ImageMask", Obj::newBool(true));
    d.replaceKey("/Mask", m);
  }
  return images_[k] = s;
}

// [/Separation /Name /DeviceCMYK f]: the ink by its name, with the layout's CMYK as the
// alternate for devices without that plate (ISO 32000-1 §8.6.6.4).
Obj FileObjects::spot(std::size_t k) {
  if (auto it = spots_.find(k); it != spots_.end()) return it->second;
  const frame::Cmyk& c = res_.spots.at(k);
  Obj cs = Obj::newArray();
  cs.appendItem(name("/Separation"));
  cs.appendItem(name("/" + c.spot));  // qpdf writes the name's special bytes as #xx
  cs.appendItem(name("/DeviceCMYK"));
  cs.appendItem(Obj::parse("<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [" + len(c.c) + " " + len(c.m) + " " +
                           len(c.y) + " " + len(c.k) + "] /N 1 >>"));
  return spots_[k] = pdf_.makeIndirectObject(cs);
}

// ISO 32000-1 Table 58: without /op, OP sets both, so both are written; OPM 1 keeps the
// plates a K-only colour leaves at zero (docs/print.md "Overprint").
Obj FileObjects::ext_gstate(bool on) {
  if (auto it = gstates_.find(on); it != gstates_.end()) return it->second;
  const std::string v = on ? "true" : "false";
  return gstates_[on] =
             pdf_.makeIndirectObject(Obj::parse("<< /Type /ExtGState /OP " + v + " /op " + v + " /OPM 1 >>"));
}

Obj FileObjects::registration() {
  if (!all_.isInitialized())
    all_ = pdf_.makeIndirectObject(Obj::parse(
        "[/Separation /All /DeviceCMYK << /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [1 1 1 1] /N 1 >>]"));
  return all_;
}

Obj FileObjects::resources(const PageNames& n) {
  Obj r = Obj::newDictionary();
  auto sub = [&](const char* key) {
    if (!r.hasKey(key)) r.replaceKey(key, Obj::newDictionary());
    return r.getKey(key);
  };
  for (int f : n.fonts) sub("/Font").replaceKey("/F" + std::to_string(f), font(f));
  for (int f : n.vertical_fonts) sub("/Font").replaceKey("/V" + std::to_string(f), font(f, true));
  for (std::size_t k : n.images) sub("/XObject").replaceKey("/Im" + std::to_string(k), image(k));
  for (std::size_t k : n.forms) sub("/XObject").replaceKey("/Fm" + std::to_string(k), forms_.form(k));
  for (std::size_t k : n.spots) sub("/ColorSpace").replaceKey("/CS" + std::to_string(k), spot(k));
  if (n.registration) sub("/ColorSpace").replaceKey("/CSall", registration());
  if (n.overprint) sub("/ExtGState").replaceKey("/GSop", ext_gstate(true));
  if (n.knockout) sub("/ExtGState").replaceKey("/GSko", ext_gstate(false));
  return r;
}

// The page uses the black plate only (K-only colours, grey photos): its marks are then
// drawn in K, so the file stays a one-plate job (docs/print.md "Marks").
bool one_plate(const frame::Page& p, const Resources& res) {
  auto k_only = [](const frame::Cmyk& c) { return c.c == 0 && c.m == 0 && c.y == 0 && c.spot.empty(); };
  for (const auto& item : p.items) {
    if (const auto* r = std::get_if<frame::GlyphRun>(&item); r && !k_only(r->color)) return false;
    if (const auto* r = std::get_if<frame::Rule>(&item); r && !k_only(r->color)) return false;
    if (const auto* f = std::get_if<frame::Fill>(&item); f && !k_only(f->color)) return false;
    if (const auto* t = std::get_if<frame::Tint>(&item); t && !k_only(t->color)) return false;
    if (const auto* f = std::get_if<frame::Path>(&item); f && !k_only(f->color)) return false;
    if (const auto* i = std::get_if<frame::Image>(&item); i && res.image(*i).colour_space != "/DeviceGray") return false;
    if (std::holds_alternative<frame::Placed>(item)) return false;  // an ad's inks are its own
  }
  return true;
}

// MediaBox = trim + 2 × (bleed + marks), TrimBox centred in it, BleedBox = trim + bleed
// (ISO 15930-7 §6.2.2: every page has TrimBox and BleedBox within the MediaBox).
void set_boxes(Obj page, const frame::Page& p) {
  const double off = base::to_pt(p.bleed + p.marks), b = base::to_pt(p.bleed);
  const double w = base::to_pt(p.trim_w), h = base::to_pt(p.trim_h);
  page.replaceKey("/MediaBox", rect(0, 0, w + 2 * off, h + 2 * off));
  page.replaceKey("/TrimBox", rect(off, off, off + w, off + h));
  page.replaceKey("/BleedBox", rect(off - b, off - b, off + w + b, off + h + b));
}

// A page's content stream, made (and compressed) apart from the file's objects, so that
// the pages of a file can be made on several threads.
struct PageContent {
  PageNames names;
  std::string flate;   // the content stream, compressed
  std::string digest;  // MD5 of it, for the XMP IDs
};

PageContent make_content(const frame::Page& p, const Resources& res) {
  PageContent out;
  const std::string content = page_content(p, res, out.names) + page_marks(p, one_plate(p, res), out.names);
  out.flate = flate(content);
  out.digest = md5_hex(content);
  return out;
}

Obj make_page(QPDF& pdf, FileObjects& objs, const frame::Page& p, const Resources& res, const PageContent& c) {
  Obj page = Obj::parse("<< /Type /Page >>");
  set_boxes(page, p);
  page.replaceKey("/Resources", objs.resources(c.names));
  // A page that shows a soft-masked photo blends in the output's CMYK, not the viewer's
  // RGB (which would turn K-only black into rich black, docs/libraries.md "PDF").
  if (c.names.transparency && res.opt.conformance.transparency)
    page.replaceKey("/Group", Obj::parse("<< /Type /Group /S /Transparency /CS /DeviceCMYK >>"));
  page.replaceKey("/Contents", flate_stream(pdf, c.flate));
  return pdf.makeIndirectObject(page);
}

// Written straight into the string the caller gets (no second copy of the file).
std::string to_bytes(QPDF& pdf, const Conformance& c, std::size_t size_hint) {
  std::string out;
  out.reserve(size_hint);
  Pl_String sink("pdf", nullptr, out);
  QPDFWriter w(pdf);
  w.setOutputPipeline(&sink);
  w.setDeterministicID(true);  // /ID from the content (docs/print.md "Deterministic")
  // Exactly the standard's version: PDF/X-1a:2001 and X-3:2002 files are PDF 1.3
  // (ISO 15930-1, -3), with a classic xref table, since object streams are off.
  w.forcePDFVersion(c.pdf_version);
  w.setObjectStreamMode(c.object_streams ? qpdf_o_generate : qpdf_o_disable);
  w.write();
  return out;
}

// Spot inks in first-use order, so /CSn names are stable; a tint level is the operand of
// scn, not another ink.
std::vector<frame::Cmyk> spots_of(const frame::Document& doc) {
  std::vector<frame::Cmyk> out;
  auto add = [&](frame::Cmyk c) {
    c.tint = 1000;
    if (!c.spot.empty() && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  };
  for (const auto& p : doc.pages)
    for (const auto& item : p.items) {
      if (const auto* r = std::get_if<frame::GlyphRun>(&item)) add(r->color);
      if (const auto* r = std::get_if<frame::Rule>(&item)) add(r->color);
      if (const auto* f = std::get_if<frame::Fill>(&item)) add(f->color);
      if (const auto* t = std::get_if<frame::Tint>(&item)) add(t->color);
      if (const auto* f = std::get_if<frame::Path>(&item)) add(f->color);
    }
  return out;
}

std::string fingerprint(const Resources& r) {
  std::string key = r.output_profile;
  for (const auto& [face, f] : r.fonts) key += f.base_font + f.program_flate + f.to_unicode + f.widths + f.vertical_metrics;
  for (const auto& im : r.images) key += (im.digest.empty() ? md5_hex(im.data()) : im.digest) + im.smask_flate + im.stencil_flate;
  for (const auto& f : r.forms) key += md5_hex(f.doc->bytes) + std::to_string(f.page);
  return md5_hex(key);
}

}  // namespace

std::shared_ptr<const Resources> prepare(const frame::Document& doc, image::Store& images, const Options& opt,
                                         base::Diagnostics& diag, PhotoWork* started) {
  auto res = std::make_shared<Resources>();
  res->opt = opt;
  const OutputProfile profile = read_output_profile(opt.output.profile);
  res->output_profile = profile.bytes;
  res->output_flate = flate(profile.bytes);
  res->output_description = profile.description;
  res->spots = spots_of(doc);
  res->fonts = embed_fonts(doc, opt.jobs);
  prepare_images(doc, images, *res, diag, started);
  if (!opt.placed) res->own_placed = std::make_unique<placed::Library>();
  prepare_forms(doc, opt.placed ? *opt.placed : *res->own_placed, *res, diag);
  res->fingerprint = fingerprint(*res);
  return res;
}

std::string write(const frame::Document& doc, const Resources& res, const std::vector<std::size_t>& pages,
                  int jobs) {
  try {
    std::vector<PageContent> contents(pages.size());
    parallel_for(pages.size(), jobs, [&](std::size_t i) { contents[i] = make_content(doc.pages.at(pages[i]), res); });
    QPDF pdf;
    pdf.setSuppressWarnings(true);  // library code never prints
    pdf.emptyPDF();
    FileObjects objs(pdf, res);
    QPDFPageDocumentHelper helper(pdf);
    std::string digest = res.fingerprint + res.opt.title + res.opt.date_iso + res.opt.producer;
    for (std::size_t i = 0; i < pages.size(); ++i) {
      helper.addPage(QPDFPageObjectHelper(make_page(pdf, objs, doc.pages.at(pages[i]), res, contents[i])), false);
      digest += contents[i].digest;
    }
    set_pdfx_metadata(pdf, res.opt, md5_hex(digest));
    set_output_intent(pdf, res.opt, {res.output_profile, res.output_flate, res.output_description});
    conform_colour(pdf, res.opt.conformance);
    std::size_t size = res.output_flate.size() + 65536;
    for (const auto& c : contents) size += c.flate.size();
    for (const auto& [face, f] : res.fonts) size += f.program_flate.size() + f.to_unicode.size();
    for (const auto& im : res.images) size += im.data().size() + im.smask_flate.size() + im.stencil_flate.size();
    return to_bytes(pdf, res.opt.conformance, size);
  } catch (const base::Error&) {
    throw;
  } catch (const std::exception& e) {  // qpdf's exceptions: a bug of ours, never the input's
    throw base::Error({}, std::string("cannot write the PDF: ") + e.what(),
                      "this is a bug in paperset; please report it with the issue file");
  }
}

}  // namespace pdf
