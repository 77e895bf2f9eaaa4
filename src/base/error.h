#pragma once
// Errors carry a location (file, line) and what to do (docs/architecture.md habit 3).
// Library code throws base::Error; only the CLI prints it.
#include <stdexcept>
#include <string>

namespace base {

struct Loc {
  std::string file;
  int line = 0;  // 0: no line (whole file, or not from a file)
};

class Error : public std::runtime_error {
 public:
  Error(Loc loc, std::string what, std::string fix = {});
  const Loc& loc() const { return loc_; }
  const std::string& message() const { return message_; }
  const std::string& fix() const { return fix_; }
  // "file:line: error: message\n  fix: …"
  std::string format() const;

 private:
  Loc loc_;
  std::string message_;
  std::string fix_;
};

std::string format_loc(const Loc& loc);

}  // namespace base
