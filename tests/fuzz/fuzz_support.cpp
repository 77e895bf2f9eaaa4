#include "fuzz/fuzz_support.h"

#include <cstdio>
#include <cstdlib>

#include "model/font_map.h"

namespace fuzz {

base::Context context() {
  base::Context ctx = base::Context::for_root(source_root());
  ctx.limits.elements = 5000;
  ctx.limits.text_chars = 5000;
  ctx.limits.pages = 20;
  return ctx;
}

void rejected(const base::Error& e) {
  static const bool verbose = std::getenv("PAPERSET_FUZZ_VERBOSE") != nullptr;
  if (verbose) std::fprintf(stderr, "%s\n", e.format().c_str());
}

const text::FontSet& fonts() {
  static const std::shared_ptr<text::FontSet> set = [] {
    const auto ctx = context();
    return text::FontSet::load(model::load_font_map(ctx), ctx);
  }();
  return *set;
}

}  // namespace fuzz
