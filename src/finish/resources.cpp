// Everything a page draws through its resources: form XObjects (cairo groups), tiling
// patterns, soft-mask groups and shadings get the same colour treatment as the page
// contents; transparency groups lose /CS /DeviceRGB (docs/libraries.md §5, "Conclusion":
// the token rewrite is only robust if it covers all of these).
#include "finish/steps.h"

namespace finish {

namespace {

bool is_name(QPDFObjectHandle o, const char* n) { return o.isName() && o.getName() == n; }

bool is_rgb_space(QPDFObjectHandle cs) {
  if (is_name(cs, "/DeviceRGB") || is_name(cs, "/RGB")) return true;
  if (cs.isArray() && cs.getArrayNItems() > 0) {
    auto family = cs.getArrayItem(0);
    if (is_name(family, "/CalRGB")) return true;
    if (is_name(family, "/ICCBased") && cs.getArrayNItems() > 1) {
      auto n = cs.getArrayItem(1).getDict().getKey("/N");
      return n.isInteger() && n.getIntValue() == 3;
    }
  }
  return false;
}

QPDFObjectHandle cmyk_array(const frame::Cmyk& c) {
  return QPDFObjectHandle::parse("[" + pdf_unit(c.c) + " " + pdf_unit(c.m) + " " + pdf_unit(c.y) + " " +
                                 pdf_unit(c.k) + "]");
}

// An RGB colour array of a shading (C0, C1, Background) → the CMYK of its palette entry.
QPDFObjectHandle map_rgb_array(ColourRewrite& cr, QPDFObjectHandle a) {
  if (!a.isArray() || a.getArrayNItems() != 3) return a;
  double v[3];
  for (int i = 0; i < 3; ++i) v[i] = a.getArrayItem(i).getNumericValue();
  const frame::PaletteEntry* e = cr.opt.palette.find(v[0], v[1], v[2]);
  if (!e || !e->cmyk.spot.empty()) {
    cr.unknown.insert(pdf_num(v[0], 6) + " " + pdf_num(v[1], 6) + " " + pdf_num(v[2], 6) +
                      (e ? " (a spot colour in a gradient)" : ""));
    return a;
  }
  return cmyk_array(e->cmyk);
}

// Type 2 (exponential) functions carry C0/C1; type 3 (stitching) combines them; cairo
// writes only these for gradients (docs/libraries.md §5).
void map_function(ColourRewrite& cr, QPDFObjectHandle fn) {
  QPDFObjectHandle dict = fn.isStream() ? fn.getDict() : fn;
  if (!dict.isDictionary()) return;
  const long long type = dict.getKey("/FunctionType").isInteger() ? dict.getKey("/FunctionType").getIntValue() : -1;
  if (type == 2) {
    dict.replaceKey("/C0", map_rgb_array(cr, dict.hasKey("/C0") ? dict.getKey("/C0") : QPDFObjectHandle::parse("[0 0 0]")));
    dict.replaceKey("/C1", map_rgb_array(cr, dict.hasKey("/C1") ? dict.getKey("/C1") : QPDFObjectHandle::parse("[1 1 1]")));
    dict.removeKey("/Range");
  } else if (type == 3) {
    auto fns = dict.getKey("/Functions");
    for (int i = 0; fns.isArray() && i < fns.getArrayNItems(); ++i) map_function(cr, fns.getArrayItem(i));
  } else {
    cr.unknown.insert("(sampled or PostScript shading function)");
  }
}

void fix_shading(ColourRewrite& cr, QPDFObjectHandle shading) {
  if (shading.isIndirect() && !cr.done.insert(shading.getObjGen()).second) return;
  QPDFObjectHandle dict = shading.isStream() ? shading.getDict() : shading;
  if (!dict.isDictionary() || !is_rgb_space(dict.getKey("/ColorSpace"))) return;
  const long long type = dict.getKey("/ShadingType").isInteger() ? dict.getKey("/ShadingType").getIntValue() : 0;
  if (type < 1 || type > 3) {
    cr.unknown.insert("(RGB mesh shading, type " + std::to_string(type) + ")");
    return;
  }
  auto fn = dict.getKey("/Function");
  if (fn.isArray()) {
    cr.unknown.insert("(RGB shading with one function per component)");
    return;
  }
  map_function(cr, fn);
  if (dict.hasKey("/Background")) dict.replaceKey("/Background", map_rgb_array(cr, dict.getKey("/Background")));
  dict.replaceKey("/ColorSpace", QPDFObjectHandle::newName("/DeviceCMYK"));
}

// A transparency group blends in its /CS; DeviceRGB there turns K-only black back into
// CMY+K (docs/libraries.md §5, Ghostscript check), so it blends in DeviceCMYK instead.
void fix_group(QPDFObjectHandle dict) {
  auto group = dict.getKey("/Group");
  if (group.isDictionary() && is_rgb_space(group.getKey("/CS")))
    group.replaceKey("/CS", QPDFObjectHandle::newName("/DeviceCMYK"));
}

void walk_form(ColourRewrite& cr, QPDFObjectHandle form, std::vector<ImageUse>& images) {
  if (cr.done.count(form.getObjGen())) return;
  rewrite_stream_contents(cr, form);
  fix_group(form.getDict());
  walk_resources(cr, form.getDict().getKey("/Resources"), images);
}

void walk_xobjects(ColourRewrite& cr, QPDFObjectHandle xobjects, std::vector<ImageUse>& images) {
  if (!xobjects.isDictionary()) return;
  for (const auto& key : xobjects.getKeys()) {
    auto x = xobjects.getKey(key);
    if (!x.isStream()) continue;
    auto subtype = x.getDict().getKey("/Subtype");
    if (is_name(subtype, "/Form")) walk_form(cr, x, images);
    if (is_name(subtype, "/Image") && cr.done.insert(x.getObjGen()).second) images.push_back({x, cr.page});
  }
}

void walk_patterns(ColourRewrite& cr, QPDFObjectHandle patterns, std::vector<ImageUse>& images) {
  if (!patterns.isDictionary()) return;
  for (const auto& key : patterns.getKeys()) {
    auto p = patterns.getKey(key);
    QPDFObjectHandle dict = p.isStream() ? p.getDict() : p;
    auto type = dict.getKey("/PatternType");
    if (p.isStream() && type.isInteger() && type.getIntValue() == 1) walk_form(cr, p, images);
    if (type.isInteger() && type.getIntValue() == 2) fix_shading(cr, dict.getKey("/Shading"));
  }
}

void walk_soft_masks(ColourRewrite& cr, QPDFObjectHandle gstates, std::vector<ImageUse>& images) {
  if (!gstates.isDictionary()) return;
  for (const auto& key : gstates.getKeys()) {
    auto smask = gstates.getKey(key).isDictionary() ? gstates.getKey(key).getKey("/SMask") : QPDFObjectHandle();
    if (smask.isDictionary() && smask.getKey("/G").isStream()) walk_form(cr, smask.getKey("/G"), images);
  }
}

void check_named_spaces(ColourRewrite& cr, QPDFObjectHandle spaces) {
  if (!spaces.isDictionary()) return;
  for (const auto& key : spaces.getKeys()) {
    auto cs = spaces.getKey(key);
    if (is_rgb_space(cs)) cr.unknown.insert("(RGB colour space resource " + key + ")");
  }
}

}  // namespace

void walk_resources(ColourRewrite& cr, QPDFObjectHandle resources, std::vector<ImageUse>& images) {
  if (!resources.isDictionary()) return;
  walk_xobjects(cr, resources.getKey("/XObject"), images);
  walk_patterns(cr, resources.getKey("/Pattern"), images);
  walk_soft_masks(cr, resources.getKey("/ExtGState"), images);
  check_named_spaces(cr, resources.getKey("/ColorSpace"));
  auto shadings = resources.getKey("/Shading");
  if (shadings.isDictionary())
    for (const auto& key : shadings.getKeys()) fix_shading(cr, shadings.getKey(key));
}

namespace {

bool gstate_transparent(QPDFObjectHandle gs) {
  if (!gs.isDictionary()) return false;
  for (const char* k : {"/CA", "/ca"})
    if (gs.getKey(k).isNumber() && gs.getKey(k).getNumericValue() < 1.0) return true;
  auto bm = gs.getKey("/BM");
  if (bm.isName() && bm.getName() != "/Normal" && bm.getName() != "/Compatible") return true;
  return gs.hasKey("/SMask") && !is_name(gs.getKey("/SMask"), "/None");
}

bool xobject_transparent(QPDFObjectHandle x, std::set<QPDFObjGen>& seen) {
  if (!x.isStream() || !seen.insert(x.getObjGen()).second) return false;
  auto d = x.getDict();
  if (d.hasKey("/SMask") || (d.getKey("/SMaskInData").isInteger() && d.getKey("/SMaskInData").getIntValue() > 0))
    return true;
  auto group = d.getKey("/Group");
  if (group.isDictionary() && is_name(group.getKey("/S"), "/Transparency")) return true;
  return uses_transparency(d.getKey("/Resources"), seen);
}

}  // namespace

bool uses_transparency(QPDFObjectHandle resources, std::set<QPDFObjGen>& seen) {
  if (!resources.isDictionary()) return false;
  auto gstates = resources.getKey("/ExtGState");
  if (gstates.isDictionary())
    for (const auto& k : gstates.getKeys())
      if (gstate_transparent(gstates.getKey(k))) return true;
  for (const char* category : {"/XObject", "/Pattern"}) {
    auto dict = resources.getKey(category);
    if (!dict.isDictionary()) continue;
    for (const auto& k : dict.getKeys())
      if (xobject_transparent(dict.getKey(k), seen)) return true;
  }
  return false;
}

// cairo puts a DeviceRGB transparency group on every page, even without transparency
// (docs/libraries.md §5). Pages that need none lose it; the others blend in DeviceCMYK.
void fix_page_group(QPDFPageObjectHelper& page) {
  auto obj = page.getObjectHandle();
  std::set<QPDFObjGen> seen;
  if (!uses_transparency(obj.getKey("/Resources"), seen)) {
    obj.removeKey("/Group");
    return;
  }
  if (!obj.getKey("/Group").isDictionary()) {
    obj.replaceKey("/Group", QPDFObjectHandle::parse("<< /Type /Group /S /Transparency >>"));
  }
  obj.getKey("/Group").replaceKey("/CS", QPDFObjectHandle::newName("/DeviceCMYK"));
}

}  // namespace finish
