#pragma once
// `paperset watch --serve PORT` (docs/cli.md "Watching an issue"): the proof sheet over
// HTTP on 127.0.0.1, and a Server-Sent Events stream (/events) that tells an open sheet
// the moment a rebuild finishes, so it reloads at once instead of polling.
//
// Small on purpose, and safe on a shared machine: it listens on the loopback address
// only, answers GET and HEAD (RFC 9110 §9.3.1, §9.3.2) of the files in one folder —
// the proof sheet's: the sheet, its proofs, sheet-state.js — by their plain names (no
// folders, no hidden files, no ".."; only regular files, never a link), and refuses a
// request whose Host is not the loopback address (a DNS-rebinding page cannot read
// the proofs). One thread, poll(2), non-blocking sockets.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace cli {

class SheetServer {
 public:
  // Listens on 127.0.0.1:`port` (0: a free port the system picks) and serves `folder`,
  // `index` (the sheet's file name) for "/". Throws base::Error when it cannot listen.
  SheetServer(const std::filesystem::path& folder, const std::string& index, int port);
  ~SheetServer();  // stops serving and closes every connection
  SheetServer(const SheetServer&) = delete;
  SheetServer& operator=(const SheetServer&) = delete;

  int port() const;
  std::string url() const;  // "http://127.0.0.1:PORT/"
  // A rebuild finished and the sheet naming `generation` is written: every open
  // /events stream is sent the generation.
  void published(long long generation);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// The file of `folder` that a request target ("/page-03.png?t=1") names, or nullopt
// when it names none that may be served: not a plain name of an .html, .png, .js, .css
// or .json file, a hidden name, a path with folders or "..", or not a regular file.
std::optional<std::filesystem::path> served_file(const std::filesystem::path& folder, const std::string& index,
                                                 const std::string& target);

}  // namespace cli
