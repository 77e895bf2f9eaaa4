#pragma once
// Warnings and non-fatal findings go to a sink the caller reads (docs/architecture.md habit 3).
#include <string>
#include <vector>

#include "base/error.h"

namespace base {

enum class Severity { Info, Warning, Error };

struct Finding {
  Severity severity = Severity::Warning;
  std::string code;     // stable machine-readable kind, e.g. "overset", "missing-glyph"
  std::string message;  // human text
  Loc loc;
  std::string article;  // article / block id, when there is one
  int page = 0;         // page number, when there is one
};

class Diagnostics {
 public:
  void add(Finding f) { findings_.push_back(std::move(f)); }
  void warn(std::string code, std::string message, Loc loc = {}, std::string article = {}, int page = 0);
  void error(std::string code, std::string message, Loc loc = {}, std::string article = {}, int page = 0);
  const std::vector<Finding>& findings() const { return findings_; }
  bool has_errors() const;
  void merge(const Diagnostics& other);

 private:
  std::vector<Finding> findings_;
};

std::string format_finding(const Finding& f);

}  // namespace base
