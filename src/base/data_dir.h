#pragma once
// Where paperset's data is — layouts, the font map, the ICC profile (docs/cli.md
// "Installing"): $PAPERSET_DATA when set; otherwise beside the program
// (PREFIX/bin/paperset → PREFIX/share/paperset), so an installed tree works wherever it
// is copied; otherwise, for a program run from the build tree it was built in, that
// build's source tree.
#include <filesystem>
#include <string>

#include "base/context.h"

namespace base {

struct DataSearch {
  std::string env;                     // $PAPERSET_DATA ("" when unset)
  std::filesystem::path program;       // this program's file (/proc/self/exe)
  std::filesystem::path relative;      // the data folder seen from the program's folder
  std::filesystem::path build_dir;     // the build tree the program was built in
  std::filesystem::path source_root;   // that build's source tree
};

// The data folder; throws Error saying where it looked.
std::filesystem::path find_data_dir(const DataSearch& s);

// A context reading its data from `dir`: either an installed data folder
// (layouts/, fonts/, icc/) or a source tree (layouts/, fonts/, data/icc/).
Context context_for_data(const std::filesystem::path& dir);

// This program's file, from /proc/self/exe (`argv0` when that cannot be read).
std::filesystem::path program_file(const std::string& argv0);

}  // namespace base
