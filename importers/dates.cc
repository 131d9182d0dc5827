// Dates as articles write them (importers/dates.h). A small scanner over
// words rather than std::regex: one pass, no backtracking.
// Covered by tests/importers/text_article_test.cc.
#include "dates.h"

#include <array>
#include <cstdio>

namespace claimcheck::importers {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// 1–12 for a month name or its abbreviation ("Sep", "Sept", "Sep."), 0 for
// any other word. `word` is letters only.
int MonthOf(std::string_view word) {
  if (word.size() < 3) return 0;
  std::string lower;
  for (char c : word) lower += Lower(c);
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    const std::string_view name = kMonths[m];
    if (lower == name || lower == name.substr(0, 3) ||
        (lower == "sept" && m == 8)) {
      return static_cast<int>(m + 1);
    }
  }
  return 0;
}

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  if (month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) {
    return 29;
  }
  return kDays[month - 1];
}

std::string Iso(int year, int month, int day) {
  char buffer[16];
  if (day == 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  }
  return buffer;
}

// The number at text[*i] with at most `max_digits` digits, not followed by
// another digit; -1 when there is none.
int ReadNumber(std::string_view text, std::size_t* i, std::size_t max_digits) {
  std::size_t j = *i;
  int value = 0;
  while (j < text.size() && IsDigit(text[j]) && j - *i < max_digits) {
    value = value * 10 + (text[j] - '0');
    ++j;
  }
  if (j == *i || (j < text.size() && IsDigit(text[j]))) return -1;
  *i = j;
  return value;
}

bool ValidYear(int y) { return y >= 1900 && y <= 2099; }

std::size_t SkipBlanks(std::string_view text, std::size_t j) {
  while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
  return j;
}

// A day number with an optional ordinal suffix ("25", "25th", "1st").
int ReadDay(std::string_view text, std::size_t* i) {
  std::size_t j = *i;
  const int day = ReadNumber(text, &j, 2);
  if (day < 1 || day > 31) return -1;
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (text.substr(j, 2) == suffix &&
        (j + 2 >= text.size() || !IsAlpha(text[j + 2]))) {
      j += 2;
      break;
    }
  }
  *i = j;
  return day;
}

// "2025-09-25", "2025/09/25", "2025-09" at i.
bool ReadIso(std::string_view text, std::size_t i, FoundDate* out) {
  std::size_t j = i;
  const int year = ReadNumber(text, &j, 4);
  if (j - i != 4 || !ValidYear(year) || j >= text.size()) return false;
  const char sep = text[j];
  if (sep != '-' && sep != '/') return false;
  ++j;
  std::size_t k = j;
  const int month = ReadNumber(text, &k, 2);
  if (k - j != 2 || month < 1 || month > 12) return false;
  int day = 0;
  if (k < text.size() && text[k] == sep) {
    std::size_t d = k + 1;
    day = ReadNumber(text, &d, 2);
    if (d - k - 1 != 2 || day < 1 || day > DaysIn(year, month)) return false;
    k = d;
  } else if (sep == '/') {
    return false;  // "2025/09" is too often something else
  }
  out->iso = Iso(year, month, day);
  out->start = i;
  out->end = k;
  return true;
}

// "September 25, 2025", "Sep. 25 2025", "September 2025" at i.
bool ReadMonthFirst(std::string_view text, std::size_t i, FoundDate* out) {
  std::size_t j = i;
  while (j < text.size() && IsAlpha(text[j])) ++j;
  const int month = MonthOf(text.substr(i, j - i));
  if (month == 0) return false;
  if (j < text.size() && text[j] == '.') ++j;
  j = SkipBlanks(text, j);
  std::size_t k = j;
  int day = ReadDay(text, &k);
  if (day > 0) {
    if (k < text.size() && text[k] == ',') ++k;
    k = SkipBlanks(text, k);
  } else {
    day = 0;
    k = j;
  }
  std::size_t y = k;
  const int year = ReadNumber(text, &y, 4);
  if (y - k != 4 || !ValidYear(year)) return false;
  if (day > DaysIn(year, month)) return false;
  // "May 2025" alone is a month; "may" in prose never carries a year.
  out->iso = Iso(year, month, day);
  out->start = i;
  out->end = y;
  return true;
}

// "25 Sep 2025", "25th of September, 2025" at i.
bool ReadDayFirst(std::string_view text, std::size_t i, FoundDate* out) {
  std::size_t j = i;
  const int day = ReadDay(text, &j);
  if (day < 0) return false;
  j = SkipBlanks(text, j);
  if (text.substr(j, 3) == "of ") j = SkipBlanks(text, j + 3);
  std::size_t k = j;
  while (k < text.size() && IsAlpha(text[k])) ++k;
  const int month = MonthOf(text.substr(j, k - j));
  if (month == 0) return false;
  if (k < text.size() && text[k] == '.') ++k;
  if (k < text.size() && text[k] == ',') ++k;
  k = SkipBlanks(text, k);
  std::size_t y = k;
  const int year = ReadNumber(text, &y, 4);
  if (y - k != 4 || !ValidYear(year) || day > DaysIn(year, month)) {
    return false;
  }
  out->iso = Iso(year, month, day);
  out->start = i;
  out->end = y;
  return true;
}

}  // namespace

FoundDate FindDate(std::string_view text) {
  FoundDate found;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && (IsAlpha(text[i - 1]) || IsDigit(text[i - 1]))) continue;
    const bool ok =
        IsDigit(text[i])
            ? ReadIso(text, i, &found) || ReadDayFirst(text, i, &found)
            : IsAlpha(text[i]) && ReadMonthFirst(text, i, &found);
    if (ok) return found;
  }
  return {};
}

std::string IsoDate(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  FoundDate found;
  if (ReadIso(text, i, &found)) return found.iso;
  return FindDate(text).iso;
}

}  // namespace claimcheck::importers
