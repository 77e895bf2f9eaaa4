// paperset's entry point: the only place that prints (docs/architecture.md habit 3).
#include <exception>
#include <iostream>

#include "cli/args.h"
#include "cli/build.h"
#include "cli/preflight_cmd.h"

namespace {

std::filesystem::path resource_root() {
  // Layouts, fonts and data are found beside the source tree this binary was built
  // from, unless PAPERSET_ROOT says otherwise.
  if (const char* r = std::getenv("PAPERSET_ROOT"); r && *r) return r;
  return PAPERSET_SOURCE_ROOT;
}

int run(const cli::Args& args) {
  base::Context ctx = base::Context::for_root(resource_root());
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e && *e) {
    char* end = nullptr;
    const long long v = std::strtoll(e, &end, 10);
    if (*end != '\0' || v < 0)
      throw base::Error({}, "SOURCE_DATE_EPOCH is not a number of seconds: '" + std::string(e) + "'",
                        "unset it or set it to an integer, e.g. SOURCE_DATE_EPOCH=1704412800");
    ctx.source_date_epoch = v;
  }
  switch (args.command) {
    case cli::Args::Help: std::cout << cli::usage(); return 0;
    case cli::Args::Version: std::cout << "paperset " PAPERSET_VERSION "\n"; return 0;
    case cli::Args::Build: return cli::run_build(args.build, ctx, std::cout, std::cerr);
    case cli::Args::Preflight: return cli::run_preflight(args.preflight, ctx, std::cout, std::cerr);
  }
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> argv_s(argv, argv + argc);
  cli::Args args;
  try {
    args = cli::parse_args(argv_s);
  } catch (const cli::UsageError& e) {
    std::cerr << "paperset: " << e.message << "\n\n" << cli::usage();
    return 2;
  }
  try {
    return run(args);
  } catch (const base::Error& e) {
    std::cerr << e.format() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "paperset: error: " << e.what() << "\n";
    return 1;
  }
}
