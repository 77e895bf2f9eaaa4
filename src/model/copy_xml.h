#pragma once
// Private to model/: what the XML copy readers (NITF, NewsML-G2, XHTML bodies) share.
// Element names are compared without their namespace prefix, so <nitf:p> and <p> in
// the NITF namespace read alike.
#include <string>

#include "model/copy_parse.h"
#include "model/xml_read.h"

namespace model::copy {

using tinyxml2::XMLElement;

struct XmlScope {
  const std::string& file;
  std::filesystem::path folder;  // resolves image references
  const CopyOptions& opt;
  std::vector<base::Finding>& notes;
  int line(const XMLElement& e) const { return e.GetLineNum(); }
  void warn(const XMLElement& e, const std::string& message) const {
    notes.push_back(note(base::Severity::Warning, "import-skipped", file, e.GetLineNum(), message));
  }
};

// The element's name without a namespace prefix.
std::string local(const XMLElement& e);
// The first child element with this local name, or nullptr.
const XMLElement* child(const XMLElement& e, const char* name);
std::vector<const XMLElement*> children_named(const XMLElement& e, const char* name);
// An attribute by local name (xml:lang, nitf:source …), or nullptr.
const char* attr(const XMLElement& e, const char* name);

// How inline elements of a format map to emphasis: bold / italic element names, and
// elements whose content is not text (XHTML script, style).
struct InlineMap {
  std::vector<std::string> bold, italic, skip;
};
// Appends the text of `e` (its text nodes and inline children; <br/> as a forced
// break) to `r`.
void inline_text(const XMLElement& e, Raw& r, const InlineMap& map, std::uint8_t flags = 0);
// The same for one node (a text node, or an element with what it holds).
void inline_node(const tinyxml2::XMLNode& n, Raw& r, const InlineMap& map, std::uint8_t flags = 0);
// A text element of `kind` from the whole content of `e`.
Raw raw_text(const XMLElement& e, TextKind kind, const InlineMap& map);

// An image reference of a copy file as a local path: relative paths start at the copy
// file's folder, file:// URLs are paths; other URLs are kept as written.
std::filesystem::path image_path(const std::string& ref, const std::filesystem::path& folder);
bool local_file_exists(const std::filesystem::path& p);

// NITF 3.x (import_nitf.cpp): one story from a <nitf> element.
RawStory read_nitf_story(const XMLElement& nitf, const XmlScope& s);
// An XHTML document (<html>) as one story (import_xhtml.cpp).
RawStory read_xhtml_story(const XMLElement& html, const XmlScope& s);
// NewsML-G2 (import_newsml.cpp): a newsItem or a newsMessage's items.
void read_newsml(const XMLElement& root, const XmlScope& s, RawCopy& out);

}  // namespace model::copy
