#pragma once
// Internal to pdf/: Info, XMP and the output intent.
#include <qpdf/QPDF.hh>

#include <filesystem>
#include <string>

#include "pdf/pdf.h"

namespace pdf {

struct OutputProfile {
  std::string bytes;        // the ICC profile
  std::string flate;        // the same, compressed once for every file (set by prepare())
  std::string description;  // its own description (ICC 'desc')
};

// Reads the profile and checks it is an output-class CMYK profile; throws base::Error.
OutputProfile read_output_profile(const std::filesystem::path& file);
// `digest`: 32 hex digits identifying the content, for the xmpMM IDs (deterministic).
void set_pdfx_metadata(QPDF& pdf, const Options& opt, const std::string& digest);
void set_output_intent(QPDF& pdf, const Options& opt, const OutputProfile& profile);

}  // namespace pdf
