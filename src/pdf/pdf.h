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
#include <optional>
#include <string>
#include <vector>

#include "base/context.h"
#include "base/diag.h"
#include "base/pdfx.h"
#include "frame/frame.h"
#include "image/store.h"
#include "placed/placed.h"

namespace pdf {

// Everything a PDF/X flavour decides, in one place (docs/print.md "PDF/X-1a, X-3 and X-4").
struct Conformance {
  base::PdfX standard = base::PdfX::X4;
  std::string pdfx_version = "PDF/X-4";  // GTS_PDFXVersion in Info and XMP (ISO 15930-7 §6.7)
  std::string pdfx_conformance;          // GTS_PDFXConformance: only PDF/X-1a:2001 has one (ISO 15930-1)
  std::string pdf_version = "1.6";       // the file's version (PDF/X-4 is based on PDF 1.6)
  bool transparency = true;              // soft masks (PNG alpha) and page groups allowed
  bool object_streams = false;           // compressed object streams (PDF 1.5+; off for old RIPs)
  // ICCBased (and Lab, Cal) colour spaces allowed. PDF/X-1a allows only DeviceCMYK,
  // DeviceGray, Separation and DeviceN: ICCBased CMYK and grey are written as
  // DeviceCMYK and DeviceGray, their numbers kept (ISO 15930-1).
  bool icc_colour = true;
  int jpeg_quality = 92;                 // for photos that had to be converted
  // RGB photos are converted to the output condition's CMYK (docs/print.md says why);
  // CMYK and grey photos pass through, in every flavour.
  static Conformance x4() { return {}; }
  // ISO 15930-3:2002: based on PDF 1.3 (no transparency, no object streams; XMP is
  // optional and, when written, mirrors Info).
  static Conformance x3() {
    Conformance c;
    c.standard = base::PdfX::X3_2002;
    c.pdfx_version = "PDF/X-3:2002";
    c.pdf_version = "1.3";
    c.transparency = false;
    return c;
  }
  // ISO 15930-1:2001: PDF 1.3, and CMYK, grey and spot colour only.
  static Conformance x1a() {
    Conformance c = x3();
    c.standard = base::PdfX::X1a2001;
    c.pdfx_version = "PDF/X-1:2001";
    c.pdfx_conformance = "PDF/X-1a:2001";
    c.icc_colour = false;
    return c;
  }
  static Conformance of(base::PdfX x) {
    return x == base::PdfX::X1a2001 ? x1a() : x == base::PdfX::X3_2002 ? x3() : x4();
  }
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
  // The printing condition an untagged CMYK photo over the ink limit is taken to be
  // separated for (re-separated from it); empty: such a photo is only measured.
  std::filesystem::path untagged_cmyk_profile;
  placed::Library* placed = nullptr;  // the build's placed PDFs (ads, logos); nullptr: read them anew
  int jobs = 0;                 // threads preparing fonts and photos (0: one per core)
  // A folder where prepared photos are kept between builds (docs/print.md "Photo cache");
  // empty (the default): none. The PDF is the same with or without it.
  std::filesystem::path photo_cache;
};

class Resources;  // font subsets and prepared photos, shared by every file of a build
class PhotoWork;  // photos being prepared

// Starts preparing these photo files on a background thread, so that the photo work runs
// while the caller lays out the pages (the issue says which photos it places); hand the
// result to prepare(). Throws base::Error for an unusable output profile.
std::shared_ptr<PhotoWork> start_photos(image::Store& images, const std::vector<const image::Store::Entry*>& photos,
                                        const Options& opt);

// Subsets the fonts (once per face, covering every page) and prepares the photos (each
// source file once: passed through, or decoded and converted; those `started` has done
// already are taken from it). Problems with a photo (ink over the limit) go to `diag`
// naming the photo's id, file and line; what makes a file impossible throws base::Error.
// `images` must outlive the Resources.
std::shared_ptr<const Resources> prepare(const frame::Document& doc, image::Store& images, const Options& opt,
                                         base::Diagnostics& diag, PhotoWork* started = nullptr);

// One PDF file holding `pages` (indices into doc.pages, in order), as bytes, its pages'
// contents made on `jobs` threads (files of one build may also be written at once:
// write() is thread-safe). Throws base::Error.
std::string write(const frame::Document& doc, const Resources& res, const std::vector<std::size_t>& pages,
                  int jobs = 1);

// The element of the issue a page's XObject was written for, so that a finding about
// the written file (preflight's, on an object reached through that XObject) names it as
// the writer's own messages do: id, what it is ("photo 'lead' (images/a.png)") and the
// element's file and line.
struct Placed {
  std::string id;
  std::string what;
  base::Loc loc;
};
// `page`: an index into doc.pages; `xobject`: the name in that page's /XObject resources
// ("/Im3"). nullopt for a name the writer does not make.
std::optional<Placed> placed(const frame::Document& doc, const Resources& res, std::size_t page,
                             const std::string& xobject);

}  // namespace pdf
