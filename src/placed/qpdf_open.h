#pragma once
// Private to placed/: a placed file opened with libqpdf from its bytes in memory.
#include <qpdf/QPDF.hh>

#include <memory>
#include <string>

namespace placed {

// `bytes` must outlive the QPDF (qpdf reads them in place). Warnings are never printed
// (library code does not print); damage qpdf can repair is repaired.
inline std::unique_ptr<QPDF> open(const std::string& bytes, const std::string& name) {
  auto pdf = std::make_unique<QPDF>();
  pdf->setSuppressWarnings(true);
  pdf->processMemoryFile(name.c_str(), bytes.data(), bytes.size());
  return pdf;
}

}  // namespace placed
