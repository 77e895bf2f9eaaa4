// Images at the edges of their limits (docs/format.md "Limits"): each builds, within
// 10 s and 1 GiB (getrusage of the child) — six PNGs of a few hundred KB that decode to
// 300 MB each, a PNG 40 000 pixels wide with its proof, a CMYK JPEG whose 222 KB ICC
// profile fills four APP2 segments. The images are made here, never committed.
#include <doctest/doctest.h>
#include <zlib.h>

#include <fstream>
#include <string>

#include "hostile/bounded.h"
#include "support/support.h"

namespace fs = std::filesystem;
using hostile::Bounded;
using hostile::deflate_run;

namespace {

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

std::string png_chunk(const std::string& type, const std::string& data) {
  const std::string td = type + data;
  return be32(static_cast<std::uint32_t>(data.size())) + td +
         be32(static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(td.data()), static_cast<uInt>(td.size()))));
}

// An 8-bit RGBA PNG, one mid-grey, `h` a multiple of 64: 64 rows are deflated once
// (full flush) and repeated, the Adler-32 set for the whole, so it is made in
// milliseconds whatever its size.
std::string grey_png(int w, int h) {
  const std::string row = std::string(1, '\0') + std::string(static_cast<std::size_t>(w) * 4, '\x80');
  std::string rows;
  for (int i = 0; i < 64; ++i) rows += row;
  z_stream z{};
  REQUIRE(deflateInit(&z, 9) == Z_OK);
  std::string idat = deflate_run(z, rows, Z_FULL_FLUSH);  // with the zlib header
  const std::string block = deflate_run(z, rows, Z_FULL_FLUSH);
  REQUIRE(deflate_run(z, rows, Z_FULL_FLUSH) == block);
  for (int i = 1; i < h / 64; ++i) idat += block;
  std::string tail = deflate_run(z, "", Z_FINISH);
  deflateEnd(&z);
  const uLong one = adler32(adler32(0, nullptr, 0), reinterpret_cast<const Bytef*>(rows.data()), static_cast<uInt>(rows.size()));
  uLong sum = one;
  for (int i = 1; i < h / 64; ++i) sum = adler32_combine(sum, one, static_cast<z_off_t>(rows.size()));
  tail.replace(tail.size() - 4, 4, be32(static_cast<std::uint32_t>(sum)));
  const std::string ihdr = be32(static_cast<std::uint32_t>(w)) + be32(static_cast<std::uint32_t>(h)) + std::string("\x08\x06\0\0\0", 5);
  return "\x89PNG\r\n\x1a\n" + png_chunk("IHDR", ihdr) + png_chunk("IDAT", idat + tail) + png_chunk("IEND", "");
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

fs::path issue_with(const fs::path& dir, const std::string& blocks) {
  hostile::write_file(dir / "issue.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<issue paper=\"P\" date=\"2024-01-05\" "
                                         "layout=\"tabloid\">\n<page number=\"1\">\n" +
                                             blocks + "\n</page>\n</issue>\n");
  return dir / "issue.xml";
}

void expect_built(const Bounded& b, const fs::path& pdf) {
  CAPTURE(b.output.substr(0, 3000));
  CAPTURE(b.seconds);
  CAPTURE(b.cpu_seconds);
  CAPTURE(b.max_rss_kb);
  CHECK(b.exit_code == 0);
  CHECK(fs::exists(pdf));
  CHECK(b.in_time(hostile::max_seconds()));
  CHECK(b.max_rss_kb < hostile::max_rss_kb());
}

}  // namespace

