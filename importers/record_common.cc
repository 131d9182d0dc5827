// Dates, titles and the finishing touches shared by the PubMed XML and
// MEDLINE readers. Covered by tests/importers/pubmed_xml_test.cc and
// medline_test.cc.
#include "record_common.h"

#include <array>
#include <cctype>
#include <cstdint>
#include <vector>

namespace claimcheck::importers {

namespace {

bool IsXmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// Splits at spaces and hyphens ("1998 Dec-1999 Jan" -> 1998, Dec, 1999, Jan).
std::vector<std::string_view> DateWords(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (IsXmlSpace(text[i]) || text[i] == '-' ||
                               text[i] == '/' || text[i] == ',')) {
      ++i;
    }
    std::size_t j = i;
    while (j < text.size() && !IsXmlSpace(text[j]) && text[j] != '-' &&
           text[j] != '/' && text[j] != ',') {
      ++j;
    }
    if (j > i) words.push_back(text.substr(i, j - i));
    i = j;
  }
  return words;
}

}  // namespace

std::string MonthNumber(std::string_view month) {
  static constexpr std::array<const char*, 12> kNames = {
      "jan", "feb", "mar", "apr", "may", "jun",
      "jul", "aug", "sep", "oct", "nov", "dec"};
  if (AllDigits(month) && month.size() <= 2) {
    const int m = std::stoi(std::string(month));
    if (m < 1 || m > 12) return {};
    return (m < 10 ? "0" : "") + std::to_string(m);
  }
  const std::string lower = Lower(month);
  if (lower.size() < 3) return {};
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    // "Jan", "January", "Sept": the name's first three letters and a prefix
    // of the full name; "Jan-Mar" has a hyphen and is not a month.
    if (lower.compare(0, 3, kNames[i]) == 0 &&
        lower.find_first_not_of("abcdefghijklmnopqrstuvwxyz") ==
            std::string::npos) {
      return (i < 9 ? "0" : "") + std::to_string(i + 1);
    }
  }
  return {};
}

std::string DateFromParts(std::string_view year, std::string_view month,
                          std::string_view day) {
  if (year.size() != 4 || !AllDigits(year)) return {};
  std::string out(year);
  const std::string m = MonthNumber(month);
  if (m.empty()) return out;
  out += "-" + m;
  if (AllDigits(day) && day.size() <= 2) {
    const int d = std::stoi(std::string(day));
    if (d >= 1 && d <= 31) out += (d < 10 ? "-0" : "-") + std::to_string(d);
  }
  return out;
}

std::string FreeFormDate(std::string_view text) {
  const std::vector<std::string_view> words = DateWords(text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].size() != 4 || !AllDigits(words[i])) continue;
    // The month must be a name here: "2006 10" is not a PubMed spelling,
    // and a number would rather be a day range's end.
    std::string_view month = i + 1 < words.size() ? words[i + 1] : "";
    if (AllDigits(month)) month = "";
    std::string_view day =
        !month.empty() && i + 2 < words.size() ? words[i + 2] : "";
    // "1998 Dec-1999 Jan": after the hyphen comes the range's other end.
    if (!day.empty() && !AllDigits(day)) day = "";
    const std::size_t after_month =
        month.empty() ? std::string_view::npos
                      : static_cast<std::size_t>(month.data() - text.data()) +
                            month.size();
    if (!day.empty() && after_month != std::string_view::npos &&
        after_month < text.size() && text[after_month] == '-') {
      day = "";
    }
    return DateFromParts(words[i], month, day);
  }
  return {};
}

std::string CollapseSpace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (IsXmlSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string CleanTitle(std::string title) {
  // MEDLINE puts a title translated into English in brackets, keeping its
  // final period outside: "[Title]." or "[Title]".
  if (title.size() >= 2 && title.front() == '[') {
    std::size_t close = title.size() - 1;
    if (title[close] == '.' && close > 0) --close;
    if (title[close] == ']' && title.find(']') == close) {
      title = title.substr(1, close - 1) + title.substr(close + 1);
    }
  }
  return title;
}

std::string NormaliseDoi(std::string_view doi) {
  std::string s = Lower(CollapseSpace(doi));
  for (std::string_view prefix :
       {"https://doi.org/", "http://doi.org/", "http://dx.doi.org/",
        "https://dx.doi.org/", "doi:", "doi: "}) {
    if (s.rfind(prefix, 0) == 0) s.erase(0, prefix.size());
  }
  while (!s.empty() && s.front() == ' ') s.erase(0, 1);
  return s.rfind("10.", 0) == 0 ? s : std::string();
}

void FinishRecord(const std::string& file, ImportedDocument* imported) {
  Document& d = imported->document;
  d.id = "pmid:" + d.pmid;
  d.kind = "abstract";
  d.url = "https://pubmed.ncbi.nlm.nih.gov/" + d.pmid + "/";
  imported->origin = file + ": record PMID " + d.pmid;
  ClassifyRecord(imported);
}

std::string RecordWhere(std::uint64_t offset, std::size_t line,
                        std::string_view pmid) {
  std::string where = "byte " + std::to_string(offset);
  if (line > 0) where += " (line " + std::to_string(line) + ")";
  if (!pmid.empty()) {
    where += ", PMID ";
    where += pmid;
  }
  return where;
}

void ProblemList::Add(std::string where, std::string message) {
  ++count_;
  if (out_ == nullptr || count_ > kMaxListed) return;
  out_->push_back({file_, std::move(where), std::move(message)});
}

void ProblemList::Finish() {
  if (out_ == nullptr || count_ <= kMaxListed) return;
  out_->push_back(
      {file_, "",
       std::to_string(count_ - kMaxListed) + " more problems not listed"});
}

}  // namespace claimcheck::importers
