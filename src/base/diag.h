#pragma once
// Warnings and non-fatal findings go to a sink the caller reads (docs/architecture.md
// habit 3); the CLI prints them (docs/cli.md "Diagnostics").
#include <cstddef>
#include <functional>
#include <string>
#include <unordered_set>
#include <vector>

#include "base/error.h"

namespace base {

enum class Severity { Info, Warning, Error };

struct Finding {
  Severity severity = Severity::Warning;
  std::string code;     // stable machine-readable kind, e.g. "overset", "missing-glyph"
  std::string message;  // human text: what is wrong
  Loc loc;
  std::string article;  // id of the element (article, photo, banner …), when there is one
  int page = 0;         // the page number, when there is one
  std::string fix = {};  // what to do about it, when there is something to say
  // A statistic every build produces (an article's fill): kept for the report and the
  // proof sheet, not printed on the terminal, where a line per article on every build
  // would bury the findings that need action.
  bool report_only = false;
};

class Diagnostics {
 public:
  // Each finding is kept once: the same finding reported again (same severity, code,
  // place, element and message) is dropped.
  void add(Finding f);
  void warn(std::string code, std::string message, Loc loc = {}, std::string article = {}, int page = 0,
            std::string fix = {});
  void error(std::string code, std::string message, Loc loc = {}, std::string article = {}, int page = 0,
             std::string fix = {});
  // An input error (thrown Error or every one of an Errors) as error findings.
  void add_error(const Error& e, const std::string& code);
  const std::vector<Finding>& findings() const { return findings_; }
  bool has_errors() const;
  void merge(const Diagnostics& other);
  // Turns the warnings `pick` selects into errors, appending `why` to their message
  // (build --fail-on). Returns how many.
  int promote(const std::function<bool(const Finding&)>& pick, const std::string& why);
  // How many input errors a reader collects before it stops (ErrorCollector).
  std::size_t error_limit() const { return error_limit_; }
  void set_error_limit(std::size_t n) { error_limit_ = n == 0 ? 1 : n; }

 private:
  std::vector<Finding> findings_;
  std::unordered_set<std::string> seen_;
  std::size_t error_limit_ = 20;
};

// How format_finding marks up its parts (terminal colours); empty strings: plain text.
struct FindingStyle {
  std::string where, error, warning, note, reset;
};

// "FILE:LINE:COL: error: page 2, 'lead': MESSAGE [code]", then "  fix: FIX" on the next
// line when there is a fix. GCC's form, which editors' and CI's problem matchers read.
// Without a file the place is "paperset". Control characters (a newline or ESC in an
// id …) are shown escaped, never passed through (escape_text).
std::string format_finding(const Finding& f, const FindingStyle& style = {});

// `s` safe to print on one line of a terminal or log: C0/C1 control characters and DEL
// as \n, \t, \r, \e or \xHH, bidirectional-override characters as \u{202E}, bytes that
// are not UTF-8 as \xHH; everything else unchanged.
std::string escape_text(const std::string& s);

}  // namespace base
