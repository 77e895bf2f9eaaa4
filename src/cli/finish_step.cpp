// Drawing, finishing and preflighting the PDF(s). Pages of a split build are drawn and
// finished in parallel, each its own cairo document. Nothing is written here: every
// file must be made and pass preflight before cli/outputs.h writes any.
#include "cli/finish_step.h"

#include <atomic>
#include <exception>
#include <functional>
#include <thread>

#include "finish/finish.h"
#include "preflight/preflight.h"
#include "render/render.h"

namespace cli {

namespace {

finish::Options finish_options(const BuildArgs& args, const model::Issue& issue, const frame::Document& doc,
                               const frame::Palette& palette, const base::Context& ctx) {
  finish::Options o;
  o.title = doc.title;
  o.date_iso = doc.date_iso;
  o.producer = "paperset " PAPERSET_VERSION;
  o.palette = palette;
  o.ink_limit_percent = issue.layout.ink_limit_percent;
  finish::use_output_condition(o, args.output_profile.empty() ? finish::default_output_condition(ctx)
                                                              : finish::custom_output_condition(args.output_profile));
  return o;
}

struct Made {
  std::filesystem::path path;
  std::string bytes;
  base::Diagnostics diag;       // finishing's findings
  base::Diagnostics preflight;  // our own preflight's
};

// The issue's page number of page `n` (1-based) of a PDF holding the whole issue
// (split < 0) or only page index `split`.
int issue_page(const frame::Document& doc, int split, int n) {
  if (n <= 0) return n;
  return doc.pages.at(static_cast<size_t>(split < 0 ? n - 1 : split)).number;
}

// One PDF (the whole issue when page < 0): draw, finish, and preflight our own output.
void make(Made& m, const BuildArgs& args, const frame::Document& doc, const frame::Palette& palette,
          finish::Options opt, int page, int ink_limit) {
  const std::string raw = render::render_pdf(doc, palette, page);
  if (args.no_finish) {
    m.bytes = raw;
    return;
  }
  const auto boxes = finish::page_boxes(doc);
  opt.pages = page < 0 ? boxes : std::vector<finish::PageBoxes>{boxes.at(static_cast<size_t>(page))};
  base::Diagnostics finishing;
  m.bytes = finish::finish_pdf(raw, opt, finishing);
  for (auto f : finishing.findings()) {
    f.page = issue_page(doc, page, f.page);
    if (f.loc.file.empty()) f.loc.file = m.path.empty() ? "(standard output)" : m.path.string();
    m.diag.add(f);
  }
  preflight::Options po;
  po.ink_limit_percent = ink_limit;
  po.allow_low_resolution = args.allow_low_res;
  for (auto f : preflight::check(m.bytes, po)) {
    // Named by the PDF file and the issue's page (a split file's only page is page 1 of
    // the file, not of the issue).
    f.loc = {m.path.empty() ? "(standard output)" : m.path.string(), 0, 0};
    f.page = issue_page(doc, page, f.page);
    m.preflight.add(f);
  }
}

// Our own preflight repeats what layout and finishing already reported (a photo under
// 200 ppi, ink over the limit): such a finding is kept once, as the earlier stage said
// it, with the photo's id and line. Anything else preflight finds is new and kept.
void merge_self_preflight(base::Diagnostics& diag, const base::Diagnostics& made) {
  auto same_kind = [](const std::string& a, const std::string& b) {
    auto norm = [](const std::string& c) { return c == preflight::code::kResolution ? std::string("low-resolution") : c; };
    return norm(a) == norm(b);
  };
  const std::vector<base::Finding> before = diag.findings();
  for (const auto& f : made.findings()) {
    bool repeated = false;
    for (const auto& b : before)
      repeated = repeated || (b.page == f.page && b.severity >= f.severity && same_kind(b.code, f.code));
    if (!repeated) diag.add(f);
  }
}

// Runs make() for every file on `jobs` threads (0: one per core).
void make_all(std::vector<Made>& files, int jobs, const std::function<void(size_t)>& job) {
  std::atomic<size_t> next{0};
  std::vector<std::exception_ptr> errors(files.size());
  auto worker = [&] {
    for (size_t i; (i = next++) < files.size();) {
      try {
        job(i);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  const size_t want = jobs > 0 ? static_cast<size_t>(jobs) : std::max(1u, std::thread::hardware_concurrency());
  const size_t n = std::min(files.size(), want);
  std::vector<std::thread> pool;
  for (size_t t = 1; t < n; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace

std::vector<MadePdf> make_pdfs(const BuildArgs& args, const model::Issue& issue, const frame::Document& doc,
                               const frame::Palette& palette, base::Context& ctx,
                               const std::vector<std::filesystem::path>& paths,
                               const std::function<void(int done, int total)>& progress) {
  const finish::Options opt = finish_options(args, issue, doc, palette, ctx);
  const int ink = issue.layout.ink_limit_percent;
  std::vector<Made> files(paths.size());
  for (size_t i = 0; i < files.size(); ++i) files[i].path = paths[i];
  std::atomic<int> done{0};
  make_all(files, args.jobs, [&](size_t i) {
    make(files[i], args, doc, palette, opt, args.split ? static_cast<int>(i) : -1, ink);
    if (progress) progress(++done, static_cast<int>(files.size()));
  });
  std::vector<MadePdf> out;
  for (auto& f : files) {
    ctx.diag.merge(f.diag);
    merge_self_preflight(ctx.diag, f.preflight);
    out.push_back({f.path, std::move(f.bytes)});
  }
  return out;
}

}  // namespace cli
