// Units kept whole (docs/composer.md "Units"): a break inside one of these is a Unit
// break, taken only where every other choice leaves a loose line.
//  * numeric ranges: 2023—2024, 30%–40%, 14:30—16:00, 5~10 (GB/T 15834-2011 §4.3.3, the
//    connector 连接号 joins the two ends of a range);
//  * standard numbers: GB/T 15834-2011, ISO 9001, ISO/IEC 27001;
//  * numbers with their sign: No. 2024;
//  * short Latin compounds: e-mail, PDF/X-1a, COVID-19, and/or;
//  * dates 1月4日, where the style asks (ParaStyle::keep_dates);
//  * the names inside a dateline's parentheses: （记者 吴晓岚）, given by flow (a
//    <dateline>) or found in the text: a bracketed group that names a reporter's role.
// One pass over the code points of the paragraph.
#include <string_view>

#include "base/utf8.h"
#include "compose/breaks.h"

namespace compose {

namespace {

struct Cp {
  char32_t c;
  std::uint32_t at;  // byte offset
};

std::vector<Cp> code_points(const std::string& t, std::uint32_t a, std::uint32_t e) {
  std::vector<Cp> v;
  for (std::uint32_t i = a; i < e;) {
    int len = 0;
    const char32_t c = base::decode_utf8(t, i, len);
    v.push_back({c, i});
    i += static_cast<std::uint32_t>(len > 0 ? len : 1);
  }
  return v;
}

bool digit(char32_t c) { return c >= '0' && c <= '9'; }
bool upper(char32_t c) { return c >= 'A' && c <= 'Z'; }
bool letter(char32_t c) { return upper(c) || (c >= 'a' && c <= 'z'); }
bool alnum(char32_t c) { return letter(c) || digit(c); }
bool number_sign(char32_t c) { return c == '%' || c == 0x2030 || c == 0x2103 || c == 0xB0; }
bool range_dash(char32_t c) { return c == 0x2014 || c == 0x2013 || c == '-' || c == '~' || c == 0xFF5E || c == 0x301C; }

class Finder {
 public:
  Finder(const std::vector<Cp>& v, std::uint32_t end) : v_(v), end_(end) {}

  char32_t at(std::size_t i) const { return i < v_.size() ? v_[i].c : 0; }
  std::uint32_t byte(std::size_t i) const { return i < v_.size() ? v_[i].at : end_; }

  // A number from i: digits ([.,:] digits)* and a sign (% ‰ ℃ °); i when none.
  std::size_t number(std::size_t i) const {
    std::size_t j = i;
    while (digit(at(j))) ++j;
    if (j == i) return i;
    while ((at(j) == '.' || at(j) == ',' || at(j) == ':') && digit(at(j + 1))) {
      ++j;
      while (digit(at(j))) ++j;
    }
    if (number_sign(at(j))) ++j;
    return j;
  }

  // A range from i (a number, one dash, a number): its end, or i.
  std::size_t range(std::size_t i) const {
    if (i > 0 && (alnum(at(i - 1)) || at(i - 1) == '.')) return i;
    const std::size_t j = number(i);
    if (j == i || !range_dash(at(j)) || range_dash(at(j + 1)) || range_dash(at(j - 1))) return i;
    const std::size_t k = number(j + 1);
    return k > j + 1 ? k : i;
  }

  // A standard number from i: GB/T 15834-2011, ISO 9001, ISO/IEC 27001.2; or i.
  std::size_t standard(std::size_t i) const {
    if (i > 0 && letter(at(i - 1))) return i;
    std::size_t j = i;
    while (upper(at(j))) ++j;
    if (j - i < 2 || j - i > 6) return i;
    if (at(j) == '/' && upper(at(j + 1))) {
      ++j;
      while (upper(at(j))) ++j;
    }
    if (at(j) == ' ') ++j;
    if (!digit(at(j))) return i;
    while (digit(at(j)) || ((at(j) == '.' || at(j) == '-' || at(j) == 0x2014 || at(j) == 0x2013) && digit(at(j + 1))))
      ++j;
    return j;
  }

  // No. 2024, No.5: the sign and its number; or i.
  std::size_t numero(std::size_t i) const {
    if ((i > 0 && letter(at(i - 1))) || !(at(i) == 'N' || at(i) == 'n') || !(at(i + 1) == 'o' || at(i + 1) == 'O') ||
        at(i + 2) != '.')
      return i;
    std::size_t j = i + 3;
    if (at(j) == ' ') ++j;
    const std::size_t k = number(j);
    return k > j ? k : i;
  }

  // A short Latin compound from i: letters and digits joined by / or - (e-mail,
  // PDF/X-1a, COVID-19), 16 characters at most; or i.
  std::size_t compound(std::size_t i) const {
    if (i > 0 && (alnum(at(i - 1)) || at(i - 1) == '/' || at(i - 1) == '-' || at(i - 1) == '.')) return i;
    std::size_t j = i, joins = 0;
    while (alnum(at(j))) {
      while (alnum(at(j))) ++j;
      if ((at(j) == '/' || at(j) == '-') && alnum(at(j + 1))) ++j, ++joins;
    }
    return joins > 0 && j - i <= 16 && at(j) != '.' && at(j) != '@' ? j : i;
  }

