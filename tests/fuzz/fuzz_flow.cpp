// An issue read and laid out: any bytes as an issue file, and when the model accepts it
// the flow stage (shaping, composing, columns, balancing, jumps, rules) runs on it. The
// layouts are the shipped ones and any the fuzzer writes into its issue's folder is not
// read, so this explores issue markup against real grids.
#include "flow/flow.h"
#include "fuzz/fuzz_support.h"
#include "model/issue.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const base::Context base_ctx = fuzz::context();
  base::Context ctx = base_ctx;
  try {
    const model::Issue issue = model::parse_issue(fuzz::bytes_of(data, size), fuzz::source_root() / "samples/fuzz.xml", ctx);
    flow::Options opt;
    opt.allow_overset = true;
    opt.allow_low_res = true;
    flow::lay_out(issue, fuzz::fonts(), ctx, opt);
  } catch (const base::Error& e) {
    fuzz::rejected(e);
  }
  return 0;
}
