// Preflight: any bytes as a PDF to check. Findings are the answer; nothing may escape.
#include "fuzz/fuzz_support.h"
#include "preflight/preflight.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    preflight::check(fuzz::bytes_of(data, size), preflight::Options{});
  } catch (const base::Error& e) {
    fuzz::rejected(e);
  }
  return 0;
}
