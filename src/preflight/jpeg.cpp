#include "preflight/jpeg.h"

#include <map>

namespace preflight {

namespace {

int u8(std::string_view b, std::size_t i) { return i < b.size() ? static_cast<unsigned char>(b[i]) : 0; }
int u16(std::string_view b, std::size_t i) { return (u8(b, i) << 8) | u8(b, i + 1); }

bool is_sof(int marker) {
  // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

void read_segment(JpegInfo& info, std::map<int, std::string>& icc_chunks, int marker, std::string_view seg) {
  if (marker == 0xEE && seg.substr(0, 5) == "Adobe") {
    info.adobe = true;
    info.adobe_transform = seg.size() > 11 ? u8(seg, 11) : -1;
  } else if (marker == 0xE2 && seg.size() > 14 && seg.substr(0, 12) == std::string_view("ICC_PROFILE\0", 12)) {
    icc_chunks[u8(seg, 12)] = std::string(seg.substr(14));
  } else if (is_sof(marker) && seg.size() >= 6) {
    info.precision = u8(seg, 0);
    info.height = u16(seg, 1);
    info.width = u16(seg, 3);
    info.components = u8(seg, 5);
    info.valid = true;
  }
}

}  // namespace

JpegInfo scan_jpeg(std::string_view b) {
  JpegInfo info;
  if (u8(b, 0) != 0xFF || u8(b, 1) != 0xD8) return info;
  std::map<int, std::string> icc_chunks;  // ordered by sequence number
  std::size_t i = 2;
  while (i + 4 <= b.size()) {
    if (u8(b, i) != 0xFF) break;
    const int marker = u8(b, i + 1);
    if (marker == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    if (marker == 0xD9 || marker == 0xDA) break;  // EOI / start of scan: headers are done
    if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      i += 2;
      continue;
    }
    const std::size_t len = static_cast<std::size_t>(u16(b, i + 2));
    if (len < 2 || i + 2 + len > b.size()) break;
    read_segment(info, icc_chunks, marker, b.substr(i + 4, len - 2));
    i += 2 + len;
  }
  for (const auto& [seq, data] : icc_chunks) info.icc += data;
  return info;
}

}  // namespace preflight
