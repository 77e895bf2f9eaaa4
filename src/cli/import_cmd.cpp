#include "cli/import_cmd.h"

#include <ostream>

#include "cli/diagnostics.h"
#include "model/copy.h"

namespace cli {

int run_import(const ImportArgs& args, base::Context& ctx, std::ostream& out, std::ostream& err) {
  model::CopyOptions opt;
  opt.clean = !args.keep_copy;
  opt.kicker = args.kicker;
  const auto format = args.format.empty() ? std::nullopt : model::format_from_name(args.format);
  bool ok = true;
  try {
    const model::Copy copy = model::read_copy(args.file, format, opt);
    out << model::copy_to_issue_xml(copy, std::filesystem::current_path());
    for (const auto& f : copy.notes) ctx.diag.add(f);
    auto add = [&ctx](const std::vector<base::Finding>& v) {
      for (const auto& f : v) ctx.diag.add(f);
    };
    for (const auto& s : copy.stories) {
      add(s.notes);
      for (const auto& p : s.photos) add(p.notes);
    }
    for (const auto& b : copy.banner_notes) add(b);
    for (const auto& p : copy.photos) add(p.notes);
  } catch (const base::Error& e) {
    ctx.diag.add_error(e, "input");
    ok = false;
  }
  // Printed as every other finding (docs/cli.md "Diagnostics").
  std::vector<base::Finding> findings = ctx.diag.findings();
  locate_columns(findings);
  FindingPrinter(err, colour_on_stderr(), false).print_all(findings);
  return ok ? 0 : 1;
}

}  // namespace cli
