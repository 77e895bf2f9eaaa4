#pragma once
// Resource limits on what a user feeds paperset (docs/format.md "Limits"). Every limit
// is checked before the work it bounds, so a hostile or broken input is refused with a
// located error instead of taking minutes or gigabytes. The ones a real paper could
// outgrow can be raised on the command line: `paperset build --limit NAME=N`.
#include <cstdint>
#include <optional>
#include <string>

namespace base {

struct Limits {
  std::uint64_t issue_bytes = 16u << 20;   // issue-size: an issue file
  std::uint64_t layout_bytes = 1u << 20;   // layout-size: a layout or font-map file
  std::uint64_t image_bytes = 256u << 20;  // image-size: one photo file
  std::uint64_t icc_bytes = 16u << 20;     // icc-size: an ICC profile (--output-profile)
  std::uint64_t pdf_bytes = 512u << 20;    // pdf-size: a PDF to preflight
  std::uint64_t elements = 100'000;        // elements: XML elements in one file
  std::uint64_t text_chars = 100'000;      // paragraph: characters of one text element
  std::uint64_t pages = 1000;              // pages: pages of one issue

  // "NAME=N" (N a whole number; sizes also "N K", "N M", "N G" without the space).
  // Returns an error message, or nullopt when set.
  std::optional<std::string> set(const std::string& assignment);
  // The names set() knows, for messages: "issue-size, layout-size, …".
  static std::string names();
};

// Fixed limits no real file comes near (not settable): tinyxml2 checks each attribute
// against every earlier one of its element, so a pre-scan refuses long lists first.
constexpr int kMaxAttributes = 64;            // attributes on one element
constexpr std::uint64_t kMaxAttributeBytes = 64u << 10;  // one attribute value

// "16 MiB", "512 KiB", "1000 bytes": sizes in messages.
std::string format_bytes(std::uint64_t n);

}  // namespace base
