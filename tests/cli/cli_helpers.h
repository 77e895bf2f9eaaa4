#pragma once
// Helpers of the end-to-end tests of the `paperset` binary: running it in a clean
// environment, listing what it left in a folder, and reading an issue's paragraphs
// straight from the XML text (test_cli links only ps_cli, and must not trust the model
// it is checking).
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/support.h"

namespace clitest {

namespace fs = std::filesystem;

inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}
inline std::string quote(const fs::path& p) { return quote(p.string()); }

// A fresh empty folder for one check (test::temp_dir). All of them are removed when
// test_cli exits — the builds write hundreds of megabytes — unless PAPERSET_KEEP_TEMP is
// set, to look at what a failing check saw.
inline fs::path scratch(const std::string& tag) {
  struct Sweeper {
    std::vector<fs::path> dirs;
    ~Sweeper() {
      if (std::getenv("PAPERSET_KEEP_TEMP")) return;
      std::error_code ec;
      for (const auto& d : dirs) fs::remove_all(d, ec);
    }
  };
  static Sweeper sweeper;
  sweeper.dirs.push_back(test::temp_dir(tag));
  return sweeper.dirs.back();
}

inline fs::path data(const std::string& rel) { return test::source_root() / "tests/data" / rel; }

// The command line that runs paperset with `args` (already quoted) in an environment
// without PAPERSET_DATA or SOURCE_DATE_EPOCH unless `env` sets them ("NAME=value …").
// A hang fails the test (timeout's exit 124) instead of blocking the suite. In the
// sanitizer build a finding exits 86 (ASan, LSan) or 87 (UBSan), never the 1 of bad
// input, so every exit-code check catches it; a leak inside cairo itself is suppressed
// (tests/data/cli/lsan.supp; matching it needs full stacks, hence the slow unwinder).
inline std::string paperset_command(const std::string& args, const std::string& env) {
  return "timeout 300 env -u PAPERSET_DATA -u SOURCE_DATE_EPOCH ASAN_OPTIONS=exitcode=86:fast_unwind_on_malloc=0 "
         "UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=87 LSAN_OPTIONS=suppressions=" +
         quote(data("cli/lsan.supp")) + ":print_suppressions=0 " + env + " " + quote(std::string(PAPERSET_BINARY)) +
         " " + args;
}

inline test::RunResult paperset(const std::string& args, const std::string& env = "") {
  return test::run_shell(paperset_command(args, env));
}

// Only what paperset wrote to standard output (dumps), stderr dropped.
inline test::RunResult paperset_stdout(const std::string& args, const std::string& env = "") {
  return test::run_shell("(" + paperset_command(args, env) + " 2>/dev/null)");
}

// Every file and folder under `dir`, relative, hidden ones included (a temporary
// ".out.pdf.tmp123" left behind counts).
inline std::vector<std::string> files_in(const fs::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    out.push_back(fs::relative(it->path(), dir).string());
  return out;
}

inline std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void spit(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out << bytes;
}

// Text with every whitespace character removed: ASCII whitespace, U+3000 ideographic
// space, U+00A0 — pdftotext breaks lines and turns spacing into spaces where the PDF
// has none, so paragraphs are compared without any.
inline std::string strip_ws(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') continue;
    if (s.compare(i, 3, "\xE3\x80\x80") == 0) { i += 2; continue; }  // U+3000
    if (s.compare(i, 2, "\xC2\xA0") == 0) { i += 1; continue; }      // U+00A0
    out += s[i];
  }
  return out;
}

