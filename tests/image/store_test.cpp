// image::Store kept from one build to the next (paperset watch): a proof drawn from a
// kept store is the same as one drawn from a fresh store, whatever size the proof asks
// for now, and pixels made for the size asked again are not decoded again.
#include <doctest/doctest.h>

#include "image/fixtures.h"
#include "image/store.h"
#include "support/support.h"

namespace fs = std::filesystem;

namespace {

// The proof pixels a fresh store gives for a proof of w × h (0 × 0: nothing asked for).
image::Pixels fresh_proof(const fs::path& file, int w, int h) {
  image::Store s;
  const auto& e = s.get(file, {});
  if (w > 0) s.want_proof(e, w, h);
  return *s.proof(e);
}

void same(const image::Pixels& a, const image::Pixels& b) {
  CHECK(a.width == b.width);
  CHECK(a.height == b.height);
  CHECK(a.data == b.data);
}

}  // namespace

TEST_CASE("store: a store kept for the next build gives the proof pixels a fresh store gives") {
  const fs::path f = fixtures::make(test::temp_dir("store-kept"), "grad.jpg",
                                    "-size 640x480 gradient:red-blue -quality 90");
  image::Store kept;
  const auto& e = kept.get(f, {});
  kept.want_proof(e, 320, 240);
  const auto first = kept.proof(e);
  CHECK(kept.decodes() == 1);
  same(*first, fresh_proof(f, 320, 240));

  kept.next_build();  // the same size again: the pixels are kept, nothing decoded
  kept.want_proof(e, 320, 240);
  CHECK(kept.proof(e) == first);
  CHECK(kept.decodes() == 0);

  kept.next_build();  // a smaller proof: reduced further, as a fresh store reduces it
  kept.want_proof(e, 80, 60);
  const auto smaller = kept.proof(e);
  CHECK(kept.decodes() == 1);
  CHECK(smaller->width < first->width);
  same(*smaller, fresh_proof(f, 80, 60));

  kept.next_build();  // nothing asked for: the whole image, as a fresh store gives it
  same(*kept.proof(e), fresh_proof(f, 0, 0));
}
