// Reading placed PDF files with libqpdf: page boxes (ISO 32000-1 §14.11.2: the TrimBox
// defaults to the CropBox, which defaults to the MediaBox), /Rotate, the PDF/X version and
// the GTS_PDFX output intent (ISO 15930-7 §6.2.4).
#include "placed/placed.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <fstream>

#include "base/context.h"
#include "preflight/streams.h"
#include "placed/qpdf_open.h"

namespace placed {

namespace fs = std::filesystem;
using Obj = QPDFObjectHandle;

namespace {


[[noreturn]] void fail(const fs::path& file, const base::Loc& from, const std::string& what, const std::string& fix) {
  base::Loc at = from.file.empty() ? base::Loc{file.string(), 0} : from;
  throw base::Error(std::move(at), "PDF '" + file.string() + "': " + what, fix);
}

Rect rect_of(Obj box) {
  Rect r;
  if (!box.isRectangle()) return r;
  const auto q = box.getArrayAsRectangle();
  r = {std::min(q.llx, q.urx), std::min(q.lly, q.ury), std::max(q.llx, q.urx), std::max(q.lly, q.ury)};
  return r;
}

PageInfo page_info(QPDFPageObjectHelper page) {
  PageInfo p;
  Obj d = page.getObjectHandle();
  p.box_name = d.hasKey("/TrimBox") ? "TrimBox" : d.hasKey("/CropBox") ? "CropBox" : "MediaBox";
  p.box = rect_of(page.getTrimBox());  // qpdf falls back from TrimBox to CropBox to MediaBox
  Obj rot = d.getKey("/Rotate");
  const long long r = rot.isInteger() ? rot.getIntValue() : 0;
  p.rotate = static_cast<int>(((r % 360) + 360) % 360 / 90 * 90);
  return p;
}

void read_output_intent(QPDF& pdf, Document& d) {
  Obj info = pdf.getTrailer().getKey("/Info");
  if (info.isDictionary() && info.getKey("/GTS_PDFXVersion").isString())
    d.pdfx_version = info.getKey("/GTS_PDFXVersion").getUTF8Value();
  Obj intents = pdf.getRoot().getKey("/OutputIntents");
  if (!intents.isArray()) return;
  for (Obj oi : intents.aitems()) {
    if (!oi.isDictionary() || !oi.getKey("/S").isNameAndEquals("/GTS_PDFX")) continue;
    Obj id = oi.getKey("/OutputConditionIdentifier");
    if (id.isString()) d.output_condition = id.getUTF8Value();
    Obj prof = oi.getKey("/DestOutputProfile");
    if (prof.isStream()) {
      // Decoded within a cap like everything preflight reads (preflight/streams.h); one
      // that does not decode is known by its raw bytes.
      std::string icc;
      if (preflight::decode_stream(prof, qpdf_dl_generalized, 16u << 20, icc) != preflight::Decoded::Ok) {
        auto raw = prof.getRawStreamData();
        icc.assign(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize());
      }
      d.output_profile = fingerprint(icc);
    }
    return;
  }
}

}  // namespace

std::uint64_t fingerprint(const std::string& bytes) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  return h;
}

bool is_pdf(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  char head[5] = {};
  in.read(head, 5);
  return in.gcount() == 5 && std::string(head, 5) == "%PDF-";
}

const Document& Library::get(const fs::path& file, const base::Loc& from) {
  const std::string key = file.lexically_normal().string();
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = docs_.find(key); it != docs_.end()) return *it->second;
  auto d = std::make_unique<Document>();
  d->file = file;
  d->from = from;
  d->bytes = base::read_input_file(file, from, "PDF file '" + file.string() + "'", limit);
  d->hash = fingerprint(d->bytes);
  try {
    if (const auto why = preflight::xref_streams_problem(d->bytes))
      fail(file, from, "cannot be read within preflight's budgets: " + *why,
           "ask for the file again, exported as PDF/X-4 (a real ad's objects decode to a few megabytes)");
    auto pdf = open(d->bytes, file.string());
    if (const auto why = preflight::object_streams_problem(*pdf))
      fail(file, from, "cannot be read within preflight's budgets: " + *why,
           "ask for the file again, exported as PDF/X-4 (a real ad's objects decode to a few megabytes)");
    for (auto& p : QPDFPageDocumentHelper(*pdf).getAllPages()) d->pages.push_back(page_info(p));
    read_output_intent(*pdf, *d);
  } catch (const base::Error&) {
    throw;
  } catch (const std::exception& e) {
    fail(file, from, std::string("cannot be read: ") + e.what(),
         "the file is damaged or not a PDF: ask for it again (exported as PDF/X-4 or PDF/X-1a)");
  }
  if (d->pages.empty()) fail(file, from, "has no pages", "ask for the file again");
  for (const auto& p : d->pages)
    if (p.box.width() < 1 || p.box.height() < 1)
      fail(file, from, "has a page whose " + p.box_name + " has no size", "ask for the file again, with its TrimBox set");
  return *docs_.emplace(key, std::move(d)).first->second;
}

const PageInfo& page(const Document& doc, int n, const base::Loc& from) {
  if (n < 1 || static_cast<std::size_t>(n) > doc.pages.size())
    fail(doc.file, from,
         "has " + std::to_string(doc.pages.size()) + " page" + (doc.pages.size() == 1 ? "" : "s") + ", not a page " +
             std::to_string(n),
         "set page= to a page of the file (1 to " + std::to_string(doc.pages.size()) + ")");
  return doc.pages[static_cast<std::size_t>(n - 1)];
}

}  // namespace placed
