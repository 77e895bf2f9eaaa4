#pragma once
// Internal to pdf/: placed PDF pages (ads, vector logos) as Form XObjects (forms.cpp).
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <array>
#include <map>
#include <memory>

#include "pdf/resources.h"

namespace pdf {

// The matrix (cm) that draws a placed page's box, turned by its /Rotate, into the
// rectangle x0, y0 (lower left) … w, h of our page, in PDF user space (points, y up).
std::array<double, 6> form_matrix(const placed::PageInfo& p, double x0, double y0, double w, double h);

// Checks every placed page once per build: the page exists, its output intent is ours
// (else a warning naming it), and the preflight of what it draws, each finding named by
// the element that placed it and the page.
void prepare_forms(const frame::Document& doc, placed::Library& lib, Resources& res, base::Diagnostics& diag);

// One file's Form XObjects: each placed page imported once into the file's QPDF, with
// its resources (fonts, colour spaces, images) copied by QPDF::copyForeignObject. Each
// file opens the placed files on its own (a QPDF is not shared between threads).
class FormImporter {
 public:
  FormImporter(QPDF& dest, const Resources& res) : dest_(dest), res_(res) {}
  QPDFObjectHandle form(std::size_t k);

 private:
  QPDF& dest_;
  const Resources& res_;
  std::map<const placed::Document*, std::unique_ptr<QPDF>> sources_;  // must outlive the write
  std::map<std::size_t, QPDFObjectHandle> made_;
};

}  // namespace pdf
