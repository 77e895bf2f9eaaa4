// Conventions of Chinese news copy that every copy reader recognises (docs/import.md
// "Datelines and bylines"): the run-in dateline (本报讯(…), 新华社北京1月5日电(记者 …)) at the
// head of a story's first paragraph, and where a dateline given apart goes.
#include <algorithm>

#include "model/copy_parse.h"

namespace model::copy {

bool is_han(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3FFFD);
}

bool is_latin_or_digit(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

namespace {

bool starts_with(std::u32string_view s, std::u32string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::u32string_view s, std::u32string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Who sends the story, before 讯 / 电: 本报, a date (…1月5日), an agency or a paper
// (新华社, 中新网, …日报). Only letters, digits and Han characters: a comma or a quote
// before 讯 / 电 means running text ("近日，区电力公司…").
bool dateline_source(std::u32string_view p) {
  if (p.empty()) return false;
  for (char32_t c : p)
    if (!is_han(c) && !is_latin_or_digit(c)) return false;
  if (p == U"本报" || p.back() == U'日') return true;
  const bool agency = ends_with(p, U"社") || ends_with(p, U"网") || ends_with(p, U"台") || ends_with(p, U"报");
  const bool ours = starts_with(p, U"本报") && p.find(U"记者") == std::u32string_view::npos;
  return p.size() <= 8 && (agency || ours);
}

}  // namespace

size_t dateline_length(std::u32string_view s) {
  const size_t k = s.find_first_of(U"讯电");
  if (k == std::u32string_view::npos || k > 24 || !dateline_source(s.substr(0, k))) return 0;
  size_t n = k + 1;
  // The reporters in brackets right after it: (谭论 记者 史莲寅), （记者 张三）.
  if (n < s.size() && (s[n] == U'(' || s[n] == U'（')) {
    const size_t close = s.find_first_of(U")）", n + 1);
    const bool short_group = close != std::u32string_view::npos && close - n <= 40 &&
                             s.substr(n, close - n).find_first_of(U"。！？\n") == std::u32string_view::npos;
    if (short_group) n = close + 1;
  }
  return n < s.size() ? n : 0;  // a dateline alone is not a run-in
}

void mark_dateline(Raw& para, size_t n) {
  size_t i = 0;
  while (i < para.text.size() && !para.text[i].br && (is_space(para.text[i].c) || para.text[i].c == U'\u3000')) ++i;
  for (; i < para.text.size() && n > 0; ++i, --n) para.text[i].flags |= kDateline;
}

namespace {

std::u32string trimmed(const Raw& r) {
  std::u32string s = r.chars();
  const auto a = s.find_first_not_of(U" \t\r\n");
  if (a == std::u32string::npos) return {};
  const auto b = s.find_last_not_of(U" \t\r\n");
  return s.substr(a, b - a + 1);
}

}  // namespace

void run_in_dateline(std::vector<Raw>& body, const Raw& dateline) {
  const std::u32string d = trimmed(dateline);
  if (d.empty()) return;
  auto para = std::find_if(body.begin(), body.end(), [](const Raw& r) { return r.kind == TextKind::Para; });
  if (para == body.end()) return;
  const std::u32string text = trimmed(*para);
  if (starts_with(text, d)) {  // the copy repeats it in the text: mark it there
    mark_dateline(*para, d.size());
    return;
  }
  Raw joined;
  joined.kind = TextKind::Para;
  joined.line = para->line;
  for (const Ch& c : dateline.text)
    if (!c.br) joined.text.push_back({c.c, c.line, static_cast<std::uint8_t>(c.flags | kDateline), false});
  // A Chinese dateline runs in without a space (本报讯近日…, 本报讯3月14日…); a Latin
  // one (BEIJING, Jan. 5 —) is followed by a space.
  if (std::none_of(d.begin(), d.end(), is_han)) joined.text.push_back({U' ', dateline.line, 0, false});
  joined.text.insert(joined.text.end(), para->text.begin(), para->text.end());
  *para = std::move(joined);
}

}  // namespace model::copy
