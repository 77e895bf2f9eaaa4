#include "cli/build.h"

#include <chrono>
#include <ostream>

#include "cli/diagnostics.h"
#include "cli/finish_step.h"
#include "cli/report.h"
#include "finish/finish.h"
#include "flow/flow.h"
#include "frame/palette.h"
#include "image/image.h"
#include "model/font_map.h"
#include "model/issue.h"
#include "render/render.h"
#include "text/fonts.h"

namespace cli {

namespace {

// Every image is checked before anything is drawn, so a corrupt photo stops the build
// with its file and line and no PDF is written.
// Every bad image is reported, not only the first.
void probe_images(const model::Issue& issue, const base::Context& ctx) {
  base::ErrorCollector errors(ctx.diag.error_limit());
  for (const auto& p : issue.pages) {
    for (const model::Photo& ph : p.of<model::Photo>())
      errors.attempt([&] { image::probe(ph.src, ph.loc); }, p.number, ph.id);
    for (const model::Article& a : p.of<model::Article>())
      for (const auto& ph : a.photos) errors.attempt([&] { image::probe(ph.src, ph.loc); }, p.number, ph.id);
  }
  errors.throw_if_any();
}

void write_proofs(const BuildArgs& args, const frame::Document& doc, const frame::Palette& palette) {
  std::error_code ec;
  std::filesystem::create_directories(args.png_dir, ec);
  render::PngOptions o;
  o.dpi = args.png_dpi;
  o.overlay = args.png_overlay;
  for (size_t i = 0; i < doc.pages.size(); ++i)
    render::render_png(doc, palette, static_cast<int>(i), std::filesystem::path(args.png_dir) / (doc.pages[i].name + ".png"), o);
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

bool build(const BuildArgs& args, base::Context& ctx, std::ostream& out, Report& report) {
  Stopwatch sw(report);
  const model::Issue issue = model::load_issue(args.issue, ctx);
  for (const auto& p : issue.pages) report.pages.push_back(p.number);
  const auto fonts = text::FontSet::load(model::load_font_map(ctx), ctx);
  probe_images(issue, ctx);
  sw.lap("load");
  flow::Options fo;
  fo.allow_overset = args.allow_overset;
  fo.allow_low_res = args.allow_low_res;
  fo.balance = !args.no_balance;
  std::string line_dump;
  const frame::Document doc = flow::lay_out(issue, *fonts, ctx, fo, args.wants("lines") ? &line_dump : nullptr);
  sw.lap("layout");
  out << line_dump;
  if (args.wants("pages")) out << flow::dump_pages(doc);
  if (ctx.diag.has_errors()) return false;
  const frame::Palette palette = frame::Palette::of(doc);
  report.files = write_pdfs(args, issue, doc, palette, ctx);
  sw.lap("pdf");
  if (ctx.diag.has_errors()) return false;
  for (const auto& f : report.files) out << "wrote " << f << "\n";
  if (!args.png_dir.empty()) {
    write_proofs(args, doc, palette);
    sw.lap("proofs");
    out << "wrote proofs to " << args.png_dir << "\n";
  }
  return true;
}

}  // namespace

int run_build(const BuildArgs& args, base::Context& ctx, std::ostream& out, std::ostream& err) {
  Report report;
  report.issue = args.issue;
  ctx.diag.set_error_limit(static_cast<size_t>(args.max_errors));
  try {
    report.ok = build(args, ctx, out, report);
  } catch (const base::Error& e) {
    ctx.diag.add_error(e, "input");
    report.ok = false;
  }
  std::vector<base::Finding> findings = ctx.diag.findings();
  locate_columns(findings);
  FindingPrinter(err, colour_on_stderr(), false).print_all(findings);
  if (!report.ok) err << "paperset: build failed; no PDF written\n";
  report.findings = findings;
  if (!args.report.empty()) finish::write_file_atomically(args.report, report_json(report));
  return report.ok ? 0 : 1;
}

}  // namespace cli
