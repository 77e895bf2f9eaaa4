#include "flow/calendar.h"

#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <memory>

#include "base/error.h"

namespace flow {

namespace {

// Noon of the day in GMT: no time zone can move it to another calendar day.
UDate noon(const model::Date& d) {
  UErrorCode st = U_ZERO_ERROR;
  icu::GregorianCalendar g(*icu::TimeZone::getGMT(), st);
  g.clear();
  g.set(d.year, d.month - 1, d.day, 12, 0, 0);
  const UDate t = g.getTime(st);
  if (U_FAILURE(st))
    throw base::Error({}, std::string("ICU cannot compute the date: ") + u_errorName(st), "check the ICU installation");
  return t;
}

// `pattern` (ICU date pattern) in `locale`, with `numbers` overriding the numbering of
// some fields ("d=hanidays": 初一 … 三十).
std::string format(const model::Date& d, const char* pattern, const char* locale, const char* numbers) {
  UErrorCode st = U_ZERO_ERROR;
  const icu::UnicodeString pat = icu::UnicodeString::fromUTF8(pattern);
  std::unique_ptr<icu::SimpleDateFormat> f =
      numbers ? std::make_unique<icu::SimpleDateFormat>(pat, icu::UnicodeString(numbers), icu::Locale(locale), st)
              : std::make_unique<icu::SimpleDateFormat>(pat, icu::Locale(locale), st);
  if (U_FAILURE(st))
    throw base::Error({}, std::string("ICU has no date format for ") + locale + ": " + u_errorName(st),
                      "install the ICU data (libicu72)");
  f->setTimeZone(*icu::TimeZone::getGMT());
  icu::UnicodeString out;
  f->format(noon(d), out);
  std::string s;
  out.toUTF8String(s);
  return s;
}

}  // namespace

std::string gregorian_date(const model::Date& d) { return format(d, "y年M月d日 EEEE", "zh_CN", nullptr); }

std::string lunar_date(const model::Date& d) {
  // U: the cyclic (干支) year name; MMM: the month name, 闰 for a leap month.
  return "农历" + format(d, "U年MMMd", "zh_CN@calendar=chinese", "d=hanidays");
}

}  // namespace flow
