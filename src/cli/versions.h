#pragma once
// `paperset --version`: this program's version and the versions of the libraries it
// runs with (as loaded, where the library can say so), for bug reports.
#include <string>

namespace cli {

std::string version_text();

}  // namespace cli