  // 1月4日: a month and a day.
  std::size_t date(std::size_t i) const {
    if (i > 0 && digit(at(i - 1))) return i;
    std::size_t j = i;
    while (digit(at(j)) && j - i < 2) ++j;
    if (j == i || at(j) != U'月') return i;
    const std::size_t k = j + 1;
    std::size_t m = k;
    while (digit(at(m)) && m - k < 2) ++m;
    return m > k && at(m) == U'日' ? m + 1 : i;
  }

 private:
  const std::vector<Cp>& v_;
  std::uint32_t end_;
};

// Every break strictly inside [a, e) becomes a Unit break (URL breaks and forced breaks
// stay what they are).
void keep_whole(Paragraph::Impl& p, std::uint32_t a, std::uint32_t e, BreakKind kind = BreakKind::Unit) {
  for (std::size_t i = p.atom_at(a); i + 1 < p.atoms.size() && p.atoms[i + 1].start < e; ++i) {
    Gap& g = p.gaps[i];
    if (p.atoms[i].start < a || !g.can_break || g.forced || g.kind == BreakKind::Url) continue;
    g.kind = kind;
    g.rule = kind == BreakKind::Name ? "name" : "unit";
  }
}

// The names inside a dateline's parentheses, each kept whole: （记者 吴晓岚）.
void dateline_names(Paragraph::Impl& p, std::uint32_t a, std::uint32_t e) {
  const std::vector<Cp> v = code_points(p.shaped.text, a, e);
  bool inside = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= v.size(); ++i) {
    const char32_t c = i < v.size() ? v[i].c : 0;
    const bool open = c == '(' || c == 0xFF08, close = c == ')' || c == 0xFF09;
    const bool sep = c == ' ' || c == 0x3000 || c == 0x3001 || c == 0xFF0C || close || c == 0;
    if (inside && sep && i > start + 1) keep_whole(p, v[start].at, i < v.size() ? v[i].at : e, BreakKind::Name);
    if (open) inside = true;
    if (close) inside = false;
    if (open || sep) start = i + 1;
  }
}

// The role words of a dateline or a credit (记者, 通讯员, 实习生 …, 特约记者, 摄影记者
// end in one of them).
bool role_word(const std::vector<Cp>& v, std::size_t i) {
  static const std::u32string_view kRoles[] = {U"记者", U"通讯员", U"实习生", U"摄影", U"编辑"};
  for (std::u32string_view r : kRoles) {
    std::size_t k = 0;
    while (k < r.size() && i + k < v.size() && v[i + k].c == r[k]) ++k;
    if (k == r.size()) return true;
  }
  return false;
}

// A dateline typed in the copy (本报讯(记者 孙悦), 新华社北京3月5日电（记者 …）): a
// bracketed group of at most 32 characters, without sentence punctuation, that holds a
// role word, every word of it (between spaces or 、，) at most 6 characters: roles and
// names, not a phrase. Its names are kept whole as a <dateline>'s are.
void typed_datelines(Paragraph::Impl& p, const std::vector<Cp>& v, std::uint32_t end) {
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i].c != '(' && v[i].c != 0xFF08) continue;
    bool role = false;
    std::size_t j = i + 1, word = 0;
    for (; j < v.size() && j <= i + 32; ++j) {
      const char32_t c = v[j].c;
      if (c == ')' || c == 0xFF09 || c == '(' || c == 0xFF08 || c == 0x3002 || c == 0xFF1B || c == '\n') break;
      word = (c == ' ' || c == 0x3000 || c == 0x3001 || c == 0xFF0C) ? 0 : word + 1;
      if (word > 6) break;
      role = role || role_word(v, j);
    }
    if (role && j < v.size() && (v[j].c == ')' || v[j].c == 0xFF09))
      dateline_names(p, v[i].at, j + 1 < v.size() ? v[j + 1].at : end);
  }
}

}  // namespace

void unit_breaks(Paragraph::Impl& p) {
  const std::string& t = p.shaped.text;
  const auto end = static_cast<std::uint32_t>(t.size());
  const std::vector<Cp> v = code_points(t, 0, end);
  const Finder f(v, end);
  for (std::size_t i = 0; i < v.size();) {
    std::size_t j = i;
    for (std::size_t k : {f.standard(i), f.numero(i), f.range(i), f.compound(i)}) j = std::max(j, k);
    if (p.style.keep_dates) j = std::max(j, f.date(i));
    if (j > i) keep_whole(p, f.byte(i), f.byte(j));
    i = j > i ? j : i + 1;
  }
  for (const auto& [a, e] : p.style.datelines) dateline_names(p, a, std::min(e, end));
  typed_datelines(p, v, end);
}

}  // namespace compose
