#include "cli/build.h"

#include <chrono>
#include <cstdio>
#include <new>
#include <optional>
#include <set>
#include <ostream>

#include "cli/diagnostics.h"
#include "cli/finish_step.h"
#include "cli/incremental.h"
#include "cli/outputs.h"
#include "cli/proof_ahead.h"
#include "cli/progress.h"
#include "cli/report.h"
#include "cli/sheet.h"
#include "flow/flow.h"
#include "image/store.h"
#include "model/font_map.h"
#include "model/issue.h"
#include "pdf/icc_check.h"
#include "pdf/pdf.h"
#include "render/render.h"
#include "text/fonts.h"

namespace cli {

namespace fs = std::filesystem;

namespace {

// The embedded ICC profile of an image, as the PDF writer will get it, read without
// decoding the pixels: the sink stops the decoder as soon as it is handed the format.
std::string embedded_profile(const image::Store::Entry& e, const base::Loc& from) {
  struct Stop {};
  struct ProfileOnly : image::SampleSink {
    std::string icc;
    void begin(const image::SampleFormat& f) override {
      icc = f.icc;
      throw Stop{};
    }
    void rows(const std::uint8_t*, const std::uint8_t*, int) override {}
  } sink;
  try {
    image::decode_to(e.bytes, e.info, e.file, from, sink);
  } catch (const Stop&) {
  }
  return sink.icc;
}

// A photo's embedded profile is what its colours are converted (an RGB photo) or
// re-separated (a CMYK one) from: a damaged one is an error at the photo, not a failed
// colour transform later without a location (pdf/icc_check.h).
void check_embedded_profile(const model::Photo& ph, const image::Store::Entry& e) {
  if (!e.info.has_icc) return;
  if (const auto why = pdf::icc_problem(embedded_profile(e, ph.loc)))
    throw base::Error(ph.loc, "image '" + ph.src.string() + "' of photo '" + ph.id +
                                  "': its embedded ICC colour profile cannot be used: " + *why,
                      "export the photo again with a complete colour profile (sRGB), or without one");
}

// The output profile becomes the PDF's output intent: a cut-short or damaged one is an
// error naming the file before anything is drawn.
void check_output_profile(const BuildArgs& args, const base::Context& ctx) {
  const bool given = !args.output_profile.empty();
  const fs::path icc = given ? fs::path(args.output_profile) : pdf::default_output_condition(ctx).profile;
  const std::string what = std::string(given ? "--output-profile " : "the shipped output profile ") + "'" + icc.string() + "'";
  const std::string bytes = base::read_input_file(icc, {}, what, {ctx.limits.icc_bytes, "icc-size"});
  if (const auto why = pdf::icc_problem(bytes))
    throw base::Error({icc.string(), 0}, what + " cannot be used: " + *why,
                      "give the press's complete CMYK output profile (copy it again if it was cut short)");
}

// Every image is read and probed (once, through the store) before anything is laid out,
// so a missing or corrupt photo stops the build with its file and line and no PDF. Every
// bad image is reported, not only the first.
void probe_images(const model::Issue& issue, image::Store& images, placed::Library& pdfs, const base::Context& ctx) {
  base::ErrorCollector errors(ctx.diag.error_limit());
  auto probe = [&](const fs::path& file, const base::Loc& loc, int page, const std::string& id) {
    if (file.empty()) return;
    errors.attempt([&] { placed::is_pdf(file) ? (void)pdfs.get(file, loc) : (void)images.get(file, loc); }, page, id);
  };
  for (const auto& p : issue.pages) {
    for (const model::Photo& ph : p.of<model::Photo>())
      if (!ph.missing) errors.attempt([&] { check_embedded_profile(ph, images.get(ph.src, ph.loc)); }, p.number, ph.id);
    for (const model::Article& a : p.of<model::Article>())
      for (const auto& ph : a.photos)
        if (!ph.missing) errors.attempt([&] { check_embedded_profile(ph, images.get(ph.src, ph.loc)); }, p.number, ph.id);
    for (const model::Ad& ad : p.of<model::Ad>())
      if (!ad.missing) probe(ad.src, ad.loc, p.number, ad.id);
    for (const model::Masthead& m : p.of<model::Masthead>()) probe(m.logo, m.loc, p.number, m.id);
  }
  errors.throw_if_any();
}

// Proofs draw each photo at the proof's resolution: the decode the PDF needs keeps a copy
// that size, so a photo is decoded at most once per build. Only the images a drawn page
// shows are asked for (the other proofs come from the page cache), each at the size every
// placement asks, as a build that draws every page asks it.
void want_proofs(const BuildArgs& args, const frame::Document& doc, image::Store& images, const std::set<int>& drawn) {
  if (args.png_dir.empty()) return;
  const double scale = args.png_dpi / 72.0;
  std::set<std::uint64_t> shown;
  for (const auto& page : doc.pages)
    if (drawn.count(page.number))
      for (const auto& img : page.of<frame::Image>()) shown.insert(images.get(img.path, img.loc).hash);
  for (const auto& page : doc.pages)
    for (const auto& img : page.of<frame::Image>()) {
      const auto& e = images.get(img.path, img.loc);
      if (shown.count(e.hash))
        images.want_proof(e, static_cast<int>(base::to_pt(img.img_w) * scale + 1),
                          static_cast<int>(base::to_pt(img.img_h) * scale + 1));
    }
}

// The image and PDF files the issue places: photos, ads, logos.
std::vector<fs::path> image_files(const model::Issue& issue) {
  std::vector<fs::path> in;
  for (const auto& p : issue.pages) {
    for (const model::Photo& ph : p.of<model::Photo>()) in.push_back(ph.src);
    for (const model::Article& a : p.of<model::Article>())
      for (const auto& ph : a.photos) in.push_back(ph.src);
    for (const model::Ad& ad : p.of<model::Ad>())
      if (!ad.src.empty()) in.push_back(ad.src);
    for (const model::Masthead& m : p.of<model::Masthead>())
      if (!m.logo.empty()) in.push_back(m.logo);
  }
  return in;
}

// Every file the build reads: no output may be one of them.
std::vector<fs::path> inputs_of(const model::Issue& issue, const BuildArgs& args, const base::Context& ctx) {
  std::vector<fs::path> in{issue.source, issue.layout.loc.file, ctx.fonts_dir / "fontmap.xml"};
  if (!args.output_profile.empty()) in.push_back(args.output_profile);
  in.insert(in.end(), issue.copy_files.begin(), issue.copy_files.end());
  const auto images = image_files(issue);
  in.insert(in.end(), images.begin(), images.end());
  return in;
}

// What a proof is drawn with, beside its page's key in the page cache.
std::string proof_options(const BuildArgs& args) {
  return std::to_string(args.png_dpi) + (args.png_overlay ? " overlay" : "");
}

std::vector<PageName> page_names(const model::Issue& issue) {
  std::vector<PageName> out;
  for (const auto& p : issue.pages) {
    char proof[32];
    std::snprintf(proof, sizeof proof, "page-%02d.png", p.number);
    out.push_back({p.number, p.section, proof});
  }
  return out;
}

class Stopwatch {
 public:
  explicit Stopwatch(Report& r) : r_(r), t_(std::chrono::steady_clock::now()) {}
  void lap(const char* stage) {
    const auto now = std::chrono::steady_clock::now();
    r_.timings_ms.push_back({stage, std::chrono::duration<double, std::milli>(now - t_).count()});
    t_ = now;
  }

