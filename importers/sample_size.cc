// The number of participants an abstract states ("A total of 3849
// patients", "46 elderly subjects", "n = 46", "386 cases and 896
// controls"). The abstract is read as a sequence of words, numbers and
// punctuation; patterns are matched on that sequence, so "46 mg" or
// "aged 46 years" never count. Covered by tests/importers/design_test.cc.
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/importer.h"

namespace claimcheck {

namespace {

struct Piece {
  enum class Kind { kWord, kNumber, kPunct } kind = Kind::kPunct;
  std::string text;     // lower-cased word, or the punctuation character
  long long value = 0;  // kNumber: an integer, -1 for decimals and percents
};

bool Digit(char c) { return std::isdigit(static_cast<unsigned char>(c)); }
bool Alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)); }

// A number: digits with optional thousands commas ("3,849"); a decimal or
// a percentage is kept as a number of value -1 so that it never counts.
std::size_t ReadNumber(std::string_view s, std::size_t i, Piece* t) {
  t->kind = Piece::Kind::kNumber;
  std::string digits;
  for (;;) {
    while (i < s.size() && Digit(s[i])) digits += s[i++];
    if (i + 3 < s.size() && s[i] == ',' && Digit(s[i + 1]) && Digit(s[i + 2]) &&
        Digit(s[i + 3]) && (i + 4 >= s.size() || !Digit(s[i + 4]))) {
      ++i;
      continue;
    }
    break;
  }
  bool integer = true;
  if (i + 1 < s.size() && s[i] == '.' && Digit(s[i + 1])) {
    integer = false;
    while (i + 1 < s.size() && (s[i] == '.' || Digit(s[i]))) ++i;
  }
  std::size_t j = i;
  while (j < s.size() && s[j] == ' ') ++j;
  if (j < s.size() && s[j] == '%') integer = false;
  t->value = integer && digits.size() <= 12 ? std::stoll(digits) : -1;
  return i;
}

std::vector<Piece> Lex(std::string_view s) {
  std::vector<Piece> tokens;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\n' || c == '\t') {
      ++i;
      continue;
    }
    Piece t;
    if (Digit(c)) {
      i = ReadNumber(s, i, &t);
    } else if (Alpha(c)) {
      t.kind = Piece::Kind::kWord;
      while (i < s.size() && (Alpha(s[i]) || s[i] == '-' || s[i] == '\'')) {
        t.text +=
            static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
        ++i;
      }
    } else {
      // Multi-byte UTF-8 characters are punctuation here as a whole.
      std::size_t j = i + 1;
      while (j < s.size() &&
             (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) {
        ++j;
      }
      t.text = std::string(s.substr(i, j - i));
      i = j;
    }
    tokens.push_back(std::move(t));
  }
  return tokens;
}

bool IsPerson(std::string_view w) {
  static constexpr std::string_view kPeople[] = {
      "patients",    "participants", "subjects",    "individuals",
      "people",      "persons",      "adults",      "children",
      "adolescents", "women",        "men",         "volunteers",
      "infants",     "neonates",     "newborns",    "students",
      "residents",   "elderly",      "veterans",    "workers",
      "athletes",    "smokers",      "respondents", "mothers",
      "twins",       "girls",        "boys",        "employees",
      "nurses",      "physicians",   "users",       "donors",
      "recruits",    "survivors",    "pregnancies", "outpatients",
      "inpatients",  "cases",        "controls",    "pairs",
      "couples",     "families",     "youths",      "youth",
      "seniors",     "runners",      "soldiers",    "teenagers",
      "older",       "healthy"};
  return std::find(std::begin(kPeople), std::end(kPeople), w) !=
         std::end(kPeople);
}

