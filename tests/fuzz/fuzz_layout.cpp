// The layout reader: any bytes as a layout file.
#include "fuzz/fuzz_support.h"
#include "model/layout.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const base::Context ctx = fuzz::context();
  try {
    model::parse_layout(fuzz::bytes_of(data, size), "fuzz.xml", ctx.limits);
  } catch (const base::Error& e) {
    fuzz::rejected(e);
  }
  return 0;
}
