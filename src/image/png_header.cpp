// The PNG header walk behind probe(): IHDR, then the chunks before the first IDAT
// (where iCCP and tRNS must be), without inflating anything. Chunk layout and rules:
// PNG Specification 2nd ed. (ISO/IEC 15948) §5.3, §5.6 (ordering), §11.2.2 (IHDR),
// §11.3.2.1 (tRNS), §11.3.3.3 (iCCP).
#include "image/internal.h"

namespace image {
namespace {

constexpr std::uint32_t kMaxChunk = 0x7FFFFFFFu;  // §5.3: lengths are below 2^31

bool valid_depth(int color_type, int depth) {
  switch (color_type) {  // §11.2.2, Table 11.1
    case 0: return depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
    case 3: return depth == 1 || depth == 2 || depth == 4 || depth == 8;
    case 2: case 4: case 6: return depth == 8 || depth == 16;
    default: return false;
  }
}

void read_ihdr(HeaderReader& in, const Source& src, Info& info) {
  const std::uint32_t len = in.be32();
  if (in.take(4) != "IHDR" || len != 13)
    fail(src, "the PNG does not start with an IHDR chunk", "the file is damaged: export it again");
  const std::uint32_t w = in.be32(), h = in.be32();
  const int depth = in.u8(), color_type = in.u8();
  in.skip(3 + 4);  // compression, filter, interlace; CRC
  if (w > kMaxChunk || h > kMaxChunk)
    fail(src, "the PNG header gives an impossible size", "the file is damaged: export it again");
  if (!valid_depth(color_type, depth))
    fail(src, "the PNG header has an invalid colour type/bit depth (" + std::to_string(color_type) + "/" + std::to_string(depth) + ")",
         "the file is damaged: export it again");
  info.width = static_cast<int>(w);
  info.height = static_cast<int>(h);
  // Components count the colour channels only; alpha is has_alpha (a palette image
  // decodes to RGB).
  const bool gray = color_type == 0 || color_type == 4;
  info.color = gray ? ColorSpace::Gray : ColorSpace::Rgb;
  info.components = gray ? 1 : 3;
  info.has_alpha = color_type == 4 || color_type == 6;
}

}  // namespace

Info probe_png(HeaderReader& in, const Source& src) {
  Info info;
  info.format = Format::Png;
  in.skip(8);  // signature, checked by the caller
  read_ihdr(in, src, info);
  for (;;) {
    const std::uint32_t len = in.be32();
    const std::string type = in.take(4);
    if (len > kMaxChunk) fail(src, "a PNG chunk has an impossible length", "the file is damaged: export it again");
    if (type == "IDAT") break;
    if (type == "IEND") fail(src, "the PNG has no image data (IDAT)", "the file is damaged: export it again");
    if (type == "iCCP") info.has_icc = true;
    if (type == "tRNS") info.has_alpha = true;  // transparency by colour key / palette alpha
    if (type == "eXIf" && len <= 65535) {        // PNG 3rd ed. §11.3.6.1: Exif, orientation only
      info.orientation = exif_orientation(in.take(len));
      in.skip(4);
      continue;
    }
    in.skip(std::uint64_t{len} + 4);  // data + CRC
  }
  return info;
}

}  // namespace image
