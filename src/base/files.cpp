// Input files: refused by what they are (not "not found" for everything), read only up
// to their limit. POSIX stat/open are used directly: std::filesystem cannot say "FIFO"
// and std::ifstream would block on one or read a device until memory runs out.
#include "base/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "base/limits.h"

namespace base {

namespace fs = std::filesystem;

namespace {

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

[[noreturn]] void refuse(const fs::path& path, const Loc& from, const std::string& what, const std::string& problem,
                         const std::string& fix) {
  const Loc loc = from.file.empty() ? Loc{path.string(), 0} : from;
  throw Error(loc, what + " " + problem, fix);
}

const char* kRegularFix = "give the path of an ordinary file; folders, pipes, devices and sockets are never read";

// What a path that is not a regular file is, in words.
std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "is a folder, not a file";
  if (S_ISFIFO(mode)) return "is a named pipe (FIFO), not a regular file";
  if (S_ISCHR(mode)) return "is a character device, not a regular file";
  if (S_ISBLK(mode)) return "is a block device, not a regular file";
  if (S_ISSOCK(mode)) return "is a socket, not a regular file";
  return "is not a regular file";
}

[[noreturn]] void refuse_errno(const fs::path& path, const Loc& from, const std::string& what, int err) {
  switch (err) {
    case ENOENT: {
      struct stat l {};
      if (::lstat(path.c_str(), &l) == 0 && S_ISLNK(l.st_mode))
        refuse(path, from, what, "is a symbolic link to a file that does not exist",
               "correct the link or the path");
      refuse(path, from, what, "not found", "check the path and the file name");
    }
    case ELOOP:
      refuse(path, from, what, "is a symbolic link loop (too many levels of symbolic links)",
             "correct the links so that the path ends at a file");
    case EACCES: refuse(path, from, what, "cannot be read: permission denied", "check the file's permissions");
    case ENOTDIR:
      refuse(path, from, what, "not found: a part of the path is a file, not a folder", "check the path");
    case ENAMETOOLONG: refuse(path, from, what, "has too long a name", "use a shorter path");
    default: refuse(path, from, what, std::string("cannot be read: ") + std::strerror(err), "check the path");
  }
}

[[noreturn]] void too_big(const fs::path& path, const Loc& from, const std::string& what, std::uint64_t size,
                          const SizeLimit& limit) {
  refuse(path, from, what,
         "is " + format_bytes(size) + ", over the limit of " + format_bytes(limit.max_bytes) + " for this kind of file",
         limit.name.empty() ? "check that it is the right file"
                            : "check that it is the right file; if it is, raise the limit with --limit " + limit.name +
                                  "=N (in bytes, or with K, M or G)");
}

}  // namespace

std::uint64_t check_input_file(const fs::path& path, const Loc& from, const std::string& what, const SizeLimit& limit) {
  struct stat st {};
  if (path.empty()) refuse(path, from, what, "is an empty path", "write the file's path");
  if (::stat(path.c_str(), &st) != 0) refuse_errno(path, from, what, errno);
  if (!S_ISREG(st.st_mode)) refuse(path, from, what, kind_of(st.st_mode), kRegularFix);
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > limit.max_bytes) too_big(path, from, what, size, limit);
  return size;
}

std::string read_input_file(const fs::path& path, const Loc& from, const std::string& what, const SizeLimit& limit) {
  check_input_file(path, from, what, limit);
  // O_NONBLOCK: if the path was swapped for a FIFO since the check, open does not hang.
  Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
  if (f.fd < 0) refuse_errno(path, from, what, errno);
  struct stat st {};
  if (::fstat(f.fd, &st) != 0) refuse_errno(path, from, what, errno);
  if (!S_ISREG(st.st_mode)) refuse(path, from, what, kind_of(st.st_mode), kRegularFix);
  if (static_cast<std::uint64_t>(st.st_size) > limit.max_bytes)
    too_big(path, from, what, static_cast<std::uint64_t>(st.st_size), limit);
  // Read until end of file, never past the limit (a file still growing is cut off).
  const std::uint64_t cap = limit.max_bytes + 1;
  std::string bytes(static_cast<std::size_t>(std::min<std::uint64_t>(cap, static_cast<std::uint64_t>(st.st_size) + 1)),
                    '\0');
  std::size_t got = 0;
  for (;;) {
    if (got == bytes.size()) {
      if (got >= cap) too_big(path, from, what, got, limit);
      bytes.resize(static_cast<std::size_t>(std::min<std::uint64_t>(cap, got + 65536)));
    }
    const ssize_t n = ::read(f.fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) refuse_errno(path, from, what, errno);
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  bytes.resize(got);
  return bytes;
}

fs::path resolved(const fs::path& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? fs::absolute(path, ec).lexically_normal() : p;
}

std::string resolved_note(const fs::path& path) {
  const fs::path r = resolved(path);
  return r == path ? std::string() : " (" + r.string() + ")";
}

bool path_within(const fs::path& path, const std::vector<fs::path>& roots) {
  const fs::path p = resolved(path);
  for (const auto& r : roots) {
    const fs::path root = resolved(r);
    const auto rel = p.lexically_relative(root);
    if (!rel.empty() && *rel.begin() != ".." && !rel.is_absolute()) return true;
  }
  return false;
}

}  // namespace base
