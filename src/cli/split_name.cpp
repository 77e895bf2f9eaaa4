#include "cli/split_name.h"

#include <vector>

namespace cli {

namespace {

struct Part {
  std::string literal;  // text, when field is empty
  std::string field;    // "paper", "number", "date", "page", "section"
  std::string arg;      // after ':' ("%Y%m%d", "3")
};

// Splits a template into literal text and {field[:arg]} parts; the error, if any, in `why`.
std::vector<Part> parts_of(const std::string& t, std::string* why) {
  std::vector<Part> out;
  for (size_t i = 0; i < t.size();) {
    if (t[i] != '{') {
      const size_t next = t.find('{', i);
      out.push_back({t.substr(i, next == std::string::npos ? std::string::npos : next - i), "", ""});
      i = next == std::string::npos ? t.size() : next;
      continue;
    }
    const size_t close = t.find('}', i);
    if (close == std::string::npos) {
      if (why) *why = "'{' without a closing '}'";
      return {};
    }
    const std::string inner = t.substr(i + 1, close - i - 1);
    const size_t colon = inner.find(':');
    out.push_back({"", inner.substr(0, colon), colon == std::string::npos ? "" : inner.substr(colon + 1)});
    i = close + 1;
  }
  return out;
}

std::string format_date(const std::string& iso, const std::string& fmt) {
  if (fmt.empty()) return iso;
  std::string out;
  for (size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%' || i + 1 >= fmt.size()) {
      out += fmt[i];
      continue;
    }
    const char c = fmt[++i];
    if (c == 'Y') out += iso.substr(0, 4);
    else if (c == 'y') out += iso.substr(2, 2);
    else if (c == 'm') out += iso.substr(5, 2);
    else if (c == 'd') out += iso.substr(8, 2);
    else out += c;  // "%%"
  }
  return out;
}

std::string padded(int n, const std::string& width) {
  const size_t w = width.empty() ? 2 : static_cast<size_t>(std::stoi(width));
  std::string s = std::to_string(n);
  return s.size() >= w ? s : std::string(w - s.size(), '0') + s;
}

// A value that can stand in a file name.
std::string safe(const std::string& v) {
  std::string s = v;
  for (char& c : s)
    if (c == '/' || static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '_';
  return s;
}

std::string regex_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::string("\\^$.|?*+()[]{}").find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return out;
}

bool with_pdf_suffix(const std::string& t) { return t.size() >= 4 && t.compare(t.size() - 4, 4, ".pdf") == 0; }

}  // namespace

SplitName::SplitName(std::string tmpl) : tmpl_(std::move(tmpl)) {
  if (!with_pdf_suffix(tmpl_)) tmpl_ += ".pdf";
}

std::optional<std::string> SplitName::check(const std::string& tmpl) {
  std::string why;
  const auto parts = parts_of(tmpl, &why);
  if (!why.empty()) return why;
  if (tmpl.find('/') != std::string::npos) return std::string("a file name cannot hold '/' (give the folder with -o)");
  bool page = false;
  for (const auto& p : parts) {
    if (p.field.empty()) continue;
    if (p.field == "page") {
      page = true;
      if (!p.arg.empty() && (p.arg.size() > 1 || p.arg[0] < '1' || p.arg[0] > '9'))
        return "{page:" + p.arg + "}: the width is one digit, 1 to 9";
    } else if (p.field == "date") {
      for (size_t i = 0; i < p.arg.size(); ++i)
        if (p.arg[i] == '%' && (i + 1 >= p.arg.size() || std::string("Yymd%").find(p.arg[++i]) == std::string::npos))
          return "{date:" + p.arg + "}: the date format knows %Y, %y, %m, %d and %%";
    } else if ((p.field != "paper" && p.field != "number" && p.field != "section") || !p.arg.empty()) {
      return "unknown field {" + p.field + (p.arg.empty() ? "" : ":" + p.arg) +
             "}; the fields are {paper}, {number}, {date}, {date:%Y%m%d}, {page}, {page:3}, {section}";
    }
  }
  if (!page) return std::string("the template needs {page}, or every page would get the same name");
  return std::nullopt;
}

std::string SplitName::name(const NameFields& f, int page, const std::string& section) const {
  std::string out;
  for (const auto& p : parts_of(tmpl_, nullptr)) {
    if (p.field.empty()) out += p.literal;
    else if (p.field == "page") out += padded(page, p.arg);
    else if (p.field == "section") out += section;
    else if (p.field == "paper") out += f.paper;
    else if (p.field == "number") out += f.number;
    else if (p.field == "date") out += format_date(f.date_iso, p.arg);
  }
  out = safe(out);
  if (!out.empty() && out[0] == '.') out[0] = '_';
  return out;
}

std::optional<std::regex> SplitName::any_page(const NameFields& f) const {
  std::string re;
  for (const auto& p : parts_of(tmpl_, nullptr)) {
    if (p.field.empty()) re += regex_escape(safe(p.literal));
    else if (p.field == "page") re += "[0-9]+";
    else if (p.field == "section") re += "[^/]*";
    else if (!f.known) return std::nullopt;
    else if (p.field == "paper") re += regex_escape(safe(f.paper));
    else if (p.field == "number") re += regex_escape(safe(f.number));
    else if (p.field == "date") re += regex_escape(safe(format_date(f.date_iso, p.arg)));
  }
  return std::regex(re);
}

}  // namespace cli
