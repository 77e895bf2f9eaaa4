#pragma once
// Internal to pdf/: what prepare() makes once per build and every file reuses.
#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "pdf/pdf.h"
#include "placed/placed.h"
#include "text/font_program.h"

namespace pdf {

// One face of the document, subset to every glyph the document uses.
struct EmbeddedFont {
  int face = -1;
  text::FontProgram program;
  std::string base_font;        // "ABCDEF+NotoSerifCJKsc-Regular" (subset tag + PostScript name)
  std::string program_flate;    // the font program, Flate-compressed once for every file
  std::string widths;           // the /W array's text
  std::string to_unicode;       // the ToUnicode CMap, Flate-compressed
  // The characters each glyph stands for in ToUnicode (the first cluster that showed it
  // alone); a cluster that shows a glyph with other characters gets ActualText instead.
  std::unordered_map<std::uint32_t, std::string> text_of;
  double width_1000(std::uint32_t gid) const;  // advance in 1/1000 em, as written in /W
  std::uint32_t code(std::uint32_t gid) const;  // the 2-byte code (= CID) content shows
  // Vertical text (vertical.cpp): the face is shown upright somewhere, so the file also
  // has its vertical font (/V<face>, Identity-V) and the CIDFont its /DW2 and /W2.
  bool vertical = false;
  std::string vertical_metrics;  // "/DW2 [...] /W2 [...]"
  // As written in /W2 or /DW2, in 1/1000 em: the vertical advance (negative: down) and the
  // position vector from the glyph's horizontal origin to its vertical origin.
  struct VMetrics {
    double w1 = -1000, vx = 500, vy = 880;
  };
  VMetrics vmetrics(std::uint32_t gid) const;
};

// One photo source (all placements of the same bytes share it).
struct PreparedImage {
  const image::Store::Entry* source = nullptr;  // passed-through bytes live here
  std::string converted;                        // or our own bytes (converted / compressed)
  std::string filter;                           // "/DCTDecode" or "/FlateDecode"
  std::string colour_space;                     // "/DeviceGray" or "/DeviceCMYK"
  bool inverted = false;                        // Adobe CMYK: /Decode [1 0 1 0 1 0 1 0]
  int width = 0, height = 0;
  std::string smask_flate;                      // 8-bit alpha, Flate; empty when opaque
  std::string stencil_flate;                    // or a 1-bit mask (1 = not painted), Flate
  std::string digest;  // MD5 of data(), for the file's fingerprint: made by the photo's worker
  const std::string& data() const { return converted.empty() ? source->bytes : converted; }
};

// One placed page (an ad, a vector logo) of a file read by placed/.
struct PreparedForm {
  const placed::Document* doc = nullptr;
  int page = 1;
  placed::PageInfo info;
  bool transparency = false;  // the page needs a transparency group around it (placed::inspect)
};

class Resources {
 public:
  Options opt;
  std::string output_profile;              // the ICC bytes
  std::string output_flate;                // the same, compressed once for every file
  std::string output_description;          // the profile's own description
  std::map<int, EmbeddedFont> fonts;       // by frame face index
  std::vector<PreparedImage> images;       // in first-use order
  std::map<std::string, std::size_t> image_of;  // frame::Image::path → index in images
  std::vector<PreparedForm> forms;         // placed pages, in first-use order
  std::map<std::pair<std::string, int>, std::size_t> form_of;  // (file, page) → index in forms
  std::unique_ptr<placed::Library> own_placed;  // when the caller gave none
  std::vector<frame::Cmyk> spots;          // spot inks (name + CMYK alternate; tint 1000), first-use order
  std::string fingerprint;                 // MD5 (hex) of the fonts and images, for XMP IDs

  // The ink of a spot colour, whatever its tint level.
  std::size_t spot_index(frame::Cmyk c) const {
    c.tint = 1000;
    for (std::size_t i = 0; i < spots.size(); ++i)
      if (spots[i] == c) return i;
    throw std::out_of_range("spot colour not prepared: " + c.spot);
  }

  const EmbeddedFont& font(int face) const { return fonts.at(face); }
  const PreparedImage& image(const frame::Image& img) const { return images.at(image_of.at(img.path)); }
};

// fonts.cpp
std::map<int, EmbeddedFont> embed_fonts(const frame::Document& doc, int jobs);
// vertical.cpp: /DW2 and /W2 of a face shown upright (ISO 32000-1 §9.7.4.3).
std::string vertical_metrics(const EmbeddedFont& f);
// images.cpp (photos.h for `started`)
void prepare_images(const frame::Document& doc, image::Store& store, Resources& res, base::Diagnostics& diag,
                    PhotoWork* started);

}  // namespace pdf
