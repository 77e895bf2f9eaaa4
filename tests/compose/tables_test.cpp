// The composer's data tables against the rules they come from (docs/typography.md "Line
// breaking", UAX #14 LineBreak.txt, GB/T 15834).
#include <doctest/doctest.h>

#include "compose/classes.h"
#include "helpers.h"

using compose::Brk;
using compose::Mark;

TEST_CASE("every mark docs/typography.md forbids at a line start is in the line-start table") {
  for (char32_t c : ct::u32("、，。．：；！？‼⁇”’」』）》〉】〗〕］｝～·,.;:?!)]}")) {
    CAPTURE(static_cast<unsigned>(c));
    CHECK(compose::line_start_prohibited(c));
    CHECK_FALSE(compose::line_end_prohibited(c));
  }
}

TEST_CASE("every mark docs/typography.md forbids at a line end is in the line-end table") {
  for (char32_t c : ct::u32("“‘「『（《〈【〖〔［｛([{")) {
    CAPTURE(static_cast<unsigned>(c));
    CHECK(compose::line_end_prohibited(c));
    CHECK_FALSE(compose::line_start_prohibited(c));
  }
}

TEST_CASE("Han characters and digits are in neither kinsoku table") {
  for (char32_t c : ct::u32("中国的一年月日0123456789ABCxyz")) {
    CHECK_FALSE(compose::line_start_prohibited(c));
    CHECK_FALSE(compose::line_end_prohibited(c));
  }
}

TEST_CASE("—— and …… are inseparable, a dash and a Han character are not") {
  CHECK(compose::inseparable(U'—', U'—'));
  CHECK(compose::inseparable(U'…', U'…'));
  CHECK_FALSE(compose::inseparable(U'—', U'中'));
  CHECK_FALSE(compose::inseparable(U'中', U'—'));
}

TEST_CASE("UAX #14 classes from the generated table (LineBreak.txt 14.0)") {
  struct Row {
    char32_t cp;
    Brk cls;
  };
  const Row rows[] = {
      {U'中', Brk::ID},  {U'A', Brk::AL},  {U'7', Brk::NU},  {U'%', Brk::PO},  {U'$', Brk::PR},
      {U'.', Brk::IS},   {U',', Brk::IS},  {U'(', Brk::OP},  {U')', Brk::CP},  {U' ', Brk::SP},
      {U'\n', Brk::LF},  {U'—', Brk::B2},  {U'…', Brk::IN},  {U'，', Brk::CL}, {U'。', Brk::CL},
      {U'、', Brk::CL},  {U'：', Brk::NS}, {U'；', Brk::NS}, {U'！', Brk::EX}, {U'？', Brk::EX},
      {U'（', Brk::OP},  {U'）', Brk::CL}, {U'《', Brk::OP}, {U'》', Brk::CL}, {U'“', Brk::QU},
      {U'”', Brk::QU},   {U'℃', Brk::PO}, {U'￥', Brk::PR}, {0xA0, Brk::GL},  {0x200B, Brk::ZW},
      {U'가', Brk::ID},  {U'あ', Brk::ID}, {U'ぁ', Brk::NS}, {U'□', Brk::ID}, {0x20000, Brk::ID},
  };
  for (const auto& r : rows) {
    CAPTURE(static_cast<unsigned>(r.cp));
    CHECK(compose::brk_name(compose::uax14_class(r.cp)) == std::string(compose::brk_name(r.cls)));
  }
}

TEST_CASE("CLREQ tailoring: Chinese quotes open and close, · and ～ are non-starters") {
  CHECK(compose::break_class(U'“') == Brk::OP);
  CHECK(compose::break_class(U'‘') == Brk::OP);
  CHECK(compose::break_class(U'”') == Brk::CL);
  CHECK(compose::break_class(U'’') == Brk::CL);
  CHECK(compose::break_class(U'·') == Brk::NS);
  CHECK(compose::break_class(U'～') == Brk::NS);
  CHECK(compose::break_class(0x3000) == Brk::SP);
  CHECK(compose::break_class(U'中') == Brk::ID);
}

TEST_CASE("punctuation classes: where the blank half is") {
  for (char32_t c : ct::u32("“‘（《〈【〖〔［｛「『")) CHECK(compose::mark_class(c) == Mark::Opening);
  for (char32_t c : ct::u32("”’）》〉】〗〕］｝」』")) CHECK(compose::mark_class(c) == Mark::Closing);
  for (char32_t c : ct::u32("、，。．：；！？")) CHECK(compose::mark_class(c) == Mark::Stop);
  CHECK(compose::mark_class(U'·') == Mark::Middle);
  CHECK(compose::mark_class(U'—') == Mark::Dash);
  CHECK(compose::mark_class(U'…') == Mark::Ellipsis);
  CHECK(compose::mark_class(U'～') == Mark::Connector);
  CHECK(compose::mark_class(U'中') == Mark::None);
  CHECK(compose::mark_class(U'(') == Mark::None);
}
