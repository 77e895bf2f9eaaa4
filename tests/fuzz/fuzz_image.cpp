// Image probing and decoding (image/): any bytes as a photo file. The bytes go to a file
// of this process (probe and decode read files); a header under a few megapixels is
// decoded too.
#include <unistd.h>

#include <fstream>

#include "fuzz/fuzz_support.h"
#include "image/image.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::filesystem::path file = [] {
    const auto shm = std::filesystem::path("/dev/shm");
    const auto dir = std::filesystem::is_directory(shm) ? shm : std::filesystem::temp_directory_path();
    return dir / ("paperset-fuzz-image-" + std::to_string(::getpid()));
  }();
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    const image::Info info = image::probe(file, {"fuzz.xml", 1});
    if (std::int64_t{info.width} * info.height <= 4'000'000) image::decode(file, {"fuzz.xml", 1});
  } catch (const base::Error& e) {
    fuzz::rejected(e);
  }
  return 0;
}
