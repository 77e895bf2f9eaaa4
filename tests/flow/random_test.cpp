// Randomized issues (fixed seed) on both layouts: random non-overlapping blocks (blocks up
// to 50 grid lines tall on the tabloid, 90 on the broadsheet), random text from the
// corpus, photos nested in articles, frames across pages. Everything must lay out without
// throwing, and every invariant must hold on every page (--allow-overset: overset is
// only a warning, so the issues may be over- or underfull).
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <random>

#include "flow/invariants.h"

using namespace ft;

namespace {

class Rng {
 public:
  explicit Rng(std::uint32_t seed) : g_(seed) {}
  int in(int lo, int hi) { return hi <= lo ? lo : lo + static_cast<int>(g_() % static_cast<std::uint32_t>(hi - lo + 1)); }
  bool chance(int percent) { return in(1, 100) <= percent; }

 private:
  std::mt19937 g_;
};

struct Rect {
  int col, cols, row, rows;
  std::string attrs() const {
    return "col=\"" + std::to_string(col) + "\" cols=\"" + std::to_string(cols) + "\" row=\"" + std::to_string(row) +
           "\" rows=\"" + std::to_string(rows) + "\"";
  }
};

struct Shape {
  std::string layout;
  int columns, rows, max_rows, per_line;  // grid, tallest block, characters a column line
};

// Guillotine cuts of the page's grid until every block is at most max_rows tall.
void split(Rng& r, const Rect& a, const Shape& s, std::vector<Rect>& out) {
  const bool must_cut = a.rows > s.max_rows;
  const bool can_rows = a.rows >= 8, can_cols = a.cols >= 2;
  if (!must_cut && (!(can_rows || can_cols) || r.chance(30) || a.cols * a.rows < 40)) {
    out.push_back(a);
    return;
  }
  if (must_cut || (can_rows && (!can_cols || r.chance(50)))) {
    const int k = r.in(3, a.rows - 3);
    split(r, {a.col, a.cols, a.row, k}, s, out);
    split(r, {a.col, a.cols, a.row + k, a.rows - k}, s, out);
  } else {
    const int k = r.in(1, a.cols - 1);
    split(r, {a.col, k, a.row, a.rows}, s, out);
    split(r, {a.col + k, a.cols - k, a.row, a.rows}, s, out);
  }
}

struct Gen {
  Rng& r;
  const Shape& s;
  int ids = 0;

  std::string id(const char* kind) { return std::string(kind) + std::to_string(++ids); }
  std::string text(int chars) { return corpus_text(std::max(chars, 2), r.in(0, 5000)); }
  std::string short_text(int lo, int hi) {
    std::string t = text(r.in(lo, hi));
    if (r.chance(40)) t += " " + text(r.in(3, 8));  // an editor's space
    return t;
  }

  std::string photo(const Rect& a, bool nested) {
    std::string x = "<photo id=\"" + id("ph") + "\" src=\"images/" + (r.chance(50) ? "wide" : "tall") + ".jpg\" " +
                    a.attrs() + (r.chance(30) ? " fit=\"fit\"" : "") + ">";
    if (r.chance(60)) x += "<caption>" + text(r.in(8, nested ? 40 : 90)) + "</caption>";
    if (r.chance(50)) x += "<credit>王泽宇 摄</credit>";
    return x + "</photo>";
  }

  std::string banner(const Rect& a) {
    std::string t = short_text(4, 10);
    if (r.chance(30)) t += "<br/>" + text(r.in(4, 10));
    return "<banner id=\"" + id("b") + "\" " + a.attrs() + ">" + t + "</banner>";
  }

  std::string head() {
    std::string x;
    if (r.chance(20)) x += "<kicker>" + short_text(4, 10) + "</kicker>";
    if (r.chance(70)) x += "<headline>" + short_text(5, 16) + "</headline>";
    if (r.chance(20)) x += "<subtitle>" + short_text(6, 18) + "</subtitle>";
    return x;
  }

  std::string body(int chars) {
    std::string x;
    if (r.chance(40)) x += "<byline>□ 记者 徐梦超 宋祎凡</byline>";
    bool first = true;
    while (chars > 0 || first) {
      const int n = std::min(std::max(chars, 20), r.in(30, 320));
      x += "<p>";
      if (first && r.chance(20)) x += "<dateline>本报讯(记者 孙悦)</dateline>";
      x += text(n) + "</p>";
      chars -= n;
      first = false;
      if (chars > 0 && r.chance(25)) x += "<subhead>" + short_text(4, 14) + "</subhead>";
    }
    return x;
  }

