#pragma once
// Printing findings (docs/cli.md "Diagnostics"): GCC's "file:line:col: error: … [code]"
// form with the fix on the next line, colour only on a terminal and never with NO_COLOR,
// warnings left out with --quiet.
#include <iosfwd>
#include <string>
#include <vector>

#include "base/diag.h"
#include "model/issue.h"

namespace cli {

// Gives every finding with a line but no column the column of that line's first
// character that is not blank (where the element written on it starts), read from the
// file. Findings whose file cannot be read keep column 1.
void locate_columns(std::vector<base::Finding>& findings);

// Gives a finding that names an element of the issue (its id) but no place the
// element's file and line, so that every finding about the issue can be jumped to.
void locate_elements(std::vector<base::Finding>& findings, const model::Issue& issue);

// Whether standard error gets colour: a terminal, and NO_COLOR unset or empty
// (https://no-color.org).
bool colour_on_stderr();

bool stderr_is_terminal();

// What to do about an internal error (a bug in paperset, not in the input).
std::string internal_error_fix();

class FindingPrinter {
 public:
  FindingPrinter(std::ostream& err, bool colour, bool quiet);
  // Prints one finding (warnings and notes only when not quiet).
  void print(const base::Finding& f);
  void print_all(const std::vector<base::Finding>& findings);

 private:
  std::ostream& err_;
  base::FindingStyle style_;
  bool quiet_;
};

}  // namespace cli
