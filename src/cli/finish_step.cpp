// Drawing, finishing, preflighting and writing the PDF(s). Pages of a split build are
// drawn and finished in parallel, each its own cairo document. Nothing is
// written until every file has been made and has passed preflight.
#include "cli/finish_step.h"

#include <atomic>
#include <exception>
#include <functional>
#include <thread>

#include "finish/finish.h"
#include "preflight/preflight.h"
#include "render/render.h"

namespace cli {

namespace {

finish::Options finish_options(const BuildArgs& args, const model::Issue& issue, const frame::Document& doc,
                               const frame::Palette& palette, const base::Context& ctx) {
  finish::Options o;
  o.title = doc.title;
  o.date_iso = doc.date_iso;
  o.producer = "paperset " PAPERSET_VERSION;
  o.palette = palette;
  o.ink_limit_percent = issue.layout.ink_limit_percent;
  finish::use_output_condition(o, args.output_profile.empty() ? finish::default_output_condition(ctx)
                                                              : finish::custom_output_condition(args.output_profile));
  return o;
}

struct Made {
  std::filesystem::path path;
  std::string bytes;
  base::Diagnostics diag;
};

// One PDF (the whole issue when page < 0): draw, finish, and preflight our own output.
void make(Made& m, const BuildArgs& args, const frame::Document& doc, const frame::Palette& palette,
          finish::Options opt, int page, int ink_limit) {
  const std::string raw = render::render_pdf(doc, palette, page);
  if (args.no_finish) {
    m.bytes = raw;
    return;
  }
  const auto boxes = finish::page_boxes(doc);
  opt.pages = page < 0 ? boxes : std::vector<finish::PageBoxes>{boxes.at(static_cast<size_t>(page))};
  m.bytes = finish::finish_pdf(raw, opt, m.diag);
  preflight::Options po;
  po.ink_limit_percent = ink_limit;
  po.allow_low_resolution = args.allow_low_res;
  for (auto f : preflight::check(m.bytes, po)) {
    f.message = "preflight of " + m.path.filename().string() + ": " + f.message;
    m.diag.add(f);
  }
}

std::filesystem::path split_path(const std::string& output, const std::string& page_name) {
  const std::filesystem::path out(output);
  std::error_code ec;
  if (std::filesystem::is_directory(out, ec) || output.back() == '/') return out / (page_name + ".pdf");
  const std::string stem = out.extension() == ".pdf" ? out.stem().string() : out.filename().string();
  return out.parent_path() / (stem + "-" + page_name + ".pdf");
}

// Runs make() for every file on `jobs` threads (0: one per core).
void make_all(std::vector<Made>& files, int jobs, const std::function<void(size_t)>& job) {
  std::atomic<size_t> next{0};
  std::vector<std::exception_ptr> errors(files.size());
  auto worker = [&] {
    for (size_t i; (i = next++) < files.size();) {
      try {
        job(i);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  const size_t want = jobs > 0 ? static_cast<size_t>(jobs) : std::max(1u, std::thread::hardware_concurrency());
  const size_t n = std::min(files.size(), want);
  std::vector<std::thread> pool;
  for (size_t t = 1; t < n; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace

std::vector<std::string> write_pdfs(const BuildArgs& args, const model::Issue& issue, const frame::Document& doc,
                                    const frame::Palette& palette, base::Context& ctx) {
  const finish::Options opt = finish_options(args, issue, doc, palette, ctx);
  const int ink = issue.layout.ink_limit_percent;
  std::vector<Made> files(args.split ? doc.pages.size() : 1);
  for (size_t i = 0; i < files.size(); ++i)
    files[i].path = args.split ? split_path(args.output, doc.pages[i].name) : std::filesystem::path(args.output);
  make_all(files, args.jobs, [&](size_t i) { make(files[i], args, doc, palette, opt, args.split ? static_cast<int>(i) : -1, ink); });
  for (const auto& f : files) ctx.diag.merge(f.diag);
  if (ctx.diag.has_errors()) return {};
  std::vector<std::string> written;
  for (const auto& f : files) {
    finish::write_file_atomically(f.path, f.bytes);
    written.push_back(f.path.string());
  }
  return written;
}

}  // namespace cli
