#include "preflight/json.h"

#include <cstdio>

#include "preflight/preflight.h"

namespace preflight {

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

void JsonWriter::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (first_.empty()) return;
  if (!first_.back()) out_ += ",";
  first_.back() = false;
  newline_indent();
}

// Appended in two steps: GCC 12 warns (-Wrestrict, a false positive) on "\n" + string.
void JsonWriter::newline_indent() {
  out_ += '\n';
  out_.append(2 * first_.size(), ' ');
}

JsonWriter& JsonWriter::begin_object() {
  separate();
  out_ += "{";
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  const bool empty = first_.back();
  first_.pop_back();
  if (!empty) newline_indent();
  out_ += "}";
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  separate();
  out_ += "[";
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  const bool empty = first_.back();
  first_.pop_back();
  if (!empty) newline_indent();
  out_ += "]";
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  separate();
  out_ += json_string(k) + ": ";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  separate();
  out_ += json_string(s);
  return *this;
}

JsonWriter& JsonWriter::value(long long n) {
  separate();
  out_ += std::to_string(n);
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  separate();
  out_ += b ? "true" : "false";
  return *this;
}

namespace {

const char* severity_name(base::Severity s) {
  return s == base::Severity::Error ? "error" : s == base::Severity::Warning ? "warning" : "info";
}

int count(const std::vector<base::Finding>& fs, base::Severity s) {
  int n = 0;
  for (const auto& f : fs) n += f.severity == s ? 1 : 0;
  return n;
}

}  // namespace

namespace {

std::string findings_json(const std::vector<base::Finding>& findings, const std::string& file, const Result* r) {
  JsonWriter w;
  w.begin_object();
  w.key("file").value(file);
  if (r) {
    w.key("claims").value(r->claimed);
    w.key("checked").value(base::pdfx_name(r->checked));
    w.key("meets").value(r->meets());
  }
  w.key("errors").value(count(findings, base::Severity::Error));
  w.key("warnings").value(count(findings, base::Severity::Warning));
  w.key("findings").begin_array();
  for (const auto& f : findings) {
    w.begin_object();
    w.key("severity").value(severity_name(f.severity));
    w.key("code").value(f.code);
    w.key("page").value(f.page);
    w.key("message").value(f.message);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.str() + "\n";
}

}  // namespace

std::string format_json(const std::vector<base::Finding>& findings, const std::string& file) {
  return findings_json(findings, file, nullptr);
}

std::string format_json(const Result& result, const std::string& file) {
  return findings_json(result.findings, file, &result);
}

std::string format_text(const std::vector<base::Finding>& findings) {
  std::string out;
  for (const auto& f : findings) out += base::format_finding(f) + "\n";
  out += "preflight: " + std::to_string(count(findings, base::Severity::Error)) + " errors, " +
         std::to_string(count(findings, base::Severity::Warning)) + " warnings\n";
  return out;
}

std::string format_text(const Result& result, const std::string& file) {
  return format_text(result.findings) + "preflight: " + file + " " + verdict(result) + "\n";
}

}  // namespace preflight