  // A photo inside the article's frame `f`, anywhere (also at its top, beside the head).
  std::string nested_photo(const Rect& f) {
    const int cols = r.in(1, f.cols), rows = r.in(6, std::max(6, f.rows / 2));
    return photo({f.col + r.in(0, f.cols - cols), cols, f.row + r.in(0, f.rows - rows), rows}, true);
  }
};

struct Planned {
  int page;
  Rect rect;
  std::string kind;  // article, photo, banner, empty
};

std::string random_issue(Rng& r, const Shape& s, int pages) {
  Gen g{r, s};
  std::vector<Planned> plan;
  for (int p = 1; p <= pages; ++p) {
    std::vector<Rect> rects;
    split(r, {1, s.columns, 1, s.rows}, s, rects);
    for (const auto& a : rects) {
      std::string kind = "article";
      if (r.chance(8)) kind = "empty";
      else if (a.rows <= 6 && a.cols >= 3 && r.chance(70)) kind = "banner";
      else if (a.rows >= 5 && r.chance(15)) kind = "photo";
      plan.push_back({p, a, kind});
    }
  }
  std::vector<std::string> xml(static_cast<size_t>(pages));
  std::vector<bool> used(plan.size(), false);
  for (size_t i = 0; i < plan.size(); ++i) {
    if (used[i]) continue;
    used[i] = true;
    const Planned& b = plan[i];
    std::string& out = xml[static_cast<size_t>(b.page - 1)];
    if (b.kind == "photo") out += g.photo(b.rect, false);
    if (b.kind == "banner") out += g.banner(b.rect);
    if (b.kind != "article") continue;
    // Maybe continue in an unused article block on the same or a later page (a jump).
    std::vector<Planned> frames{b};
    for (size_t j = i + 1; j < plan.size() && frames.size() < 3; ++j)
      if (!used[j] && plan[j].kind == "article" && r.chance(plan[j].page != b.page ? 25 : 8)) {
        used[j] = true;
        frames.push_back(plan[j]);
      }
    int capacity = 0;
    for (const auto& f : frames) capacity += f.rect.cols * f.rect.rows * s.per_line;
    const int chars = capacity * r.in(15, 130) / 100;
    std::string a = "<article id=\"" + g.id("a") + "\"" + (frames.size() == 1 ? " " + b.rect.attrs() : "") + ">" +
                    g.head() + g.body(chars);
    if (b.rect.cols >= 2 && b.rect.rows >= 14 && r.chance(35)) a += g.nested_photo(b.rect);
    if (frames.size() > 1)
      for (const auto& f : frames)
        a += "<frame " + (f.page != b.page ? "page=\"" + std::to_string(f.page) + "\" " : std::string()) +
             f.rect.attrs() + "/>";
    out += a + "</article>\n";
  }
  std::vector<std::string> wrapped;
  for (auto& x : xml) wrapped.push_back(x);
  return issue_xml(s.layout, wrapped);
}

}  // namespace

TEST_CASE("random issues on both layouts: nothing throws and every invariant holds on every page") {
  const Shape tabloid{"tabloid", 6, 60, 50, 10};
  const Shape broadsheet{"broadsheet", 8, 102, 90, 13};
  Rng r(20240315);
  flow::Options opt = default_options();
  opt.allow_overset = true;
  int jumps = 0, nested = 0, lines = 0;
  for (int n = 0; n < 50; ++n) {
    const Shape& s = n % 2 ? broadsheet : tabloid;
    const std::string xml = random_issue(r, s, r.in(1, 3));
    CAPTURE(n);
    CAPTURE(xml);
    // To look at one: RANDOM_ISSUES=DIR writes them as DIR/random-N.xml (they use
    // images/wide.jpg and images/tall.jpg: copy tests/data/flow/images next to them).
    if (const char* dir = std::getenv("RANDOM_ISSUES"))
      std::ofstream(std::filesystem::path(dir) / ("random-" + std::to_string(n) + ".xml")) << xml;
    Laid l;
    REQUIRE_NOTHROW(l = lay_out(xml, opt, "random-" + std::to_string(n) + ".xml"));
    const Violations v = check_all(l);
    CHECK_MESSAGE(v.empty(), first(v));
    // --allow-overset and --allow-low-res: nothing is an error.
    for (const auto& f : l.findings) CHECK_MESSAGE(f.severity != base::Severity::Error, base::format_finding(f));
    for (const auto& p : l.doc.pages) {
      for (const auto& b : p.boxes) {
        jumps += b.kind == "jump";
        lines += b.kind == "line";
      }
    }
    for (const auto& p : l.issue.pages)
      for (const model::Article& a : p.of<model::Article>()) nested += static_cast<int>(a.photos.size());
  }
  // The generator did exercise what it is for.
  CHECK(jumps >= 10);
  CHECK(nested >= 10);
  CHECK(lines > 5000);
}
