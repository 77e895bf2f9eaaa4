// Making and preflighting the PDF(s). Fonts and photos are prepared once for the build
// (pdf::prepare); the files — the whole issue, or one per page with --split — are then
// written from them in parallel. Each file is written to a temporary file beside its
// path as soon as it is made and checked, so a --split set is never all in memory; only
// once every file is made and passes preflight does cli/outputs.h rename them into place
// (a failure removes the temporaries: no partial set).
#include "cli/finish_step.h"

#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <thread>

#include "pdf/pdf.h"
#include "preflight/preflight.h"

namespace cli {

namespace {

// --pdfx, else the plant's standard the layout names, else PDF/X-4 (docs/print.md).
base::PdfX standard_of(const BuildArgs& args, const model::Issue& issue) {
  return args.pdfx.value_or(issue.layout.pdfx.value_or(base::PdfX::X4));
}

// The writer's options; the title and date come from the laid-out document.
pdf::Options pdf_options(const BuildArgs& args, const model::Issue& issue, const base::Context& ctx) {
  pdf::Options o;
  o.producer = "paperset " PAPERSET_VERSION;
  o.conformance = pdf::Conformance::of(standard_of(args, issue));
  o.output = args.output_profile.empty() ? pdf::default_output_condition(ctx)
                                         : pdf::custom_output_condition(args.output_profile);
  o.ink_limit_percent = issue.layout.ink_limit_percent;
  // An untagged CMYK photo over the limit was separated for coated paper (docs/print.md).
  o.untagged_cmyk_profile = ctx.data_dir / "icc" / "paperset-coated-fogra39.icc";
  o.jobs = args.jobs;
  // With --cache, prepared photos are kept there too (docs/cli.md "Incremental builds").
  if (!args.cache_dir.empty()) o.photo_cache = std::filesystem::path(args.cache_dir) / "photos";
  return o;
}

struct Made {
  std::filesystem::path path;
  std::string bytes;               // standard output's; written out and dropped for a file
  std::shared_ptr<TempFile> file;  // a file's temporary (docs/cli.md "Output files")
  base::Diagnostics preflight;     // our own preflight's
};

// Moves a made file's bytes to its temporary file, freeing them (standard output's stay).
void stage(Made& m) {
  if (m.path.empty()) return;
  const auto folder = m.path.parent_path().empty() ? std::filesystem::path(".") : m.path.parent_path();
  m.file = std::make_shared<TempFile>(folder, m.path);
  m.file->write(m.bytes);
  std::string().swap(m.bytes);
}

// The issue's page number of page `n` (1-based) of a PDF holding the whole issue
// (split < 0) or only page index `split`.
int issue_page(const frame::Document& doc, int split, int n) {
  if (n <= 0) return n;
  return doc.pages.at(static_cast<size_t>(split < 0 ? n - 1 : split)).number;
}

// One PDF (the whole issue when page < 0): written from the shared resources, then
// checked by our own preflight. Photos are not decoded again for their ink: pdf::prepare
// measured the samples it wrote and named the photo (docs/print.md "Self-preflight").
void make(Made& m, const BuildArgs& args, const frame::Document& doc, const pdf::Resources& res, int page,
          int ink_limit, base::PdfX standard) {
  std::vector<std::size_t> pages;
  if (page >= 0) pages.push_back(static_cast<std::size_t>(page));
  else
    for (std::size_t i = 0; i < doc.pages.size(); ++i) pages.push_back(i);
  // A whole issue's pages are made on every core; split files are already made in parallel.
  const int jobs = page >= 0 ? 1 : args.jobs > 0 ? args.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  m.bytes = pdf::write(doc, res, pages, jobs);
  preflight::Options po;
  po.ink_limit_percent = ink_limit;
  po.allow_low_resolution = args.allow_low_res;
  po.measure_image_ink = false;
  po.standard = standard;
  // What is wrong inside a photo or ad is named by its element, as the writer names it.
  po.element_of = [&](int file_page, const std::string& xobject) -> std::optional<preflight::Element> {
    if (file_page <= 0 || static_cast<std::size_t>(file_page) > pages.size()) return std::nullopt;
    const auto p = pdf::placed(doc, res, pages[static_cast<std::size_t>(file_page - 1)], xobject);
    if (!p) return std::nullopt;
    return preflight::Element{p->id, p->what, p->loc};
  };
  po.jobs = jobs;
  for (auto f : preflight::check(m.bytes, po)) {
    // Named by the element, or else by the PDF file, and the issue's page (a split file's
    // only page is page 1 of the file, not of the issue).
    if (f.loc.file.empty()) f.loc = {m.path.empty() ? "(standard output)" : m.path.string(), 0, 0};
    f.page = issue_page(doc, page, f.page);
    m.preflight.add(f);
  }
  stage(m);
}

// Our own preflight repeats what layout and the writer already reported (a photo under
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

namespace {

// With --png, a photo's decode also keeps the pixels its proof needs, so it is decoded
// once. The proof size is asked for before the layout places the photo: the block's
// whole area scaled as flow scales it (the shown part, crop= or all of the upright
// image, to cover), which is never less than it places.
void want_proof(const BuildArgs& args, const model::Layout& layout, const model::Photo& ph,
                const image::Store::Entry& e, image::Store& images) {
  if (args.png_dir.empty()) return;
  const model::Box b = layout.box(ph.rect);
  const double W = e.info.upright_width(), H = e.info.upright_height();
  double shown_w = W, shown_h = H;
  if (ph.crop) {
    shown_w = ph.crop->percent ? W * ph.crop->w / 100.0 : ph.crop->w;
    shown_h = ph.crop->percent ? H * ph.crop->h / 100.0 : ph.crop->h;
  }
  if (shown_w <= 0 || shown_h <= 0) return;  // a bad crop is flow's error
  const double scale = std::max(base::to_pt(b.w) / shown_w, base::to_pt(b.h) / shown_h) * args.png_dpi / 72.0;
  images.want_proof(e, static_cast<int>(W * scale + 1), static_cast<int>(H * scale + 1));
}

}  // namespace

std::shared_ptr<pdf::PhotoWork> start_photos(const BuildArgs& args, const model::Issue& issue, image::Store& images,
                                             const base::Context& ctx, const std::set<int>& drawn) {
  std::vector<std::pair<const model::Photo*, const image::Store::Entry*>> placed;
  std::set<std::uint64_t> shown;  // the files a drawn page shows
  auto add = [&](const model::Photo& ph, int page) {
    if (ph.missing) return;  // a placeholder (--allow-missing-photos)
    placed.push_back({&ph, &images.get(ph.src, ph.loc)});
    if (drawn.count(page) || drawn.count(ph.page)) shown.insert(placed.back().second->hash);
  };
  for (const auto& p : issue.pages) {
    for (const model::Photo& ph : p.of<model::Photo>()) add(ph, p.number);
    for (const model::Article& a : p.of<model::Article>())
      for (const auto& ph : a.photos) add(ph, p.number);
  }
  std::vector<const image::Store::Entry*> photos;
  for (const auto& [ph, e] : placed) {
    photos.push_back(e);
    // Every placement's size, as a build drawing every page asks: the reduction depends on it.
    if (shown.count(e->hash)) want_proof(args, issue.layout, *ph, *e, images);
  }
  return pdf::start_photos(images, photos, pdf_options(args, issue, ctx));
}

std::vector<MadePdf> make_pdfs(const BuildArgs& args, const model::Issue& issue, const frame::Document& doc,
                               image::Store& images, placed::Library& placed, pdf::PhotoWork* photos,
                               base::Context& ctx,
                               const std::vector<std::filesystem::path>& paths,
                               const std::function<void(int done, int total)>& progress,
                               const std::function<void()>& prepared) {
  pdf::Options opt = pdf_options(args, issue, ctx);
  opt.title = doc.title;
  opt.date_iso = doc.date_iso;
  opt.placed = &placed;
  const auto res = pdf::prepare(doc, images, opt, ctx.diag, photos);
  if (ctx.diag.has_errors()) return {};
  if (prepared) prepared();
  const int ink = issue.layout.ink_limit_percent;
  std::vector<Made> files(paths.size());
  for (size_t i = 0; i < files.size(); ++i) files[i].path = paths[i];
  std::atomic<int> done{0};
  make_all(files, args.jobs, [&](size_t i) {
    make(files[i], args, doc, *res, args.split ? static_cast<int>(i) : -1, ink, standard_of(args, issue));
    if (progress) progress(++done, static_cast<int>(files.size()));
  });
  std::vector<MadePdf> out;
  for (auto& f : files) {
    merge_self_preflight(ctx.diag, f.preflight);
    out.push_back({f.path, std::move(f.bytes), std::move(f.file)});
  }
  return out;
}

}  // namespace cli
