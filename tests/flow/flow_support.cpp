#include "flow/flow_support.h"

#include <fstream>
#include <sstream>

#include "base/utf8.h"
#include "model/font_map.h"

namespace ft {

const text::FontSet& fonts() {
  static const std::shared_ptr<text::FontSet> set = [] {
    const auto ctx = test::context();
    return text::FontSet::load(model::load_font_map(ctx), ctx);
  }();
  return *set;
}

std::filesystem::path data_dir() { return test::source_root() / "tests/data/flow"; }

const frame::Page& Laid::page(int number) const {
  for (const auto& p : doc.pages)
    if (p.number == number) return p;
  throw std::runtime_error("no page " + std::to_string(number));
}

std::vector<frame::Box> Laid::boxes(int pg, const std::string& kind, const std::string& id,
                                    const std::string& role) const {
  std::vector<frame::Box> out;
  for (const auto& b : page(pg).boxes)
    if (b.kind == kind && (id.empty() || b.id == id) && (role.empty() || b.role == role)) out.push_back(b);
  return out;
}

std::vector<frame::Box> Laid::lines(int pg, const std::string& id, const std::string& role) const {
  return boxes(pg, "line", id, role);
}

std::vector<base::Finding> Laid::found(const std::string& code) const {
  std::vector<base::Finding> out;
  for (const auto& f : findings)
    if (f.code == code) out.push_back(f);
  return out;
}

bool Laid::has_error(const std::string& code) const {
  for (const auto& f : found(code))
    if (f.severity == base::Severity::Error) return true;
  return false;
}

bool Laid::has_warning(const std::string& code) const {
  for (const auto& f : found(code))
    if (f.severity == base::Severity::Warning) return true;
  return false;
}

bool Laid::any_error() const {
  for (const auto& f : findings)
    if (f.severity == base::Severity::Error) return true;
  return false;
}

flow::Options default_options() {
  flow::Options o;
  o.allow_low_res = true;
  return o;
}

namespace {
Laid finish(model::Issue issue, base::Context& ctx, const flow::Options& opt) {
  Laid out;
  out.issue = std::move(issue);
  out.doc = flow::lay_out(out.issue, fonts(), ctx, opt);
  out.findings = ctx.diag.findings();
  return out;
}
}  // namespace

Laid lay_out(const std::string& xml, const flow::Options& opt, const std::string& name) {
  auto ctx = test::context();
  model::Issue issue = model::parse_issue(xml, data_dir() / name, ctx);
  return finish(std::move(issue), ctx, opt);
}

Laid lay_out_file(const std::filesystem::path& file, const flow::Options& opt) {
  auto ctx = test::context();
  model::Issue issue = model::load_issue(file, ctx);
  return finish(std::move(issue), ctx, opt);
}

std::string issue_xml(const std::string& layout, const std::vector<std::string>& pages,
                      const std::vector<std::string>& sections) {
  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<issue paper=\"运河新区报\" date=\"2024-03-15\" "
                  "number=\"1286\" layout=\"" + layout + "\">\n";
  for (size_t i = 0; i < pages.size(); ++i) {
    const std::string section = i < sections.size() ? sections[i] : (i == 0 ? "要闻" : "综合");
    x += "<page number=\"" + std::to_string(i + 1) + "\" section=\"" + section + "\">\n" + pages[i] + "\n</page>\n";
  }
  return x + "</issue>\n";
}

namespace {

// The corpus paragraphs joined, as code points (headings and blank lines left out).
const std::vector<std::string>& corpus() {
  static const std::vector<std::string> cps = [] {
    std::ifstream in(test::source_root() / "tests/compose/data/corpus_000.txt");
    std::string line, all;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      all += line;
    }
    std::vector<std::string> out;
    for (size_t i = 0; i < all.size();) {
      size_t n = 1;
      const auto b = static_cast<unsigned char>(all[i]);
      if (b >= 0xF0) n = 4;
      else if (b >= 0xE0) n = 3;
      else if (b >= 0xC0) n = 2;
      const std::string cp = all.substr(i, n);
      i += n;
      if (cp == " " || cp == "\t" || cp == "\r") continue;
      out.push_back(cp == "<" ? "&lt;" : cp == ">" ? "&gt;" : cp == "&" ? "&amp;" : cp);
    }
    return out;
  }();
  return cps;
}

}  // namespace

std::string corpus_text(int chars, int from) {
  const auto& c = corpus();
  std::string out;
  for (int i = 0; i < chars; ++i) out += c[static_cast<size_t>(from + i) % c.size()];
  return out;
}

std::string han(int chars, int from) {
  static const char* const pool[] = {"运", "河", "新", "区", "建", "设", "发", "展", "经", "济", "社", "会", "项", "目",
                                     "企", "业", "服", "务", "群", "众", "城", "市", "交", "通", "文", "化", "公", "园"};
  std::string out;
  for (int i = 0; i < chars; ++i) out += pool[static_cast<size_t>(from + i) % (sizeof pool / sizeof *pool)];
  return out;
}

int code_points(const std::string& s) {
  int n = 0;
  for (char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

Len right(const frame::Box& b) { return b.x + b.w; }
Len bottom(const frame::Box& b) { return b.y + b.h; }

bool inside(const frame::Box& in, const frame::Box& out, Len tol) {
  return in.x >= out.x - tol && right(in) <= right(out) + tol && in.y >= out.y - tol && bottom(in) <= bottom(out) + tol;
}

bool intersects(const frame::Box& a, const frame::Box& b, Len tol) {
  return a.x < right(b) - tol && b.x < right(a) - tol && a.y < bottom(b) - tol && b.y < bottom(a) - tol;
}

Len em_centre(const frame::Box& line) {
  const text::FaceInfo& f = fonts().info(fonts().face(text::Role::Song, false));
  return line.baseline - base::scale_units(f.ideo_top, line.h, f.upem) + line.h / 2;
}

}  // namespace ft
