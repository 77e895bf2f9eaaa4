// Lengths and Chinese size names (docs/format.md "Units").
#include <doctest/doctest.h>

#include "model/issue.h"

using model::chinese_size;
using model::parse_length;

TEST_CASE("every Chinese size name of docs/format.md has its size in points") {
  const std::pair<const char*, model::Len> table[] = {
      {"初号", 42000}, {"小初", 36000}, {"一号", 26000}, {"小一", 24000}, {"二号", 22000}, {"小二", 18000},
      {"三号", 16000}, {"小三", 15000}, {"四号", 14000}, {"小四", 12000}, {"五号", 10500}, {"小五", 9000},
      {"六号", 7500},  {"小六", 6500},  {"七号", 5500},  {"八号", 5000}};
  for (const auto& [name, size] : table) {
    CAPTURE(name);
    REQUIRE(chinese_size(name).has_value());
    CHECK(*chinese_size(name) == size);
    CHECK(parse_length(name) == size);  // a size name is a length wherever sizes are written
  }
}

TEST_CASE("unknown size names are not sizes") {
  CHECK_FALSE(chinese_size("九号").has_value());
  CHECK_FALSE(chinese_size("五").has_value());
  CHECK_FALSE(chinese_size("").has_value());
  CHECK_FALSE(chinese_size("小五 ").has_value());
}

TEST_CASE("lengths in pt, mm and q") {
  CHECK(parse_length("9pt") == 9000);
  CHECK(parse_length("14.4pt") == 14400);
  CHECK(parse_length("25.4mm") == 72000);  // one inch
  CHECK(parse_length("3mm") == 8504);      // 3 × 72 / 25.4 = 8.5039 pt
  CHECK(parse_length("4q") == 2835);       // 4 Q = 1 mm = 2.8346 pt
  CHECK(parse_length("4Q") == 2835);
  CHECK(parse_length("0") == 0);
  CHECK(parse_length("0mm") == 0);
  CHECK(parse_length(".5pt") == 500);
  CHECK(parse_length("-2pt") == -2000);  // callers reject negatives with their own message
}

TEST_CASE("em lengths need an em base") {
  CHECK(parse_length("13em", 9000) == 117000);  // broadsheet column: 13 em of 9 pt
  CHECK(parse_length("1.5em", 10500) == 15750);
  CHECK_FALSE(parse_length("13em").has_value());
  CHECK_FALSE(parse_length("13em", 0).has_value());
}

TEST_CASE("anything else is not a length") {
  for (const char* bad : {"", "9", "pt", "9 pt", "9PT", "9px", "1e3pt", "1e999mm", "abc", "4x", "9ptt", "+9pt",
                          "9.5.1pt", "--2pt", "2000000pt", "nanpt", "infmm", "0x10pt"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_length(bad, 9000).has_value());
  }
}
