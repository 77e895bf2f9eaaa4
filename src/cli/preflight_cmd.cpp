#include "cli/preflight_cmd.h"

#include <ostream>

#include "preflight/preflight.h"

namespace cli {

int run_preflight(const PreflightArgs& args, base::Context& ctx, std::ostream& out, std::ostream&) {
  const std::string bytes =
      base::read_input_file(args.file, {}, "PDF file '" + args.file + "'", {ctx.limits.pdf_bytes, "pdf-size"});
  preflight::Options opt;
  opt.standard = args.pdfx;  // unset: the standard the file claims
  preflight::Result result = preflight::examine(bytes, opt);
  // Each finding names the PDF it is about, as "FILE.pdf: error: page 2: …".
  for (auto& f : result.findings) f.loc.file = args.file;
  out << (args.json ? preflight::format_json(result, args.file) : preflight::format_text(result, args.file));
  return result.meets() ? 0 : 1;
}

}  // namespace cli
