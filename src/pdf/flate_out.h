#pragma once
// Internal to pdf/: a Flate (/FlateDecode) stream fed piece by piece, so a photo's rows
// are compressed as they are decoded and the whole raw image is never held at once.
#include <qpdf/Pl_Flate.hh>
#include <qpdf/Pl_String.hh>

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

namespace pdf {

class FlateOut {
 public:
  FlateOut() : sink_("flate", nullptr, out_), deflate_("flate", &sink_, Pl_Flate::a_deflate) {}
  FlateOut(const FlateOut&) = delete;
  FlateOut& operator=(const FlateOut&) = delete;
  void write(const std::uint8_t* d, std::size_t n) { deflate_.write(d, n); }
  std::string finish() {
    deflate_.finish();
    return std::move(out_);
  }

 private:
  std::string out_;
  Pl_String sink_;
  Pl_Flate deflate_;
};

}  // namespace pdf
