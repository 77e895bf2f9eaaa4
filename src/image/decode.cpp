// decode(): the whole image as cairo pixels, for PNG proofs and anything that cannot
// pass the JPEG bytes through. Sizes come from probe() first, so an oversized or
// broken header is refused before any pixel memory is allocated.
#include <fstream>
#include <iterator>

#include "image/internal.h"

namespace image {
namespace {

std::string read_all(const Source& src) {
  std::ifstream in(src.file, std::ios::binary);
  if (!in) fail(src, "cannot be opened for reading", "check the file's permissions");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

Pixels decode(const std::filesystem::path& file, const base::Loc& from) {
  const Info info = probe(file, from);
  const Source src{file, from};
  const std::string bytes = read_all(src);
  Pixels out;
  out.width = info.width;
  out.height = info.height;
  out.alpha = info.has_alpha;
  out.data.assign(static_cast<std::size_t>(info.width) * static_cast<std::size_t>(info.height), 0u);
  if (info.format == Format::Jpeg)
    decode_jpeg(bytes, info, src, out);
  else
    decode_png(bytes, info, src, out);
  return out;
}

}  // namespace image
