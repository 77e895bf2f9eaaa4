#pragma once
// Finishing (libqpdf, after cairo): PDF/X-4 identification (Info + XMP), one output
// intent with an embedded CMYK profile, page boxes, CMYK / K-only colour with black
// overprint, image colour fixes, deterministic /ID (docs/print.md; docs/libraries.md §5).
// What we ship and why: docs/print.md.
#include <filesystem>
#include <string>
#include <vector>

#include "base/context.h"
#include "base/diag.h"
#include "frame/frame.h"
#include "frame/palette.h"

namespace finish {

using base::Len;

struct PageBoxes {
  Len trim_w = 0, trim_h = 0;  // trimmed page
  Len bleed = 0;               // BleedBox = trim + bleed on every side
  Len marks = 0;               // MediaBox = BleedBox + marks on every side; > 0: draw marks
  // The page uses the black plate only (K-only colours, grey images): its marks are then
  // drawn in K, not in registration colour, so the page stays a one-plate job and
  // inkcov shows C = M = Y = 0 (docs/print.md "How we check it").
  bool black_only = false;
};

struct Options {
  std::string title;
  std::string date_iso;      // "2024-01-05T00:00:00Z": CreationDate = ModDate, Info and XMP agree
  std::string producer;      // "paperset 0.1.0": Info /Producer = XMP pdf:Producer
  std::filesystem::path output_profile;  // CMYK ICC profile to embed
  std::string output_condition;          // OutputConditionIdentifier ("" → "Custom")
  std::string output_condition_info;     // OutputCondition / Info ("" → the profile's description)
  std::string output_registry;           // RegistryName; "" for a condition in no registry
  frame::Palette palette;                // RGB stand-ins → exact CMYK
  std::vector<PageBoxes> pages;          // one per page, in order
  int ink_limit_percent = 240;           // total area coverage limit (docs/print.md "Colour")
};

// An output condition: the profile to embed and what the output intent says about it.
// docs/print.md: never claim a condition whose profile is not the one embedded.
struct OutputCondition {
  std::filesystem::path profile;
  std::string identifier;  // OutputConditionIdentifier
  std::string info;        // OutputCondition and Info
  std::string registry;    // RegistryName, or ""
};

// The shipped default: data/icc/paperset-newsprint-tr002.icc, a profile built from the
// CGATS TR 002 coldset-newsprint characterisation data (data/icc/README.md).
OutputCondition default_output_condition(const base::Context& ctx);
// --output-profile FILE.icc: checks that FILE is an output-class CMYK ICC profile
// (throws base::Error otherwise) and describes it as a "Custom" condition named by the
// profile's own description.
OutputCondition custom_output_condition(const std::filesystem::path& icc);
// Copies the condition into the options.
void use_output_condition(Options& opt, const OutputCondition& oc);

// PageBoxes of every page of a frame document, in order.
std::vector<PageBoxes> page_boxes(const frame::Document& doc);

// Takes cairo's PDF bytes, returns the finished PDF bytes. Throws base::Error on failure;
// ink-limit excesses and recoverable PDF problems go to `diag`.
std::string finish_pdf(const std::string& cairo_pdf, const Options& opt, base::Diagnostics& diag);

// docs/print.md "Atomic": writes `bytes` to a temporary name in the same folder, then renames
// it onto `path`, so a hot folder never sees a half-written PDF. Throws base::Error.
void write_file_atomically(const std::filesystem::path& path, const std::string& bytes);

}  // namespace finish
