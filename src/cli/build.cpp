#include "cli/build.h"

#include <ostream>

#include "cli/finish_step.h"
#include "cli/output.h"
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
void probe_images(const model::Issue& issue) {
  for (const auto& p : issue.pages) {
    for (const auto& ph : p.photos) image::probe(ph.src, ph.loc);
    for (const auto& a : p.articles)
      for (const auto& ph : a.photos) image::probe(ph.src, ph.loc);
  }
}

void print_findings(const base::Diagnostics& diag, std::ostream& err) {
  for (const auto& f : diag.findings()) err << base::format_finding(f) << "\n";
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

}  // namespace

int run_build(const BuildArgs& args, base::Context& ctx, std::ostream& out, std::ostream& err) {
  const model::Issue issue = model::load_issue(args.issue, ctx);
  const auto fonts = text::FontSet::load(model::load_font_map(ctx), ctx);
  probe_images(issue);
  flow::Options fo;
  fo.allow_overset = args.allow_overset;
  fo.allow_low_res = args.allow_low_res;
  std::string line_dump;
  const frame::Document doc = flow::lay_out(issue, *fonts, ctx, fo, wants(args, "lines") ? &line_dump : nullptr);
  out << line_dump;
  if (wants(args, "pages")) out << flow::dump_pages(doc);
  print_findings(ctx.diag, err);
  if (ctx.diag.has_errors()) {
    err << "paperset: build failed; no PDF written\n";
    return 1;
  }
  const frame::Palette palette = frame::Palette::of(doc);
  for (const auto& f : write_pdfs(args, issue, doc, palette, ctx)) out << "wrote " << f << "\n";
  if (!args.png_dir.empty()) {
    write_proofs(args, doc, palette);
    out << "wrote proofs to " << args.png_dir << "\n";
  }
  return 0;
}

}  // namespace cli
