#pragma once
// The help texts (docs/cli.md; the man page docs/paperset.1 says the same at length).
#include <string>

namespace cli {

std::string usage();
std::string build_help();
std::string preflight_help();
std::string watch_help();
// "build", "preflight", or "" for the general usage.
std::string help_for(const std::string& topic);

}  // namespace cli
