#pragma once
// Minimal UTF-8 helpers: the XML layer guarantees well-formed input; decode()
// still never reads past the end and maps bad bytes to U+FFFD.
#include <cstdint>
#include <string>
#include <string_view>

namespace base {

// Decode the code point at byte offset i; sets `len` to the bytes consumed (>= 1).
char32_t decode_utf8(std::string_view s, size_t i, int& len);
void append_utf8(std::string& out, char32_t cp);
bool valid_utf8(std::string_view s);
std::u32string to_u32(std::string_view s);
std::string to_utf8(std::u32string_view s);

}  // namespace base