inline void append_utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) out += static_cast<char>(cp);
  else if (cp < 0x800) out += {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
  else if (cp < 0x10000)
    out += {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
            static_cast<char>(0x80 | (cp & 0x3F))};
  else
    out += {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
            static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
}

// The character content of an XML fragment: tags and comments dropped, the five
// predefined entities and character references decoded.
inline std::string xml_text(const std::string& frag) {
  std::string out;
  for (size_t i = 0; i < frag.size();) {
    if (frag.compare(i, 4, "<!--") == 0) {
      const size_t e = frag.find("-->", i);
      i = e == std::string::npos ? frag.size() : e + 3;
    } else if (frag[i] == '<') {
      const size_t e = frag.find('>', i);
      i = e == std::string::npos ? frag.size() : e + 1;
    } else if (frag[i] == '&') {
      const size_t e = frag.find(';', i);
      const std::string ent = frag.substr(i + 1, e - i - 1);
      if (ent == "amp") out += '&';
      else if (ent == "lt") out += '<';
      else if (ent == "gt") out += '>';
      else if (ent == "quot") out += '"';
      else if (ent == "apos") out += '\'';
      else if (!ent.empty() && ent[0] == '#')
        append_utf8(out, ent.size() > 1 && ent[1] == 'x' ? std::stoul(ent.substr(2), nullptr, 16)
                                                         : std::stoul(ent.substr(1)));
      i = e + 1;
    } else {
      out += frag[i++];
    }
  }
  return out;
}

struct StoryText {
  std::string id;
  std::vector<std::string> paragraphs;  // each <p>'s text, whitespace stripped
};

// The <p> texts of every <article>, in document order. <p> is never nested and
// articles never nest, so plain searching is enough (a photo's <caption> is no <p>).
inline std::vector<StoryText> stories_of(const std::string& xml) {
  std::vector<StoryText> out;
  for (size_t a = xml.find("<article"); a != std::string::npos; a = xml.find("<article", a + 1)) {
    const size_t end = xml.find("</article>", a);
    const std::string body = xml.substr(a, end - a);
    StoryText s;
    const size_t id = body.find("id=\"");
    if (id != std::string::npos) s.id = body.substr(id + 4, body.find('"', id + 4) - id - 4);
    for (size_t p = body.find("<p"); p != std::string::npos; p = body.find("<p", p + 1)) {
      const char next = p + 2 < body.size() ? body[p + 2] : '\0';
      if (next != '>' && next != ' ') continue;  // <photo, <page …
      const size_t open_end = body.find('>', p);
      const size_t close = body.find("</p>", open_end);
      s.paragraphs.push_back(strip_ws(xml_text(body.substr(open_end + 1, close - open_end - 1))));
    }
    out.push_back(std::move(s));
  }
  return out;
}

// The start tag "<name …>" of the first `name` element outside comments; empty if none.
inline std::string start_tag(const std::string& xml, const std::string& name) {
  for (size_t i = 0; i < xml.size();) {
    if (xml.compare(i, 4, "<!--") == 0) {
      const size_t e = xml.find("-->", i);
      if (e == std::string::npos) break;
      i = e + 3;
    } else if (xml.compare(i, name.size() + 1, "<" + name) == 0 && i + name.size() + 1 < xml.size() &&
               std::isspace(static_cast<unsigned char>(xml[i + name.size() + 1]))) {
      return xml.substr(i, xml.find('>', i) - i + 1);
    } else {
      ++i;
    }
  }
  return {};
}

// The value of attribute `name` in a start tag (written name="value"); empty if absent.
inline std::string attr(const std::string& tag, const std::string& name) {
  for (size_t at = tag.find(name + "=\""); at != std::string::npos; at = tag.find(name + "=\"", at + 1)) {
    if (at == 0 || !std::isspace(static_cast<unsigned char>(tag[at - 1]))) continue;
    const size_t v = at + name.size() + 2;
    return tag.substr(v, tag.find('"', v) - v);
  }
  return {};
}

// Lines of `text`.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

inline bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

// One diagnostic as an editor's or CI's GCC problem matcher reads it:
// "FILE:LINE:COL: (error|warning|note): MESSAGE [CODE]" (or "FILE: …" / "paperset: …"
// without a line), and the "  fix: …" line after it.
struct Diag {
  std::string file;
  int line = 0, col = 0;
  std::string severity, message, code, fix;
};

inline std::vector<Diag> diagnostics(const std::string& out) {
  static const std::regex with_line(R"(^(.+?):(\d+):(\d+): (error|warning|note): (.*) \[([a-z0-9-]+)\]$)");
  static const std::regex without_line(R"(^(.+?): (error|warning|note): (.*) \[([a-z0-9-]+)\]$)");
  std::vector<Diag> out_diags;
  for (const auto& l : lines_of(out)) {
    std::smatch m;
    if (std::regex_match(l, m, with_line)) {
      out_diags.push_back({m[1], std::stoi(m[2]), std::stoi(m[3]), m[4], m[5], m[6], ""});
    } else if (std::regex_match(l, m, without_line)) {
      out_diags.push_back({m[1], 0, 0, m[2], m[3], m[4], ""});
    } else if (l.rfind("  fix: ", 0) == 0 && !out_diags.empty()) {
      out_diags.back().fix = l.substr(7);
    }
  }
  return out_diags;
}

inline int count_severity(const std::vector<Diag>& ds, const std::string& severity) {
  int n = 0;
  for (const auto& d : ds) n += d.severity == severity;
  return n;
}

// The first `"key": <integer>` / `"key": true|false` in a JSON text; -1 / absent when
// there is none. Enough for the flat counters of the reports.
inline long json_int(const std::string& json, const std::string& key) {
  const std::string k = "\"" + key + "\"";
  for (size_t at = json.find(k); at != std::string::npos; at = json.find(k, at + 1)) {
    size_t i = json.find_first_not_of(" \t\r\n", at + k.size());
    if (i == std::string::npos || json[i] != ':') continue;
    i = json.find_first_not_of(" \t\r\n", i + 1);
    if (i != std::string::npos && (std::isdigit(static_cast<unsigned char>(json[i])) || json[i] == '-'))
      return std::stol(json.substr(i));
  }
  return -1;
}

inline std::string json_literal(const std::string& json, const std::string& key) {
  const std::string k = "\"" + key + "\"";
  const size_t at = json.find(k);
  if (at == std::string::npos) return {};
  size_t i = json.find_first_not_of(" \t\r\n", at + k.size());
  if (i == std::string::npos || json[i] != ':') return {};
  i = json.find_first_not_of(" \t\r\n", i + 1);
  const size_t e = json.find_first_of(",}] \t\r\n", i);
  return json.substr(i, e - i);
}

// A strict little JSON checker (RFC 8259 syntax, no extensions): reports are read by
// nightly jobs, so they must parse.
class JsonChecker {
 public:
  explicit JsonChecker(const std::string& s) : s_(s) {}
  bool valid() {
    ws();
    if (!value()) return false;
    ws();
    return i_ == s_.size();
  }

 private:
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  bool lit(const char* w) {
    const std::string t(w);
    if (s_.compare(i_, t.size(), t) != 0) return false;
    i_ += t.size();
    return true;
  }
  bool string() {
    if (!lit("\"")) return false;
    while (i_ < s_.size() && s_[i_] != '"') {
      const unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c < 0x20) return false;  // control characters must be escaped
      if (c == '\\') {
        ++i_;
        if (i_ >= s_.size() || std::string("\"\\/bfnrtu").find(s_[i_]) == std::string::npos) return false;
      }
      ++i_;
    }
    return lit("\"");
  }
  bool number() {
    const size_t start = i_;
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    while (i_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.' || s_[i_] == 'e' ||
                              s_[i_] == 'E' || s_[i_] == '+' || s_[i_] == '-'))
      ++i_;
    return i_ > start;
  }
  template <typename F>
  bool list(char close, F item) {
    ws();
    if (lit(std::string(1, close).c_str())) return true;
    for (;;) {
      ws();
      if (!item()) return false;
      ws();
      if (lit(std::string(1, close).c_str())) return true;
      if (!lit(",")) return false;
    }
  }
  bool value() {
    ws();
    if (i_ >= s_.size()) return false;
    const char c = s_[i_];
    if (c == '{') {
      ++i_;
      return list('}', [this] {
        if (!string()) return false;
        ws();
        return lit(":") && value();
      });
    }
    if (c == '[') {
      ++i_;
      return list(']', [this] { return value(); });
    }
    if (c == '"') return string();
    if (lit("true") || lit("false") || lit("null")) return true;
    return number();
  }

  const std::string& s_;
  size_t i_ = 0;
};

}  // namespace clitest
