#include "preflight/streams.h"

#include <qpdf/Pl_Discard.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/Pl_String.hh>

#include <algorithm>
#include <cctype>
#include <string_view>
#include <set>
#include <stdexcept>

namespace preflight {

void Capped::write(unsigned char const* data, size_t len) {
  if (over_ || len > left_) {
    over_ = true;
    left_ = 0;
    throw std::length_error("decoded data over the preflight budget");
  }
  left_ -= len;
  getNext()->write(data, len);
}

void Capped::finish() {
  if (!over_) getNext()->finish();
}

Decoded pipe_decoded(QPDFObjectHandle stream, Pipeline* to, qpdf_stream_decode_level_e level, std::uint64_t& left) {
  Capped cap(to, left);
  bool attempted = false;
  bool ok = false;
  try {
    ok = stream.pipeStreamData(&cap, &attempted, 0, level, true, false);
  } catch (const std::exception&) {
    ok = false;
  }
  if (cap.over()) return Decoded::OverBudget;
  return ok && attempted ? Decoded::Ok : Decoded::Failed;
}

Decoded decode_stream(QPDFObjectHandle stream, qpdf_stream_decode_level_e level, std::uint64_t max_bytes,
                      std::string& out) {
  out.clear();
  Pl_String sink("preflight stream", nullptr, out);
  std::uint64_t left = max_bytes;
  const Decoded d = pipe_decoded(stream, &sink, level, left);
  if (d != Decoded::Ok) out.clear();
  return d;
}

std::optional<std::string> object_streams_problem(QPDF& pdf) {
  std::set<int> numbers;
  for (const auto& [og, e] : pdf.getXRefTable())
    if (e.getType() == 2) numbers.insert(e.getObjStreamNumber());
  std::uint64_t total = kMaxObjectStreamsBytes;
  for (int n : numbers) {
    QPDFObjectHandle s = pdf.getObjectByID(n, 0);
    if (!s.isStream()) continue;  // qpdf's own error when an object in it is read
    Pl_Discard none;
    std::uint64_t left = std::min(kMaxObjectStreamBytes, total);
    const std::uint64_t before = left;
    if (pipe_decoded(s, &none, qpdf_dl_generalized, left) == Decoded::OverBudget)
      return "object stream " + std::to_string(n) + " decodes to more than " + budget_text(before) +
             (before < kMaxObjectStreamBytes ? " (the object streams together are over " +
                                                   budget_text(kMaxObjectStreamsBytes) + ")"
                                             : std::string());
    total -= before - left;
  }
  return std::nullopt;
}

namespace {

// Inflates `data` into nothing, counting off `left`; false when it runs out.
bool inflates_within(std::string_view data, std::uint64_t& left) {
  Pl_Discard none;
  Capped cap(&none, left);
  Pl_Flate inflate("xref stream", &cap, Pl_Flate::a_inflate);
  try {
    for (std::size_t at = 0; at < data.size() && !cap.over(); at += 1 << 16)
      inflate.write(reinterpret_cast<const unsigned char*>(data.data() + at), std::min<std::size_t>(1 << 16, data.size() - at));
    inflate.finish();
  } catch (const std::exception&) {
    // Damaged data is qpdf's to report; only the size matters here.
  }
  return !cap.over();
}

}  // namespace

// Each stream is inflated once (the search goes on after its end), all of them within
// the object streams' total.
std::optional<std::string> xref_streams_problem(const std::string& b) {
  std::uint64_t total = kMaxObjectStreamsBytes;
  for (std::size_t at = b.find("/XRef"); at != std::string::npos; at = b.find("/XRef", at + 5)) {
    const char next = at + 5 < b.size() ? b[at + 5] : ' ';
    if (std::isalnum(static_cast<unsigned char>(next))) continue;  // /XRefStm, a trailer key
    const std::size_t obj = b.rfind(" obj", at), stream = b.find("stream", at), end = b.find("endobj", at);
    if (obj == std::string::npos || stream == std::string::npos || (end != std::string::npos && end < stream)) continue;
    if (std::string_view(b).substr(obj, stream - obj).find("/FlateDecode") == std::string_view::npos) continue;
    std::size_t data = stream + 6;
    if (data < b.size() && b[data] == '\r') ++data;
    if (data < b.size() && b[data] == '\n') ++data;
    const std::size_t stop = std::min(b.find("endstream", data), b.size());
    std::uint64_t left = std::min(kMaxObjectStreamBytes, total);
    const std::uint64_t before = left;
    if (!inflates_within(std::string_view(b).substr(data, stop - data), left))
      return "the cross-reference stream at byte " + std::to_string(obj) + " decodes to more than " + budget_text(before) +
             (before < kMaxObjectStreamBytes ? " (the cross-reference streams together are over " +
                                                   budget_text(kMaxObjectStreamsBytes) + ")"
                                             : std::string());
    total -= before - left;
    at = stop;
  }
  return std::nullopt;
}

std::string budget_text(std::uint64_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace preflight
