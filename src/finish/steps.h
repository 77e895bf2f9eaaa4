#pragma once
// The steps of finish_pdf (finish.cpp reads like the pipeline). Internal to finish/.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "finish/finish.h"

namespace finish {

// ---- numbers, written in the C locale whatever the process locale is ----
std::string pdf_num(double v, int decimals = 4);  // "0.25", "1", "-3.5"
std::string pdf_len(Len l);                       // millipoints → points, exact: "841.89"
std::string pdf_unit(int thousandths);            // 0..1000 → "0".."1"

// ---- colour (colour.cpp): RGB stand-ins → exact CMYK, black → K-only overprint ----
// Shared state of the colour rewrite for one document: the ExtGStates and spot colour
// spaces it adds to resources, and what went wrong (reported after the walk, not
// thrown from inside qpdf's pipelines).
struct ColourRewrite {
  QPDF& pdf;
  const Options& opt;
  base::Diagnostics& diag;
  std::map<std::string, QPDFObjectHandle> ext_gstates;  // "/PSop10" → indirect ExtGState
  std::map<std::string, QPDFObjectHandle> spot_spaces;  // "/PSsp0" → indirect Separation
  std::set<std::string> unknown;                        // "r g b" not in the palette
  std::set<std::string> reported_ink;                   // palette colours already over the limit
  std::set<std::string> inline_rgb;                     // pages with RGB inline images
  std::set<QPDFObjGen> done;                            // streams already rewritten
  int page = 0;                                         // 1-based page being walked

  ColourRewrite(QPDF& p, const Options& o, base::Diagnostics& d) : pdf(p), opt(o), diag(d) {}
};

// Rewrites one content string; adds the ExtGStates / colour spaces it used to `resources`.
std::string rewrite_content(ColourRewrite& cr, const std::string& content, QPDFObjectHandle resources);
void rewrite_page_contents(ColourRewrite& cr, QPDFPageObjectHelper& page);
void rewrite_stream_contents(ColourRewrite& cr, QPDFObjectHandle stream);
// Throws base::Error listing every colour that was not in the palette.
void check_colour_rewrite(const ColourRewrite& cr);

// ---- resources (resources.cpp): forms, patterns, shadings, groups ----
// Rewrites every form XObject, tiling pattern, soft-mask group and shading reachable
// from `resources`; collects image XObjects (with the page they are first seen on).
struct ImageUse {
  QPDFObjectHandle image;
  int page = 0;
};
void walk_resources(ColourRewrite& cr, QPDFObjectHandle resources, std::vector<ImageUse>& images);
bool uses_transparency(QPDFObjectHandle resources, std::set<QPDFObjGen>& seen);
void fix_page_group(QPDFPageObjectHelper& page);

// ---- images (images.cpp) ----
void fix_images(const std::vector<ImageUse>& images, const Options& opt, const std::string& output_icc,
                base::Diagnostics& diag);

// ---- page boxes and marks (marks.cpp) ----
void set_page_boxes(QPDF& pdf, QPDFPageObjectHelper& page, const PageBoxes& boxes, int page_no);
// `registration`: the shared /All colour space, created on first use.
void add_marks(QPDF& pdf, QPDFPageObjectHelper& page, const PageBoxes& boxes, QPDFObjectHandle& registration);

// ---- metadata (metadata.cpp): Info, XMP, output intent (ISO 15930-7) ----
struct OutputProfile {
  std::string bytes;
  std::string description;
};
OutputProfile read_output_profile(const std::filesystem::path& file);
void set_pdfx_metadata(QPDF& pdf, const Options& opt, const std::string& document_digest);
void set_output_intent(QPDF& pdf, const Options& opt, const OutputProfile& profile);

}  // namespace finish