// Words that may stand between a number and the people it counts ("46
// elderly subjects"): any word but these, which make it another quantity.
bool IsBreaker(std::string_view w) {
  static constexpr std::string_view kBreakers[] = {
      "of",        "per",     "in",     "to",      "and",     "or",
      "with",      "from",    "for",    "at",      "by",      "years",
      "year",      "months",  "weeks",  "days",    "hours",   "times",
      "mg",        "g",       "kg",     "ml",      "studies", "trials",
      "articles",  "papers",  "sites",  "centers", "centres", "hospitals",
      "countries", "cohorts", "groups", "arms",    "the",     "a",
      "an",        "were",    "was",    "had",     "who"};
  return std::find(std::begin(kBreakers), std::end(kBreakers), w) !=
         std::end(kBreakers);
}

bool IsYearContext(const std::vector<Piece>& t, std::size_t i) {
  if (t[i].value < 1900 || t[i].value > 2100 || i == 0) return false;
  static constexpr std::string_view kBefore[] = {
      "in", "since", "until",   "during",  "before", "after",
      "by", "from",  "between", "through", "to"};
  return std::find(std::begin(kBefore), std::end(kBefore), t[i - 1].text) !=
         std::end(kBefore);
}

// The people-noun after the number at `i`, with at most three adjectives
// between; its index or 0.
std::size_t PersonAfter(const std::vector<Piece>& t, std::size_t i) {
  for (std::size_t k = i + 1; k < t.size() && k <= i + 4; ++k) {
    if (t[k].kind != Piece::Kind::kWord) return 0;
    if (IsPerson(t[k].text)) {
      // "older" and "healthy" are adjectives unless nothing follows.
      if ((t[k].text == "older" || t[k].text == "healthy") &&
          k + 1 < t.size() && t[k + 1].kind == Piece::Kind::kWord &&
          IsPerson(t[k + 1].text)) {
        continue;
      }
      return k;
    }
    if (IsBreaker(t[k].text)) return 0;
  }
  return 0;
}

bool Counts(const Piece& t) {
  return t.kind == Piece::Kind::kNumber && t.value > 0 && t.value < 100'000'000;
}

struct Found {
  std::optional<long long> total;     // "a total of N people"
  std::optional<long long> cases;     // "N cases and M controls", summed
  std::optional<long long> people;    // the largest "N people"
  std::optional<long long> n_equals;  // the largest "n = N"
};

void Scan(const std::vector<Piece>& t, Found* f) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!Counts(t[i]) || IsYearContext(t, i)) continue;
    if (i >= 2 && t[i - 1].text == "=" && (t[i - 2].text == "n")) {
      f->n_equals = std::max(f->n_equals.value_or(0), t[i].value);
      continue;
    }
    const std::size_t noun = PersonAfter(t, i);
    if (noun == 0) continue;
    if (i >= 2 && t[i - 1].text == "of" && t[i - 2].text == "total" &&
        !f->total) {
      f->total = t[i].value;
    }
    if (t[noun].text == "cases") {
      // "386 pancreatic cancer cases and 896 matched controls".
      for (std::size_t k = noun + 1; k < t.size() && k <= noun + 3; ++k) {
        if (Counts(t[k])) {
          const std::size_t other = PersonAfter(t, k);
          if (other != 0 && t[other].text == "controls" && !f->cases) {
            f->cases = t[i].value + t[k].value;
          }
          break;
        }
      }
    }
    f->people = std::max(f->people.value_or(0), t[i].value);
  }
}

}  // namespace

std::optional<long long> FindSampleSize(
    const std::vector<DocumentPart>& parts) {
  Found found;
  for (const DocumentPart& p : parts) {
    if (p.title) continue;
    const std::string category =
        p.category.empty() ? SectionCategory(p.label) : p.category;
    if (!p.label.empty() && category == "BACKGROUND") continue;
    Scan(Lex(p.text), &found);
  }
  if (found.total) return found.total;
  if (found.cases) return found.cases;
  if (found.people) return found.people;
  return found.n_equals;
}

}  // namespace claimcheck
