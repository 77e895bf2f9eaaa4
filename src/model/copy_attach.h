#pragma once
// Private to model/: blocks of an issue whose text comes from copy files
// (docs/import.md "Placing copy"): <article src=…>, <photo from=…>, <banner src=…>.
#include <map>
#include <string>
#include <vector>

#include "model/copy.h"
#include "model/issue_parse.h"

namespace model {

// The copy files one issue reads (each once per format and options) and the notes the
// build report must carry.
struct Imports {
  bool keep_copy = false;  // --keep-copy: no clean-up anywhere
  std::map<std::string, Copy> files;
  std::vector<std::filesystem::path> paths;  // each file once, in the order first read
  std::vector<base::Finding> notes;
};

// Fill an element read from the issue with its copy, when it names a copy file; the
// element's attributes are checked by the caller.
void article_from_copy(const xml::Node& n, Article& a, const IssueScope& s);
void photo_from_copy(const xml::Node& n, Photo& p, const IssueScope& s, bool in_copy);
void banner_from_copy(const xml::Node& n, Banner& b, const IssueScope& s);

}  // namespace model