TEST_CASE("six PNGs of a few hundred KB, each decoding to 300 MB: built with proofs, streamed, not held") {
  if (hostile::sanitized()) return;  // ASan's shadow memory would measure itself
  const fs::path dir = hostile::scratch("six-png");
  const std::string png = grey_png(8640, 8640);  // 298.6 MB of samples, under the 300 MB limit
  CHECK(png.size() < (1u << 20));
  std::string blocks;
  for (int i = 0; i < 6; ++i) {
    hostile::write_file(dir / ("p" + std::to_string(i) + ".png"), png);
    blocks += "<photo id=\"p" + std::to_string(i) + "\" src=\"p" + std::to_string(i) + ".png\" col=\"" +
              std::to_string(1 + i % 3 * 2) + "\" cols=\"2\" row=\"" + std::to_string(1 + i / 3 * 20) + "\" rows=\"20\"/>\n";
  }
  const fs::path issue = issue_with(dir, blocks);
  expect_built(hostile::run_paperset({"build", issue.string(), "-o", (dir / "o.pdf").string(), "--png", (dir / "png").string()}),
               dir / "o.pdf");
  CHECK(fs::exists(dir / "png/page-01.png"));
}

TEST_CASE("a PNG 40 000 pixels wide builds, proof included (was cairo's 'invalid matrix')") {
  const fs::path dir = hostile::scratch("wide-png");
  hostile::write_file(dir / "wide.png", grey_png(40000, 128));
  const fs::path issue = issue_with(dir, R"(<photo id="w" src="wide.png" col="1" cols="6" row="1" rows="10" fit="fit"/>)");
  const Bounded b = hostile::run_paperset(
      {"build", issue.string(), "-o", (dir / "o.pdf").string(), "--png", (dir / "png").string(), "--allow-low-res"});
  expect_built(b, dir / "o.pdf");
  CHECK(fs::exists(dir / "png/page-01.png"));
  // Too big to decode at all: a located error naming the limit, not a crash.
  hostile::write_file(dir / "wide.png", grey_png(40000, 2432));
  const Bounded big = hostile::run_paperset({"build", issue.string(), "-o", (dir / "o2.pdf").string(), "--allow-low-res"});
  CAPTURE(big.output);
  CHECK(big.exit_code == 1);
  CHECK(big.output.find(issue.string() + ":4:1: error: page 1, 'w': image '" + (dir / "wide.png").string() +
                        "': is 40000 × 2432 pixels with 4 channels: decoded it would take 389 MB, over the limit of 300 MB") !=
        std::string::npos);
  CHECK(big.in_time(hostile::max_seconds()));
}

TEST_CASE("a CMYK JPEG whose 222 KB ICC profile spans four APP2 segments is read whole, not 'truncated'") {
  const fs::path dir = hostile::scratch("icc-app2");
  const std::string icc = slurp(test::source_root() / "data/icc/paperset-newsprint-tr002.icc");
  REQUIRE(icc.size() > 200000);
  const std::string jpeg = slurp(test::source_root() / "samples/images/dragonboat.jpg");  // CMYK, untagged
  // ICC.1:2010 Annex B.4: "ICC_PROFILE\0", sequence number, count, at most 65 519 bytes each.
  const std::size_t per = 65519;
  const int count = static_cast<int>((icc.size() + per - 1) / per);
  CHECK(count == 4);
  std::string app2;
  for (int i = 0; i < count; ++i) {
    const std::string part = icc.substr(static_cast<std::size_t>(i) * per, per);
    const std::string seg = std::string("ICC_PROFILE\0", 12) + static_cast<char>(i + 1) + static_cast<char>(count) + part;
    app2 += std::string("\xFF\xE2", 2) + static_cast<char>((seg.size() + 2) >> 8) + static_cast<char>((seg.size() + 2) & 0xFF) + seg;
  }
  hostile::write_file(dir / "tagged.jpg", jpeg.substr(0, 2) + app2 + jpeg.substr(2));
  const fs::path issue = issue_with(dir, R"(<photo id="p" src="tagged.jpg" col="1" cols="4" row="1" rows="24"/>)");
  const Bounded b = hostile::run_paperset({"build", issue.string(), "-o", (dir / "o.pdf").string()});
  expect_built(b, dir / "o.pdf");
  CHECK(b.output.find("truncated") == std::string::npos);
  CHECK(b.output.find("cut short") == std::string::npos);
}
