#include "cli/args.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>

#include "base/limits.h"
#include "cli/split_name.h"
#include "preflight/preflight.h"

namespace cli {

namespace {

// One option of a command: its names, whether it takes a value, and what to do with it.
struct Option {
  const char* name;   // "--output"
  const char* short_name;  // "-o", or nullptr
  bool takes_value;
  std::function<void(const std::string& value)> set;
};

double number_arg(const std::string& opt, const std::string& v, double max) {
  char* end = nullptr;
  const double d = std::strtod(v.c_str(), &end);
  if (v.empty() || *end != '\0' || !(d > 0 && d <= max))
    throw UsageError{opt + " needs a positive number (at most " + std::to_string(static_cast<long>(max)) + "), got '" + v +
                     "'", "build"};
  return d;
}

// --limit NAME=N (docs/format.md "Limits"): checked here so a bad one is a usage error.
std::string checked_limit(const std::string& v, const std::string& command) {
  if (const auto err = base::Limits().set(v)) throw UsageError{*err, command};
  return v;
}

int whole_arg(const std::string& opt, const std::string& v, int max) {
  const double d = number_arg(opt, v, max);
  if (d != static_cast<int>(d)) throw UsageError{opt + " needs a whole number, got '" + v + "'", "build"};
  return static_cast<int>(d);
}

// --pdfx 1a|3|4 (docs/print.md "PDF/X-1a, X-3 and X-4").
base::PdfX pdfx_arg(const std::string& v, const std::string& command) {
  if (const auto x = base::pdfx_from_flag(v)) return *x;
  throw UsageError{"--pdfx takes 1a (PDF/X-1a:2001), 3 (PDF/X-3:2002) or 4 (PDF/X-4), got '" + v + "'", command};
}

// Splits "a,b , c" into its items.
std::vector<std::string> list_arg(const std::string& v) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    const size_t comma = v.find(',', start);
    std::string item = v.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (!item.empty()) out.push_back(item);
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

// Runs the options of `command` over argv[first…]; positional arguments go to
// `positional`. "--help"/"-h" anywhere means the command's help.
bool parse_options(const std::vector<std::string>& a, size_t first, const std::string& command,
                   const std::vector<Option>& opts, const std::function<void(const std::string&)>& positional) {
  bool only_positional = false;
  for (size_t i = first; i < a.size(); ++i) {
    const std::string& s = a[i];
    if (only_positional || s == "-" || s.empty() || s[0] != '-') {
      positional(s);
      continue;
    }
    if (s == "--") {
      only_positional = true;
      continue;
    }
    if (s == "--help" || s == "-h") return true;
    const bool is_long = s.rfind("--", 0) == 0;
    const size_t eq = is_long ? s.find('=') : std::string::npos;
    const std::string name = is_long ? s.substr(0, eq) : s.substr(0, 2);
    const Option* opt = nullptr;
    for (const auto& o : opts)
      if (name == o.name || (o.short_name && name == o.short_name)) opt = &o;
    if (!opt) throw UsageError{"unknown option '" + name + "'", command};
    std::optional<std::string> value;
    if (is_long && eq != std::string::npos) value = s.substr(eq + 1);
    if (!is_long && s.size() > 2) value = s.substr(2);
    if (!opt->takes_value) {
      if (value) throw UsageError{name + " takes no value", command};
      opt->set("");
      continue;
    }
    if (!value) {
      if (i + 1 >= a.size()) throw UsageError{name + " needs a value", command};
      value = a[++i];
    }
    opt->set(*value);
  }
  return false;
}

std::vector<Option> build_options(BuildArgs& b) {
  return {
      {"--output", "-o", true, [&b](const std::string& v) { b.output = v; }},
      {"--png", nullptr, true, [&b](const std::string& v) { b.png_dir = v; }},
      {"--png-dpi", nullptr, true, [&b](const std::string& v) { b.png_dpi = number_arg("--png-dpi", v, 2400); }},
      {"--overlay", nullptr, false, [&b](const std::string&) { b.png_overlay = true; }},
      {"--dump", nullptr, true,
       [&b](const std::string& v) {
         if (v != "lines" && v != "pages") throw UsageError{"--dump takes 'lines' or 'pages', got '" + v + "'", "build"};
         b.dumps.push_back(v);
       }},
      {"--allow-overset", nullptr, false, [&b](const std::string&) { b.allow_overset = true; }},
      {"--allow-low-res", nullptr, false, [&b](const std::string&) { b.allow_low_res = true; }},
      {"--allow-missing-photos", nullptr, false, [&b](const std::string&) { b.allow_missing_photos = true; }},
      {"--allow-missing-ads", nullptr, false, [&b](const std::string&) { b.allow_missing_ads = true; }},
      {"--split", nullptr, false, [&b](const std::string&) { b.split = true; }},
      {"--split-name", nullptr, true,
       [&b](const std::string& v) {
         if (const auto bad = SplitName::check(v)) throw UsageError{"--split-name: " + *bad, "build"};
         b.split_name = v;
       }},
      {"--no-balance", nullptr, false, [&b](const std::string&) { b.no_balance = true; }},
      {"--jobs", "-j", true, [&b](const std::string& v) { b.jobs = whole_arg("--jobs", v, 1024); }},
      {"--max-errors", nullptr, true, [&b](const std::string& v) { b.max_errors = whole_arg("--max-errors", v, 100000); }},
      {"--fail-on", nullptr, true,
       [&b](const std::string& v) {
         const auto known = fail_on_codes();
         for (const auto& c : list_arg(v)) {
           if (std::find(known.begin(), known.end(), c) == known.end())
             throw UsageError{"--fail-on: unknown finding '" + c + "'; known: " + joined(known), "build"};
           b.fail_on.push_back(c);
         }
       }},
      {"--werror", nullptr, false, [&b](const std::string&) { b.fail_on.push_back("warning"); }},
      {"--quiet", "-q", false, [&b](const std::string&) { b.quiet = true; }},
      {"--report", nullptr, true, [&b](const std::string& v) { b.report = v; }},
      {"--output-profile", nullptr, true, [&b](const std::string& v) { b.output_profile = v; }},
      {"--keep-copy", nullptr, false, [&b](const std::string&) { b.keep_copy = true; }},
      {"--pdfx", nullptr, true, [&b](const std::string& v) { b.pdfx = pdfx_arg(v, "build"); }},
      {"--proof-sheet", nullptr, true, [&b](const std::string& v) { b.proof_sheet = v; }},
      {"--cache", nullptr, true, [&b](const std::string& v) { b.cache_dir = v; }},
      {"--allow-paths", nullptr, true, [&b](const std::string& v) { b.allow_paths.push_back(v); }},
      {"--limit", nullptr, true, [&b](const std::string& v) { b.limits.push_back(checked_limit(v, "build")); }},
  };
}

void check_build(const BuildArgs& b) {
  auto fail = [](const std::string& m) { throw UsageError{m, "build"}; };
  if (b.issue.empty()) fail("build needs an issue file");
  if (b.output.empty()) fail("build needs -o OUT.pdf (or -o - for standard output)");
  if (b.to_stdout() && b.split) fail("--split writes files: give -o a folder, not '-'");
  if (b.to_stdout() && !b.dumps.empty()) fail("--dump prints to standard output: it cannot go with -o -");
  if (!b.split_name.empty() && !b.split) fail("--split-name names the files of --split: add --split");
  if (!b.report.empty() && b.report == b.output) fail("--report and -o name the same file '" + b.report + "'");
  if (b.report == "-") fail("--report needs a file name");
  if (b.proof_sheet == "-" || (!b.proof_sheet.empty() && b.proof_sheet.back() == '/'))
    fail("--proof-sheet needs a file name, e.g. proofs/index.html");
  if (b.cache_dir == "-") fail("--cache needs a folder");
}

// The proof sheet shows PNG proofs: without --png they are drawn beside it.
void proofs_for_sheet(BuildArgs& b) {
  if (b.proof_sheet.empty() || !b.png_dir.empty()) return;
  const std::filesystem::path dir = std::filesystem::path(b.proof_sheet).parent_path();
  b.png_dir = dir.empty() ? "." : dir.string();
}

Args parse_build(const std::vector<std::string>& a, Args args) {
  args.command = Args::Build;
  BuildArgs& b = args.build;
  b.command_line = a;
  const bool help = parse_options(a, 2, "build", build_options(b), [&](const std::string& s) {
    if (!b.issue.empty()) throw UsageError{"more than one issue file given ('" + b.issue + "' and '" + s + "')", "build"};
    b.issue = s;
  });
  if (help) return {Args::Help, "build", {}, {}, a, {}};
  check_build(b);
  proofs_for_sheet(b);
  return args;
}

// paperset watch: the build's options; it never writes to standard output, and the
// proof sheet is always written (beside the proofs unless --proof-sheet says where).
Args parse_watch(const std::vector<std::string>& a, Args args) {
  args.command = Args::Watch;
  BuildArgs& b = args.build;
  b.command_line = a;
  std::vector<Option> options = build_options(b);
  options.push_back({"--serve", nullptr, true, [&b](const std::string& v) {
                       b.serve_port = v == "0" ? 0 : whole_arg("--serve", v, 65535);
                     }});
  const bool help = parse_options(a, 2, "watch", options, [&](const std::string& s) {
    if (!b.issue.empty()) throw UsageError{"more than one issue file given ('" + b.issue + "' and '" + s + "')", "watch"};
    b.issue = s;
  });
  if (help) return {Args::Help, "watch", {}, {}, a, {}};
  auto fail = [](const std::string& m) { throw UsageError{m, "watch"}; };
  if (b.issue.empty()) fail("watch needs an issue file");
  if (b.output.empty() || b.to_stdout()) fail("watch needs -o OUT.pdf (a file: it is rewritten on every change)");
  if (!b.dumps.empty()) fail("--dump prints every build's dump: use it with paperset build");
  try {
    check_build(b);
  } catch (UsageError& e) {
    e.command = "watch";
    throw;
  }
  if (b.png_dir.empty() && b.proof_sheet.empty()) fail("watch needs --png DIR (or --proof-sheet DIR/index.html): the proofs it refreshes");
  if (b.proof_sheet.empty()) b.proof_sheet = (std::filesystem::path(b.png_dir) / "index.html").string();
  proofs_for_sheet(b);
  // The server gives the files of the sheet's folder only: the proofs must be there.
  const auto folder = [](const std::filesystem::path& p) {
    return std::filesystem::absolute(p.empty() ? "." : p).lexically_normal().string() + "/";
  };
  if (b.serve_port >= 0 && folder(std::filesystem::path(b.proof_sheet).parent_path()) != folder(b.png_dir))
    fail("--serve serves the proof sheet's folder: keep the sheet beside the proofs (--png DIR, and no "
         "--proof-sheet, or --proof-sheet DIR/NAME.html)");
  return args;
}

Args parse_preflight(const std::vector<std::string>& a, Args args) {
  args.command = Args::Preflight;
  PreflightArgs& p = args.preflight;
  const std::vector<Option> opts{
      {"--json", nullptr, false, [&p](const std::string&) { p.json = true; }},
      {"--pdfx", nullptr, true, [&p](const std::string& v) { p.pdfx = pdfx_arg(v, "preflight"); }},
      {"--limit", nullptr, true, [&p](const std::string& v) { p.limits.push_back(checked_limit(v, "preflight")); }}};
  const bool help = parse_options(a, 2, "preflight", opts, [&](const std::string& s) {
    if (!p.file.empty()) throw UsageError{"preflight takes one PDF file", "preflight"};
    p.file = s;
  });
  if (help) return {Args::Help, "preflight", {}, {}, a, {}};
  if (p.file.empty()) throw UsageError{"preflight needs a PDF file", "preflight"};
  return args;
}

Args parse_import(const std::vector<std::string>& a, Args args) {
  args.command = Args::Import;
  ImportArgs& im = args.import;
  auto choice = [](const std::string& opt, const std::string& v, std::initializer_list<const char*> ok) {
    std::string list;
    for (const char* c : ok) {
      if (v == c) return v;
      list += (list.empty() ? "" : ", ") + std::string(c);
    }
    throw UsageError{opt + " takes " + list + ", got '" + v + "'", "import"};
  };
  const std::vector<Option> opts{
      {"--format", nullptr, true, [&](const std::string& v) { im.format = choice("--format", v, {"nitf", "newsml", "text"}); }},
      {"--kicker", nullptr, true, [&](const std::string& v) { im.kicker = choice("--kicker", v, {"none", "hl2", "title"}); }},
      {"--keep-copy", nullptr, false, [&im](const std::string&) { im.keep_copy = true; }},
  };
  const bool help = parse_options(a, 2, "import", opts, [&](const std::string& s) {
    if (!im.file.empty()) throw UsageError{"import takes one copy file ('" + im.file + "' and '" + s + "' given)", "import"};
    im.file = s;
  });
  if (help) return {Args::Help, "import", {}, {}, a, {}};
  if (im.file.empty()) throw UsageError{"import needs a copy file (NITF, NewsML-G2 or plain text)", "import"};
  return args;
}

}  // namespace

std::vector<std::string> fail_on_codes() {
  namespace pc = preflight::code;
  return {"warning",       "overset",         "underset",          "low-res",        "low-resolution",
          "missing-glyph", "ink-limit",       "loose-line",        pc::kResolution,     pc::kStructure,   pc::kOutputIntent,
          pc::kPdfxXmp,    pc::kFontUnicode,  pc::kTextGray,       "pdf-repair",
          // photos and ads as they arrive (docs/format.md "Photos and ads")
          "photo-reseparated", "photo-missing", "ad-missing", "ad-output-intent"};
}

bool fails_on(const std::vector<std::string>& classes, const std::string& code) {
  for (const auto& c : classes) {
    if (c == "warning" || c == code) return true;
    if (c == "low-res" && (code == "low-resolution" || code == preflight::code::kResolution)) return true;
  }
  return false;
}

Args parse_args(const std::vector<std::string>& a) {
  Args args;
  args.argv = a;
  if (a.size() < 2) throw UsageError{"no command given", ""};
  const std::string& cmd = a[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    args.help_topic = a.size() > 2 ? a[2] : "";
    if (!args.help_topic.empty() && args.help_topic != "build" && args.help_topic != "preflight" &&
        args.help_topic != "import" && args.help_topic != "watch")
      throw UsageError{"no help on '" + args.help_topic + "'; commands: build, watch, preflight, import", ""};
    return args;
  }
  if (cmd == "--version" || cmd == "-V" || cmd == "version") {
    args.command = Args::Version;
    return args;
  }
  if (cmd == "build") return parse_build(a, args);
  if (cmd == "watch") return parse_watch(a, args);
  if (cmd == "preflight") return parse_preflight(a, args);
  if (cmd == "import") return parse_import(a, args);
  throw UsageError{"unknown command '" + cmd + "'", ""};
}

}  // namespace cli
