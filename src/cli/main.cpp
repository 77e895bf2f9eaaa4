// paperset's entry point: the only place that prints (docs/architecture.md habit 3).
#include <malloc.h>

#include <cstdlib>
#include <exception>
#include <iostream>
#include <new>

#include "base/data_dir.h"
#include "cli/args.h"
#include "cli/build.h"
#include "cli/diagnostics.h"
#include "cli/help.h"
#include "cli/import_cmd.h"
#include "cli/preflight_cmd.h"
#include "cli/temp_file.h"
#include "cli/versions.h"
#include "cli/watch.h"

namespace {

// The data folder (docs/cli.md "Data files"): $PAPERSET_DATA, else beside the program,
// else the source tree of the build tree the program is in.
base::Context make_context(const std::string& argv0) {
  base::DataSearch s;
  if (const char* e = std::getenv("PAPERSET_DATA")) s.env = e;
  s.program = base::program_file(argv0);
  s.relative = PAPERSET_DATA_RELATIVE;
  s.build_dir = PAPERSET_BUILD_DIR;
  s.source_root = PAPERSET_SOURCE_ROOT;
  return base::context_for_data(base::find_data_dir(s));
}

int run(const cli::Args& args) {
  if (args.command == cli::Args::Help) {
    std::cout << cli::help_for(args.help_topic);
    return 0;
  }
  if (args.command == cli::Args::Version) {
    std::cout << cli::version_text();
    return 0;
  }
  const bool builds = args.command == cli::Args::Build || args.command == cli::Args::Watch;
  base::Context ctx = builds ? make_context(args.argv.at(0)) : base::Context{};
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e && *e) {
    char* end = nullptr;
    const long long v = std::strtoll(e, &end, 10);
    if (*end != '\0' || v < 0)
      throw base::Error({}, "SOURCE_DATE_EPOCH is not a number of seconds: '" + base::escape_text(e) + "'",
                        "unset it or set it to an integer, e.g. SOURCE_DATE_EPOCH=1704412800");
    ctx.source_date_epoch = v;
  }
  // Input limits and extra resource folders (docs/format.md "Limits").
  for (const auto& l : builds ? args.build.limits : args.preflight.limits) ctx.limits.set(l);
  for (const auto& d : args.build.allow_paths) ctx.allowed_paths.emplace_back(d);
  switch (args.command) {
    case cli::Args::Help:
    case cli::Args::Version: break;
    case cli::Args::Build: return cli::run_build(args.build, ctx, std::cout, std::cerr);
    case cli::Args::Watch: return cli::run_watch(args.build, ctx, std::cerr);
    case cli::Args::Preflight: return cli::run_preflight(args.preflight, ctx, std::cout, std::cerr);
    case cli::Args::Import: return cli::run_import(args.import, ctx, std::cout, std::cerr);
  }
  return 2;
}

void print_error(const base::Error& e) {
  base::Diagnostics d;
  d.add_error(e, "input");
  for (const auto& f : d.findings()) std::cerr << base::format_finding(f) << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  // Peak memory (docs/architecture.md "Memory"): glibc raises its mmap threshold after
  // each large block is freed (up to 32 MiB), so later photo buffers and PDF files come
  // from the heap arenas, whose freed space stays resident. A fixed threshold keeps every
  // block of 256 KiB or more in its own mapping, returned to the system when freed.
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
  cli::install_cleanup_handlers();
  std::vector<std::string> argv_s(argv, argv + argc);
  cli::Args args;
  try {
    args = cli::parse_args(argv_s);
  } catch (const cli::UsageError& e) {
    std::cerr << "paperset: " << base::escape_text(e.message) << "\n\n" << cli::help_for(e.command);
    return 2;
  }
  try {
    return run(args);
  } catch (const base::Error& e) {
    print_error(e);
    return 1;
  } catch (const std::bad_alloc&) {
    std::cerr << "paperset: error: out of memory\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "paperset: internal error: " << base::escape_text(e.what()) << "\n  fix: " << cli::internal_error_fix()
              << "\n";
    return 3;
  }
}
