// Latin inside Chinese (docs/composer.md "Latin inside Chinese"):
//  * URLs and e-mail addresses break only after / . - @ ? & (a URL break, no hyphen is
//    added: a hyphen in an address would be read as part of it), never between the two
//    slashes of "//", never inside a run of letters or digits;
//  * English words of at least 6 letters get libhyphen's hyphenation points (2 letters
//    kept, 3 carried over); all-capital words and words with capitals inside (GDP,
//    iPhone) are names and stay whole, as are words joined to digits or to an address.
// Everything is one pass over the paragraph: an address or a word of any length costs
// its length.
#include <string_view>

#include "base/utf8.h"
#include "compose/breaks.h"
#include "compose/hyphenate.h"
#include "text/shape.h"

namespace compose {

namespace {

bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_alnum(char c) { return ascii_alpha(c) || (c >= '0' && c <= '9'); }

// Characters an address may hold (RFC 3986 unreserved and reserved, less the ones that
// end a sentence when they come last, which trim_end removes).
bool url_char(char c) {
  return ascii_alnum(c) || std::string_view("-._~:/?#[]@!$&'()*+,;=%").find(c) != std::string_view::npos;
}

bool email_local(char c) { return ascii_alnum(c) || std::string_view("._%+-").find(c) != std::string_view::npos; }

// Sentence punctuation after an address is not part of it: "见 www.x.cn。", "(www.x.cn)".
std::size_t trim_end(const std::string& t, std::size_t a, std::size_t e) {
  while (e > a && std::string_view(".,;:!?)]'").find(t[e - 1]) != std::string_view::npos) --e;
  return e;
}

struct Span {
  std::size_t a, e;  // byte range
};

bool starts_with(const std::string& t, std::size_t i, std::string_view w) {
  return t.size() >= i + w.size() && std::string_view(t).substr(i, w.size()) == w;
}

// Web addresses: scheme://… or www.…; e-mail addresses: local@domain.tld.
std::vector<Span> find_addresses(const std::string& t) {
  std::vector<Span> out;
  std::size_t covered = 0;  // bytes before this are inside a found address
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (i < covered) continue;
    std::size_t a = std::string::npos;
    if (starts_with(t, i, "://")) {
      a = i;
      while (a > covered && ascii_alpha(t[a - 1])) --a;  // the scheme
      if (a == i) a = std::string::npos;
    } else if ((starts_with(t, i, "www.") || starts_with(t, i, "WWW.")) && (i == 0 || !ascii_alnum(t[i - 1]))) {
      a = i;
    } else if (t[i] == '@' && i > covered && email_local(t[i - 1]) && i + 1 < t.size() && ascii_alnum(t[i + 1])) {
      a = i;
      while (a > covered && email_local(t[a - 1])) --a;
    }
    if (a == std::string::npos) continue;
    std::size_t e = i + 1;
    while (e < t.size() && url_char(t[e])) ++e;
    e = trim_end(t, a, e);
    if (e <= i + 1) continue;
    out.push_back({a, e});
    covered = e;
  }
  return out;
}

bool breaks_after(char c) { return std::string_view("/.-@?&").find(c) != std::string_view::npos; }

void set_break(Gap& g, BreakKind k, const char* rule) {
  g.can_break = k != BreakKind::None;
  g.kind = k;
  g.rule = rule;
}

// Inside an address: breaks after / . - @ ? & only, not inside "//" or "..", not right
// before the end.
void address_breaks(Paragraph::Impl& p, const Span& s) {
  const std::string& t = p.shaped.text;
  const std::size_t first = p.atom_at(static_cast<std::uint32_t>(s.a));
  for (std::size_t i = first; i + 1 < p.atoms.size() && p.atoms[i + 1].start < s.e; ++i) {
    const Atom& x = p.atoms[i];
    if (x.end <= s.a || p.gaps[i].forced) continue;
    const char last = t[x.end - 1], next = t[p.atoms[i + 1].start];
    const bool ok = x.end - x.start == 1 && breaks_after(last) && !breaks_after(next) && p.atoms[i + 1].end < s.e;
    set_break(p.gaps[i], ok ? BreakKind::Url : BreakKind::None, ok ? "url" : "url-inside");
  }
}

// A run of ASCII letters [a, e) that is a word to hyphenate: lower case, or capitalised,
// not touching digits, a hyphen, a slash or an address.
bool hyphenable(const std::string& t, std::size_t a, std::size_t e) {
  if (a > 0 && std::string_view("0123456789-/_@.").find(t[a - 1]) != std::string_view::npos) return false;
  if (e < t.size() && std::string_view("0123456789-/_@").find(t[e]) != std::string_view::npos) return false;
  for (std::size_t i = a + 1; i < e; ++i)
    if (t[i] >= 'A' && t[i] <= 'Z') return false;
  return true;
}

// The run the hyphen glyph and width come from: that of the word's last letter.
void hyphen_glyph(Paragraph::Impl& p, const Atom& letter) {
  if (p.hyphen_gid[letter.run] != 0 || !p.fonts) return;
  const auto& run = p.shaped.runs[letter.run];
  base::Diagnostics ignored;
  const int face = p.shaped.glyphs[letter.g0].face;
  const auto sh = text::shape(*p.fonts, "-", {{0, 1, face, run.size, run.tag}}, ignored);
  if (sh.glyphs.empty()) return;
  p.hyphen_gid[letter.run] = sh.glyphs[0].gid;
  p.hyphen_w[letter.run] = sh.glyphs[0].advance;
}

void word_breaks(Paragraph::Impl& p, std::size_t a, std::size_t e) {
  const std::string& t = p.shaped.text;
  if (!hyphenable(t, a, e)) return;
  for (int k : hyphen_points(std::string_view(t).substr(a, e - a))) {
    const std::size_t at = a + static_cast<std::size_t>(k);  // the byte after the hyphen
    const std::size_t i = p.atom_at(static_cast<std::uint32_t>(at));
    if (i == 0 || p.atoms[i].start != at || p.gaps[i - 1].can_break) continue;  // inside a ligature
    set_break(p.gaps[i - 1], BreakKind::Hyphen, "hyphen");
    hyphen_glyph(p, p.atoms[i - 1]);
  }
}

}  // namespace

void latin_breaks(Paragraph::Impl& p) {
  const std::string& t = p.shaped.text;
  const std::vector<Span> addresses = find_addresses(t);
  for (const Span& s : addresses) address_breaks(p, s);
  std::size_t next = 0;  // the next address
  for (std::size_t i = 0; i < t.size();) {
    while (next < addresses.size() && addresses[next].e <= i) ++next;
    if (next < addresses.size() && addresses[next].a <= i) {
      i = addresses[next].e;
      continue;
    }
    if (!ascii_alpha(t[i])) {
      ++i;
      continue;
    }
    std::size_t e = i;
    while (e < t.size() && ascii_alpha(t[e])) ++e;
    if (p.style.hyphenate && !p.style.head && (next >= addresses.size() || addresses[next].a >= e)) word_breaks(p, i, e);
    i = e;
  }
}

}  // namespace compose
