#pragma once
// Small test images, made at test time with ImageMagick's `convert` (installed with the
// project's Debian packages) and edited byte-wise to make broken ones.
#include <cstdint>
#include <filesystem>
#include <string>

namespace fixtures {

// Runs `convert ARGS [FORMAT:]OUT` into `dir/name`; fails the test (REQUIRE) when
// convert fails. `format` forces an output coder such as "PNG8".
std::filesystem::path make(const std::filesystem::path& dir, const std::string& name, const std::string& args,
                           const std::string& format = {});

std::string read_bytes(const std::filesystem::path& p);
std::filesystem::path write_bytes(const std::filesystem::path& p, const std::string& bytes);

// Offset of the first JPEG marker `code` (the 0xFF byte), or npos.
std::size_t find_marker(const std::string& jpeg, unsigned char code);
// Rewrites the frame size in a baseline JPEG's SOF0 / a PNG's IHDR (header only; the
// image data is left as is, and IHDR's CRC is not updated).
std::string with_jpeg_size(std::string jpeg, int width, int height);
std::string with_png_size(std::string png, int width, int height);
// Removes the Adobe APP14 segment.
std::string without_adobe(const std::string& jpeg);
// Inserts an ICC_PROFILE APP2 segment after SOI / an iCCP chunk after IHDR (with a
// valid CRC). The profile bytes are a stand-in: only their presence is probed.
std::string with_icc_app2(const std::string& jpeg);
std::string with_iccp_chunk(const std::string& png);

// One pixel's channels, unpacked from cairo's 0xAARRGGBB word.
struct Argb {
  int a, r, g, b;
};
Argb unpack(std::uint32_t px);

}  // namespace fixtures
