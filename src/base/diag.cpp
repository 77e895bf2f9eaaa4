#include "base/diag.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "base/utf8.h"

namespace base {

namespace {

std::string key_of(const Finding& f) {
  std::string k;
  for (const std::string* s : {&f.code, &f.message, &f.loc.file, &f.article, &f.fix}) k += *s + '\x1f';
  return k + std::to_string(static_cast<int>(f.severity)) + ':' + std::to_string(f.loc.line) + ':' +
         std::to_string(f.loc.col) + ':' + std::to_string(f.page);
}

const char* severity_word(Severity s) {
  return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note";
}

bool bidi_control(char32_t c) { return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069); }

}  // namespace

void Diagnostics::add(Finding f) {
  if (!seen_.insert(key_of(f)).second) return;
  findings_.push_back(std::move(f));
}

void Diagnostics::warn(std::string code, std::string message, Loc loc, std::string article, int page,
                       std::string fix) {
  add({Severity::Warning, std::move(code), std::move(message), std::move(loc), std::move(article), page, std::move(fix)});
}

void Diagnostics::error(std::string code, std::string message, Loc loc, std::string article, int page,
                        std::string fix) {
  add({Severity::Error, std::move(code), std::move(message), std::move(loc), std::move(article), page, std::move(fix)});
}

void Diagnostics::add_error(const Error& e, const std::string& code) {
  if (const auto* all = dynamic_cast<const Errors*>(&e)) {
    // In the order of the file, as a reader goes through it.
    std::vector<Error> sorted = all->all();
    std::stable_sort(sorted.begin(), sorted.end(), [](const Error& a, const Error& b) {
      return std::tie(a.loc().file, a.loc().line) < std::tie(b.loc().file, b.loc().line);
    });
    for (const auto& one : sorted) add_error(one, code);
    if (all->truncated())
      warn("too-many-errors", "stopped after " + std::to_string(all->all().size()) + " errors", {}, {}, 0,
           "correct these and build again (--max-errors N shows more)");
    return;
  }
  error(code, e.message(), e.loc(), e.element(), e.page(), e.fix());
}

bool Diagnostics::has_errors() const {
  for (const auto& f : findings_)
    if (f.severity == Severity::Error) return true;
  return false;
}

void Diagnostics::merge(const Diagnostics& other) {
  for (const auto& f : other.findings_) add(f);
}

int Diagnostics::promote(const std::function<bool(const Finding&)>& pick, const std::string& why) {
  int n = 0;
  for (auto& f : findings_)
    if (f.severity == Severity::Warning && pick(f)) {
      f.severity = Severity::Error;
      f.message += why;
      ++n;
    }
  return n;
}

std::string escape_text(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  char buf[16];
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    int len = 1;
    const char32_t c = b < 0x80 ? b : decode_utf8(s, i, len);
    const bool bad_byte = (b >= 0x80 && c == U'\uFFFD' && s.compare(i, 3, "\xEF\xBF\xBD") != 0) ||
                          (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF;
    if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c == '\r') out += "\\r";
    else if (c == 0x1B) out += "\\e";
    else if (c < 0x20 || c == 0x7F || bad_byte) {
      std::snprintf(buf, sizeof buf, "\\x%02X", b);
      out += buf;
      len = 1;
    } else if ((c >= 0x80 && c <= 0x9F) || bidi_control(c)) {
      std::snprintf(buf, sizeof buf, "\\u{%04X}", static_cast<unsigned>(c));
      out += buf;
    } else {
      out.append(s, i, static_cast<size_t>(len));
    }
    i += static_cast<size_t>(len);
  }
  return out;
}

std::string format_finding(const Finding& f, const FindingStyle& st) {
  std::string where = format_loc(f.loc);
  std::string s = st.where + (where.empty() ? std::string("paperset") : escape_text(where)) + ":" + st.reset + " ";
  const std::string& colour = f.severity == Severity::Error ? st.error : f.severity == Severity::Warning ? st.warning : st.note;
  s += colour + severity_word(f.severity) + ":" + st.reset + " ";
  if (f.page > 0) s += "page " + std::to_string(f.page) + (f.article.empty() ? ": " : ", ");
  if (!f.article.empty()) s += "'" + escape_text(f.article) + "': ";
  s += escape_text(f.message);
  if (!f.code.empty()) s += " [" + escape_text(f.code) + "]";
  if (!f.fix.empty()) s += "\n  fix: " + escape_text(f.fix);
  return s;
}

}  // namespace base
