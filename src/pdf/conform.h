#pragma once
// Internal to pdf/: what a PDF/X flavour changes in a file once all its objects are made,
// whatever made them (our own writer, or objects copied from placed PDFs).
#include <qpdf/QPDF.hh>

#include "pdf/pdf.h"

namespace pdf {

// PDF/X-1a allows no ICC-based colour: every [/ICCBased s] colour space of a CMYK (N 4)
// or grey (N 1) profile becomes DeviceCMYK or DeviceGray with its numbers kept, as a
// plant's "convert to output intent, preserve numbers" does, and Default colour spaces
// (which remap the device spaces through a profile) are dropped (ISO 15930-1). An RGB or
// Lab space cannot be kept by its numbers: it stays, and preflight reports it, naming
// the element. Does nothing when `c.icc_colour`.
void conform_colour(QPDF& pdf, const Conformance& c);

}  // namespace pdf
