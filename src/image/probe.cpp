// probe(): which image a file is, how big, which colour space, read from the header
// alone so that a 400-megapixel photo is refused before a byte of it is decoded.
#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <system_error>

#include "base/context.h"
#include "image/internal.h"

namespace image {
namespace fs = std::filesystem;

void fail(const Source& src, const std::string& what, const std::string& fix) {
  base::Loc loc = src.from.file.empty() ? base::Loc{src.file.string(), 0} : src.from;
  throw base::Error(std::move(loc), "image '" + src.file.string() + "': " + what, fix);
}

HeaderReader::HeaderReader(const Source& src, std::istream& in, std::uint64_t file_size, const char* format)
    : src_(src), in_(in), file_size_(file_size), format_(format) {}

void HeaderReader::truncated(const std::string& while_reading) const {
  fail(src_, std::string("the ") + format_ + " header is truncated (the file ends while reading " + while_reading + ")",
       "the file was cut short (an incomplete copy or download?): export or copy it again");
}

void HeaderReader::need(std::uint64_t n, const char* what) {
  if (n > file_size_ - pos_) truncated(what);
}

std::string HeaderReader::take(std::size_t n) {
  need(n, "a header segment");
  std::string s(n, '\0');
  in_.read(s.data(), static_cast<std::streamsize>(n));
  if (static_cast<std::size_t>(in_.gcount()) != n) truncated("a header segment");
  pos_ += n;
  return s;
}

std::uint8_t HeaderReader::u8() { return static_cast<std::uint8_t>(take(1)[0]); }

std::uint16_t HeaderReader::be16() {
  const std::string b = take(2);
  return static_cast<std::uint16_t>((static_cast<std::uint8_t>(b[0]) << 8) | static_cast<std::uint8_t>(b[1]));
}

std::uint32_t HeaderReader::be32() {
  const std::uint32_t hi = be16();
  return (hi << 16) | be16();
}

void HeaderReader::skip(std::uint64_t n) {
  need(n, "a header segment");
  in_.seekg(static_cast<std::streamoff>(n), std::ios::cur);
  pos_ += n;
}

std::uint64_t checked_size(const Source& src) {
  std::error_code ec;
  const fs::file_status st = fs::status(src.file, ec);
  if (ec || !fs::exists(st))
    fail(src, "file not found", "check the src= path; it is resolved against the issue file's folder");
  if (!fs::is_regular_file(st)) fail(src, "is not a regular file", "point src= at a JPEG, PNG or TIFF file");
  const std::uint64_t size = fs::file_size(src.file, ec);
  if (ec) fail(src, "cannot read the file size: " + ec.message(), "check the file's permissions");
  if (size == 0) fail(src, "the file is empty (0 bytes)", "the copy failed: export or copy the image again");
  return size;
}

namespace {

enum class Sniffed { Jpeg, Png, Tiff, Other };

// Names a few formats photo desks do send, so the fix can say what to convert from.
std::string describe_other(const std::string& head) {
  auto starts = [&head](const char* magic, std::size_t n) { return head.compare(0, n, magic, n) == 0; };
  if (starts("GIF8", 4)) return "a GIF image";
  if (starts("RIFF", 4) && head.size() >= 12 && head.compare(8, 4, "WEBP") == 0) return "a WebP image";
  if (starts("BM", 2)) return "a BMP image";
  if (starts("%PDF", 4)) return "a PDF file";
  if (starts("\0\0\0", 3) && head.size() >= 12 && head.compare(4, 4, "ftyp") == 0) return "a HEIF/AVIF or MP4 file";
  return "neither a JPEG, a PNG nor a TIFF file";
}

Sniffed sniff(const std::string& head) {
  static const char kPng[8] = {'\x89', 'P', 'N', 'G', '\r', '\n', '\x1a', '\n'};
  if (head.size() >= 3 && head.compare(0, 3, "\xFF\xD8\xFF", 3) == 0) return Sniffed::Jpeg;
  if (head.size() >= 8 && head.compare(0, 8, kPng, 8) == 0) return Sniffed::Png;
  // TIFF 6.0 §2: "II" 42 or "MM" 42; BigTIFF (43) too, which libtiff reads.
  if (head.size() >= 4 && (head.compare(0, 4, "II*\0", 4) == 0 || head.compare(0, 4, "MM\0*", 4) == 0 ||
                           head.compare(0, 4, "II+\0", 4) == 0 || head.compare(0, 4, "MM\0+", 4) == 0))
    return Sniffed::Tiff;
  return Sniffed::Other;
}


// A photo over the limit would take gigabytes to decode for a proof; no newspaper
// page needs it (a whole 对开 page at 300 ppi is about 30 megapixels).
void check_dimensions(const Info& info, const Source& src) {
  if (info.width <= 0 || info.height <= 0)
    fail(src, "the header gives a zero size (" + std::to_string(info.width) + " × " + std::to_string(info.height) + " pixels)",
         "the file is damaged: export it again");
  const std::int64_t pixels = std::int64_t{info.width} * info.height;
  const std::string size = std::to_string(info.width) + " × " + std::to_string(info.height) + " pixels";
  char mp[32];
  std::snprintf(mp, sizeof mp, "%.1f", static_cast<double>(pixels) / 1e6);
  if (pixels > kMaxPixels)
    fail(src,
         "is " + size + " (" + mp + " megapixels), over the limit of " + std::to_string(kMaxPixels / 1'000'000) +
             " megapixels",
         "scale the image down before placing it: 300 ppi at its printed size is enough "
         "(a whole broadsheet page is about 30 megapixels)");
  // What decoding holds: every channel of every pixel, alpha included, 8 bits each.
  const std::int64_t bytes = pixels * (info.components + (info.has_alpha ? 1 : 0));
  if (bytes > kMaxDecodedBytes)
    fail(src,
         "is " + size + " with " + std::to_string(info.components + (info.has_alpha ? 1 : 0)) +
             " channels: decoded it would take " + std::to_string(bytes / 1'000'000) + " MB, over the limit of " +
             std::to_string(kMaxDecodedBytes / 1'000'000) + " MB",
         "scale the image down before placing it (300 ppi at its printed size is enough), or drop its alpha channel");
}

// A read-only stream over bytes already in memory (seekable, as HeaderReader::skip needs).
class MemoryBuf : public std::streambuf {
 public:
  MemoryBuf(const std::string& bytes) {
    char* p = const_cast<char*>(bytes.data());  // never written: the buffer is get-only
    setg(p, p, p + bytes.size());
  }

