#include "cli/outputs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <set>

#include "base/error.h"
#include "cli/temp_file.h"

namespace cli {

namespace fs = std::filesystem;

namespace {

// NAME_MAX of Linux file systems (ext4, xfs, btrfs, tmpfs): bytes of one file name.
constexpr size_t kMaxName = 255;

[[noreturn]] void fail(const fs::path& p, const std::string& what, const std::string& fix) {
  throw base::Error({p.string(), 0}, what, fix);
}

bool same_file(const fs::path& a, const fs::path& b) {
  struct stat sa {}, sb {};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

fs::path folder_of(const fs::path& file) { return file.parent_path().empty() ? fs::path(".") : file.parent_path(); }

// A folder outputs go into: made when missing (the folders made are added to
// `created`, outermost first), and one we may write in.
void make_folder(const fs::path& dir, const std::string& option, std::vector<fs::path>& created) {
  std::error_code ec;
  std::vector<fs::path> missing;
  for (fs::path p = fs::absolute(dir, ec).lexically_normal(); !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
    missing.insert(missing.begin(), p);
    if (p == p.parent_path()) break;
  }
  const std::string kind = non_regular_kind(dir);
  if (fs::exists(dir, ec) && kind != "a folder")
    fail(dir, option + " names '" + dir.string() + "' as a folder, but it is " + (kind.empty() ? "a file" : kind),
         "give a folder, or remove the file in its way");
  if (!fs::exists(dir, ec) && !fs::create_directories(dir, ec))
    fail(dir, "cannot create the folder '" + dir.string() + "' for " + option + ": " + ec.message(),
         "check the path, and that you may write in its parent folder");
  created.insert(created.end(), missing.begin(), missing.end());
  if (::access(dir.c_str(), W_OK | X_OK) != 0)
    fail(dir, "cannot write in the folder '" + dir.string() + "' (" + option + ")",
         "choose a folder you may write in, or change its permissions");
}

// A file an output will replace: nothing but a regular file (or nothing) may be there.
void check_target(const fs::path& file, const std::string& option) {
  if (file.filename().string().size() > kMaxName)
    fail(file, "the file name given to " + option + " is longer than " + std::to_string(kMaxName) + " bytes",
         "choose a shorter name");
  const std::string kind = non_regular_kind(file);
  if (!kind.empty())
    fail(file, option + " '" + file.string() + "' is " + kind + "; paperset writes only regular files there",
         kind == "a folder" ? "give a file name inside the folder, e.g. " + (file / "out.pdf").string()
                            : "give the name of a file (to send the PDF elsewhere use -o - and redirect)");
}

bool starts_with_bytes(const fs::path& p, const std::string& magic) {
  std::ifstream in(p, std::ios::binary);
  std::string head(magic.size(), '\0');
  return in.read(head.data(), static_cast<std::streamsize>(head.size())) && head == magic;
}

// Regular files (not links) in `dir` whose names match `re` and that start with `magic`.
std::vector<fs::path> matching_files(const fs::path& dir, const std::regex& re, const std::string& magic) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::error_code st;
    if (!it->is_regular_file(st) || it->is_symlink(st)) continue;
    if (std::regex_match(it->path().filename().string(), re) && starts_with_bytes(it->path(), magic))
      out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void sync_folder(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

void write_stdout(const std::string& bytes) {
  for (size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(STDOUT_FILENO, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("-", "cannot write the PDF to standard output", "check where standard output goes (a full disk, a closed pipe)");
    done += static_cast<size_t>(n);
  }
}

const std::regex& proof_names() {
  static const std::regex re("page-[0-9]+\\.png");
  return re;
}

}  // namespace

std::string non_regular_kind(const fs::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return {};
  if (S_ISREG(st.st_mode)) return {};
  if (S_ISDIR(st.st_mode)) return "a folder";
  if (S_ISCHR(st.st_mode)) return "a character device";
  if (S_ISBLK(st.st_mode)) return "a block device";
  if (S_ISFIFO(st.st_mode)) return "a FIFO (named pipe)";
  if (S_ISSOCK(st.st_mode)) return "a socket";
  return "not a regular file";
}

Outputs::Outputs(const BuildArgs& args) : args_(args) {
  if (!args.split) return;
  const fs::path out(args.output);
  std::error_code ec;
  const bool folder = !args.split_name.empty() || fs::is_directory(out, ec) || args.output.back() == '/';
  if (folder) {
    split_folder_ = out;
    split_name_.emplace(args.split_name.empty() ? "page-{page}" : args.split_name);
  } else {
    split_folder_ = folder_of(out);
    const std::string stem = out.extension() == ".pdf" ? out.stem().string() : out.filename().string();
    split_name_.emplace(stem + "-page-{page}");
  }
}

Outputs::~Outputs() { release_guards(); }

void Outputs::prepare(const fs::path& issue_file) {
  if (args_.to_stdout() && ::isatty(STDOUT_FILENO) == 1)
    fail("-", "-o - writes the PDF to standard output, which is a terminal",
         "redirect it to a file or a program: paperset build … -o - > out.pdf");
  std::vector<std::pair<fs::path, std::string>> files;
  if (args_.split) make_folder(split_folder_, "--split -o", created_);
  else if (!args_.to_stdout()) files.push_back({args_.output, "-o"});
  if (!args_.report.empty()) files.push_back({args_.report, "--report"});
  if (!args_.proof_sheet.empty()) files.push_back({args_.proof_sheet, "--proof-sheet"});
  if (!args_.png_dir.empty()) make_folder(args_.png_dir, "--png", created_);
  for (const auto& [file, option] : files) {
    if (args_.output.back() == '/' && option == "-o") fail(file, "-o '" + file.string() + "' names a folder", "give a file name, e.g. " + (fs::path(file) / "out.pdf").string());
    check_target(file, option);
    if (same_file(file, issue_file))
      fail(file, option + " '" + file.string() + "' is the issue file itself; writing there would destroy it",
           "write the output to another file");
    make_folder(folder_of(file), option, created_);
  }
  for (const auto& dir : {args_.split ? split_folder_ : fs::path(), args_.png_dir.empty() ? fs::path() : fs::path(args_.png_dir)})
    if (!dir.empty()) remove_orphaned_temps(dir);
  for (const auto& [file, option] : files) remove_orphaned_temps(folder_of(file));
}

std::vector<fs::path> Outputs::pdf_paths() const {
  if (!args_.split) return {args_.to_stdout() ? fs::path() : fs::path(args_.output)};
  std::vector<fs::path> out;
  for (const auto& p : pages_) out.push_back(split_folder_ / split_name_->name(fields_, p.number, p.section));
  return out;
}

std::vector<fs::path> Outputs::output_files() const {
  std::vector<fs::path> out;
  for (const auto& p : pdf_paths())
    if (!p.empty()) out.push_back(p);
  if (!args_.png_dir.empty())
    for (const auto& p : pages_) out.push_back(fs::path(args_.png_dir) / p.proof);
  if (!args_.report.empty()) out.push_back(args_.report);
  if (!args_.proof_sheet.empty()) out.push_back(args_.proof_sheet);
  return out;
}

void Outputs::issue_read(const NameFields& fields, const std::vector<PageName>& pages, const std::vector<fs::path>& inputs) {
  fields_ = fields;
  pages_ = pages;
  std::map<std::string, size_t> seen;  // a file two outputs would share
  const auto outs = output_files();
  for (size_t i = 0; i < outs.size(); ++i) {
    const fs::path& out = outs[i];
    check_target(out, args_.split && i < pages.size() ? "--split" : "the output");
    const auto [it, fresh] = seen.emplace(fs::absolute(out).lexically_normal().string(), i);
    if (!fresh)
      fail(out, "two outputs of this build would be written to '" + out.string() + "'",
           args_.split ? "make the --split-name template give every page its own name (use {page})"
                       : "give -o, --png and --report different names");
    for (const auto& in : inputs)
      if (same_file(out, in))
        fail(out, "the output '" + out.string() + "' is an input of this build ('" + in.string() +
                      "'); writing there would destroy it",
             "write the output to another file");
  }
  guard_previous();
}

std::vector<fs::path> Outputs::previous_results() const {
  std::vector<fs::path> out;
  std::error_code ec;
  // Only what looks like a result: a PDF at -o (never a file the build reads: the
  // issue is refused before, and an input of another kind is no PDF).
  if (!args_.split && !args_.to_stdout() && fs::is_regular_file(args_.output, ec) &&
      starts_with_bytes(args_.output, "%PDF-"))
    out.push_back(args_.output);
  if (args_.split)
    if (const auto re = split_name_->any_page(fields_))
      for (const auto& p : matching_files(split_folder_, *re, "%PDF-")) out.push_back(p);
  if (!args_.png_dir.empty())
    for (const auto& p : matching_files(args_.png_dir, proof_names(), "\x89PNG")) out.push_back(p);
  return out;
}

void Outputs::guard_previous() {
  release_guards();
  for (const auto& p : previous_results()) guards_.push_back(remember_for_removal(p.string()));
}

void Outputs::release_guards() {
  for (int g : guards_) forget_for_removal(g);
  guards_.clear();
}

std::vector<std::string> Outputs::remove_previous() {
  std::vector<std::string> removed;
  for (const auto& p : previous_results()) {
    std::error_code ec;
    if (fs::remove(p, ec)) removed.push_back(p.string());
  }
  release_guards();
  return removed;
}

void Outputs::remove_created_folders() {
  // Innermost first; a folder with anything in it stays.
  for (auto it = created_.rbegin(); it != created_.rend(); ++it) {
    std::error_code ec;
    fs::remove(*it, ec);
  }
}

void Outputs::write_failure_report(const std::string& json) {
  if (args_.report.empty()) return;
  check_target(args_.report, "--report");
  // Before the issue is read its inputs are not known: never replace a file that is not
  // an earlier report.
  std::error_code ec;
  if (fs::exists(args_.report, ec) && fs::file_size(args_.report, ec) > 0 && !starts_with_bytes(args_.report, "{"))
    fail(args_.report, "--report '" + args_.report + "' is a file that is not a paperset report; it was left as it is",
         "give --report a new file name");
  TempFile t(folder_of(args_.report), args_.report);
  t.write(json);
  SignalsHeld held;
  t.commit_to(args_.report);
}

void Outputs::write_failure_sheet(const std::string& html) {
  if (args_.proof_sheet.empty()) return;
  check_target(args_.proof_sheet, "--proof-sheet");
  std::error_code ec;
  fs::create_directories(folder_of(args_.proof_sheet), ec);
  TempFile t(folder_of(args_.proof_sheet), args_.proof_sheet);
  t.write(html);
  SignalsHeld held;
  t.commit_to(args_.proof_sheet);
}

struct Outputs::Candidate {
  std::shared_ptr<TempFile> tmp;
  fs::path target;
};

std::vector<std::string> Outputs::commit(const std::vector<MadePdf>& pdfs, const ProofDrawer& draw_proof,
                                         const ReportMaker& report, const ReportMaker& sheet) {
  std::vector<Candidate> staged;
  std::vector<std::string> written;
  const std::string* to_stdout = nullptr;
  for (const auto& pdf : pdfs) {
    if (pdf.path.empty()) {
      to_stdout = &pdf.bytes;
      written.push_back("-");
      continue;
    }
    if (pdf.file) {
      staged.push_back({pdf.file, pdf.path});
    } else {
      staged.push_back({std::make_shared<TempFile>(folder_of(pdf.path), pdf.path), pdf.path});
      staged.back().tmp->write(pdf.bytes);
    }
    written.push_back(pdf.path.string());
  }
  if (!args_.png_dir.empty())
    for (size_t i = 0; i < pages_.size(); ++i) {
      const fs::path target = fs::path(args_.png_dir) / pages_[i].proof;
      staged.push_back({std::make_unique<TempFile>(args_.png_dir, target), target});
      staged.back().tmp->close();
      draw_proof(i, staged.back().tmp->path());
      written.push_back(target.string());
    }
  // Results of an earlier run that this one does not replace.
  std::set<fs::path> replaced;
  for (const auto& c : staged) replaced.insert(fs::absolute(c.target).lexically_normal());
  std::vector<fs::path> stale;
  for (const auto& p : previous_results())
    if (!replaced.count(fs::absolute(p).lexically_normal())) stale.push_back(p);
  std::vector<std::string> removed;
  for (const auto& p : stale) removed.push_back(p.string());
  // The sheet before the report: renamed in this order, the report (what a script
  // waits for) comes last.
  if (!args_.proof_sheet.empty() && sheet) {
    written.push_back(args_.proof_sheet);
    staged.push_back({std::make_unique<TempFile>(folder_of(args_.proof_sheet), args_.proof_sheet), args_.proof_sheet});
    staged.back().tmp->write(sheet(written, removed));
  }
  if (!args_.report.empty()) {
    staged.push_back({std::make_unique<TempFile>(folder_of(args_.report), args_.report), args_.report});
    staged.back().tmp->write(report(written, removed));
  }
  if (to_stdout) write_stdout(*to_stdout);
  // Publish: every rename, or none when one fails; signals wait until it is done.
  SignalsHeld held;
  std::vector<fs::path> published;
  try {
    for (auto& c : staged) {
      c.tmp->commit_to(c.target);
      published.push_back(c.target);
    }
  } catch (...) {
    std::error_code ec;
    for (const auto& p : published) fs::remove(p, ec);
    throw;
  }
  for (const auto& p : stale) {
    std::error_code ec;
    fs::remove(p, ec);
  }
  std::set<fs::path> folders;
  for (const auto& c : staged) folders.insert(folder_of(c.target));
  for (const auto& f : folders) sync_folder(f);
  release_guards();
  return written;
}

}  // namespace cli
