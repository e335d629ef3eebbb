#include <kensa/validate/json_schema_formats.hpp>

#include <cstddef>

namespace kensa::validate::schema {

namespace {

// Reads exactly `count` digits at `position`; -1 when they are not there.
int read_digits(std::string_view text, std::size_t& position, std::size_t count) {
  if (position + count > text.size()) {
    return -1;
  }
  int value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const char c = text[position + i];
    if (c < '0' || c > '9') {
      return -1;
    }
    value = value * 10 + (c - '0');
  }
  position += count;
  return value;
}

bool expect(std::string_view text, std::size_t& position, char wanted) {
  if (position < text.size() && text[position] == wanted) {
    ++position;
    return true;
  }
  return false;
}

int days_in_month(int year, int month) {
  static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return k_days[month - 1];
}

// full-date = date-fullyear "-" date-month "-" date-mday
bool parse_date(std::string_view text, std::size_t& position) {
  const int year = read_digits(text, position, 4);
  if (year < 0 || !expect(text, position, '-')) {
    return false;
  }
  const int month = read_digits(text, position, 2);
  if (month < 1 || month > 12 || !expect(text, position, '-')) {
    return false;
  }
  const int day = read_digits(text, position, 2);
  return day >= 1 && day <= days_in_month(year, month);
}

// full-time = partial-time time-offset. A leap second (:60) is only real at
// 23:59 UTC.
bool parse_time(std::string_view text, std::size_t& position) {
  const int hour = read_digits(text, position, 2);
  if (hour < 0 || hour > 23 || !expect(text, position, ':')) {
    return false;
  }
  const int minute = read_digits(text, position, 2);
  if (minute < 0 || minute > 59 || !expect(text, position, ':')) {
    return false;
  }
  const int second = read_digits(text, position, 2);
  if (second < 0 || second > 60) {
    return false;
  }
  if (expect(text, position, '.')) {
    const std::size_t start = position;
    while (position < text.size() && text[position] >= '0' && text[position] <= '9') {
      ++position;
    }
    if (position == start) {
      return false;
    }
  }
  if (position >= text.size()) {
    return false;
  }
  int offset_minutes = 0;
  const char sign = text[position];
  if (sign == 'Z' || sign == 'z') {
    ++position;
  } else if (sign == '+' || sign == '-') {
    ++position;
    const int offset_hour = read_digits(text, position, 2);
    if (offset_hour < 0 || offset_hour > 23 || !expect(text, position, ':')) {
      return false;
    }
    const int offset_minute = read_digits(text, position, 2);
    if (offset_minute < 0 || offset_minute > 59) {
      return false;
    }
    offset_minutes = (offset_hour * 60 + offset_minute) * (sign == '+' ? 1 : -1);
  } else {
    return false;
  }
  if (second == 60) {
    const int utc = ((hour * 60 + minute - offset_minutes) % 1440 + 1440) % 1440;
    if (utc != 23 * 60 + 59) {
      return false;
    }
  }
  return true;
}

// One "<digits><unit>" group of a duration; false at the end or on another
// unit.
bool duration_group(std::string_view text, std::size_t& position, char unit) {
  std::size_t end = position;
  while (end < text.size() && text[end] >= '0' && text[end] <= '9') {
    ++end;
  }
  if (end == position || end >= text.size() || text[end] != unit) {
    return false;
  }
  position = end + 1;
  return true;
}

// Units of a duration part in order ("YMD" or "HMS"): the grammar allows
// any run of consecutive ones ("1Y2M", "2M3D", but not "1Y3D").
bool duration_units(std::string_view text, std::size_t& position, std::string_view units) {
  std::size_t i = 0;
  while (i < units.size() && !duration_group(text, position, units[i])) {
    ++i;
  }
  if (i == units.size()) {
    return false;
  }
  for (++i; i < units.size() && duration_group(text, position, units[i]); ++i) {
  }
  return true;
}

} // namespace

bool is_date_time(std::string_view text) {
  std::size_t position = 0;
  if (!parse_date(text, position) || position >= text.size() ||
      (text[position] != 'T' && text[position] != 't')) {
    return false;
  }
  ++position;
  return parse_time(text, position) && position == text.size();
}

bool is_date(std::string_view text) {
  std::size_t position = 0;
  return parse_date(text, position) && position == text.size();
}

bool is_time(std::string_view text) {
  std::size_t position = 0;
  return parse_time(text, position) && position == text.size();
}

// RFC 3339 appendix A: "P" then date units Y M D (in order, each optional)
// and/or "T" with H M S, or weeks alone ("P4W").
bool is_duration(std::string_view text) {
  std::size_t position = 0;
  if (!expect(text, position, 'P') || position == text.size()) {
    return false;
  }
  if (duration_group(text, position, 'W')) {
    return position == text.size();
  }
  bool any = duration_units(text, position, "YMD");
  if (expect(text, position, 'T')) {
    if (!duration_units(text, position, "HMS")) {
      return false;
    }
    any = true;
  }
  return any && position == text.size();
}

} // namespace kensa::validate::schema
