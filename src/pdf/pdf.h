#pragma once
// The PDF writer: frame::Document → a print-ready PDF/X file, written with libqpdf's
// object model (docs/print.md). Colour is written as the layout gives it (DeviceCMYK,
// Separation for spot colours, overprinting 100 % K black), fonts are HarfBuzz subsets
// embedded as CIDFonts with ToUnicode, photos are passed through or converted once.
//
// A build prepares its Resources once (font subsets, prepared photos) and writes any
// number of files from them: the whole issue, or one file per page with --split, all
// sharing the same subsets and converted photos. Each file comes back as bytes; where
// they go is the caller's business.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "base/context.h"
#include "base/diag.h"
#include "frame/frame.h"
#include "image/store.h"

namespace pdf {

// Everything a PDF/X flavour decides, in one place, so that a PDF/X-1a or PDF/X-3 mode
// is a new Conformance (and the checks it implies), not a rewrite of the writer.
struct Conformance {
  std::string pdfx_version = "PDF/X-4";  // GTS_PDFXVersion in Info and XMP (ISO 15930-7 §6.7)
  std::string pdf_version = "1.6";       // the file's version (PDF/X-4 is based on PDF 1.6)
  bool transparency = true;              // soft masks (PNG alpha) and page groups allowed
  bool object_streams = false;           // compressed object streams (PDF 1.5+; off for old RIPs)
  int jpeg_quality = 92;                 // for photos that had to be converted
  // RGB photos are converted to the output condition's CMYK (docs/print.md says why);
  // CMYK and grey photos pass through. (X-1a: the same, and then it is a must.)
  static Conformance x4() { return {}; }
};

// The output intent: the profile to embed and what the intent says about it. Never claim
// a condition whose profile is not the one embedded (docs/print.md "Output condition").
struct OutputCondition {
  std::filesystem::path profile;
  std::string identifier;  // OutputConditionIdentifier
  std::string info;        // OutputCondition and Info ("" → the profile's description)
  std::string registry;    // RegistryName, or "" for a condition in no registry
};

// The shipped default: data/icc/paperset-newsprint-tr002.icc, built from the CGATS TR 002
// coldset-newsprint characterisation data (data/icc/README.md).
OutputCondition default_output_condition(const base::Context& ctx);
// --output-profile FILE.icc: checks that FILE is an output-class CMYK ICC profile (throws
// base::Error otherwise) and describes it as a "Custom" condition named by its description.
OutputCondition custom_output_condition(const std::filesystem::path& icc);

struct Options {
  std::string title;     // Info /Title and dc:title ("" → "Untitled")
  std::string date_iso;  // "2024-01-05T00:00:00Z": CreationDate = ModDate (never the clock)
  std::string producer;  // "paperset 0.1.0": Creator, Producer, CreatorTool
  Conformance conformance;
  OutputCondition output;
  int ink_limit_percent = 240;  // total area coverage limit for photos (docs/print.md "Colour")
  int jobs = 0;                 // threads preparing fonts and photos (0: one per core)
};

class Resources;  // font subsets and prepared photos, shared by every file of a build

// Subsets the fonts (once per face, covering every page) and prepares the photos (each
// source file once: passed through, or decoded and converted). Problems with a photo
// (ink over the limit) go to `diag` naming the photo's id, file and line; what makes a
// file impossible throws base::Error. `images` must outlive the Resources.
std::shared_ptr<const Resources> prepare(const frame::Document& doc, image::Store& images, const Options& opt,
                                         base::Diagnostics& diag);

// One PDF file holding `pages` (indices into doc.pages, in order), as bytes. Thread-safe:
// files of one build may be written at once. Throws base::Error.
std::string write(const frame::Document& doc, const Resources& res, const std::vector<std::size_t>& pages);

}  // namespace pdf
