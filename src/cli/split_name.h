#pragma once
// File names of `build --split` (docs/cli.md "Split pages"): a template such as
// "{paper}-{date:%Y%m%d}-A{page}" gives each page's file name, so a nightly job names
// the files as its printing plant wants them. Fields: {paper}, {number} (the issue's
// number), {date} (YYYY-MM-DD) or {date:FORMAT} (%Y %m %d %y %%), {page} (two digits)
// or {page:N} (N digits), {section}. ".pdf" is added unless the template ends with it.
#include <optional>
#include <regex>
#include <string>

namespace cli {

// What the names of one issue are made of.
struct NameFields {
  std::string paper, number, date_iso;  // date_iso: "2024-01-05"
  bool known = false;                   // false until the issue has been read
};

class SplitName {
 public:
  // The default: "page-{page}" in a folder, "STEM-page-{page}" beside a name stem.
  SplitName(std::string tmpl);
  // Why a template cannot be used (an unknown field, a '/', no {page}); nullopt if it can.
  static std::optional<std::string> check(const std::string& tmpl);

  // The file name of a page (characters no file name may hold — '/', control
  // characters — are replaced with '_'; a name never starts with '.').
  std::string name(const NameFields& f, int page, const std::string& section) const;
  // Matches every name this template gives for any page and section of an issue with
  // these fields (files of an earlier run). nullopt when the fields the template uses
  // are not known yet.
  std::optional<std::regex> any_page(const NameFields& f) const;

 private:
  std::string tmpl_;
};

}  // namespace cli
