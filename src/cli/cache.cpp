#include "cli/cache.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <numeric>
#include <string_view>

#include "base/error.h"
#include "base/files.h"
#include "cli/session.h"
#include "cli/versions.h"

namespace cli {

namespace fs = std::filesystem;

namespace {

// Bumped whenever what a cache file holds changes meaning.
constexpr const char* kFormat = "paperset page cache 3";

// 128 bits from two passes of the standard library's hash: a key names bytes that are
// not kept, so a collision must be out of reach, which 64 bits of one pass are not
// quite. (The binary is part of every key, so the hash may differ between builds.)
std::string digest(const std::string& s) {
  const std::size_t a = std::hash<std::string_view>{}(s);
  const std::size_t b = std::hash<std::string_view>{}(std::to_string(a) + s + "\x1f");
  char out[40];
  std::snprintf(out, sizeof out, "%016zx%016zx", a, b);
  return out;
}

// A cache file (or an input already read under its limit): a regular file read up to
// 1 GiB, else "" — a FIFO, device or huge file planted in the cache is a miss.
std::string file_text(const fs::path& p) {
  try {
    return base::read_input_file(p, {}, "cache file '" + p.string() + "'", {1ull << 30, ""});
  } catch (const base::Error&) {
    return {};
  }
}

// The issue file cut at the lines its <page> elements start on: the text before the
// first page (the issue's attributes), and each page's text.
struct Slices {
  std::string head;
  std::map<int, std::string> page;
};

Slices slice(const std::string& text, const std::map<int, int>& starts) {
  std::vector<size_t> line_at{0};  // byte offset of each line (1-based: line_at[n - 1])
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') line_at.push_back(i + 1);
  auto offset = [&](int line) { return line <= 0 ? 0 : line_at[std::min<size_t>(static_cast<size_t>(line - 1), line_at.size() - 1)]; };
  std::vector<std::pair<int, int>> by_line;  // (start line, page)
  for (const auto& [page, line] : starts) by_line.push_back({line, page});
  std::sort(by_line.begin(), by_line.end());
  Slices s;
  s.head = text.substr(0, by_line.empty() ? text.size() : offset(by_line.front().first));
  for (size_t i = 0; i < by_line.size(); ++i) {
    const size_t from = offset(by_line[i].first);
    const size_t to = i + 1 < by_line.size() ? offset(by_line[i + 1].first) : text.size();
    s.page[by_line[i].second] = text.substr(from, to > from ? to - from : 0);
  }
  return s;
}

// Pages joined by jumps (an article's frames or photos on other pages) into units.
std::map<int, int> units(const model::Issue& issue) {
  std::map<int, int> parent;
  for (const auto& p : issue.pages) parent[p.number] = p.number;
  std::function<int(int)> root = [&](int x) { return parent[x] == x ? x : parent[x] = root(parent[x]); };
  auto join = [&](int a, int b) {
    if (parent.count(a) && parent.count(b)) parent[root(a)] = root(b);
  };
  for (const auto& p : issue.pages)
    for (const model::Article& a : p.of<model::Article>()) {
      for (const auto& f : a.frames) join(p.number, f.page);
      for (const auto& ph : a.photos) join(p.number, ph.page);
    }
  std::map<int, int> out;
  for (const auto& p : issue.pages) out[p.number] = root(p.number);
  return out;
}

// The files a page reads besides the issue: copy files its text came from, photos, logos, ads.
std::string inputs_of(const model::Page& p, const fs::path& issue_file) {
  std::set<std::string> files;
  auto text = [&](const model::TextBlock& t) {
    if (!t.loc.file.empty() && t.loc.file != issue_file.string()) files.insert(t.loc.file);
  };
  auto photo = [&](const model::Photo& ph) {
    files.insert(ph.src.string());
    if (ph.caption) text(*ph.caption);
    if (ph.credit) text(*ph.credit);
  };
  for (const auto& block : p.blocks)
    std::visit(base::Overloaded{[&](const model::Article& a) {
                                  for (const auto& t : a.head) text(t);
                                  for (const auto& t : a.body) text(t);
                                  for (const auto& ph : a.photos) photo(ph);
                                },
                                [&](const model::Photo& ph) { photo(ph); },
                                [&](const model::Banner& b) { text(b.text); },
                                [&](const model::Rule&) {},
                                [&](const model::Briefs& b) {
                                  for (const auto& t : b.head) text(t);
                                  for (const auto& t : b.items) text(t);
                                },
                                [&](const model::Masthead& m) {
                                  if (!m.logo.empty()) files.insert(m.logo.string());
                                },
                                [&](const model::Ad& a) {
                                  if (!a.src.empty()) files.insert(a.src.string());
                                }},
               block);
  std::string out;
  for (const auto& f : files) out += file_identity(f);
  return out;
}

// Everything every page depends on.
std::string global_key(const model::Issue& issue, const BuildArgs& args, const text::FontSet& fonts,
                       const std::string& head) {
  std::string k = std::string(kFormat) + "\n" + version_text() + file_identity("/proc/self/exe") + "\n";
  k += "issue " + issue.source.string() + "\n" + head + "\n";
  k += "layout " + file_text(issue.layout.loc.file) + "\n";
  for (int f = 0; f < fonts.face_count(); ++f)
    k += "face " + file_identity(fonts.info(f).file) + std::to_string(fonts.info(f).index) + fonts.info(f).family + "\n";
  k += "pages";
  for (const auto& p : issue.pages) k += " " + std::to_string(p.number) + "/" + p.section;
  k += "\noptions " + std::to_string(args.allow_overset) + std::to_string(args.allow_low_res) +
       std::to_string(args.no_balance) + std::to_string(args.keep_copy) + std::to_string(args.allow_missing_photos) +
       std::to_string(args.allow_missing_ads) + "\n";
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH")) k += std::string("epoch ") + e + "\n";
  return k;
}

// Written beside its target and renamed over it, so a reader never sees half a file.
// Not flushed to disk: a cache file lost in a crash is only a page built again, and a
// damaged one is read as missing (plan()).
void write_atomically(const fs::path& target, const std::string& bytes) {
  const fs::path tmp = target.string() + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) throw base::Error({target.string(), 0}, "cannot write the cache file '" + target.string() + "'",
                                        "check the --cache folder (a full disk?)");
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw base::Error({target.string(), 0}, "cannot write the cache file '" + target.string() + "'",
                      "check the --cache folder");
  }
}

}  // namespace

