#pragma once
// Shared by the fuzz targets (docs/fuzzing.md): the resources of the source tree, the
// fonts loaded once, and what counts as a bug. A target calls the public functions a
// user's input reaches; base::Error is the expected answer to bad input, anything else
// escaping (another exception, a crash, a sanitizer report, a hang) is a bug.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "base/context.h"
#include "text/fonts.h"

namespace fuzz {

inline std::filesystem::path source_root() { return PAPERSET_SOURCE_ROOT; }

// The context of a build from the source tree, with limits small enough that one input
// runs in milliseconds (the limits themselves are tested in tests/hostile).
base::Context context();

// The shipped fonts, loaded once per process.
const text::FontSet& fonts();

// The expected answer to bad input. With PAPERSET_FUZZ_VERBOSE set in the environment
// it is printed (to see what the seeds of a corpus reach).
void rejected(const base::Error& e);

inline std::string bytes_of(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace fuzz

// libFuzzer's entry point; the replay runner (replay_main.cpp) calls the same one.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