 protected:
  pos_type seekoff(off_type off, std::ios_base::seekdir dir, std::ios_base::openmode) override {
    const off_type at = dir == std::ios_base::beg ? off : dir == std::ios_base::cur ? (gptr() - eback()) + off
                                                                                     : (egptr() - eback()) + off;
    if (at < 0 || at > egptr() - eback()) return pos_type(off_type(-1));
    setg(eback(), eback() + at, egptr());
    return pos_type(at);
  }
  pos_type seekpos(pos_type pos, std::ios_base::openmode which) override {
    return seekoff(off_type(pos), std::ios_base::beg, which);
  }
};

Info probe_stream(const Source& src, std::istream& in, std::uint64_t size) {
  std::string head(16, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  in.clear();
  in.seekg(0);
  const Sniffed kind = sniff(head);
  if (kind == Sniffed::Other)
    fail(src, "is " + describe_other(head) + " (the file's first bytes are not a JPEG, PNG or TIFF signature)",
         "save the photo as JPEG or TIFF (or PNG for graphics); renaming a file does not convert it");
  HeaderReader reader(src, in, size, kind == Sniffed::Jpeg ? "JPEG" : "PNG");
  Info info = kind == Sniffed::Jpeg ? probe_jpeg(reader, src) : probe_png(reader, src);
  check_dimensions(info, src);
  return info;
}

}  // namespace

Info probe(const fs::path& file, const base::Loc& from) {
  const Source src{file, from};
  const std::uint64_t size = checked_size(src);
  std::ifstream in(file, std::ios::binary);
  if (!in) fail(src, "cannot be opened for reading", "check the file's permissions");
  std::string head(16, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  in.clear();
  in.seekg(0);
  // libtiff reads a TIFF's directory wherever it lies in the file: it gets the bytes.
  if (sniff(head) == Sniffed::Tiff) return probe_bytes(base::read_file(file, from), file, from);
  return probe_stream(src, in, size);
}

Info probe_bytes(const std::string& bytes, const fs::path& file, const base::Loc& from) {
  const Source src{file, from};
  if (bytes.empty()) fail(src, "the file is empty (0 bytes)", "the copy failed: export or copy the image again");
  if (sniff(bytes.substr(0, 16)) == Sniffed::Tiff) {
    Info info = probe_tiff(bytes, src);
    check_dimensions(info, src);
    return info;
  }
  MemoryBuf buf(bytes);
  std::istream in(&buf);
  return probe_stream(src, in, bytes.size());
}

}  // namespace image
