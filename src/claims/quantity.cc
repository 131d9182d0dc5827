// A small scanner for amounts: NUMBER [RANGE NUMBER] UNIT [PER] [BASIS].
#include "claims/quantity.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>

namespace claimcheck::claims_internal {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsAlpha(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0;
}

// Lower-cased ASCII copy of text[begin, end), other bytes kept, so offsets
// stay the same.
std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

class Scanner {
 public:
  Scanner(const std::string& lower, std::size_t pos, std::size_t end)
      : s_(lower), pos_(pos), end_(end) {}

  std::size_t pos() const { return pos_; }
  void set_pos(std::size_t pos) { pos_ = pos; }

  void SkipSpaces() {
    while (pos_ < end_ && (s_[pos_] == ' ' || s_[pos_] == '\t' ||
                           s_.compare(pos_, 2, "\xC2\xA0") == 0)) {
      pos_ += s_[pos_] == ' ' || s_[pos_] == '\t' ? 1 : 2;
    }
  }

  // A number with optional thousands commas and decimals.
  bool Number(double* value) {
    std::size_t p = pos_;
    std::string digits;
    while (p < end_ && IsDigit(s_[p])) {
      digits += s_[p++];
      if (p + 3 < end_ && s_[p] == ',' && IsDigit(s_[p + 1]) &&
          IsDigit(s_[p + 2]) && IsDigit(s_[p + 3]) &&
          (p + 4 >= end_ || !IsDigit(s_[p + 4]))) {
        ++p;
      }
    }
    if (digits.empty()) return false;
    if (p + 1 < end_ && s_[p] == '.' && IsDigit(s_[p + 1])) {
      digits += s_[p++];
      while (p < end_ && IsDigit(s_[p])) digits += s_[p++];
    }
    *value = std::strtod(digits.c_str(), nullptr);
    pos_ = p;
    return true;
  }

  // A word (or symbol) among `words`, ending at a word boundary.
  bool Word(std::initializer_list<const char*> words, std::string* which) {
    for (const char* w : words) {
      const std::size_t n = std::char_traits<char>::length(w);
      if (pos_ + n <= end_ && s_.compare(pos_, n, w) == 0 &&
          (pos_ + n == end_ || !IsAlpha(s_[pos_ + n]) || !IsAlpha(w[n - 1]))) {
        if (which) *which = w;
        pos_ += n;
        return true;
      }
    }
    return false;
  }

  // A range separator: - – — "to" "and" "or".
  bool RangeSeparator() {
    const std::size_t start = pos_;
    SkipSpaces();
    if (Word({"-", "\xE2\x80\x93", "\xE2\x80\x94", "to", "and", "or"},
             nullptr)) {
      SkipSpaces();
      return true;
    }
    pos_ = start;
    return false;
  }

