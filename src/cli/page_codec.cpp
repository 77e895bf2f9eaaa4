#include "cli/page_codec.h"

#include <nlohmann/json.hpp>

namespace frame {

using Json = nlohmann::json;

// Field names are short: a page holds thousands of glyph runs.
Json cmyk(const Cmyk& c) { return Json::array({c.c, c.m, c.y, c.k, c.spot, c.tint}); }
Cmyk cmyk_of(const Json& j) {
  Cmyk c;
  j.at(0).get_to(c.c), j.at(1).get_to(c.m), j.at(2).get_to(c.y), j.at(3).get_to(c.k);
  j.at(4).get_to(c.spot), j.at(5).get_to(c.tint);
  return c;
}

void to_json(Json& j, const Item& item) {
  std::visit(base::Overloaded{
                 [&](const GlyphRun& r) {
                   Json g = Json::array();
                   for (const auto& x : r.glyphs) g.push_back(x.gid), g.push_back(x.x), g.push_back(x.y);
                   j = {{"t", "g"}, {"f", r.face}, {"s", r.size}, {"c", cmyk(r.color)}, {"g", std::move(g)},
                        {"x", r.text}, {"k", r.clusters}};
                 },
                 [&](const Rule& r) { j = {{"t", "r"}, {"v", {r.x0, r.y0, r.x1, r.y1, r.width}}, {"c", cmyk(r.color)}}; },
                 [&](const Fill& f) { j = {{"t", "f"}, {"v", {f.x, f.y, f.w, f.h}}, {"c", cmyk(f.color)}}; },
                 [&](const Tint& f) { j = {{"t", "n"}, {"v", {f.x, f.y, f.w, f.h}}, {"c", cmyk(f.color)}}; },
                 [&](const Image& i) {
                   j = {{"t", "i"},  {"p", i.path}, {"v", {i.x, i.y, i.w, i.h, i.img_x, i.img_y, i.img_w, i.img_h}},
                        {"id", i.id}, {"l", {i.loc.file, i.loc.line, i.loc.col}}, {"o", i.orientation}};
                 },
                 [&](const Placed& f) {
                   j = {{"t", "a"}, {"p", f.path}, {"n", f.page}, {"v", {f.x, f.y, f.w, f.h}},
                        {"id", f.id}, {"l", {f.loc.file, f.loc.line, f.loc.col}}};
                 },
                 [&](const Placeholder& f) { j = {{"t", "h"}, {"v", {f.x, f.y, f.w, f.h}}, {"x", f.label}}; },
                 [&](const Path& p) {
                   Json pts = Json::array();
                   for (const auto& pt : p.pts) pts.push_back(pt.x), pts.push_back(pt.y);
                   std::vector<int> ops;
                   for (auto op : p.ops) ops.push_back(static_cast<int>(op));
                   j = {{"t", "p"}, {"o", ops}, {"v", std::move(pts)}, {"c", cmyk(p.color)}, {"w", p.stroke}};
                 }},
             item);
}

namespace {

template <class T>
void box4(const Json& v, T& t) {
  v.at(0).get_to(t.x), v.at(1).get_to(t.y), v.at(2).get_to(t.w), v.at(3).get_to(t.h);
}

Item glyph_run(const Json& j) {
  GlyphRun r;
  j.at("f").get_to(r.face), j.at("s").get_to(r.size), r.color = cmyk_of(j.at("c"));
  const Json& g = j.at("g");
  for (size_t i = 0; i + 2 < g.size(); i += 3) r.glyphs.push_back({g[i].get<std::uint32_t>(), g[i + 1], g[i + 2]});
  j.at("x").get_to(r.text), j.at("k").get_to(r.clusters);
  return r;
}

Item path(const Json& j) {
  Path p;
  for (int op : j.at("o").get<std::vector<int>>()) p.ops.push_back(static_cast<Path::Op>(op));
  const Json& v = j.at("v");
  for (size_t i = 0; i + 1 < v.size(); i += 2) p.pts.push_back({v[i].get<Len>(), v[i + 1].get<Len>()});
  p.color = cmyk_of(j.at("c")), j.at("w").get_to(p.stroke);
  return p;
}

}  // namespace

void from_json(const Json& j, Item& item) {
  const std::string t = j.at("t");
  if (t == "g") {
    item = glyph_run(j);
  } else if (t == "r") {
    Rule r;
    const Json& v = j.at("v");
    v.at(0).get_to(r.x0), v.at(1).get_to(r.y0), v.at(2).get_to(r.x1), v.at(3).get_to(r.y1), v.at(4).get_to(r.width);
    r.color = cmyk_of(j.at("c"));
    item = r;
  } else if (t == "f" || t == "n") {
    Fill f;
    box4(j.at("v"), f);
    f.color = cmyk_of(j.at("c"));
    item = t == "f" ? Item(f) : Item(Tint{f.x, f.y, f.w, f.h, f.color});
  } else if (t == "i") {
    Image i;
    const Json& v = j.at("v");
    j.at("p").get_to(i.path), box4(v, i), j.at("id").get_to(i.id);
    v.at(4).get_to(i.img_x), v.at(5).get_to(i.img_y), v.at(6).get_to(i.img_w), v.at(7).get_to(i.img_h);
    const Json& l = j.at("l");
    l.at(0).get_to(i.loc.file), l.at(1).get_to(i.loc.line), l.at(2).get_to(i.loc.col);
    j.at("o").get_to(i.orientation);
    item = i;
  } else if (t == "a") {
    Placed f;
    j.at("p").get_to(f.path), j.at("n").get_to(f.page), box4(j.at("v"), f), j.at("id").get_to(f.id);
    const Json& l = j.at("l");
    l.at(0).get_to(f.loc.file), l.at(1).get_to(f.loc.line), l.at(2).get_to(f.loc.col);
    item = f;
  } else if (t == "h") {
    Placeholder f;
    box4(j.at("v"), f), j.at("x").get_to(f.label);
    item = f;
  } else if (t == "p") {
    item = path(j);
  } else {
    throw std::runtime_error("unknown item kind '" + t + "'");
  }
}

}  // namespace frame

