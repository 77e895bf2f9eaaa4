// Copyfitting (docs/format.md "Copyfitting"). An article with fit= that is overset is set
// with the least change its methods allow that makes the text fit; one that is underset
// (a column less than half used, the underset warning's rule) with the least change that
// fills it, or else the most that still fits. The methods, in the order written:
//   track        paragraphs tracked, each by the least that changes its length by a line
//                (steps of 0.01 em, at most ±0.05 em) without setting a loose line —
//                as a desk tracks a paragraph to pull back its short last line;
//   shrink-size  paragraphs at another size within the body style's size-min…size-max,
//                always a whole number of ems to the column (docs/typography.md "The
//                character grid": a line of Han text then needs no adjustment);
//   frames       the last frame longer by grid lines free below it (at most fit-rows),
//                or, underset, shorter down to what the text needs.
// When no method alone makes an overset story fit, they are tried together: size and
// frames as far as they go, then the last of them (or the tracking) as little as needed.
#include "flow/copyfit.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "flow/article.h"

namespace flow {

namespace {

Fill measure(Job& job, const model::Article& a, const Fit& f) {
  if (f.extra_rows == 0) return ArticleFlow(job, a, f).measure();
  const model::Article longer = with_rows(a, f.extra_rows);
  return ArticleFlow(job, longer, f).measure();
}

std::string fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string em(int thousandths) {
  return std::string(thousandths < 0 ? "−" : "+") + fixed2(std::abs(thousandths) / 1000.0) + " em";
}

std::string describe(const Fit& f, Len column) {
  std::vector<std::string> parts;
  if (f.body_size > 0)
    parts.push_back("body set at " + fixed2(base::to_pt(f.body_size)) + " pt (" +
                    std::to_string(column / std::max<Len>(f.body_size, 1)) + " characters a line)");
  if (!f.tracking.empty()) {
    int lo = 0, hi = 0;
    for (const auto& [block, scale] : f.tracking) {
      const int t = scale - 1000;
      lo = lo == 0 ? t : std::min(lo, t), hi = hi == 0 ? t : std::max(hi, t);
    }
    parts.push_back(std::to_string(f.tracking.size()) + (f.tracking.size() == 1 ? " paragraph" : " paragraphs") +
                    " tracked " + (lo == hi ? em(lo) : em(lo) + " to " + em(hi)));
  }
  if (f.extra_rows != 0)
    parts.push_back("last frame " + std::to_string(std::abs(f.extra_rows)) +
                    (std::abs(f.extra_rows) == 1 ? " grid line " : " grid lines ") + (f.extra_rows > 0 ? "longer" : "shorter"));
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : ", ") + p;
  return s.empty() ? "as written" : s;
}

const char* name_of(model::FitMethod m) {
  return m == model::FitMethod::Track ? "track" : m == model::FitMethod::ShrinkSize ? "shrink-size" : "frames";
}

std::string lines(int n) { return std::to_string(n) + (n == 1 ? " line" : " lines"); }

struct Trial {
  Fit fit;
  Fill fill;
};

// What one method found: the fit that resolves the story, or the most it can do.
struct Found {
  std::optional<Trial> done;
  std::optional<Fit> strongest;
  std::string why;  // when not done
};

// Overset: the first candidate that fits. Underset: the first that ends the underset,
// else the last that still fits.
Found search(Job& job, const model::Article& a, const std::vector<Fit>& cands, bool underset) {
  Found out;
  if (!cands.empty()) out.strongest = cands.back();
  for (const Fit& f : cands) {
    const Fill x = measure(job, a, f);
    if (!underset && x.fits) {
      out.done = Trial{f, x};
      return out;
    }
    if (!underset) continue;
    if (!x.fits) break;
    out.done = Trial{f, x};
    if (!x.underset) break;
  }
  return out;
}

// Sizes that keep the text column a whole number of ems, nearest first, within the body
// style's range, on top of `acc`.
Found sizes(Job& job, const model::Article& a, const Fit& acc, Len col, bool larger) {
  const model::Style& body = job.setter.style("body");
  const Len now = acc.body_size > 0 ? acc.body_size : body.size;
  const int n = std::max(1, static_cast<int>((col + now / 2) / now));
  std::vector<Fit> cands;
  for (int k = larger ? n - 1 : n + 1; k >= 1; k += larger ? -1 : 1) {
    const Len size = col / k;
    if (larger ? size > body.size_max : size < body.size_min) break;
    Fit f = acc;
    f.body_size = size;
    cands.push_back(f);
  }
  Found out = search(job, a, cands, larger);
  if (cands.empty())
    out.why = "style 'body' allows no " + std::string(larger ? "larger" : "smaller") + " size that is a whole number of " +
              "ems to the column (its size-min= and size-max=)";
  else if (!out.done)
    out.why = "its " + std::string(larger ? "largest" : "smallest") + " size, " +
              fixed2(base::to_pt(cands.back().body_size)) + " pt, is not enough";
  return out;
}

// Tracking paragraph by paragraph: each paragraph's least tracking that shortens
// (lengthens, when underset) it by a line without a loose line of its own (docs/typography.md
// "Spacing": more than 0.1 em per gap is letter-spaced), least tracking first, until the
// story fits (fills its columns).
Found track(Job& job, const model::Article& a, const Fit& acc, int over_lines, bool looser) {
  ArticleFlow probe(job, a, acc);
  const auto natural = probe.paragraph_lines(1000);
  struct Cand {
    size_t block;
    int scale, gain;
  };
  std::vector<Cand> cands;
  std::map<size_t, bool> taken;
  for (int t = 10; t <= 50; t += 10) {
    const int scale = looser ? 1000 + t : 1000 - t;
    const auto at = probe.paragraph_lines(scale);
    for (size_t i = 0; i < at.size() && i < natural.size(); ++i) {
      const int gain = looser ? at[i].lines - natural[i].lines : natural[i].lines - at[i].lines;
      if (gain <= 0 || at[i].loose > natural[i].loose || taken[at[i].block]) continue;
      taken[at[i].block] = true;
      cands.push_back({at[i].block, scale, gain});
    }
  }
  Found out;
  Fit f = acc;
  int gained = 0;
  for (const Cand& c : cands) {
    f.tracking[c.block] = c.scale;
    gained += c.gain;
    if (!looser && gained < over_lines) continue;
    const Fill x = measure(job, a, f);
    if (!looser && x.fits) {
      out.done = Trial{f, x};
      return out;
    }
    if (!looser) continue;
    if (!x.fits) {  // a line too many: this paragraph stays as it was
      f.tracking.erase(c.block);
      continue;
    }
    out.done = Trial{f, x};
    if (!x.underset) break;
  }
  if (!cands.empty()) out.strongest = f;
  out.why = cands.empty() ? "no paragraph changes its length within ±0.05 em without a loose line"
                          : "tracking the " + std::to_string(cands.size()) + " paragraphs that can be tracked is not enough";
  return out;
}

// The last frame's length: the fewest grid lines at which the text fits (binary search:
// more grid lines never fit worse), within the free grid lines below it and fit-rows.
Found frames(Job& job, const model::Article& a, const Fit& acc, bool underset) {
  Found out;
  const model::Frame& last = a.frames.back();
  int lo, hi;
  if (!underset) {
    hi = free_rows_below(job, a);
    if (a.fit_rows >= 0) hi = std::min(hi, a.fit_rows);
    lo = 1;
    if (hi < 1) {
      out.why = a.fit_rows == 0 ? "fit-rows=\"0\"" : "no free grid line below the last frame";
      return out;
    }
  } else {
    int bottom = last.rect.row;  // nested photos stay inside the frame
    for (const auto& ph : a.photos)
      if (ph.page == last.page) bottom = std::max(bottom, ph.rect.row + ph.rect.rows - 1);
    lo = bottom - (last.rect.row + last.rect.rows - 1);
    if (a.fit_rows >= 0) lo = std::max(lo, -a.fit_rows);
    hi = 0;
  }
  auto with = [&acc](int k) {
    Fit f = acc;
    f.extra_rows = k;
    return f;
  };
  out.strongest = with(underset ? lo : hi);
  if (!measure(job, a, with(hi)).fits) {
    out.why = std::to_string(hi) + " more grid lines (all there are) are not enough";
    return out;
  }
  while (lo < hi) {
    const int mid = lo + (hi - lo) / 2;
    if (measure(job, a, with(mid)).fits) hi = mid;
    else lo = mid + 1;
  }
  if (hi != 0) out.done = Trial{with(hi), measure(job, a, with(hi))};
  else out.why = "the text needs every grid line of the frame";
  return out;
}

Found try_method(Job& job, const model::Article& a, model::FitMethod m, const Fit& acc, const Fill& now, bool underset) {
  if (m == model::FitMethod::Track) return track(job, a, acc, now.over_lines, underset);
  if (m == model::FitMethod::Frames) return frames(job, a, acc, underset);
  return sizes(job, a, acc, now.column, underset);
}

void report(Job& job, const model::Article& a, base::Severity sev, const std::string& message) {
  job.diag.add({sev, "copyfit", message, a.loc, a.id, a.frames.front().page, {}});
}

}  // namespace

