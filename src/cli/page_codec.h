#pragma once
// A laid-out page and the findings its layout made, as bytes for the page cache
// (cli/cache.h): CBOR through nlohmann-json, lossless, so a page read back writes the
// same PDF and proof bytes as the page it was made from.
#include <string>
#include <vector>

#include "base/diag.h"
#include "frame/frame.h"

namespace cli {

struct CachedPage {
  frame::Page page;
  std::vector<base::Finding> findings;  // added while this page was laid out, in order
};

std::string encode_page(const CachedPage& p);
// Throws std::exception on bytes that are not an encoded page (a damaged cache file).
CachedPage decode_page(const std::string& bytes);

}  // namespace cli