PageCache::PageCache(fs::path dir) : dir_(std::move(dir)) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (!fs::is_directory(dir_, ec))
    throw base::Error({dir_.string(), 0}, "cannot make the cache folder '" + dir_.string() + "'",
                      "give --cache a folder you may write in");
}

fs::path PageCache::file(int page, const char* ext) const {
  char name[32];
  std::snprintf(name, sizeof name, "page-%02d.%s", page, ext);
  return dir_ / name;
}

std::set<int> PageCache::plan(const model::Issue& issue, const BuildArgs& args, const text::FontSet& fonts) {
  issue_file_ = issue.source.string();
  starts_.clear();
  for (const auto& p : issue.pages) starts_[p.number] = p.loc.line;
  const Slices s = slice(file_text(issue.source), starts_);
  const std::string global = digest(global_key(issue, args, fonts, s.head));
  const std::map<int, int> unit = units(issue);
  std::map<int, std::string> unit_text;  // unit → its pages' text and inputs, in page order
  for (const auto& p : issue.pages)
    unit_text[unit.at(p.number)] += "page " + std::to_string(p.number) + "\n" + s.page.at(p.number) + "\n" +
                                    inputs_of(p, issue.source) + "\n";
  keys_.clear();
  lay_out_.clear();
  std::set<int> stale_units;
  for (const auto& p : issue.pages) {
    keys_[p.number] = digest(global + "\n" + std::to_string(p.number) + "\n" + unit_text[unit.at(p.number)]);
    if (!load(p.number)) stale_units.insert(unit.at(p.number));
  }
  for (const auto& p : issue.pages)
    if (stale_units.count(unit.at(p.number))) lay_out_.insert(p.number);
  return lay_out_;
}

base::Loc PageCache::to_relative(base::Loc loc) const {
  if (loc.file != issue_file_ || loc.line <= 0) return loc;
  int page = 0, start = 0;
  for (const auto& [p, line] : starts_)
    if (line <= loc.line && line >= start) page = p, start = line;
  if (page == 0) return loc;  // before the first page: the head, which every key holds
  return {"\x01" + std::to_string(page), loc.line - start, loc.col};
}

base::Loc PageCache::to_absolute(base::Loc loc) const {
  if (loc.file.empty() || loc.file[0] != '\x01') return loc;
  const int page = std::atoi(loc.file.c_str() + 1);
  return {issue_file_, starts_.at(page) + loc.line, loc.col};
}

void PageCache::store(const frame::Page& page, std::vector<base::Finding> findings) {
  auto c = std::make_shared<CachedPage>();
  c->page = page;
  for (auto& item : c->page.items)
    if (auto* img = std::get_if<frame::Image>(&item)) img->loc = to_relative(img->loc);
  for (auto& f : findings) f.loc = to_relative(f.loc);
  c->findings = std::move(findings);
  const std::string& key = keys_.at(page.number);
  write_atomically(file(page.number, "frames"), encode_page(*c));
  write_atomically(file(page.number, "key"), key);
  memory_[page.number] = {key, std::move(c)};
}

// The page as cached under this build's key, or null. A cache file that cannot be read
// back (a crash while it was written, another version's format) is a page to lay out.
std::shared_ptr<const CachedPage> PageCache::load(int page) const {
  const std::string& key = keys_.at(page);
  if (auto it = memory_.find(page); it != memory_.end() && it->second.key == key) return it->second.page;
  if (file_text(file(page, "key")) != key) return nullptr;
  try {
    auto c = std::make_shared<const CachedPage>(decode_page(file_text(file(page, "frames"))));
    if (c->page.number != page) return nullptr;
    memory_[page] = {key, c};
    return c;
  } catch (const std::exception&) {
    return nullptr;
  }
}

CachedPage PageCache::cached(int page) const {
  const auto hit = load(page);
  if (!hit) throw std::logic_error("page " + std::to_string(page) + " is not in the cache");
  CachedPage c = *hit;
  for (auto& item : c.page.items)
    if (auto* img = std::get_if<frame::Image>(&item)) img->loc = to_absolute(img->loc);
  for (auto& f : c.findings) f.loc = to_absolute(f.loc);
  return c;
}

std::optional<fs::path> PageCache::proof(int page, const std::string& options) const {
  if (lay_out_.count(page) || !keys_.count(page)) return std::nullopt;
  if (file_text(file(page, "png.key")) != keys_.at(page) + "\n" + options) return std::nullopt;
  std::error_code ec;
  if (!fs::is_regular_file(file(page, "png"), ec)) return std::nullopt;
  return file(page, "png");
}

void PageCache::store_proof(int page, const std::string& options, const fs::path& png) {
  const fs::path target = file(page, "png");
  std::error_code ec;
  fs::remove(file(page, "png.key"), ec);
  fs::copy_file(png, target, fs::copy_options::overwrite_existing, ec);
  if (!ec) write_atomically(file(page, "png.key"), keys_.at(page) + "\n" + options);
}

}  // namespace cli
