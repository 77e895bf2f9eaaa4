// The photo cache (photo_cache.h, docs/print.md "Photo cache").
#include "pdf/photo_cache.h"

#include <elf.h>
#include <link.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <chrono>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "base/files.h"
#include "pdf/util.h"

namespace pdf {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

// Bumped whenever what an entry holds changes (how a photo is prepared is told by the
// code's build IDs).
constexpr int kFormat = 3;

json::binary_t binary(const std::string& s) { return json::binary_t(std::vector<std::uint8_t>(s.begin(), s.end())); }

std::string text(const json& j) {
  const auto& b = j.get_binary();
  return std::string(b.begin(), b.end());
}

// A cache entry is read like any input: a regular file, and no more than a prepared
// photo can be (a planted huge file is a miss, not memory exhausted).
std::string read_all(const fs::path& p) {
  return base::read_input_file(p, {}, "photo cache entry '" + p.string() + "'", {1ull << 31, ""});
}

std::string hex(const unsigned char* p, std::size_t n) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += kHex[p[i] >> 4], out += kHex[p[i] & 0xF];
  return out;
}

// The NT_GNU_BUILD_ID notes of one loaded object's PT_NOTE segments (ELF gABI "Note
// Section": name and descriptor padded to the segment's alignment, 4 or 8).
void build_ids(const dl_phdr_info* info, std::string& out) {
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    const std::size_t align = ph.p_align == 8 ? 8 : 4;
    auto pad = [align](std::size_t n) { return (n + align - 1) & ~(align - 1); };
    const auto* p = reinterpret_cast<const unsigned char*>(info->dlpi_addr + ph.p_vaddr);
    const unsigned char* end = p + ph.p_memsz;
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      const auto* n = reinterpret_cast<const ElfW(Nhdr)*>(p);
      const unsigned char* name = p + sizeof(ElfW(Nhdr));
      const unsigned char* desc = name + pad(n->n_namesz);
      if (desc + n->n_descsz > end) break;
      if (n->n_type == NT_GNU_BUILD_ID && n->n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0)
        out += hex(desc, n->n_descsz) + "\n";
      p = desc + pad(n->n_descsz);
    }
  }
}

}  // namespace

std::string code_identity() {
  struct Found {
    std::string ids;
    bool program = false;  // the first object reported is the program itself
    bool first = true;
  } found;
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* data) {
        auto& f = *static_cast<Found*>(data);
        const std::size_t before = f.ids.size();
        build_ids(info, f.ids);
        if (f.first) f.program = f.ids.size() > before, f.first = false;
        return 0;
      },
      &found);
  return found.program ? found.ids : std::string();
}

PhotoCache::PhotoCache(fs::path dir, const std::string& output_profile, const std::string& untagged_profile,
                       const Options& opt) {
  if (dir.empty()) return;
  static const std::string code = code_identity();
  if (code.empty()) return;
  dir_ = std::move(dir);
  const Conformance& c = opt.conformance;
  settings_ = sha256_hex("paperset photo cache " + std::to_string(kFormat) + "\ncode " + code + "pdfx " +
                         base::pdfx_name(c.standard) + " transparency " + std::to_string(c.transparency) +
                         "\nprofile " + sha256_hex(output_profile) + "\nuntagged " + sha256_hex(untagged_profile) +
                         "\nquality " + std::to_string(c.jpeg_quality) +
                         "\nink " + std::to_string(opt.ink_limit_percent) + "\n");
}

fs::path PhotoCache::file_of(const image::Store::Entry& e, std::string& key) const {
  key = sha256_hex(settings_ + sha256_hex(e.bytes));
  return dir_ / (key.substr(0, 40) + ".photo");
}

