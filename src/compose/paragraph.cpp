// The composer's interface for flow: a paragraph is analysed once; lines are pulled one
// at a time at whatever measure the current column or wrap gives (docs/architecture.md).
// Justified text is broken by total fit: the first pull at a measure plans the rest of
// the paragraph from the cursor; the following pulls at the same measure are served from
// that plan; a pull at another measure, or from a cursor the plan does not know, plans
// again from there (docs/composer.md "Interface").
#include <algorithm>

#include "compose/para_impl.h"

namespace compose {

Paragraph::Paragraph(const text::FontSet& fonts, text::ShapedText shaped, ParaStyle style)
    : impl_(std::make_unique<Impl>()) {
  impl_->fonts = &fonts;
  impl_->shaped = std::move(shaped);
  impl_->style = std::move(style);
  impl_->analyze();
}

Paragraph::~Paragraph() = default;
Paragraph::Paragraph(Paragraph&&) noexcept = default;
Paragraph& Paragraph::operator=(Paragraph&&) noexcept = default;

bool Paragraph::done(const Cursor& c) const { return impl_->atom_at(c.pos) >= impl_->vis_end; }

const text::ShapedText& Paragraph::shaped() const { return impl_->shaped; }

std::size_t Paragraph::work() const { return impl_->work.load(); }

namespace {

constexpr std::size_t kPlansKept = 4;  // measures in use at once (columns, wraps, dry runs)
constexpr std::uint8_t kEmergency = 1;
constexpr std::uint8_t kFallback = 2;  // total fit ran out of budget: first fit from here on

// The line of `plan` that starts at s, or -1.
long line_in(const Plan& plan, std::size_t s, Len measure, bool first) {
  if (plan.measure != measure || s < plan.start) return -1;
  const auto it = std::lower_bound(plan.starts.begin(), plan.starts.end(), s);
  if (it == plan.starts.end() || *it != s) return -1;
  const long i = it - plan.starts.begin();
  return (i == 0 ? plan.first : false) == first ? i : -1;
}

bool fallback_covers(const Plan& plan, std::size_t s, Len measure) {
  return plan.measure == measure && s >= plan.start && !plan.flags.empty() && plan.flags[0] == kFallback;
}

}  // namespace

void Paragraph::Impl::adopt(Plan p) const {
  std::lock_guard<std::mutex> lock(plan_mutex);
  const Len m = p.measure;
  plans.erase(std::remove_if(plans.begin(), plans.end(), [m](const Plan& q) { return q.measure == m; }), plans.end());
  p.used = ++plan_clock;
  plans.push_back(std::move(p));
}

// The line from s at `measure`, from a plan: one in the cache, or a new one.
// Why a display line ends where it does (docs/composer.md "Headlines").
std::string Paragraph::Impl::head_reason(std::size_t b) const {
  if (b >= atoms.size()) return "end";
  if (gaps[b - 1].forced) return "forced";
  static const char* const kinds[] = {"head: editor's space", "head: between words", "head: beside a one-character word",
                                      "head: inside a word"};
  return kinds[std::min<int>(gaps[b - 1].head, 3)];
}

Choice Paragraph::Impl::planned(std::size_t s, Len measure, bool first, bool why) const {
  std::lock_guard<std::mutex> lock(plan_mutex);
  ++plan_clock;
  Plan* use = nullptr;
  long i = -1;
  for (Plan& plan : plans) {
    i = line_in(plan, s, measure, first);
    if (i >= 0 || fallback_covers(plan, s, measure)) {
      use = &plan;
      break;
    }
  }
  if (!use) {
    Plan fresh;
    if (!(style.head ? head_fit(s, measure, first, fresh) || total_fit(s, measure, first, fresh)
                     : total_fit(s, measure, first, fresh))) {
      fresh = Plan{};
      fresh.measure = measure;
      fresh.start = s;
      fresh.flags.push_back(kFallback);
    }
    if (plans.size() < kPlansKept) {
      plans.push_back(std::move(fresh));
      use = &plans.back();
    } else {
      use = &*std::min_element(plans.begin(), plans.end(), [](const Plan& a, const Plan& b) { return a.used < b.used; });
      *use = std::move(fresh);
    }
    i = line_in(*use, s, measure, first);
  }
  use->used = plan_clock;
  if (i < 0) return avoid_orphan(s, measure, first, choose(s, measure, first));
  const auto k = static_cast<std::size_t>(i);
  Choice c;
  c.b = use->ends[k];
  c.forced = c.b < atoms.size() && gaps[c.b - 1].forced;
  c.emergency = use->flags[k] == kEmergency;
  if (!why) return c;
  c.reason = c.emergency ? "emergency: no break opportunity fits"
             : style.head  ? head_reason(c.b)
                           : describe(s, c.b, measure, first);
  return c;
}

Line Paragraph::next_line(Cursor& c, Len measure, LineEnd end, int lines) const {
  const Impl& p = *impl_;
  const std::uint32_t text_end = static_cast<std::uint32_t>(p.shaped.text.size());
  const std::size_t s = p.line_start(p.atom_at(c.pos));  // spaces are dropped at a line start
  const bool first = c.line_index == 0;
  Line line;
  if (s >= p.vis_end) {  // nothing visible is left
    line.measure = measure;
    line.last = true;
    line.break_reason = "end";
    line.max_glyph_size = p.em;
  } else {
    if (end == LineEnd::Word && p.justify() && !p.style.head) p.keep_words(s, measure, first, lines);
    const Choice ch = p.justify() || p.style.head ? p.planned(s, measure, first)
                                                  : p.avoid_orphan(s, measure, first, p.choose(s, measure, first));
    line = p.set_line(s, ch, measure, first);
    line.end = line.last || ch.b >= p.atoms.size() ? text_end : p.atoms[ch.b].start;
  }
  if (s >= p.vis_end) line.end = text_end;
  line.start = std::min(c.pos, text_end);
  c.pos = line.end;
  ++c.line_index;
  return line;
}

// next_line's choice of break, the same plans consulted and kept, without setting the line.
void Paragraph::skip_line(Cursor& c, Len measure, LineEnd end, int lines) const {
  const Impl& p = *impl_;
  const std::uint32_t text_end = static_cast<std::uint32_t>(p.shaped.text.size());
  const std::size_t s = p.line_start(p.atom_at(c.pos));
  const bool first = c.line_index == 0;
  std::uint32_t e = text_end;
  if (s < p.vis_end) {
    if (end == LineEnd::Word && p.justify() && !p.style.head) p.keep_words(s, measure, first, lines);
    const Choice ch = p.justify() || p.style.head ? p.planned(s, measure, first, false)
                                                  : p.avoid_orphan(s, measure, first, p.choose(s, measure, first));
    if (ch.b < p.vis_end && ch.b < p.atoms.size()) e = p.atoms[ch.b].start;
  }
  c.pos = e;
  ++c.line_index;
}

std::vector<Line> Paragraph::lines(Len measure) const {
  std::vector<Line> out;
  Cursor c;
  while (!done(c)) out.push_back(next_line(c, measure));
  return out;
}

}  // namespace compose
