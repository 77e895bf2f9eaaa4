// Break opportunities (docs/typography.md "Line breaking"): UAX #14's pair rules decide
// everything that is not Han (Latin words and numbers stay whole: LB23–LB29), the
// CLREQ tables then forbid what the basic kinsoku level forbids. Rules are applied in
// UAX #14 order; each verdict names its rule so the line dump can say why a break was
// or was not possible.
#include "compose/breaks.h"

namespace compose {

namespace {

using B = Brk;

struct Verdict {
  bool allow;
  const char* rule;
};

// What the rules look back on, computed once for the whole paragraph so that a run of
// spaces or of number signs of any length costs its length, not its square:
//  * the class before a run of spaces ending at atom i (LB14–LB17 look through SP*);
//  * whether atom i ends a number: NU (NU | SY | IS)* (UAX #14 LB25, regex form of §8.2).
struct Context {
  std::vector<Brk> before_sp;
  std::vector<char> num_end;
  explicit Context(const std::vector<Atom>& at) : before_sp(at.size()), num_end(at.size()) {
    for (std::size_t k = 0; k < at.size(); ++k) {
      const Brk c = at[k].brk_last;
      before_sp[k] = c != B::SP ? c : k > 0 ? before_sp[k - 1] : B::SP;
      num_end[k] = c == B::NU || ((c == B::SY || c == B::IS) && k > 0 && num_end[k - 1]);
    }
  }
};

// LB25: do not break inside numbers ("5.2%", "1,234", "$5", "-3").
bool lb25(const std::vector<Atom>& at, const Context& cx, std::size_t i, Brk a, Brk b) {
  auto numeric_before = [&cx](const std::vector<Atom>&, std::size_t k) { return cx.num_end[k] != 0; };
  const bool nu_next = i + 2 < at.size() && at[i + 2].brk_first == B::NU;
  if ((a == B::PR || a == B::PO) && (b == B::NU || ((b == B::OP || b == B::HY) && nu_next))) return true;
  if ((a == B::OP || a == B::HY) && b == B::NU) return true;
  if ((b == B::NU || b == B::CL || b == B::CP) && numeric_before(at, i)) return true;
  if (b == B::PO || b == B::PR) {
    if (numeric_before(at, i)) return true;
    if ((a == B::CL || a == B::CP) && i > 0 && numeric_before(at, i - 1)) return true;
  }
  return false;
}

// Rules LB4–LB19 (hard breaks, spaces, glue, closing marks, the SP* rules, quotes).
Verdict uax14_early(const Context& cx, std::size_t i, Brk a, Brk b) {
  if (a == B::BK || a == B::LF) return {true, "LB5"};
  if (b == B::BK || b == B::LF) return {false, "LB6"};
  if (b == B::SP || b == B::ZW) return {false, "LB7"};
  const Brk a0 = a == B::SP ? cx.before_sp[i] : a;
  if (a0 == B::ZW) return {true, "LB8"};
  if (a == B::ZWJ) return {false, "LB8a"};
  if (a == B::WJ || b == B::WJ) return {false, "LB11"};
  if (a == B::GL) return {false, "LB12"};
  if (b == B::GL && a != B::SP && a != B::BA && a != B::HY) return {false, "LB12a"};
  if (b == B::CL || b == B::CP || b == B::EX || b == B::IS || b == B::SY) return {false, "LB13"};
  if (a0 == B::OP) return {false, "LB14"};
  if (a0 == B::QU && b == B::OP) return {false, "LB15"};
  if ((a0 == B::CL || a0 == B::CP) && b == B::NS) return {false, "LB16"};
  if (a0 == B::B2 && b == B::B2) return {false, "LB17"};
  if (a == B::SP) return {true, "LB18"};
  if (a == B::QU || b == B::QU) return {false, "LB19"};
  return {true, nullptr};  // undecided: go on with LB21…
}

Verdict uax14(const std::vector<Atom>& at, const Context& cx, std::size_t i) {
  const Brk a = at[i].brk_last, b = at[i + 1].brk_first;
  const Verdict early = uax14_early(cx, i, a, b);
  if (early.rule) return early;
  if (b == B::BA || b == B::HY || b == B::NS || a == B::BB) return {false, "LB21"};
  if (b == B::IN) return {false, "LB22"};
  if ((a == B::AL && b == B::NU) || (a == B::NU && b == B::AL)) return {false, "LB23"};
  if ((a == B::PR && b == B::ID) || (a == B::ID && b == B::PO)) return {false, "LB23a"};
  if (((a == B::PR || a == B::PO) && b == B::AL) || (a == B::AL && (b == B::PR || b == B::PO)))
    return {false, "LB24"};
  if (lb25(at, cx, i, a, b)) return {false, "LB25"};
  if (a == B::AL && b == B::AL) return {false, "LB28"};
  if (a == B::IS && b == B::AL) return {false, "LB29"};
  // LB30: only for brackets that are not East Asian wide, and not for an ASCII bracket
  // that opens or closes Chinese text (本报讯(记者 陈思)3月13日): copy types the narrow
  // form for （）, which allows the break (CLREQ §3.1.7 treats brackets by their role).
  const bool han_inside_open = i + 2 < at.size() && at[i + 2].kind == Kind::Han;
  const bool han_inside_close = i > 0 && at[i - 1].kind == Kind::Han;
  if ((a == B::AL || a == B::NU) && b == B::OP && !east_asian_wide(at[i + 1].first) && !han_inside_open)
    return {false, "LB30"};
  if (a == B::CP && !east_asian_wide(at[i].last) && (b == B::AL || b == B::NU) && !han_inside_close)
    return {false, "LB30"};
  return {true, "LB31"};
}

// CLREQ basic kinsoku on top of UAX #14 (docs/typography.md): the tables can only forbid.
// They are checked first so that the dump names the CLREQ rule where both forbid.
Verdict kinsoku(const std::vector<Atom>& at, const Context& cx, std::size_t i) {
  // Between two Han characters (most of the text) no table or pair rule applies: LB31.
  if (at[i].brk_last == B::ID && at[i + 1].brk_first == B::ID && at[i].kind == Kind::Han &&
      at[i + 1].kind == Kind::Han)
    return {true, "LB31"};
  if (line_start_prohibited(at[i + 1].first)) return {false, "line-start-prohibited"};
  if (line_end_prohibited(at[i].last)) return {false, "line-end-prohibited"};
  if (inseparable(at[i].last, at[i + 1].first)) return {false, "inseparable"};
  return uax14(at, cx, i);
}

}  // namespace

void find_breaks(const std::vector<Atom>& atoms, std::vector<Gap>& gaps) {
  if (atoms.empty()) return;
  const Context cx(atoms);
  for (std::size_t i = 0; i + 1 < atoms.size(); ++i) {
    const bool forced = atoms[i].brk_last == B::BK || atoms[i].brk_last == B::LF;  // LB4, LB5
    const Verdict v = forced ? Verdict{true, "LB5"} : kinsoku(atoms, cx, i);
    gaps[i].can_break = v.allow;
    gaps[i].kind = v.allow ? BreakKind::Free : BreakKind::None;
    gaps[i].rule = v.rule;
    gaps[i].forced = forced;
  }
  gaps.back().can_break = true;
  gaps.back().kind = BreakKind::Free;
  gaps.back().rule = "end";
  gaps.back().forced = false;
}

}  // namespace compose