model::Article with_rows(const model::Article& a, int extra_rows) {
  model::Article out = a;
  out.frames.back().rect.rows += extra_rows;
  if (out.frames.size() == 1 && !out.rect.empty()) out.rect = out.frames.back().rect;
  return out;
}

int free_rows_below(const Job& job, const model::Article& a) {
  const model::Frame& last = a.frames.back();
  const model::Layout& L = job.layout();
  const model::Page* page = job.issue ? job.issue->page(last.page) : nullptr;
  if (!page) return 0;
  std::vector<model::GridRect> others;
  for (const auto& pg : job.issue->pages)
    for (const model::Article& b : pg.of<model::Article>()) {
      if (b.id == a.id) continue;
      for (const auto& f : b.frames)
        if (f.page == last.page) others.push_back(f.rect);
      for (const auto& ph : b.photos)
        if (ph.page == last.page) others.push_back(ph.rect);
    }
  for (const auto& block : page->blocks)
    if (!std::holds_alternative<model::Article>(block))
      std::visit([&others](const auto& b) {
        if constexpr (requires { b.rect; }) others.push_back(b.rect);
      }, block);
  int n = 0;
  for (int row = last.rect.row + last.rect.rows; row <= L.rows; ++row, ++n) {
    const model::GridRect band{last.rect.col, last.rect.cols, row, 1};
    if (std::any_of(others.begin(), others.end(), [&](const model::GridRect& r) { return r.overlaps(band); })) break;
  }
  return n;
}

