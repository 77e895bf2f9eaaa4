// The copy clean-up (docs/import.md "Clean-up"): what agency and manuscript copy gets
// wrong against GB/T 15834-2011 and the issue format, put right and reported — never
// silently. Each change is one note (code copy-cleanup) with the copy file's line and
// the text around it before and after. --keep-copy (copy="keep") turns it off.
#include <algorithm>
#include <map>

#include "base/utf8.h"
#include "model/copy_parse.h"

namespace model::copy {

namespace {

bool running_text(TextKind k) { return k == TextKind::Para || k == TextKind::Caption; }

// Full-width punctuation: CJK Symbols and Punctuation, the full-width forms of ASCII
// marks, and the marks set full width in Chinese text (“ ” ‘ ’ — …).
bool cjk_punct(char32_t c) {
  return (c >= 0x3001 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
         (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) || c == U'“' || c == U'”' || c == U'‘' ||
         c == U'’' || c == U'—' || c == U'…';
}

bool in(char32_t c, std::u32string_view set) { return c != 0 && set.find(c) != std::u32string_view::npos; }

// The cells of one element being edited; every change is recorded as a note.
class Edits {
 public:
  Edits(std::vector<TextCell>& cells, const std::string& file, std::vector<base::Finding>& notes)
      : c_(cells), file_(file), notes_(notes) {}
  size_t size() const { return c_.size(); }
  // The code point at i; 0 outside the element and at a forced break.
  char32_t at(size_t i) const { return i < c_.size() && !c_[i].br ? c_[i].c : 0; }
  char32_t before(size_t i) const { return i == 0 ? 0 : at(i - 1); }
  // Replaces cells [i, i + n) by `with`; the new cells keep the run and line of cells[i].
  void replace(size_t i, size_t n, std::u32string_view with, const std::string& why) {
    const std::string was = around(i, n);
    const TextCell model = c_[i];
    c_.erase(c_.begin() + static_cast<long>(i), c_.begin() + static_cast<long>(i + n));
    std::vector<TextCell> add;
    for (char32_t ch : with) {
      TextCell t = model;
      t.c = ch;
      add.push_back(t);
    }
    c_.insert(c_.begin() + static_cast<long>(i), add.begin(), add.end());
    notes_.push_back(note(base::Severity::Info, "copy-cleanup", file_, model.line,
                          "[" + was + "] → [" + around(i, with.size()) + "]: " + why));
  }

 private:
  // The changed text with up to four characters on each side (within the element).
  std::string around(size_t i, size_t n) const {
    size_t a = i, b = i + n;
    for (int k = 0; k < 4 && a > 0 && !c_[a - 1].br; ++k) --a;
    for (int k = 0; k < 4 && b < c_.size() && !c_[b].br; ++k) ++b;
    std::u32string s;
    for (size_t k = a; k < b; ++k) s += c_[k].c;
    return base::to_utf8(s);
  }

  std::vector<TextCell>& c_;
  const std::string& file_;
  std::vector<base::Finding>& notes_;
};

// ---- straight quotes → “ ” ‘ ’ by nesting (GB/T 15834-2011 §4.8: double quotes outside,
// single quotes inside a quotation) ----

struct Quote {
  size_t pos = 0;
  char kind = 'd';  // 'd' ", 's' '
  int hint = 0;     // +1 looks like an opening quote, -1 a closing one, 0 either
};

int quote_hint(const Edits& e, size_t i) {
  const char32_t p = e.before(i), n = e.at(i + 1);
  const bool p_edge = p == 0 || p == U' ', n_edge = n == 0 || n == U' ';
  if (!p_edge && (n_edge || in(n, U"，,。.、；;：:！!？?）)》】〕］]}…—”’"))) return -1;
  if (!n_edge && (p_edge || in(p, U"（(《【〔［[{“‘：:，,、；;—\u3000"))) return +1;
  return 0;
}

// The cheapest reading of the quotes as nested pairs: an opening quote where a closing
// one is hinted costs 10, the reverse 10, closing a quote of the other kind 5, opening a
// neutral quote inside another 1 (pairs in sequence are likelier than nesting), a quote
// left open 10. States are the stacks of open quotes (at most 6 deep, 64 kept).
std::vector<bool> read_quotes(const std::vector<Quote>& q) {
  struct State {
    int cost = 0;
    std::vector<bool> opens;
  };
  std::map<std::string, State> states{{"", {}}};
  for (const Quote& x : q) {
    std::map<std::string, State> next;
    auto offer = [&next](const std::string& stack, State st) {
      auto it = next.find(stack);
      if (it == next.end() || st.cost < it->second.cost) next[stack] = std::move(st);
    };
    for (const auto& [stack, st] : states) {
      if (stack.size() < 6) {
        State o = st;
        o.cost += (x.hint < 0 ? 10 : 0) + (x.hint == 0 && !stack.empty() ? 1 : 0);
        o.opens.push_back(true);
        offer(stack + x.kind, std::move(o));
      }
      if (!stack.empty()) {
        State c = st;
        c.cost += (x.hint > 0 ? 10 : 0) + (stack.back() != x.kind ? 5 : 0);
        c.opens.push_back(false);
        offer(stack.substr(0, stack.size() - 1), std::move(c));
      }
    }
    while (next.size() > 64) {  // keep the cheapest states
      auto worst = std::max_element(next.begin(), next.end(),
                                    [](const auto& a, const auto& b) { return a.second.cost < b.second.cost; });
      next.erase(worst);
    }
    states = std::move(next);
  }
  const State* best = nullptr;
  int best_cost = 0;
  for (const auto& [stack, st] : states) {
    const int cost = st.cost + 10 * static_cast<int>(stack.size());
    if (!best || cost < best_cost) best = &st, best_cost = cost;
  }
  return best ? best->opens : std::vector<bool>(q.size(), true);
}

void quotes(Edits& e) {
  std::vector<Quote> q;
  for (size_t i = 0; i < e.size(); ++i) {
    const char32_t c = e.at(i);
    if (c == U'\'') {
      // An apostrophe (don't, 90's) or a quote in Latin text is not a Chinese quote.
      if (!wide_char(e.before(i)) && !wide_char(e.at(i + 1))) continue;
    } else if (c != U'"') {
      continue;
    }
    q.push_back({i, c == U'"' ? 'd' : 's', quote_hint(e, i)});
  }
  if (q.empty()) return;
  const std::vector<bool> opens = read_quotes(q);
  std::vector<int> depth_stack;
  for (size_t k = 0; k < q.size(); ++k) {
    int level;
    if (opens[k]) {
      depth_stack.push_back(static_cast<int>(depth_stack.size()) + 1);
      level = depth_stack.back();
    } else {
      level = depth_stack.empty() ? 1 : depth_stack.back();
      if (!depth_stack.empty()) depth_stack.pop_back();
    }
    const bool outer = level % 2 == 1;
    const char32_t mark = opens[k] ? (outer ? U'“' : U'‘') : (outer ? U'”' : U'’');
    e.replace(q[k].pos, 1, std::u32string(1, mark),
              std::string("straight quote set as ") + base::to_utf8(std::u32string(1, mark)) +
                  " (GB/T 15834-2011 §4.8: “ ” outside, ‘ ’ inside a quotation)");
  }
}

// ---- ASCII marks between Chinese characters → full width (GB/T 15834-2011 §5.1: marks
// in Chinese text take a whole character's place) ----

char32_t full_width(char32_t c) { return c - U'!' + 0xFF01; }  // U+FF01–FF5E mirror U+0021–007E

const char* mark_rule = "ASCII mark between Chinese characters set full width (GB/T 15834-2011 §5.1)";

void marks(Edits& e) {
  for (size_t i = 0; i < e.size(); ++i) {
    const char32_t c = e.at(i);
    if (!in(c, U",:;?!")) continue;
    const char32_t p = e.before(i);
    const bool space_before = p == U' ' && i >= 2 && wide_char(e.at(i - 2));
    if (!wide_char(p) && !space_before) continue;
    size_t j = i + 1;
    while (in(e.at(j), U",:;?!")) ++j;  // "?!" : the marks after it follow it
    const char32_t n = e.at(j);
    const bool space_then_wide = n == U' ' && wide_char(e.at(j + 1));
    if (!(n == 0 || wide_char(n) || space_then_wide)) continue;
    const bool space_after = j == i + 1 && space_then_wide;
    const size_t from = space_before ? i - 1 : i;
    e.replace(from, i + 1 + (space_after ? 1 : 0) - from, std::u32string(1, full_width(c)), mark_rule);
    i = from;
  }
}

void brackets(Edits& e) {
  std::vector<std::pair<size_t, size_t>> pairs;  // open, close (npos: unmatched)
  std::vector<size_t> open;
  for (size_t i = 0; i < e.size(); ++i) {
    if (e.at(i) == U'(') open.push_back(i);
    else if (e.at(i) == U')') {
      pairs.push_back({open.empty() ? std::u32string::npos : open.back(), i});
      if (!open.empty()) open.pop_back();
    }
  }
  for (size_t o : open) pairs.push_back({o, std::u32string::npos});
  std::vector<size_t> convert;
  for (const auto& [o, c] : pairs) {
    const auto wide_or_edge = [](char32_t ch) { return ch == 0 || wide_char(ch); };
    const bool both = o != std::u32string::npos && c != std::u32string::npos;
    const bool o_ok = o != std::u32string::npos && wide_or_edge(e.before(o)) && wide_char(e.at(o + 1));
    const bool c_ok = c != std::u32string::npos && wide_char(e.before(c)) && wide_or_edge(e.at(c + 1));
    // 国内生产总值(GDP)增长: Chinese on both sides outside the pair.
    const bool outside = both && wide_or_edge(e.before(o)) && wide_or_edge(e.at(c + 1)) &&
                         (wide_char(e.before(o)) || wide_char(e.at(c + 1)));
    if (!o_ok && !c_ok && !outside) continue;  // f(x), GDP(gross domestic product): Latin text
    if (o != std::u32string::npos) convert.push_back(o);
    if (c != std::u32string::npos) convert.push_back(c);
  }
  std::sort(convert.rbegin(), convert.rend());  // from the end: positions stay valid
  for (size_t i : convert) e.replace(i, 1, std::u32string(1, full_width(e.at(i))), mark_rule);
}

// ---- dashes and ellipses (GB/T 15834-2011 §4.10: the dash ——, §4.11: the ellipsis ……,
// each two characters wide) ----

bool dash_like(char32_t c) { return in(c, U"-—―─－"); }

void dashes(Edits& e) {
  bool han_nearby = false;  // ranges are only set Chinese style in Chinese text
  for (size_t i = 0; i < e.size() && !han_nearby; ++i) han_nearby = is_han(e.at(i));
  for (size_t i = 0; i < e.size(); ++i) {
    if (!dash_like(e.at(i))) continue;
    size_t j = i;
    while (dash_like(e.at(j))) ++j;
    const std::u32string run = [&] {
      std::u32string s;
      for (size_t k = i; k < j; ++k) s += e.at(k);
      return s;
    }();
    const bool chinese = wide_char(e.before(i)) || wide_char(e.at(j));
    const bool single_hyphen = run == U"-" || run == U"－";
    const auto digit = [](char32_t c) { return c >= U'0' && c <= U'9'; };
    if (run != U"——" && !single_hyphen && chinese) {
      e.replace(i, j - i, U"——", "dash set as —— (GB/T 15834-2011 §4.10)");
      j = i + 2;
    } else if (run.size() >= 2 && digit(e.before(i)) && digit(e.at(j)) && han_nearby) {
      // 2024--2026年: a range of numbers takes the connecting dash, one em (一字线).
      e.replace(i, j - i, U"—", "range dash set as — (GB/T 15834-2011 §4.13)");
      j = i + 1;
    }
    i = j - 1;
  }
  for (size_t i = 0; i < e.size(); ++i) {
    const char32_t c = e.at(i);
    if (c != U'…' && c != U'.' && c != U'。') continue;
    size_t j = i;
    while (e.at(j) == c) ++j;
    const bool chinese = wide_char(e.before(i)) || wide_char(e.at(j));
    const bool fix = (c == U'…' && j - i == 1) || (c != U'…' && j - i >= 3 && chinese);
    if (fix) {
      e.replace(i, j - i, U"……", "ellipsis set as …… (GB/T 15834-2011 §4.11)");
      j = i + 2;
    }
    i = j - 1;
  }
}

// A space between full-width punctuation and a Chinese character in running text is a
// hole: the mark already has its blank half (GB/T 15834-2011 §5.1; the composer sets a
// typed space ½ em wide). In Latin text (He said “no” today) the spaces are words'.
void spaces_at_marks(Edits& e) {
  for (size_t i = 0; i < e.size(); ++i)
    if (e.at(i) == U' ' && ((cjk_punct(e.before(i)) && wide_char(e.at(i + 1))) ||
                            (cjk_punct(e.at(i + 1)) && wide_char(e.before(i))))) {
      e.replace(i, 1, U"", "space next to full-width punctuation removed (GB/T 15834-2011 §5.1)");
      --i;
    }
}

bool xml_ws(const TextCell& c) { return !c.br && is_space(c.c); }

}  // namespace

void clean_before_spaces(std::vector<TextCell>& cells, TextKind kind, const std::string& file,
                         std::vector<base::Finding>& notes) {
  Edits e(cells, file, notes);
  size_t first = 0;
  while (first < cells.size() && xml_ws(cells[first])) ++first;
  if (running_text(kind)) {
    size_t n = 0;
    while (first + n < cells.size() && in(e.at(first + n), U"\u3000\u00A0 \t")) ++n;
    if (n > 0 && std::any_of(cells.begin() + static_cast<long>(first), cells.begin() + static_cast<long>(first + n),
                             [](const TextCell& c) { return c.c == U'\u3000' || c.c == U'\u00A0'; }))
      e.replace(first, n, U"", "typed indent removed: the paragraph style indents the first line");
  }
  // Runs of spaces typed on one line (not line wraps, not at the ends).
  size_t last = cells.size();
  while (last > first && xml_ws(cells[last - 1])) --last;
  for (size_t i = first; i < last; ++i) {
    if (!xml_ws(cells[i])) continue;
    size_t j = i;
    bool wrap = false;
    for (; j < last && xml_ws(cells[j]); ++j) wrap = wrap || cells[j].c == U'\n' || cells[j].c == U'\r';
    if (j - i >= 2 && !wrap) {
      e.replace(i, j - i, U" ", "repeated spaces set as one (docs/format.md \"Whitespace in text\")");
      last -= j - i - 1;
    } else {
      i = j - 1;
    }
  }
}

void clean_after_spaces(std::vector<TextCell>& cells, TextKind kind, const std::string& file,
                        std::vector<base::Finding>& notes) {
  Edits e(cells, file, notes);
  quotes(e);
  dashes(e);  // first: a mark after …… or —— stands next to Chinese punctuation
  marks(e);
  brackets(e);
  if (running_text(kind)) spaces_at_marks(e);
}

}  // namespace model::copy
