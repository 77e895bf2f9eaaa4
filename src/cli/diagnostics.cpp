#include "cli/diagnostics.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <filesystem>
#include <ostream>
#include <string>

namespace cli {

namespace {

// Files larger than this are not read again just to find a column.
constexpr std::streamoff kMaxSourceBytes = 64 << 20;

std::vector<std::string> lines_of_file(const std::string& file) {
  std::vector<std::string> lines;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return lines;  // never a FIFO or device
  std::ifstream in(file, std::ios::binary);
  if (!in) return lines;
  in.seekg(0, std::ios::end);
  if (in.tellg() > kMaxSourceBytes) return lines;
  in.seekg(0);
  for (std::string l; std::getline(in, l);) lines.push_back(std::move(l));
  return lines;
}

// 1-based column, in characters, of the first character that is not blank.
int first_column(const std::string& line) {
  int col = 1;
  for (unsigned char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return col;
    ++col;
  }
  return 1;
}

}  // namespace

void locate_columns(std::vector<base::Finding>& findings) {
  std::map<std::string, std::vector<std::string>> files;
  for (auto& f : findings) {
    if (f.loc.line <= 0 || f.loc.col > 0) continue;
    auto it = files.find(f.loc.file);
    if (it == files.end()) it = files.emplace(f.loc.file, lines_of_file(f.loc.file)).first;
    const auto& lines = it->second;
    const auto n = static_cast<size_t>(f.loc.line);
    f.loc.col = n <= lines.size() ? first_column(lines[n - 1]) : 1;
  }
}

void locate_elements(std::vector<base::Finding>& findings, const model::Issue& issue) {
  std::map<std::pair<int, std::string>, base::Loc> where;  // (page, id) → the element
  for (const auto& p : issue.pages)
    for (const auto& b : p.blocks) {
      if (!model::id_of(b).empty()) where.emplace(std::pair{p.number, model::id_of(b)}, model::loc_of(b));
      if (const auto* a = std::get_if<model::Article>(&b))
        for (const auto& ph : a->photos) where.emplace(std::pair{p.number, ph.id}, ph.loc);
    }
  for (auto& f : findings) {
    if (!f.loc.file.empty() || f.article.empty()) continue;
    auto it = where.find({f.page, f.article});
    // An article set on several pages (a jump) is found on the page it starts on.
    if (it == where.end())
      for (auto w = where.begin(); w != where.end() && it == where.end(); ++w)
        if (w->first.second == f.article) it = w;
    if (it != where.end()) f.loc = it->second;
  }
}

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

std::string internal_error_fix() {
  return "this is a bug in paperset " PAPERSET_VERSION
         ", not a fault of the input: please report it with this message, the command line "
         "and the issue file (with its layout and photos)";
}

bool colour_on_stderr() {
  const char* no = std::getenv("NO_COLOR");
  if (no && *no) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string(term) == "dumb") return false;
  return ::isatty(STDERR_FILENO) == 1;
}

FindingPrinter::FindingPrinter(std::ostream& err, bool colour, bool quiet) : err_(err), quiet_(quiet) {
  // GCC's default colours: the place bold, errors bold red, warnings bold magenta, notes bold cyan.
  if (colour) style_ = {"\x1b[1m", "\x1b[1;31m", "\x1b[1;35m", "\x1b[1;36m", "\x1b[0m"};
}

void FindingPrinter::print(const base::Finding& f) {
  if (quiet_ && f.severity != base::Severity::Error) return;
  if (f.report_only && f.severity == base::Severity::Info) return;
  err_ << base::format_finding(f, style_) << "\n";
}

void FindingPrinter::print_all(const std::vector<base::Finding>& findings) {
  for (const auto& f : findings) print(f);
}

}  // namespace cli