std::pair<Fit, Fill> choose_fit(Job& job, const model::Article& a, ArticleFlow& written) {
  const Fill base = written.measure();
  if (a.fit.empty() || (base.fits && !base.underset)) return {{}, base};
  const bool underset = base.fits;
  const std::string was = underset ? "underset, " + std::to_string(base.used) + " of " + std::to_string(base.available) +
                                         " grid lines used"
                                   : lines(base.over_lines) + " over";
  auto fitted = [&](const std::string& by, const Trial& t) {
    report(job, a, base::Severity::Info,
           "fitted by " + by + ": " + describe(t.fit, base.column) + "; was " + was + ", now " +
               std::to_string(t.fill.used) + " of " + std::to_string(t.fill.available) + " grid lines used");
    return std::pair<Fit, Fill>{t.fit, t.fill};
  };
  // Each method alone, in the order written.
  std::string tried;
  for (model::FitMethod m : a.fit) {
    const Found f = try_method(job, a, m, {}, base, underset);
    if (f.done) return fitted(name_of(m), *f.done);
    tried += (tried.empty() ? "" : "; ") + std::string(name_of(m)) + ": " + f.why;
  }
  // Together (overset): sizes and frames as far as they go, the last of them (or the
  // tracking, always last: it is checked for loose lines at the size it is set in) as
  // little as needed.
  std::vector<model::FitMethod> chain;
  for (model::FitMethod m : a.fit)
    if (m != model::FitMethod::Track) chain.push_back(m);
  if (std::find(a.fit.begin(), a.fit.end(), model::FitMethod::Track) != a.fit.end())
    chain.push_back(model::FitMethod::Track);
  if (!underset && chain.size() > 1) {
    Fit acc;
    Fill now = base;
    std::string by;
    for (model::FitMethod m : chain) {
      by += (by.empty() ? "" : " + ") + std::string(name_of(m));
      const Found f = try_method(job, a, m, acc, now, false);
      if (f.done) return fitted(by, *f.done);
      if (!f.strongest) continue;
      acc = *f.strongest;
      now = measure(job, a, acc);
    }
    tried += "; all together: " + lines(now.over_lines) + " still over";
  }
  report(job, a, underset ? base::Severity::Info : base::Severity::Warning,
         "could not be fitted (" + was + "): " + tried);
  return {{}, base};
}

void report_fill(Job& job, const model::Article& a, const Fill& fill) {
  std::string m = std::to_string(fill.used) + " of " + std::to_string(fill.available) + " grid lines (" +
                  std::to_string(fill.available > 0 ? fill.used * 100 / fill.available : 0) + "%)";
  if (!fill.fits) m += ", " + lines(fill.over_lines) + " over";
  job.diag.add({base::Severity::Info, "fill", m, a.loc, a.id, a.frames.front().page, {}, true});
}

}  // namespace flow
