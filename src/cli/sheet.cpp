#include "cli/sheet.h"

#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli/sheet_assets.h"
#include "cli/versions.h"

namespace cli {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

constexpr std::uintmax_t kMaxSource = 4u << 20;  // a source file larger than this is not embedded

double pt(base::Len v) { return static_cast<double>(v) / 1000.0; }

Json rect(const char* kind, base::Len x, base::Len y, base::Len w, base::Len h) {
  return Json::array({kind, pt(x), pt(y), pt(w), pt(h)});
}

const char* overlay_kind(frame::Overlay::Kind k) {
  return k == frame::Overlay::Grid ? "grid" : k == frame::Overlay::Overset ? "overset" : "frame";
}

// A page: its size, the overlay marks, and the boxes a finding can point at (blocks,
// frames, images: whatever has an id).
Json page_json(const frame::Page& p, const std::string& png) {
  Json j{{"number", p.number}, {"png", png}, {"w", pt(p.trim_w)}, {"h", pt(p.trim_h)}};
  j["overlay"] = Json::array();
  for (const auto& o : p.overlay) j["overlay"].push_back(rect(overlay_kind(o.kind), o.x, o.y, o.w, o.h));
  j["boxes"] = Json::array();
  for (const auto& b : p.boxes)
    if (!b.id.empty() && b.kind != "line" && b.kind != "column")
      j["boxes"].push_back({{"id", base::escape_text(b.id)}, {"kind", b.kind}, {"r", rect("", b.x, b.y, b.w, b.h)}});
  return j;
}

const char* severity(base::Severity s) {
  return s == base::Severity::Error ? "error" : s == base::Severity::Warning ? "warning" : "note";
}

// Sources a finding names, embedded so that its file:line opens on that line.
class Sources {
 public:
  explicit Sources(const fs::path& sheet_dir) : dir_(sheet_dir) {}
  int index(const std::string& file) {
    if (file.empty() || file == "-" || file[0] == '(') return -1;
    if (auto it = index_.find(file); it != index_.end()) return it->second;
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec || !fs::is_regular_file(file, ec) || size > kMaxSource || is_binary(file)) return index_[file] = -1;
    Json lines = Json::array();
    std::ifstream in(file, std::ios::binary);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    list_.push_back({{"file", base::escape_text(file)}, {"href", href(file)}, {"lines", std::move(lines)}});
    return index_[file] = static_cast<int>(list_.size()) - 1;
  }
  Json take() { return std::move(list_); }

 private:
  static bool is_binary(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    char head[512];
    in.read(head, sizeof head);
    for (std::streamsize i = 0; i < in.gcount(); ++i)
      if (head[i] == '\0') return true;
    return false;
  }
  std::string href(const std::string& file) const {
    std::error_code ec;
    const fs::path rel = fs::relative(fs::absolute(file, ec), fs::absolute(dir_, ec), ec);
    return ec ? file : rel.generic_string();
  }
  fs::path dir_;
  std::map<std::string, int> index_;
  Json list_ = Json::array();
};

Json finding_json(const base::Finding& f, Sources& sources) {
  return {{"severity", severity(f.severity)}, {"code", f.code},     {"page", f.page},
          {"id", base::escape_text(f.article)}, {"file", base::escape_text(f.loc.file)},
          {"line", f.loc.line},               {"column", f.loc.col}, {"src", sources.index(f.loc.file)},
          {"message", base::escape_text(f.message)}, {"fix", base::escape_text(f.fix)}};
}

Json article_json(const ArticleQuality& a) {
  return {{"id", base::escape_text(a.id)}, {"page", a.page},       {"lines", a.lines},
          {"hyphens", a.hyphens},          {"compressed", a.compressed}, {"loose", a.loose},
          {"used", a.used},                {"available", a.available},   {"over", a.over},
          {"fill", base::escape_text(a.fill_note)}, {"copyfit", base::escape_text(a.copyfit_note)}};
}

// "12 of 40 grid lines (30%)[, 3 lines over]": the fill finding's message (flow/copyfit.cpp).
void read_fill(ArticleQuality& a, const std::string& m) {
  int used = 0, avail = 0;
  if (std::sscanf(m.c_str(), "%d of %d grid lines", &used, &avail) != 2) return;
  a.used = used, a.available = avail;
  if (const auto at = m.find(", "); at != std::string::npos) std::sscanf(m.c_str() + at + 2, "%d", &a.over);
}

}  // namespace

std::vector<ArticleQuality> article_quality(const frame::Document& doc, const std::vector<base::Finding>& findings) {
  std::vector<ArticleQuality> out;
  std::map<std::string, size_t> at;
  auto get = [&](const std::string& id, int page) -> ArticleQuality& {
    auto [it, fresh] = at.emplace(id, out.size());
    if (fresh) {
      out.emplace_back();
      out.back().id = id, out.back().page = page;
    }
    return out[it->second];
  };
  for (const auto& f : findings)
    if (f.code == "fill" && !f.article.empty()) {
      ArticleQuality& a = get(f.article, f.page);
      a.fill_note = f.message;
      read_fill(a, f.message);
    }
  for (const auto& p : doc.pages)
    for (const auto& b : p.boxes) {
      if (b.kind != "line" || b.id.empty() || !at.count(b.id)) continue;
      ArticleQuality& a = out[at[b.id]];
      a.lines += 1, a.hyphens += b.hyphenated, a.compressed += b.compressed, a.loose += b.loose;
    }
  for (const auto& f : findings)
    if (f.code == "copyfit" && at.count(f.article)) out[at[f.article]].copyfit_note = f.message;
  return out;
}

std::string proof_sheet_html(const SheetInput& in, const fs::path& sheet_dir) {
  Sources sources(sheet_dir);
  sources.index(in.issue);
  Json d;
  d["issue"] = base::escape_text(in.issue);
  d["ok"] = in.ok;
  d["stale"] = base::escape_text(in.stale_note);
  d["generation"] = in.generation;
  d["versions"] = version_text();
  Json t = Json::object();
  for (const auto& [k, v] : in.timings_ms) t[k] = static_cast<long long>(v + 0.5);
  d["timings_ms"] = t;
  d["rebuilt"] = in.rebuilt;
  d["pages"] = Json::array();
  d["articles"] = Json::array();
  if (in.doc) {
    for (size_t i = 0; i < in.doc->pages.size(); ++i)
      d["pages"].push_back(page_json(in.doc->pages[i], i < in.proofs.size() ? in.proofs[i] : std::string()));
    for (const auto& a : article_quality(*in.doc, in.findings)) d["articles"].push_back(article_json(a));
  }
  d["findings"] = Json::array();
  for (const auto& f : in.findings)
    if (f.code != "fill") d["findings"].push_back(finding_json(f, sources));
  d["sources"] = sources.take();
  // "</" never appears inside the script element: the data cannot end it early.
  std::string data = d.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  for (size_t at = 0; (at = data.find("</", at)) != std::string::npos; at += 3) data.replace(at, 2, "<\\/");
  std::string html = sheet_assets::kHtml;
  auto put = [&html](const std::string& mark, const std::string& what) {
    if (const auto at = html.find(mark); at != std::string::npos) html.replace(at, mark.size(), what);
  };
  put("/*STYLE*/", sheet_assets::kCss);
  put("/*SCRIPT*/", sheet_assets::kJs);
  put("/*DATA*/", data);
  return html;
}

}  // namespace cli
