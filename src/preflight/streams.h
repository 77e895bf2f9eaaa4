#pragma once
// Stream data decoded under a byte budget. A PDF of a few kilobytes can hold a Flate
// stream that inflates to gigabytes (deflate reaches about 1 000 : 1, and filters can be
// chained); preflight decodes every stream through a cap, and what does not fit is a
// finding, never memory exhausted and never a pass (docs/print.md "Budgets").
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <qpdf/QPDF.hh>

#include <cstdint>
#include <optional>
#include <string>

namespace preflight {

// Passes bytes on to `next` while `left` lasts, counting them off. Past it, it stops the
// decoding (qpdf's pipeStreamData turns the exception into a failed decode) and does not
// finish `next`, so nothing acts on the partial data.
class Capped : public Pipeline {
 public:
  Capped(Pipeline* next, std::uint64_t& left) : Pipeline("preflight budget", next), left_(left) {}
  void write(unsigned char const* data, size_t len) override;
  void finish() override;
  bool over() const { return over_; }

 private:
  std::uint64_t& left_;
  bool over_ = false;
};

enum class Decoded { Ok, OverBudget, Failed };

// Pipes `stream` decoded at `level` into `to`, at most `left` bytes (counted off).
// Failed: a filter qpdf cannot apply at that level, or damaged data.
Decoded pipe_decoded(QPDFObjectHandle stream, Pipeline* to, qpdf_stream_decode_level_e level, std::uint64_t& left);

// The decoded data of `stream` into `out`, at most `max_bytes` of it.
Decoded decode_stream(QPDFObjectHandle stream, qpdf_stream_decode_level_e level, std::uint64_t max_bytes,
                      std::string& out);

// qpdf decodes an object stream (ISO 32000-1 §7.5.7) whole, into memory, the first time
// any object in it is needed — so each one's decoded size is measured first, under these
// caps: why the file cannot be read within them, or nullopt. Call before anything
// reads the file's objects (pages, catalog).
constexpr std::uint64_t kMaxObjectStreamBytes = 64u << 20;
constexpr std::uint64_t kMaxObjectStreamsBytes = 512u << 20;
std::optional<std::string> object_streams_problem(QPDF& pdf);

// qpdf also decodes a cross-reference stream (§7.5.8) whole while it opens the file, before
// any of the above can run: so the raw bytes are searched for Flate-encoded /XRef
// streams and each is inflated (into nothing) under the object stream cap first. Why the
// file cannot be opened within it, or nullopt.
std::optional<std::string> xref_streams_problem(const std::string& pdf_bytes);

// "64 MiB": a budget in messages.
std::string budget_text(std::uint64_t bytes);

}  // namespace preflight
