#pragma once
// Placed PDF pages (docs/print.md "Placed pages"): an ad or a vector logo is page N of a
// PDF, drawn into our page as a Form XObject by pdf/ and onto the proofs by render/. This
// stage reads such files once per build (the one door to them, like image::Store for
// photos) and says what flow, the writer and the PDF/X checks need: each page's box, the
// file's output intent, and what a page holds (colour spaces, transparency, fonts).
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/diag.h"
#include "base/error.h"
#include "base/files.h"

namespace placed {

// A rectangle in a page's default user space (points, y up).
struct Rect {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
};

struct PageInfo {
  Rect box;              // what is placed: the TrimBox, else the CropBox, else the MediaBox
  std::string box_name;  // "TrimBox", "CropBox" or "MediaBox"
  int rotate = 0;        // /Rotate, 0, 90, 180 or 270
  // The box as it is seen, turned by /Rotate (points).
  double width() const { return rotate % 180 ? box.height() : box.width(); }
  double height() const { return rotate % 180 ? box.width() : box.height(); }
};

struct Document {
  std::filesystem::path file;
  base::Loc from;             // the element that named it first
  std::string bytes;          // the whole file
  std::uint64_t hash = 0;     // of the bytes (FNV-1a): a cache key within one build
  std::vector<PageInfo> pages;
  std::string pdfx_version;   // GTS_PDFXVersion of its Info, or ""
  std::string output_condition;  // the GTS_PDFX output intent's OutputConditionIdentifier, or ""
  std::uint64_t output_profile = 0;  // fingerprint() of that intent's DestOutputProfile data; 0: none
};

// What page N of a placed file holds, for the PDF/X modes' checks of placed pages: every
// colour space its content, forms, images, shadings and patterns name ("DeviceCMYK",
// "DeviceRGB", "DeviceGray", "ICCBased/N=3", "Separation/PANTONE 485 C", "DeviceN/…",
// "Indexed/DeviceRGB", "Lab", "CalRGB", "Pattern"), whether it uses transparency (a soft
// mask, a transparency group, a blend mode other than Normal, CA/ca below 1), and its fonts.
struct Contents {
  struct Font {
    std::string name;     // BaseFont, subset tag included
    std::string subtype;  // Type0, Type1, TrueType, Type3 …
    bool embedded = false;
  };
  std::vector<std::string> colour_spaces;  // each once, in first-seen order
  bool transparency = false;
  std::vector<Font> fonts;  // each once
};

class Library {
 public:
  // Reads and parses `file` on first use. Throws base::Error at `from`: missing, not a
  // PDF, damaged beyond repair, encrypted, no pages.
  const Document& get(const std::filesystem::path& file, const base::Loc& from);

  // How much of one PDF is read (--limit pdf-size; docs/format.md "Limits").
  base::SizeLimit limit{512u << 20, "pdf-size"};

 private:
  std::mutex mu_;
  std::map<std::string, std::unique_ptr<Document>> docs_;
};

// FNV-1a of some bytes: a key within one build (the same profile, the same file), not a
// security measure.
std::uint64_t fingerprint(const std::string& bytes);

// Is this file a PDF (by its first bytes, not its name)?
bool is_pdf(const std::filesystem::path& file);

// Page `page` (1-based) of `doc`; throws base::Error at `from` naming the page count.
const PageInfo& page(const Document& doc, int page, const base::Loc& from);

Contents inspect(const Document& doc, int page);

// The checks a plant's preflight makes of a placed page — DeviceRGB, text colour, black
// overprint, unembedded and Type 3 fonts, total ink, image resolution at the file's own
// size (preflight::check on the file, this page's findings) — each named by `id`, the
// element `at` and the issue's page `issue_page`.
// `what` names it in messages ("ad 'p3-ad'").
std::vector<base::Finding> check(const Document& doc, int page, int ink_limit_percent, const std::string& what,
                                 const std::string& id, const base::Loc& at, int issue_page);

}  // namespace placed
