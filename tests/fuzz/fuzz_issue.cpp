// The issue reader: any bytes as an issue file. The issue sits in samples/, so the
// seeds' photos (images/…) and layouts resolve.
#include "fuzz/fuzz_support.h"
#include "model/issue.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const base::Context ctx = fuzz::context();
  try {
    model::parse_issue(fuzz::bytes_of(data, size), fuzz::source_root() / "samples/fuzz.xml", ctx);
  } catch (const base::Error& e) {
    fuzz::rejected(e);
  }
  return 0;
}
