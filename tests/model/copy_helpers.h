#pragma once
// Helpers of the copy-import tests: text blocks written out as one comparable string,
// copy files read from tests/data/copy, issues that place them.
#include <string>

#include "model/copy.h"
#include "model/issue.h"
#include "support/support.h"

namespace copytest {

inline std::filesystem::path data(const std::string& rel) { return test::source_root() / "tests/data/copy" / rel; }

// "kind/style: text" with inline runs marked: {dateline:…} {b:…} {i:…} and <br> for a break.
inline std::string show(const model::TextBlock& b) {
  static const char* kKinds[] = {"kicker", "headline", "subtitle", "byline", "p", "subhead", "caption", "credit", "banner", "item"};
  std::string s = std::string(kKinds[static_cast<int>(b.kind)]) + "/" + b.style + ": ";
  for (const auto& r : b.content) {
    if (r.br) {
      s += "<br>";
      continue;
    }
    std::string t = r.text;
    if (r.italic) t = "{i:" + t + "}";
    if (r.bold) t = "{b:" + t + "}";
    if (!r.style.empty()) t = "{" + r.style + ":" + t + "}";
    s += t;
  }
  return s;
}

inline std::string show(const std::vector<model::TextBlock>& v) {
  std::string s;
  for (const auto& b : v) s += show(b) + "\n";
  return s;
}

inline std::string show(const model::Article& a) { return show(a.head) + "--\n" + show(a.body); }

inline model::Copy read(const std::string& rel, model::CopyOptions opt = {}) {
  return model::read_copy(data(rel), std::nullopt, opt);
}

// An issue in tests/data/copy with `page` as the inner XML of its one page.
inline model::Issue issue(const std::string& page, const std::string& layout = "tabloid",
                          model::LoadOptions opt = {}) {
  const std::string xml = "<issue paper=\"P\" date=\"2024-03-15\" layout=\"" + layout + "\">\n<page number=\"1\">\n" +
                          page + "\n</page>\n</issue>\n";
  // The sample manuscripts in samples/ are outside tests/data/copy: allowed, as a user
  // would with --allow-paths.
  auto ctx = test::context();
  ctx.allowed_paths.push_back(test::source_root() / "samples");
  return model::parse_issue(xml, data("issue.xml"), ctx, opt);
}

inline int count_code(const std::vector<base::Finding>& v, const std::string& code) {
  int n = 0;
  for (const auto& f : v) n += f.code == code;
  return n;
}

}  // namespace copytest
