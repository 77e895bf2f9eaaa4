#include "cli/import_cmd.h"

#include <ostream>

#include "model/copy.h"

namespace cli {

int run_import(const ImportArgs& args, base::Context&, std::ostream& out, std::ostream& err) {
  model::CopyOptions opt;
  opt.clean = !args.keep_copy;
  opt.kicker = args.kicker;
  const auto format = args.format.empty() ? std::nullopt : model::format_from_name(args.format);
  const model::Copy copy = model::read_copy(args.file, format, opt);
  out << model::copy_to_issue_xml(copy, std::filesystem::current_path());
  std::vector<base::Finding> notes = copy.notes;
  for (const auto& s : copy.stories) notes.insert(notes.end(), s.notes.begin(), s.notes.end());
  for (const auto& b : copy.banner_notes) notes.insert(notes.end(), b.begin(), b.end());
  for (const auto& p : copy.photos) notes.insert(notes.end(), p.notes.begin(), p.notes.end());
  for (const auto& s : copy.stories)
    for (const auto& p : s.photos) notes.insert(notes.end(), p.notes.begin(), p.notes.end());
  for (const auto& f : notes) err << base::format_finding(f) << "\n";
  return 0;
}

}  // namespace cli
