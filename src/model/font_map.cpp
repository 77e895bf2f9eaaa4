// The font map (fonts/fontmap.xml; format in docs/format.md "The font map").
#include "model/font_map.h"

#include <filesystem>

#include "model/xml_read.h"

namespace model {

namespace {

FontMapEntry read_font(const xml::Node& n, const base::Context& ctx) {
  n.allow({"role", "weight", "family", "style", "package", "file"});
  if (const auto* inner = n.e.FirstChildElement()) n.unknown_child(*inner, "");
  FontMapEntry f;
  f.loc = n.at();
  n.req("role");
  f.role = n.choice<FontRole>(
      "role", {{"song", FontRole::Song}, {"hei", FontRole::Hei}, {"kai", FontRole::Kai}, {"fang", FontRole::Fang}},
      FontRole::Song);
  f.bold = n.choice<bool>("weight", {{"regular", false}, {"bold", true}}, false);
  f.family = n.req("family");
  f.style = n.opt("style").value_or(f.bold ? "Bold" : "Regular");
  f.package = n.req("package");
  if (const auto file = n.opt("file")) {
    // A font shipped in fonts/ (free licence only): resolved here so text/ gets a path.
    const auto p = ctx.fonts_dir / *file;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(p, ec))
      n.fail("file", "font file '" + p.string() + "' not found",
             "put the font file in " + ctx.fonts_dir.string() + " or remove file= to use the installed package");
    f.file = p.string();
  }
  return f;
}

}  // namespace

const char* role_name(FontRole r) {
  switch (r) {
    case FontRole::Song: return "song";
    case FontRole::Hei: return "hei";
    case FontRole::Kai: return "kai";
    case FontRole::Fang: return "fang";
  }
  return "song";
}

FontMap load_font_map(const base::Context& ctx) {
  FontMap map;
  const auto path = ctx.fonts_dir / "fontmap.xml";
  map.source = path.string();
  tinyxml2::XMLDocument doc(true, tinyxml2::PRESERVE_WHITESPACE);
  const std::string bytes =
      base::read_input_file(path, {}, "font map '" + map.source + "'", {ctx.limits.layout_bytes, "layout-size"});
  const xml::Node root{xml::parse(doc, bytes, map.source, "fontmap", ctx.limits), map.source};
  root.allow({});
  root.no_loose_text();
  for (const auto* c : xml::children(root.e)) {
    if (std::string(c->Name()) != "font") root.unknown_child(*c, "font");
    FontMapEntry f = read_font({*c, map.source}, ctx);
    for (const auto& g : map.entries)
      if (g.role == f.role && g.bold == f.bold)
        throw base::Error(f.loc,
                          std::string("font role ") + role_name(f.role) + (f.bold ? " bold" : " regular") +
                              " is mapped twice (first at line " + std::to_string(g.loc.line) + ")",
                          "keep one <font> per role and weight");
    map.entries.push_back(std::move(f));
  }
  if (map.entries.empty())
    throw base::Error(root.at(), "the font map lists no fonts",
                      "add <font role=\"song\" weight=\"regular\" family=\"…\" package=\"…\"/> entries");
  return map;
}

}  // namespace model