 private:
  const std::string& s_;
  std::size_t pos_;
  std::size_t end_;
};

struct Unit {
  const char* word;
  const char* name;
  Dimension dimension;
};

// Longest spellings first, so "mg" does not stop "mmol" and "minutes" wins
// over "min".
const Unit kUnits[] = {
    {"milligrams", "mg", Dimension::kMass},
    {"milligram", "mg", Dimension::kMass},
    {"micrograms", "mcg", Dimension::kMass},
    {"microgram", "mcg", Dimension::kMass},
    {"grams", "g", Dimension::kMass},
    {"gram", "g", Dimension::kMass},
    {"mmol", "mmol", Dimension::kMass},
    {"mcg", "mcg", Dimension::kMass},
    {"\xC2\xB5g", "mcg", Dimension::kMass},
    {"\xCE\xBCg", "mcg", Dimension::kMass},
    {"mg", "mg", Dimension::kMass},
    {"iu", "IU", Dimension::kMass},
    {"g", "g", Dimension::kMass},
    {"minutes", "min", Dimension::kTime},
    {"minute", "min", Dimension::kTime},
    {"mins", "min", Dimension::kTime},
    {"min", "min", Dimension::kTime},
    {"hours", "h", Dimension::kTime},
    {"hour", "h", Dimension::kTime},
    {"hrs", "h", Dimension::kTime},
    {"hr", "h", Dimension::kTime},
    {"h", "h", Dimension::kTime},
    {"days", "day", Dimension::kTime},
    {"day", "day", Dimension::kTime},
    {"weeks", "week", Dimension::kTime},
    {"week", "week", Dimension::kTime},
};

const Unit* ReadUnit(Scanner* sc) {
  const std::size_t start = sc->pos();
  sc->SkipSpaces();
  for (const Unit& u : kUnits) {
    if (sc->Word({u.word}, nullptr)) return &u;
  }
  sc->set_pos(start);
  return nullptr;
}

// The bound words right before a number: "up to", "at least", "around".
std::string BoundBefore(const std::string& lower, std::size_t begin,
                        std::size_t number_start) {
  static const std::pair<const char*, const char*> kBounds[] = {
      {"up to ", "up_to"},
      {"no more than ", "up_to"},
      {"not more than ", "up_to"},
      {"at most ", "up_to"},
      {"as high as ", "up_to"},
      {"maximum of ", "up_to"},
      {"at least ", "at_least"},
      {"a minimum of ", "at_least"},
      {"around ", "around"},
      {"about ", "around"},
      {"approximately ", "around"},
      {"roughly ", "around"},
      {"~", "around"},
      {"more than ", "more_than"},
      {"over ", "more_than"},
      {"less than ", "less_than"},
      {"under ", "less_than"},
      {"fewer than ", "less_than"},
  };
  for (const auto& [words, bound] : kBounds) {
    const std::size_t n = std::char_traits<char>::length(words);
    if (number_start >= begin + n &&
        lower.compare(number_start - n, n, words) == 0 &&
        (number_start - n == begin || !IsAlpha(lower[number_start - n - 1]))) {
      return bound;
    }
  }
  return "";
}

// FindQuantities on a lower-cased span: offsets are into `lower`.
std::vector<FoundQuantity> FindQuantitiesInLower(const std::string& lower) {
  const std::size_t begin = 0;
  const std::size_t end = lower.size();
  std::vector<FoundQuantity> out;
  std::size_t i = begin;
  while (i < end) {
    if (!IsDigit(lower[i]) ||
        (i > begin && (IsAlpha(lower[i - 1]) || IsDigit(lower[i - 1])))) {
      ++i;
      continue;
    }
    Scanner sc(lower, i, end);
    double first = 0;
    sc.Number(&first);
    const std::size_t after_first = sc.pos();
    double second = first;
    const Unit* unit = ReadUnit(&sc);
    const std::size_t after_unit = sc.pos();
    // "200 to 400 mg", "200-400mg", "200 mg to 400 mg".
    if (sc.RangeSeparator()) {
      double value = 0;
      if (sc.Number(&value) && value >= first) {
        const Unit* second_unit = ReadUnit(&sc);
        if (second_unit && (!unit || second_unit->name == unit->name)) {
          unit = second_unit;
          second = value;
        } else if (!unit && !second_unit) {
          sc.set_pos(after_first);
        } else {
          sc.set_pos(after_unit);
        }
      } else {
        sc.set_pos(unit ? after_unit : after_first);
      }
    }
    if (!unit) {
      i = after_first;
      continue;
    }
    FoundQuantity q;
    q.dimension = unit->dimension;
    q.quantity.min = first;
    q.quantity.max = second;
    q.quantity.unit = unit->name;
    q.quantity.start = i;
    q.quantity.bound = BoundBefore(lower, begin, i);
    std::size_t stop = sc.pos();
    // Per day, per dose.
    Scanner per(lower, stop, end);
    per.SkipSpaces();
    std::string which;
    if (per.Word({"per day", "a day", "/day", "/ day", "/d", "daily",
                  "each day", "every day", "per night", "a night", "nightly"},
                 &which)) {
      q.quantity.per = "day";
      stop = per.pos();
    } else if (per.Word({"per dose", "a dose", "/dose"}, &which)) {
      q.quantity.per = "dose";
      stop = per.pos();
    }
    const std::size_t basis_from = stop;
    if (q.quantity.per.empty()) {
      // "400 mg of elemental magnesium per day": per day after the basis.
      const std::string_view rest = std::string_view(lower).substr(
          stop, std::min<std::size_t>(end - stop, 45));
      for (const char* day : {" per day", " a day", " daily", " each day"}) {
        const std::size_t at = rest.find(day);
        if (at != std::string_view::npos &&
            rest.substr(0, at).find_first_of(",;.") == std::string_view::npos) {
          q.quantity.per = "day";
          stop += at + std::char_traits<char>::length(day);
          break;
        }
      }
    }
    if (q.dimension == Dimension::kMass) {
      // "of elemental magnesium", "(elemental)"; "of the salt", "not
      // elemental". A salt's name alone ("400 mg magnesium citrate") says
      // neither: supplement labels give the element, so it stays
      // unspecified (docs/claims.md, "The other kinds").
      const std::string_view rest = std::string_view(lower).substr(
          basis_from, std::min<std::size_t>(end - basis_from, 40));
      q.quantity.basis = "unspecified";
      const auto has = [&rest](std::string_view w) {
        return rest.find(w) != std::string_view::npos;
      };
      if (has("not elemental") || has("compound") || has(" salt") ||
          has("total weight")) {
        q.quantity.basis = "compound";
      } else if (has("elemental")) {
        q.quantity.basis = "elemental";
      }
    }
    q.quantity.end = stop;
    out.push_back(std::move(q));
    i = stop;
  }
  return out;
}

}  // namespace

std::vector<FoundQuantity> FindQuantities(std::string_view text,
                                          std::size_t begin, std::size_t end) {
  // Only text[begin, end) is read: lower-case that span alone (a sentence,
  // not the whole document for every sentence) and move the offsets found
  // in it back onto `text`.
  end = std::min(end, text.size());
  if (begin >= end) return {};
  std::vector<FoundQuantity> found =
      FindQuantitiesInLower(Lower(text.substr(begin, end - begin)));
  for (FoundQuantity& q : found) {
    q.quantity.start += begin;
    q.quantity.end += begin;
  }
  return found;
}

}  // namespace claimcheck::claims_internal
