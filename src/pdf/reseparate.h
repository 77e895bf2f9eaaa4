#pragma once
// Internal to pdf/: CMYK photos prepared for another printing condition, re-separated
// with lcms2 to the output condition (docs/print.md "Photos": re-separation).
#include <lcms2.h>

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace pdf {

class Reseparator {
 public:
  // `output_icc`: the output intent's profile; `untagged_icc`: the condition assumed for
  // an untagged CMYK photo over the ink limit (a coated-paper profile; "" → none).
  Reseparator(const std::string& output_icc, const std::string& untagged_icc);
  ~Reseparator();
  Reseparator(const Reseparator&) = delete;
  Reseparator& operator=(const Reseparator&) = delete;

  // The embedded profile names another CMYK condition than the output's (a CMYK profile
  // whose bytes differ from the output profile's).
  bool other_condition(const std::string& embedded_icc) const;
  // The description of a profile ("" when none can be read), for messages.
  std::string description(const std::string& icc) const;
  bool can_assume_untagged() const { return untagged_ != nullptr; }
  // CMYK in `source_icc` ("" → the assumed coated condition) → the output condition's
  // CMYK, perceptual with black-point compensation; samples inverted (Adobe: 255 = no
  // ink) on either side as asked. Shared by threads (cmsFLAGS_NOCACHE). Throws base::Error.
  cmsHTRANSFORM transform(const std::string& source_icc, bool inverted_in, bool inverted_out);

 private:
  cmsContext ctx_;
  cmsHPROFILE output_ = nullptr, untagged_ = nullptr;
  std::string output_bytes_;
  std::mutex mu_;
  std::map<std::tuple<std::string, bool, bool>, cmsHTRANSFORM> transforms_;
};

}  // namespace pdf
