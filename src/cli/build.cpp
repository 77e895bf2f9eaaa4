#include "cli/build.h"

#include <chrono>
#include <cstdio>
#include <new>
#include <optional>
#include <ostream>

#include "cli/diagnostics.h"
#include "cli/finish_step.h"
#include "cli/outputs.h"
#include "cli/progress.h"
#include "cli/report.h"
#include "flow/flow.h"
#include "image/store.h"
#include "model/font_map.h"
#include "model/issue.h"
#include "render/render.h"
#include "text/fonts.h"

namespace cli {

namespace fs = std::filesystem;

namespace {

// Every image is read and probed (once, through the store) before anything is laid out,
// so a missing or corrupt photo stops the build with its file and line and no PDF. Every
// bad image is reported, not only the first.
void probe_images(const model::Issue& issue, image::Store& images, const base::Context& ctx) {
  base::ErrorCollector errors(ctx.diag.error_limit());
  for (const auto& p : issue.pages) {
    for (const model::Photo& ph : p.of<model::Photo>())
      errors.attempt([&] { images.get(ph.src, ph.loc); }, p.number, ph.id);
    for (const model::Article& a : p.of<model::Article>())
      for (const auto& ph : a.photos) errors.attempt([&] { images.get(ph.src, ph.loc); }, p.number, ph.id);
  }
  errors.throw_if_any();
}

// Proofs draw each photo at the proof's resolution: the decode the PDF needs keeps a copy
// that size, so a photo is decoded at most once per build.
void want_proofs(const BuildArgs& args, const frame::Document& doc, image::Store& images) {
  if (args.png_dir.empty()) return;
  const double scale = args.png_dpi / 72.0;
  for (const auto& page : doc.pages)
    for (const auto& img : page.of<frame::Image>())
      images.want_proof(images.get(img.path, img.loc), static_cast<int>(base::to_pt(img.img_w) * scale + 1),
                        static_cast<int>(base::to_pt(img.img_h) * scale + 1));
}

// Every file the build reads: no output may be one of them.
std::vector<fs::path> inputs_of(const model::Issue& issue, const BuildArgs& args, const base::Context& ctx) {
  std::vector<fs::path> in{issue.source, issue.layout.loc.file, ctx.fonts_dir / "fontmap.xml"};
  if (!args.output_profile.empty()) in.push_back(args.output_profile);
  in.insert(in.end(), issue.copy_files.begin(), issue.copy_files.end());
  for (const auto& p : issue.pages) {
    for (const model::Photo& ph : p.of<model::Photo>()) in.push_back(ph.src);
    for (const model::Article& a : p.of<model::Article>())
      for (const auto& ph : a.photos) in.push_back(ph.src);
  }
  return in;
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
  std::optional<model::Issue> issue;  // once read: where its elements are

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

std::vector<std::string> publish(Run& r, const model::Issue& issue, const frame::Document& doc,
                                 image::Store& images, std::vector<MadePdf>& pdfs) {
  render::PngOptions o;
  o.dpi = r.args.png_dpi;
  o.overlay = r.args.png_overlay;
  const auto draw = [&](size_t i, const fs::path& file) {
    r.progress.step("drawing proof", static_cast<int>(i) + 1, static_cast<int>(doc.pages.size()));
    render::render_png(doc, images, static_cast<int>(i), file, o);
  };
  const auto make_report = [&](const std::vector<std::string>& written, const std::vector<std::string>& removed) {
    Report rep = r.report;
    rep.ok = true;
    rep.files = written;
    rep.removed = removed;
    rep.findings = r.findings();
    return report_json(rep);
  };
  (void)issue;
  std::vector<std::string> files;
  output_step([&] { files = r.outputs.commit(pdfs, draw, make_report); });
  return files;
}

bool build(Run& r) {
  const BuildArgs& args = r.args;
  Stopwatch sw(r.report);
  output_step([&] { r.outputs.prepare(args.issue); });
  r.outputs_checked = true;
  const model::Issue& issue = r.issue.emplace(model::load_issue(args.issue, r.ctx, {args.keep_copy}));
  for (const auto& f : issue.notes) r.ctx.diag.add(f);  // copy clean-up and import notes (docs/import.md)
  for (const auto& p : issue.pages) r.report.pages.push_back(p.number);
  output_step([&] {
    r.outputs.issue_read({issue.paper, issue.number, issue.date_text, true}, page_names(issue),
                         inputs_of(issue, args, r.ctx));
  });
  const auto fonts = text::FontSet::load(model::load_font_map(r.ctx), r.ctx);
  image::Store images;
  probe_images(issue, images, r.ctx);
  const auto photos = start_photos(args, issue, images, r.ctx);  // runs while the pages are laid out
  sw.lap("load");
  flow::Options fo;
  fo.images = &images;
  fo.allow_overset = args.allow_overset;
  fo.allow_low_res = args.allow_low_res;
  fo.balance = !args.no_balance;
  fo.progress = [&r](int done, int total) { r.progress.step("laying out page", done, total); };
  std::string line_dump;
  const frame::Document doc = flow::lay_out(issue, *fonts, r.ctx, fo, args.wants("lines") ? &line_dump : nullptr);
  sw.lap("layout");
  if (!line_dump.empty() || args.wants("pages")) r.progress.clear();  // the dump may share the terminal
  r.out << line_dump;
  if (args.wants("pages")) r.out << flow::dump_pages(doc);
  if (r.failed()) return false;
  want_proofs(args, doc, images);
  const char* what = args.split ? "writing page" : "writing PDF";
  std::vector<MadePdf> pdfs = make_pdfs(args, issue, doc, images, photos.get(), r.ctx, r.outputs.pdf_paths(),
                                        [&r, what](int done, int total) { r.progress.step(what, done, total); });
  sw.lap("pdf");
  if (r.failed()) return false;
  r.report.files = publish(r, issue, doc, images, pdfs);
  sw.lap("write");
  return true;
}

// After a failure: no result of an earlier build stays at the output paths, and the
// report (when asked for) says what happened.
int fail(Run& r, FindingPrinter& printer, std::ostream& err, int status) {
  r.progress.clear();
  if (r.outputs_checked) r.report.removed = r.outputs.remove_previous();
  r.report.ok = false;
  r.report.exit_status = status;
  r.report.findings = r.findings();
  try {
    r.outputs.write_failure_report(report_json(r.report));
  } catch (const base::Error& e) {
    base::Diagnostics d;
    d.add_error(e, "output");
    r.report.findings.push_back(d.findings().front());
  }
  r.outputs.remove_created_folders();
  printer.print_all(r.report.findings);
  for (const auto& f : r.report.removed)
    if (!r.args.quiet) err << "paperset: removed '" << base::escape_text(f) << "', the result of an earlier build\n";
  err << "paperset: build failed; " << (r.args.split ? "no page written" : "no PDF written") << "\n";
  return status;
}

}  // namespace

int run_build(const BuildArgs& args, base::Context& ctx, std::ostream& out, std::ostream& err) {
  ctx.diag.set_error_limit(static_cast<size_t>(args.max_errors));
  Run r{args, ctx, out, {}, Outputs(args), Progress(err, !args.quiet && stderr_is_terminal()), false, {}};
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
  return 0;
}

}  // namespace cli