// An entry is its CBOR followed by the SHA-256 (hex) of that CBOR: every field, the
// bytes the PDF gets and the ink alike, is checked before anything is used.
bool PhotoCache::load(const image::Store::Entry& e, PreparedPhoto& out) const {
  if (dir_.empty()) return false;
  std::string key;
  const fs::path file = file_of(e, key);
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return false;
  try {
    const std::string raw = read_all(file);
    if (raw.size() < 64) return false;
    const std::string body = raw.substr(0, raw.size() - 64);
    if (sha256_hex(body) != raw.substr(raw.size() - 64)) return false;
    const json j = json::from_cbor(body);
    if (j.at("key") != key || j.at("width") != e.info.width || j.at("height") != e.info.height) return false;
    PreparedPhoto p;
    p.image.source = &e;
    p.image.width = e.info.width, p.image.height = e.info.height;
    p.image.filter = j.at("filter"), p.image.colour_space = j.at("colour_space"), p.image.inverted = j.at("inverted");
    p.image.converted = text(j.at("data"));
    p.image.smask_flate = text(j.at("smask"));
    p.image.stencil_flate = text(j.at("stencil"));
    p.soft_alpha_refused = j.at("soft_alpha_refused");
    p.ink.pixels = j.at("ink_pixels"), p.ink.over = j.at("ink_over"), p.ink.max_sum = j.at("ink_max");
    // A CMYK photo's re-separation, for its warning (cmyk_photos.h).
    const json& r = j.at("reseparation");
    r.at("done").get_to(p.cmyk.reseparated), r.at("tagged").get_to(p.cmyk.tagged), r.at("profile").get_to(p.cmyk.profile);
    p.cmyk.before.pixels = r.at("pixels"), p.cmyk.before.over = r.at("over"), p.cmyk.before.max_sum = r.at("max");
    p.cmyk.ink = p.ink;
    out = std::move(p);
  } catch (const std::exception&) {
    return false;  // unreadable, truncated or foreign: prepare the photo again
  }
  fs::last_write_time(file, fs::file_time_type::clock::now(), ec);  // used: kept by prune()
  return true;
}

void PhotoCache::save(const image::Store::Entry& e, const PreparedPhoto& p) const {
  if (dir_.empty()) return;
  std::string key;
  const fs::path file = file_of(e, key);
  const json j = {{"key", key},
                  {"width", e.info.width},
                  {"height", e.info.height},
                  {"filter", p.image.filter},
                  {"colour_space", p.image.colour_space},
                  {"inverted", p.image.inverted},
                  {"data", binary(p.image.converted)},
                  {"smask", binary(p.image.smask_flate)},
                  {"stencil", binary(p.image.stencil_flate)},
                  {"soft_alpha_refused", p.soft_alpha_refused},
                  {"ink_pixels", p.ink.pixels},
                  {"ink_over", p.ink.over},
                  {"ink_max", p.ink.max_sum},
                  {"reseparation",
                   {{"done", p.cmyk.reseparated},
                    {"tagged", p.cmyk.tagged},
                    {"profile", p.cmyk.profile},
                    {"pixels", p.cmyk.before.pixels},
                    {"over", p.cmyk.before.over},
                    {"max", p.cmyk.before.max_sum}}}};
  const std::vector<std::uint8_t> cbor = json::to_cbor(j);
  std::string bytes(cbor.begin(), cbor.end());
  bytes += sha256_hex(bytes);
  write_atomically(file, bytes);
}

// Written under a name of its own, then renamed: another build reading the cache at the
// same time sees a whole entry or none. A cache that cannot be written is no error.
void PhotoCache::write_atomically(const fs::path& file, const std::string& bytes) const {
  static std::atomic<unsigned> counter{0};
  std::error_code ec;
  fs::create_directories(dir_, ec);
  const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
  const fs::path tmp = dir_ / (".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
                               std::to_string(now));
  {
    std::ofstream o(tmp, std::ios::binary);
    o.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    o.flush();
    if (!o) {
      o.close();
      fs::remove(tmp, ec);
      return;
    }
  }
  fs::rename(tmp, file, ec);
  if (ec) fs::remove(tmp, ec);
}

void PhotoCache::prune(int days) const {
  if (dir_.empty()) return;
  const auto old = fs::file_time_type::clock::now() - std::chrono::hours(24 * days);
  std::error_code ec;
  for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    if (p.extension() != ".photo" && p.filename().string().rfind(".tmp-", 0) != 0) continue;
    std::error_code e2;
    if (fs::last_write_time(p, e2) < old && !e2) fs::remove(p, e2);
  }
}

}  // namespace pdf
