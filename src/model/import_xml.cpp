// The XML copy formats: parsing (the issue reader's checks and limits, tinyxml2 with
// whitespace preserved), element names without namespace prefixes, inline text with its
// source lines, image references.
#include <algorithm>
#include <cstring>

#include "model/copy_xml.h"

namespace model::copy {

namespace fs = std::filesystem;

std::string local(const XMLElement& e) {
  const char* n = e.Name();
  const char* colon = std::strrchr(n, ':');
  return colon ? colon + 1 : n;
}

const XMLElement* child(const XMLElement& e, const char* name) {
  for (const XMLElement* c = e.FirstChildElement(); c; c = c->NextSiblingElement())
    if (local(*c) == name) return c;
  return nullptr;
}

std::vector<const XMLElement*> children_named(const XMLElement& e, const char* name) {
  std::vector<const XMLElement*> out;
  for (const XMLElement* c = e.FirstChildElement(); c; c = c->NextSiblingElement())
    if (local(*c) == name) out.push_back(c);
  return out;
}

const char* attr(const XMLElement& e, const char* name) {
  for (const auto* a = e.FirstAttribute(); a; a = a->Next()) {
    const char* colon = std::strrchr(a->Name(), ':');
    if (std::strcmp(colon ? colon + 1 : a->Name(), name) == 0) return a->Value();
  }
  return nullptr;
}

namespace {
bool listed(const std::vector<std::string>& names, const std::string& n) {
  return std::find(names.begin(), names.end(), n) != names.end();
}
}  // namespace

void inline_node(const tinyxml2::XMLNode& n, Raw& r, const InlineMap& map, std::uint8_t flags) {
  if (const auto* t = n.ToText()) {
    // tinyxml2 numbers a text node by its first character that is not whitespace;
    // the line breaks before it are counted back.
    const std::string v = t->Value();
    const size_t first = v.find_first_not_of(" \t\r\n");
    const auto breaks = std::count(v.begin(), v.begin() + static_cast<long>(first == std::string::npos ? 0 : first), '\n');
    r.add(v, t->GetLineNum() - static_cast<int>(breaks), flags);
    return;
  }
  const XMLElement* c = n.ToElement();
  if (!c) return;  // comments, processing instructions
  const std::string name = local(*c);
  if (name == "br") r.add_br(c->GetLineNum(), flags);
  else if (!listed(map.skip, name))
    inline_text(*c, r, map,
                static_cast<std::uint8_t>(flags | (listed(map.bold, name) ? kBold : 0) |
                                          (listed(map.italic, name) ? kItalic : 0)));
}

void inline_text(const XMLElement& e, Raw& r, const InlineMap& map, std::uint8_t flags) {
  for (const tinyxml2::XMLNode* n = e.FirstChild(); n; n = n->NextSibling()) inline_node(*n, r, map, flags);
}

Raw raw_text(const XMLElement& e, TextKind kind, const InlineMap& map) {
  Raw r;
  r.kind = kind;
  r.line = e.GetLineNum();
  inline_text(e, r, map);
  return r;
}

fs::path image_path(const std::string& ref, const fs::path& folder) {
  if (ref.rfind("file://", 0) == 0) return fs::path(ref.substr(7));
  if (ref.find("://") != std::string::npos) return fs::path(ref);
  return folder / ref;
}

bool local_file_exists(const fs::path& p) {
  std::error_code ec;
  return p.string().find("://") == std::string::npos && fs::is_regular_file(p, ec);
}

RawCopy read_xml_copy(const std::string& bytes, const std::string& file, const fs::path& folder, CopyFormat format,
                      const CopyOptions& opt) {
  tinyxml2::XMLDocument doc(true, tinyxml2::PRESERVE_WHITESPACE);
  const XMLElement& root = xml::parse(doc, bytes, file, nullptr);
  RawCopy out;
  const XmlScope scope{file, folder, opt, out.notes};
  if (format == CopyFormat::Nitf) out.stories.push_back(read_nitf_story(root, scope));
  else read_newsml(root, scope, out);
  return out;
}

}  // namespace model::copy
