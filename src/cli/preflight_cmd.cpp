#include "cli/preflight_cmd.h"

#include <ostream>

#include "preflight/preflight.h"

namespace cli {

int run_preflight(const PreflightArgs& args, base::Context&, std::ostream& out, std::ostream&) {
  const std::string bytes = base::read_file(args.file);
  auto findings = preflight::check(bytes, preflight::Options{});
  // Each finding names the PDF it is about, as "FILE.pdf: error: page 2: …".
  for (auto& f : findings) f.loc.file = args.file;
  out << (args.json ? preflight::format_json(findings, args.file) : preflight::format_text(findings));
  for (const auto& f : findings)
    if (f.severity == base::Severity::Error) return 1;
  return 0;
}

}  // namespace cli
