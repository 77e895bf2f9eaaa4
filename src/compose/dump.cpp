// --dump=lines: one record per line, lengths in points rounded to 0.01 (integer
// arithmetic, so no locale or binary-rounding surprises; docs/architecture.md "Seeing inside").
#include <string>

#include "compose/composer.h"
#include "compose/para_impl.h"

namespace compose {

namespace {

std::string pt(Len v) {
  const bool neg = v < 0;
  const Len c = ((neg ? -v : v) + 5) / 10;  // centipoints, rounded half away from zero
  std::string s = std::to_string(c / 100) + "." + (c % 100 < 10 ? "0" : "") + std::to_string(c % 100);
  return neg && c != 0 ? "-" + s : s;
}

std::string signed_pt(Len v) { return v >= 0 ? "+" + pt(v) : pt(v); }

std::string quote_text(const std::string& s) {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\') out += '\\';
    if (static_cast<unsigned char>(ch) < 0x20) {
      out += ch == '\n' ? "\\n" : "?";
      continue;
    }
    out += ch;
  }
  return out + "\"";
}

}  // namespace

std::string dump_line(const Paragraph& p, const Line& l) {
  (void)p;
  std::string text;
  for (const auto& seg : l.segments) text += seg.text;
  std::string out = "line " + std::to_string(l.start) + "-" + std::to_string(l.end);
  out += " width " + pt(l.width) + " measure " + pt(l.measure) + " indent " + pt(l.indent);
  if (l.last) out += " last";
  out += " break " + quote_text(l.break_reason) + " text " + quote_text(text) + " adj [";
  for (std::size_t i = 0; i < l.adjustments.size(); ++i) {
    const auto& a = l.adjustments[i];
    out += (i ? " " : "") + a.why + "@" + std::to_string(a.at) + signed_pt(a.delta);
  }
  out += "]";
  // Justified lines that stretched their gaps say by how much, in em of the paragraph;
  // a loose line (past 0.10 em per gap, or left short) says so.
  if (l.stretch_em1000 > 0)
    out += " stretch " + std::to_string(l.stretch_em1000 / 1000) + "." + std::to_string(1000 + l.stretch_em1000 % 1000).substr(1) + "em";
  if (l.loose) out += " loose";
  return out + dump_vertical(l);
}

}  // namespace compose
