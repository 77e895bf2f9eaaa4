#pragma once
// Reading input files safely (docs/format.md "Limits"): only regular files are read —
// a FIFO, device, folder or symbolic-link loop is refused by what it is — and never more
// than the limit for that kind of file, so `src=/dev/zero` or a 40 GB file cannot
// exhaust memory. Paths an input file names must stay inside the allowed folders.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "base/error.h"

namespace base {

// How much of a file may be read, and the --limit name that raises it ("" for none).
struct SizeLimit {
  std::uint64_t max_bytes = 256u << 20;
  std::string name;
};

// Checks that `path` (symbolic links followed) is a regular file within `limit`;
// returns its size. Otherwise throws Error at `from` (or at the path itself when
// `from` is empty) saying exactly what the path is. `what` names the file and starts
// the message: "layout file 'x.xml'", "image file 'a.jpg' of photo 'p'" …
std::uint64_t check_input_file(const std::filesystem::path& path, const Loc& from, const std::string& what,
                               const SizeLimit& limit);

// check_input_file(), then the whole file; stops at the limit even if the file grows.
std::string read_input_file(const std::filesystem::path& path, const Loc& from, const std::string& what,
                            const SizeLimit& limit);

// True when `path` (resolved: symbolic links followed, "." and ".." removed) lies in
// one of `roots` or below it.
bool path_within(const std::filesystem::path& path, const std::vector<std::filesystem::path>& roots);

// `path` resolved as path_within() sees it, for messages.
std::filesystem::path resolved(const std::filesystem::path& path);
// " (/resolved/path)" when that differs from `path` as written, else "".
std::string resolved_note(const std::filesystem::path& path);

}  // namespace base
