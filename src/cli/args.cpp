#include "cli/args.h"

#include <cstdlib>

namespace cli {

std::string usage() {
  return R"(usage:
  paperset build ISSUE.xml -o OUT.pdf [options]
  paperset preflight FILE.pdf [--json]
  paperset --help | --version

build options:
  -o, --output FILE.pdf     where to write the PDF (with --split: a folder or a name
                            stem; one PDF per page, named by page)
  --png DIR                 also write a PNG proof of every page into DIR
  --png-dpi N               proof resolution (default 150)
  --overlay                 draw the grid, frame edges and overset marks on proofs
  --dump=lines|pages        print composed lines / placed boxes to standard output
  --allow-overset           text that does not fit is a warning, not an error
  --allow-low-res           photos under 100 ppi are a warning, not an error
  --split                   one PDF per page
  --no-balance              never balance an article's last columns
  --jobs N                  with --split: pages drawn at once (default: one per core)
  --report FILE.json        write a build report for nightly jobs
  --max-errors N            input errors reported before stopping (default 20)
  --output-profile FILE.icc CMYK output profile to embed (default: data/icc/)

exit status: 0 success, 1 bad input or a failed check, 2 usage error
)";
}

namespace {

double number_arg(const std::string& opt, const std::string& v) {
  char* end = nullptr;
  const double d = std::strtod(v.c_str(), &end);
  if (v.empty() || *end != '\0' || !(d > 0 && d <= 2400)) throw UsageError{opt + " needs a positive number, got '" + v + "'"};
  return d;
}

BuildArgs parse_build(const std::vector<std::string>& a) {
  BuildArgs b;
  auto value = [&](size_t& i) -> std::string {
    if (i + 1 >= a.size()) throw UsageError{a[i] + " needs a value"};
    return a[++i];
  };
  for (size_t i = 2; i < a.size(); ++i) {
    const std::string& s = a[i];
    if (s == "-o" || s == "--output") b.output = value(i);
    else if (s == "--png") b.png_dir = value(i);
    else if (s == "--png-dpi") b.png_dpi = number_arg(s, value(i));
    else if (s == "--overlay") b.png_overlay = true;
    else if (s.rfind("--dump=", 0) == 0) {
      const std::string what = s.substr(7);
      if (what != "lines" && what != "pages") throw UsageError{"--dump takes 'lines' or 'pages', got '" + what + "'"};
      b.dumps.push_back(what);
    } else if (s == "--allow-overset") b.allow_overset = true;
    else if (s == "--allow-low-res") b.allow_low_res = true;
    else if (s == "--split") b.split = true;
    else if (s == "--no-balance") b.no_balance = true;
    else if (s == "--jobs") b.jobs = static_cast<int>(number_arg(s, value(i)));
    else if (s == "--report") b.report = value(i);
    else if (s == "--max-errors") b.max_errors = static_cast<int>(number_arg(s, value(i)));
    else if (s == "--output-profile") b.output_profile = value(i);
    else if (s == "--raw") b.no_finish = true;
    else if (!s.empty() && s[0] == '-') throw UsageError{"unknown option '" + s + "'"};
    else if (b.issue.empty()) b.issue = s;
    else throw UsageError{"more than one issue file given ('" + b.issue + "' and '" + s + "')"};
  }
  if (b.issue.empty()) throw UsageError{"build needs an issue file"};
  if (b.output.empty()) throw UsageError{"build needs -o OUT.pdf"};
  return b;
}

}  // namespace

Args parse_args(const std::vector<std::string>& a) {
  Args args;
  if (a.size() < 2) throw UsageError{"no command given"};
  const std::string& cmd = a[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") return args;
  if (cmd == "--version") {
    args.command = Args::Version;
    return args;
  }
  if (cmd == "build") {
    args.command = Args::Build;
    args.build = parse_build(a);
    return args;
  }
  if (cmd == "preflight") {
    args.command = Args::Preflight;
    for (size_t i = 2; i < a.size(); ++i) {
      if (a[i] == "--json") args.preflight.json = true;
      else if (!a[i].empty() && a[i][0] == '-') throw UsageError{"unknown option '" + a[i] + "'"};
      else if (args.preflight.file.empty()) args.preflight.file = a[i];
      else throw UsageError{"preflight takes one PDF file"};
    }
    if (args.preflight.file.empty()) throw UsageError{"preflight needs a PDF file"};
    return args;
  }
  throw UsageError{"unknown command '" + cmd + "'"};
}

}  // namespace cli
