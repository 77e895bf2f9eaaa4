#include "cli/finish_step.h"

#include "cli/output.h"
#include "render/render.h"

namespace cli {

std::vector<std::string> write_pdfs(const BuildArgs& args, const model::Issue&, const frame::Document& doc,
                                    const frame::Palette& palette, base::Context&) {
  const std::string pdf = render::render_pdf(doc, palette);
  write_atomically(args.output, pdf);
  return {args.output};
}

}  // namespace cli
