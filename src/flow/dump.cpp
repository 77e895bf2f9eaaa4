#include <cstdio>

#include "flow/flow.h"

namespace flow {

namespace {
std::string num(base::Len l) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", base::to_pt(l));  // printf is locale-independent here: "C" locale
  return buf;
}
}  // namespace

std::string dump_pages(const frame::Document& doc) {
  std::string out;
  for (const auto& p : doc.pages) {
    out += "page " + std::to_string(p.number) + " trim " + num(p.trim_w) + "x" + num(p.trim_h) + " bleed " +
           num(p.bleed) + "\n";
    for (const auto& b : p.boxes) {
      out += "  " + b.kind + " " + (b.id.empty() ? "-" : b.id) + " x=" + num(b.x) + " y=" + num(b.y) +
             " w=" + num(b.w) + " h=" + num(b.h);
      if (b.kind == "line" || b.kind == "jump" || b.kind == "folio") out += " base=" + num(b.baseline);
      if (b.hang != 0) out += " hang=" + num(b.hang);  // a mark hung past w (行末悬挂)
      if (!b.role.empty()) out += " " + b.role;
      if (!b.text.empty()) out += " \"" + b.text + "\"";
      out += "\n";
    }
  }
  return out;
}

}  // namespace flow