namespace cli {

using Json = nlohmann::json;

namespace {

Json box_json(const frame::Box& b) {
  return Json::array({b.kind, b.id, b.x, b.y, b.w, b.h, b.baseline, b.text, b.role, b.hyphenated, b.compressed, b.loose,
                      b.hang, b.vertical});
}

frame::Box box_of(const Json& j) {
  frame::Box b;
  j.at(0).get_to(b.kind), j.at(1).get_to(b.id), j.at(2).get_to(b.x), j.at(3).get_to(b.y), j.at(4).get_to(b.w);
  j.at(5).get_to(b.h), j.at(6).get_to(b.baseline), j.at(7).get_to(b.text), j.at(8).get_to(b.role);
  j.at(9).get_to(b.hyphenated), j.at(10).get_to(b.compressed), j.at(11).get_to(b.loose);
  j.at(12).get_to(b.hang), j.at(13).get_to(b.vertical);
  return b;
}

Json finding_json(const base::Finding& f) {
  return Json::array({static_cast<int>(f.severity), f.code, f.message, f.loc.file, f.loc.line, f.loc.col, f.article,
                      f.page, f.fix, f.report_only});
}

base::Finding finding_of(const Json& j) {
  base::Finding f;
  f.severity = static_cast<base::Severity>(j.at(0).get<int>());
  j.at(1).get_to(f.code), j.at(2).get_to(f.message), j.at(3).get_to(f.loc.file), j.at(4).get_to(f.loc.line);
  j.at(5).get_to(f.loc.col), j.at(6).get_to(f.article), j.at(7).get_to(f.page), j.at(8).get_to(f.fix);
  j.at(9).get_to(f.report_only);
  return f;
}

}  // namespace

std::string encode_page(const CachedPage& c) {
  const frame::Page& p = c.page;
  Json j;
  j["number"] = p.number, j["name"] = p.name;
  j["size"] = {p.trim_w, p.trim_h, p.bleed, p.marks};
  j["items"] = p.items;
  Json ov = Json::array();
  for (const auto& o : p.overlay) ov.push_back({static_cast<int>(o.kind), o.x, o.y, o.w, o.h});
  j["overlay"] = std::move(ov);
  Json boxes = Json::array();
  for (const auto& b : p.boxes) boxes.push_back(box_json(b));
  j["boxes"] = std::move(boxes);
  Json fs = Json::array();
  for (const auto& f : c.findings) fs.push_back(finding_json(f));
  j["findings"] = std::move(fs);
  const std::vector<std::uint8_t> bytes = Json::to_cbor(j);
  return std::string(bytes.begin(), bytes.end());
}

CachedPage decode_page(const std::string& bytes) {
  const Json j = Json::from_cbor(bytes);
  CachedPage c;
  frame::Page& p = c.page;
  j.at("number").get_to(p.number), j.at("name").get_to(p.name);
  const Json& s = j.at("size");
  s.at(0).get_to(p.trim_w), s.at(1).get_to(p.trim_h), s.at(2).get_to(p.bleed), s.at(3).get_to(p.marks);
  j.at("items").get_to(p.items);
  for (const auto& o : j.at("overlay"))
    p.overlay.push_back({static_cast<frame::Overlay::Kind>(o.at(0).get<int>()), o.at(1), o.at(2), o.at(3), o.at(4)});
  for (const auto& b : j.at("boxes")) p.boxes.push_back(box_of(b));
  for (const auto& f : j.at("findings")) c.findings.push_back(finding_of(f));
  return c;
}

}  // namespace cli
