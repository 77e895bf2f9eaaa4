#pragma once
// Writing the PNG proofs. A proof is looked at, not archived: it is written for speed
// (no filter, zlib's fastest level 1) — on a 150 dpi broadsheet page about a third of
// the time of cairo's writer, which compresses at zlib's default level, and two thirds
// of libpng's PNG_IMAGE_FLAG_FAST (level 3), for files about 8 % larger; the proof loop
// rewrites a proof on every save.
#include <filesystem>

namespace image {

// Writes `height` rows of `width` pixels in cairo's RGB24 layout (one 32-bit word per
// pixel, 0x00RRGGBB in native byte order, `stride` bytes a row) as an 8-bit RGB PNG.
// The rows are packed to RGB in place, so `pixels` is overwritten. Throws base::Error
// naming `out` when it cannot be written.
void write_proof_png(const std::filesystem::path& out, unsigned char* pixels, int width, int height, int stride);

}  // namespace image
