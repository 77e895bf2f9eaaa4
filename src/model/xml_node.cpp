// Reading the attributes and children of one element, with errors that say what to do.
#include <algorithm>
#include <cstring>

#include "model/xml_read.h"

namespace model::xml {

void Node::allow(std::initializer_list<const char*> names) const {
  for (const auto* a = e.FirstAttribute(); a; a = a->Next()) {
    bool known = false;
    for (const char* n : names) known = known || std::strcmp(n, a->Name()) == 0;
    if (known) continue;
    std::string list;
    for (const char* n : names) list += (list.empty() ? "" : ", ") + std::string(n);
    throw base::Error({file, a->GetLineNum()}, "unknown attribute " + std::string(a->Name()) + " on " + tag(),
                      list.empty() ? "remove it: " + tag() + " takes no attributes"
                                   : "remove it or correct its spelling; " + tag() + " takes: " + list);
  }
}

std::optional<std::string> Node::opt(const char* attr) const {
  const char* v = e.Attribute(attr);
  if (!v) return std::nullopt;
  return std::string(v);
}

std::string Node::req(const char* attr) const {
  const char* v = e.Attribute(attr);
  if (!v)
    throw base::Error(at(), "missing required attribute " + std::string(attr) + " on " + tag(),
                      "add " + std::string(attr) + "=\"…\" to the " + tag() + " element");
  return v;
}

std::optional<int> Node::opt_integer(const char* attr, int min, int max) const {
  const auto v = opt(attr);
  if (!v) return std::nullopt;
  const auto n = to_int(*v);
  const bool digits = !v->empty() && v->find_first_not_of("0123456789") == std::string::npos;
  if (!n && digits)
    fail(attr, "attribute " + std::string(attr) + "=\"" + *v + "\" of " + tag() + " is too large",
         "write a whole number of sensible size, e.g. " + std::string(attr) + "=\"" + std::to_string(std::max(min, 1)) + "\"");
  if (!n)
    fail(attr, "attribute " + std::string(attr) + "=\"" + *v + "\" of " + tag() + " is not a whole number",
         "write a whole number in decimal digits, e.g. " + std::string(attr) + "=\"" + std::to_string(std::max(min, 1)) + "\"");
  if (*n < min)
    fail(attr, "attribute " + std::string(attr) + "=\"" + *v + "\" of " + tag() + " must be at least " +
                   std::to_string(min),
         min > 0 ? "sizes and counts are positive: write a number of " + std::to_string(min) + " or more"
                 : "write a number of " + std::to_string(min) + " or more");
  if (*n > max)
    fail(attr, "attribute " + std::string(attr) + "=\"" + *v + "\" of " + tag() + " is more than " + std::to_string(max) +
                   ", the largest paperset accepts",
         "write a number from " + std::to_string(min) + " to " + std::to_string(max));
  return n;
}

int Node::integer(const char* attr, int min, int max) const {
  req(attr);
  return *opt_integer(attr, min, max);
}

bool Node::yes_no(const char* attr, bool fallback) const {
  return choice<bool>(attr, {{"yes", true}, {"no", false}}, fallback);
}

void Node::fail(const char* attr, const std::string& what, const std::string& fix) const {
  throw base::Error(attr ? at(attr) : at(), what, fix);
}

void Node::unknown_child(const XMLElement& child, const std::string& allowed) const {
  throw base::Error(loc(file, child), "unknown element <" + std::string(child.Name()) + "> inside " + tag(),
                    allowed.empty() ? "remove it: " + tag() + " holds no elements"
                                    : "remove it or correct its spelling; " + tag() + " may hold: " + allowed);
}

void Node::no_loose_text() const {
  for (const auto* n = e.FirstChild(); n; n = n->NextSibling()) {
    const auto* t = n->ToText();
    if (!t || std::string(t->Value()).find_first_not_of(" \t\r\n") == std::string::npos) continue;
    throw base::Error({file, t->GetLineNum()}, "text directly inside " + tag(),
                      "put text in a text element (<p>, <headline>, <caption> …), or remove it");
  }
}

}  // namespace model::xml
