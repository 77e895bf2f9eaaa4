// image::write_proof_png: the proof's pixels come back exactly (PNG is lossless; the
// fast setting changes only the compression), rows with padding at their end included,
// and an unwritable path is an error naming the file.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <vector>

#include "image/image.h"
#include "image/png_encode.h"
#include "support/support.h"

namespace fs = std::filesystem;

TEST_CASE("a proof written fast reads back pixel for pixel, padded rows included") {
  const int w = 37, h = 23, stride = 40 * 4;  // cairo pads rows; the padding must not leak
  std::vector<unsigned char> buf(static_cast<std::size_t>(stride) * h, 0xAB);
  auto colour = [](int x, int y) {
    return std::uint32_t((x * 7) & 0xFF) << 16 | std::uint32_t((y * 11) & 0xFF) << 8 | std::uint32_t((x * y) & 0xFF);
  };
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const std::uint32_t v = colour(x, y);
      std::memcpy(&buf[static_cast<std::size_t>(y) * stride + static_cast<std::size_t>(x) * 4], &v, 4);
    }
  const fs::path out = test::temp_dir("proof-png") / "page.png";
  image::write_proof_png(out, buf.data(), w, h, stride);
  const image::Pixels back = image::decode(out, {"test", 1});
  REQUIRE(back.width == w);
  REQUIRE(back.height == h);
  int wrong = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) wrong += (back.data[static_cast<std::size_t>(y) * w + x] & 0xFFFFFF) != colour(x, y);
  CHECK(wrong == 0);
}

TEST_CASE("a proof that cannot be written is an error naming the file") {
  std::vector<unsigned char> buf(16, 0);
  const fs::path out = "/nonexistent-folder/page-01.png";
  try {
    image::write_proof_png(out, buf.data(), 2, 2, 8);
    FAIL("no error");
  } catch (const base::Error& e) {
    CHECK(std::string(e.what()).find("page-01.png") != std::string::npos);
  }
}
