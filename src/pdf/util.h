#pragma once
// Internal to pdf/: numbers and strings as PDF writes them (C locale, whatever the
// process locale), Flate, MD5, and a small pool for preparing fonts and photos at once.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "base/units.h"

namespace pdf {

// "0.25", "1", "-3.5": fixed, trailing zeros dropped.
void append_num(std::string& out, double v, int decimals = 3);
std::string num(double v, int decimals = 3);
// Millipoints → points, exact: "841.89".
void append_len(std::string& out, base::Len l);
std::string len(base::Len l);
// UTF-8 → UTF-16BE as upper-case hex (surrogate pairs beyond the BMP), no BOM.
std::string utf16_hex(std::string_view utf8);
void append_hex4(std::string& out, unsigned v);

std::string flate(const std::string& bytes);  // zlib, as /FlateDecode reads it
std::string md5_hex(const std::string& bytes);
std::string sha256_hex(const std::string& bytes);

// Runs job(0 … n-1) on up to `jobs` threads (0: one per core). The first exception a
// job throws is rethrown after all have finished.
void parallel_for(std::size_t n, int jobs, const std::function<void(std::size_t)>& job);

}  // namespace pdf