 private:
  Report& r_;
  std::chrono::steady_clock::time_point t_;
};

// One build: what it was asked, where its findings and outputs go.
struct Run {
  const BuildArgs& args;
  base::Context& ctx;
  std::ostream& out;
  Report report;
  Outputs outputs;
  Progress progress;
  bool outputs_checked = false;  // prepare() passed: previous results may be removed
  BuildState* state = nullptr;       // watch: what builds hand on
  std::optional<model::Issue> issue;  // once read: where its elements are
  std::shared_ptr<const frame::Document> doc;  // once laid out
  std::optional<PageCache> own_cache;  // build --cache
  PageCache* cache = nullptr;

  // The findings as printed and reported: with places, columns.
  std::vector<base::Finding> findings() const {
    std::vector<base::Finding> out = ctx.diag.findings();
    if (issue) locate_elements(out, *issue);
    locate_columns(out);
    return out;
  }

  // --fail-on: the warnings the paper decides are failures become errors.
  bool failed() {
    if (!args.fail_on.empty())
      ctx.diag.promote([this](const base::Finding& f) { return fails_on(args.fail_on, f.code); },
                       " (an error by --fail-on)");
    return ctx.diag.has_errors();
  }
};

// An error of the output side (a path that cannot be written), reported with code "output".
struct OutputError : base::Error {
  explicit OutputError(const base::Error& e) : base::Error(e) {}
};

template <class F>
void output_step(F&& f) {
  try {
    f();
  } catch (const OutputError&) {
    throw;
  } catch (const base::Error& e) {
    throw OutputError(e);
  }
}

// The proof sheet: this build's pages, or (a failed watch rebuild) the last good ones
// under a note that says so.
std::string sheet_of(const Run& r, const frame::Document* doc, bool ok, const std::string& stale) {
  SheetInput in;
  in.issue = r.args.issue;
  in.doc = doc;
  in.findings = r.findings();
  in.timings_ms = r.report.timings_ms;
  in.ok = ok;
  in.stale_note = stale;
  in.rebuilt = r.report.rebuilt;
  if (r.state) in.generation = r.state->generation;
  const fs::path dir = fs::path(r.args.proof_sheet).parent_path();
  if (doc)
    for (const auto& p : doc->pages) {
      char name[32];
      std::snprintf(name, sizeof name, "page-%02d.png", p.number);
      std::error_code ec;
      const fs::path rel = fs::relative(fs::absolute(fs::path(r.args.png_dir) / name, ec),
                                        fs::absolute(dir.empty() ? fs::path(".") : dir, ec), ec);
      in.proofs.push_back(rel.generic_string());
    }
  return proof_sheet_html(in, dir);
}

render::PngOptions png_options(const BuildArgs& args) {
  render::PngOptions o;
  o.dpi = args.png_dpi;
  o.overlay = args.png_overlay;
  return o;
}

// The proofs of the pages in `drawn`, drawn while the PDF is written (cli/proof_ahead.h).
void draw_ahead(const Run& r, const frame::Document& doc, image::Store& images, const std::set<int>& drawn,
                ProofsAhead& ahead) {
  std::vector<size_t> pages;
  std::vector<fs::path> names;
  for (size_t i = 0; i < doc.pages.size(); ++i)
    if (drawn.count(doc.pages[i].number)) {
      char name[32];
      std::snprintf(name, sizeof name, "page-%02d.png", doc.pages[i].number);
      pages.push_back(i);
      names.push_back(name);
    }
  ahead.start(doc, images, pages, r.args.png_dir, names, png_options(r.args));
}

// Page i's proof into `file`: drawn ahead, or the page cache's copy when it has one drawn
// with these options, else drawn now; a proof drawn here is kept in the cache.
void draw_proof(Run& r, const frame::Document& doc, image::Store& images, ProofsAhead& ahead, size_t i,
                const fs::path& file, const std::string& options) {
  const int number = doc.pages[i].number;
  if (ahead.take(i, file)) {
    if (r.cache) r.cache->store_proof(number, options, file);
    return;
  }
  if (r.cache)
    if (const auto hit = r.cache->proof(number, options)) {
      std::error_code ec;
      if (fs::copy_file(*hit, file, fs::copy_options::overwrite_existing, ec)) return;
    }
  render::render_png(doc, images, static_cast<int>(i), file, png_options(r.args));
  if (r.cache) r.cache->store_proof(number, options, file);
}

std::vector<std::string> publish(Run& r, const model::Issue& issue, const frame::Document& doc,
                                 image::Store& images, std::vector<MadePdf>& pdfs, ProofsAhead& ahead) {
  const std::string options = proof_options(r.args);
  // The proofs are drawn (or copied from the cache) into the files the commit publishes;
  // their time is the report's "proofs" stage.
  double proofs_ms = 0;
  const auto draw = [&](size_t i, const fs::path& file) {
    const auto t0 = std::chrono::steady_clock::now();
    r.progress.step("drawing proof", static_cast<int>(i) + 1, static_cast<int>(doc.pages.size()));
    draw_proof(r, doc, images, ahead, i, file, options);
    proofs_ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  };
  const auto make_report = [&](const std::vector<std::string>& written, const std::vector<std::string>& removed) {
    if (proofs_ms > 0) r.report.timings_ms.push_back({"proofs", proofs_ms}), proofs_ms = 0;
    Report rep = r.report;
    rep.ok = true;
    rep.files = written;
    rep.removed = removed;
    rep.findings = r.findings();
    return report_json(rep);
  };
  (void)issue;
  const auto make_sheet = [&](const std::vector<std::string>&, const std::vector<std::string>&) {
    if (proofs_ms > 0) r.report.timings_ms.push_back({"proofs", proofs_ms}), proofs_ms = 0;
    return sheet_of(r, &doc, true, "");
  };
  std::vector<std::string> files;
  output_step([&] { files = r.outputs.commit(pdfs, draw, make_report, make_sheet); });
  return files;
}

// --cache, or watch's cache: which pages this build lays out; the report says so.
void use_cache(Run& r, const model::Issue& issue, const text::FontSet& fonts) {
  if (r.state && r.state->cache) r.cache = r.state->cache.get();
  else if (!r.args.cache_dir.empty()) r.cache = &r.own_cache.emplace(r.args.cache_dir);
  if (!r.cache) {
    r.report.rebuilt = r.report.pages;
    return;
  }
  const std::set<int> fresh = r.cache->plan(issue, r.args, fonts);
  r.report.cache_dir = r.cache->dir().string();
  for (int p : r.report.pages) (fresh.count(p) || r.args.wants("lines") ? r.report.rebuilt : r.report.reused).push_back(p);
}

// The pages whose proof this build draws: with --png, those the page cache has no proof
// of (all, without a cache).
std::set<int> drawn_pages(const Run& r) {
  std::set<int> out;
  if (r.args.png_dir.empty()) return out;
  for (int p : r.report.pages)
    if (!r.cache || !r.cache->proof(p, proof_options(r.args))) out.insert(p);
  return out;
}

bool build(Run& r) {
  const BuildArgs& args = r.args;
  Stopwatch sw(r.report);
  output_step([&] { r.outputs.prepare(args.issue); });
  if (r.state && r.state->inputs.empty()) r.state->inputs.push_back(args.issue);
  r.outputs_checked = true;
  const model::Issue& issue = r.issue.emplace(
      model::load_issue(args.issue, r.ctx, {args.keep_copy, args.allow_missing_photos, args.allow_missing_ads}));
  for (const auto& f : issue.notes) r.ctx.diag.add(f);  // copy clean-up and import notes (docs/import.md)
  for (const auto& p : issue.pages) r.report.pages.push_back(p.number);
  if (r.state) r.state->inputs = inputs_of(issue, args, r.ctx);
  output_step([&] {
    r.outputs.issue_read({issue.paper, issue.number, issue.date_text, true}, page_names(issue),
                         inputs_of(issue, args, r.ctx));
  });
  // Fonts, images and placed PDFs (ads and logos: read once for layout and writer) are
  // this build's own, or the watch session's, kept from the last build.
  const auto fonts = r.state ? r.state->session.fonts(r.ctx) : text::FontSet::load(model::load_font_map(r.ctx), r.ctx);
  std::optional<image::Store> own_images;
  std::optional<placed::Library> own_pdfs;
  if (r.state) r.state->session.start_build(image_files(issue));
  image::Store& images = r.state ? r.state->session.images() : own_images.emplace();
  placed::Library& placed_pdfs = r.state ? r.state->session.placed() : own_pdfs.emplace();
  images.limit.max_bytes = r.ctx.limits.image_bytes;
  placed_pdfs.limit.max_bytes = r.ctx.limits.pdf_bytes;
  probe_images(issue, images, placed_pdfs, r.ctx);
  check_output_profile(args, r.ctx);
  use_cache(r, issue, *fonts);
  const std::set<int> drawn = drawn_pages(r);
  const auto photos = start_photos(args, issue, images, r.ctx, drawn);  // runs while the pages are laid out
  sw.lap("load");
  flow::Options fo;
  fo.images = &images;
  fo.placed = &placed_pdfs;
  fo.allow_overset = args.allow_overset;
  fo.allow_low_res = args.allow_low_res;
  fo.balance = !args.no_balance;
  fo.progress = [&r](int done, int total) { r.progress.step("laying out page", done, total); };
  std::string line_dump;
  r.doc = std::make_shared<const frame::Document>(
      lay_out_pages(issue, *fonts, r.ctx, fo, r.cache, args.wants("lines") ? &line_dump : nullptr));
  const frame::Document& doc = *r.doc;
  sw.lap("layout");
  if (!line_dump.empty() || args.wants("pages")) r.progress.clear();  // the dump may share the terminal
  r.out << line_dump;
  if (args.wants("pages")) r.out << flow::dump_pages(doc);
  if (r.failed()) return false;
  want_proofs(args, doc, images, drawn);
  const char* what = args.split ? "writing page" : "writing PDF";
  ProofsAhead ahead;
  std::vector<MadePdf> pdfs = make_pdfs(
      args, issue, doc, images, placed_pdfs, photos.get(), r.ctx, r.outputs.pdf_paths(),
      [&r, what](int done, int total) { r.progress.step(what, done, total); },
      [&] { output_step([&] { draw_ahead(r, doc, images, drawn, ahead); }); });
  sw.lap("pdf");
  if (r.failed()) return false;
  r.report.files = publish(r, issue, doc, images, pdfs, ahead);
  sw.lap("write");
  return true;
}

// After a failure: no result of an earlier build stays at the output paths, and the
// report (when asked for) says what happened.
int fail(Run& r, FindingPrinter& printer, std::ostream& err, int status) {
  r.progress.clear();
  const bool keep = r.state && r.state->keep_on_failure;
  if (r.outputs_checked && !keep) r.report.removed = r.outputs.remove_previous();
  r.report.ok = false;
  r.report.exit_status = status;
  r.report.findings = r.findings();
  try {
    if (keep && r.state->last_good)
      r.outputs.write_failure_sheet(sheet_of(r, r.state->last_good.get(), false,
                                             "This rebuild failed: the pages below are the last good build's."));
    else
      r.outputs.write_failure_sheet(sheet_of(r, nullptr, false, ""));
  } catch (const base::Error&) {
    // The report (and standard error) says what failed; a sheet that cannot be written is no extra news.
  }
  try {
    r.outputs.write_failure_report(report_json(r.report));
  } catch (const base::Error& e) {
    base::Diagnostics d;
    d.add_error(e, "output");
    r.report.findings.push_back(d.findings().front());
  }
  if (!keep) r.outputs.remove_created_folders();
  if (r.state) r.state->rebuilt = r.report.rebuilt;
  printer.print_all(r.report.findings);
  for (const auto& f : r.report.removed)
    if (!r.args.quiet) err << "paperset: removed '" << base::escape_text(f) << "', the result of an earlier build\n";
  err << "paperset: build failed; " << (r.args.split ? "no page written" : "no PDF written") << "\n";
  return status;
}

}  // namespace

int run_build(const BuildArgs& args, base::Context& ctx, std::ostream& out, std::ostream& err, BuildState* state) {
  ctx.diag.set_error_limit(static_cast<size_t>(args.max_errors));
  Run r{args, ctx, out, {}, Outputs(args), Progress(err, !args.quiet && stderr_is_terminal()), false, state, {}, {}, {}, nullptr};
  r.report.command = args.command_line;
  r.report.issue = args.issue;
  FindingPrinter printer(err, colour_on_stderr(), args.quiet);
  try {
    if (!build(r)) return fail(r, printer, err, 1);
  } catch (const OutputError& e) {
    ctx.diag.add_error(e, "output");
    return fail(r, printer, err, 1);
  } catch (const base::Error& e) {
    ctx.diag.add_error(e, "input");
    return fail(r, printer, err, 1);
  } catch (const std::bad_alloc&) {
    ctx.diag.error("memory", "out of memory", {}, {}, 0, "build a smaller issue, or on a machine with more memory");
    return fail(r, printer, err, 1);
  } catch (const std::exception& e) {
    ctx.diag.error("internal", std::string("internal error: ") + e.what(), {}, {}, 0, internal_error_fix());
    return fail(r, printer, err, 3);
  }
  r.progress.clear();
  const std::vector<base::Finding> findings = r.findings();
  printer.print_all(findings);
  if (!args.quiet)
    for (const auto& f : r.report.files) err << "wrote " << (f == "-" ? std::string("the PDF to standard output") : base::escape_text(f)) << "\n";
  if (state) state->last_good = r.doc, state->rebuilt = r.report.rebuilt;
  return 0;
}

}  // namespace cli
