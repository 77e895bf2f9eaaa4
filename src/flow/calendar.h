#pragma once
// Dates as a Chinese paper prints them, computed with ICU (its Gregorian and Chinese
// calendars), never with hand-made tables.
#include <string>

#include "model/issue.h"

namespace flow {

// "2024年3月15日 星期五"
std::string gregorian_date(const model::Date& d);
// "农历甲辰年二月初六" (leap months: "闰六月"); the sexagenary year, the month and the day
// of the Chinese calendar.
std::string lunar_date(const model::Date& d);

}  // namespace flow
