#pragma once
// A small JSON writer (RFC 8259): enough for preflight reports, no dependency.
#include <string>
#include <string_view>
#include <vector>

namespace preflight {

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(long long n);
  JsonWriter& value(int n) { return value(static_cast<long long>(n)); }
  JsonWriter& value(bool b);
  const std::string& str() const { return out_; }

 private:
  void separate();
  void newline_indent();  // the comma and indentation before a member or element
  std::string out_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

// "…" with the escapes RFC 8259 §7 requires; UTF-8 passes through.
std::string json_string(std::string_view s);

}  // namespace preflight
