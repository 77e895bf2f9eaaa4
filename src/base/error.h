#pragma once
// Errors carry a location (file, line, column) and what to do (docs/architecture.md
// habit 3). Library code throws base::Error; only the CLI prints it. A reader that can
// go on after a bad element collects its errors (ErrorCollector) and throws them
// together (Errors), so one build reports every input error of the file (docs/cli.md
// "Diagnostics").
#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace base {

struct Loc {
  std::string file;
  int line = 0;  // 0: no line (whole file, or not from a file)
  int col = 0;   // 1-based column in characters; 0: not known (the CLI finds one from the line)
};

class Error : public std::runtime_error {
 public:
  Error(Loc loc, std::string what, std::string fix = {});
  const Loc& loc() const { return loc_; }
  const std::string& message() const { return message_; }
  const std::string& fix() const { return fix_; }
  // "file:line: error: message\n  fix: …"
  std::string format() const;
  // The page of the issue and the id of the element being read when it was found (0 / ""
  // when there is none); set by ErrorCollector::attempt unless already set.
  int page() const { return page_; }
  const std::string& element() const { return element_; }
  Error& in_element(int page, const std::string& id);

 private:
  Loc loc_;
  std::string message_;
  std::string fix_;
  int page_ = 0;
  std::string element_;
};

// Every error an ErrorCollector gathered; what() is the first one's. `truncated`: the
// collector stopped at its limit, there may be more.
class Errors : public Error {
 public:
  Errors(std::vector<Error> all, bool truncated);
  const std::vector<Error>& all() const { return all_; }
  bool truncated() const { return truncated_; }

 private:
  std::vector<Error> all_;
  bool truncated_ = false;
};

// Lets a reader go on after an error in one element and report every error at the end,
// up to `limit` (then it throws at once: a file with 10 000 broken elements needs no
// 10 000 messages). Typical use:
//   base::ErrorCollector errors(limit);
//   for (auto* c : children) errors.attempt([&] { read(c); }, page, id);
//   errors.throw_if_any();
class ErrorCollector {
 public:
  explicit ErrorCollector(std::size_t limit) : limit_(limit == 0 ? 1 : limit) {}
  // Runs f(); an Error it throws is kept (with the page and element id, when given) and
  // false returned. Errors thrown by a collector that hit its limit pass through.
  template <class F>
  bool attempt(F&& f, int page = 0, const std::string& element = {}) {
    try {
      std::forward<F>(f)();
      return true;
    } catch (const Errors& e) {
      if (e.truncated()) throw;
      for (const auto& one : e.all()) add(one);
      return false;
    } catch (Error& e) {
      add(std::move(e.in_element(page, element)));
      return false;
    }
  }
  // Keeps one error; throws Errors when this one reaches the limit.
  void add(Error e);
  bool empty() const { return errors_.empty(); }
  std::size_t size() const { return errors_.size(); }
  // Throws Errors holding everything collected, if anything was.
  void throw_if_any() const;

 private:
  std::size_t limit_;
  std::vector<Error> errors_;
};

std::string format_loc(const Loc& loc);

}  // namespace base
