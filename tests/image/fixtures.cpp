#include "image/fixtures.h"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "support/support.h"

namespace fixtures {
namespace fs = std::filesystem;

fs::path make(const fs::path& dir, const std::string& name, const std::string& args, const std::string& format) {
  const fs::path out = dir / name;
  const std::string prefix = format.empty() ? "" : format + ":";
  const test::RunResult r = test::run_shell("convert " + args + " '" + prefix + out.string() + "'");
  INFO("convert " << args << " → " << r.out);
  REQUIRE(r.exit_code == 0);
  REQUIRE(fs::exists(out));
  return out;
}

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  REQUIRE(in);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

fs::path write_bytes(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  REQUIRE(out.good());
  return p;
}

std::size_t find_marker(const std::string& jpeg, unsigned char code) {
  const std::string m{'\xFF', static_cast<char>(code)};
  return jpeg.find(m);
}

namespace {
void put_be16(std::string& s, std::size_t at, int v) {
  s[at] = static_cast<char>((v >> 8) & 0xFF);
  s[at + 1] = static_cast<char>(v & 0xFF);
}
void put_be32(std::string& s, std::size_t at, std::uint32_t v) {
  put_be16(s, at, static_cast<int>(v >> 16));
  put_be16(s, at + 2, static_cast<int>(v & 0xFFFF));
}
std::string be32(std::uint32_t v) {
  std::string s(4, '\0');
  put_be32(s, 0, v);
  return s;
}
// PNG §5.5 CRC-32 (ISO 3309), bitwise: test data is tiny.
std::uint32_t crc32(const std::string& bytes) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (unsigned char ch : bytes) {
    c ^= ch;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
  }
  return c ^ 0xFFFFFFFFu;
}
}  // namespace

std::string with_jpeg_size(std::string jpeg, int width, int height) {
  std::size_t sof = find_marker(jpeg, 0xC0);
  if (sof == std::string::npos) sof = find_marker(jpeg, 0xC2);
  REQUIRE(sof != std::string::npos);
  put_be16(jpeg, sof + 5, height);  // FF C0, length(2), precision(1), Y, X
  put_be16(jpeg, sof + 7, width);
  return jpeg;
}

std::string with_png_size(std::string png, int width, int height) {
  put_be32(png, 16, static_cast<std::uint32_t>(width));  // signature(8) len(4) "IHDR"(4)
  put_be32(png, 20, static_cast<std::uint32_t>(height));
  return png;
}

std::string without_adobe(const std::string& jpeg) {
  const std::size_t at = find_marker(jpeg, 0xEE);
  REQUIRE(at != std::string::npos);
  const std::size_t len = (static_cast<unsigned char>(jpeg[at + 2]) << 8) | static_cast<unsigned char>(jpeg[at + 3]);
  return jpeg.substr(0, at) + jpeg.substr(at + 2 + len);
}

std::string with_icc_app2(const std::string& jpeg) {
  const std::string payload = std::string("ICC_PROFILE\0", 12) + "\x01\x01" + std::string(128, '\0');
  std::string seg = "\xFF\xE2";
  seg += std::string(2, '\0');
  put_be16(seg, 2, static_cast<int>(payload.size() + 2));
  return jpeg.substr(0, 2) + seg + payload + jpeg.substr(2);
}

std::string with_iccp_chunk(const std::string& png) {
  const std::string data = std::string("test\0\0", 6) + std::string("\x78\x01\x01\x00\x00\xFF\xFF\x00\x00\x00\x01", 11);
  const std::string typed = "iCCP" + data;
  const std::string chunk = be32(static_cast<std::uint32_t>(data.size())) + typed + be32(crc32(typed));
  const std::size_t after_ihdr = 8 + 4 + 4 + 13 + 4;
  return png.substr(0, after_ihdr) + chunk + png.substr(after_ihdr);
}

Argb unpack(std::uint32_t px) {
  return {static_cast<int>(px >> 24), static_cast<int>((px >> 16) & 0xFF), static_cast<int>((px >> 8) & 0xFF),
          static_cast<int>(px & 0xFF)};
}

}  // namespace fixtures
