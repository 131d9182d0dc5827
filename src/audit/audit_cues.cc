// AuditCues: the rubric items' cue phrases, read from kb/rubric_cues.tsv
// (kb/FORMAT.md, part 5), and the languages of kb/languages.tsv (part 6).
// Covered by tests/kb/kb_check_test.cc and tests/report/audit_test.cc.
#include <algorithm>
#include <cereal/types/map.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <set>

#include "base/tsv.h"
#include "base/view_archive.h"
#include "claimcheck/audit.h"

namespace claimcheck {

const std::vector<std::string>& AuditCues::Items() {
  static const std::vector<std::string> kItems = {"harms",
                                                  "benefit_size",
                                                  "uncertainty",
                                                  "conflicts_disclosed",
                                                  "alternatives",
                                                  "consult_professional",
                                                  "product_promotion",
                                                  "usage",
                                                  "conditional"};
  return kItems;
}

namespace {

bool TwoLetters(std::string_view code) {
  return code.size() == 2 && std::all_of(code.begin(), code.end(), [](char c) {
           return c >= 'a' && c <= 'z';
         });
}

// kb/languages.tsv into `out`; problems with the file and line.
Status LoadLanguages(const std::string& kb_dir,
                     std::map<std::string, LanguageWords, std::less<>>* out,
                     Diagnostics* problems) {
  const std::string path = kb_dir + "/languages.tsv";
  const std::size_t before = problems->size();
  auto problem = [&](std::size_t line, const std::string& what) {
    problems->push_back({path, "line " + std::to_string(line), what});
  };
  std::set<std::pair<std::string, std::string>> seen;
  std::map<std::string, std::string> code_owner;
  Status status = ReadTsvRows(
      path, "language\tkind\tvalue", problems,
      [&](std::size_t n, std::vector<std::string> f) {
        if (f.size() != 3) {
          problem(n, "expected 3 tab-separated fields (language, kind, value)");
          return;
        }
        const std::string& language = f[0];
        const std::string& kind = f[1];
        const std::string& value = f[2];
        if (!TwoLetters(language)) {
          problem(n,
                  "language \"" + language +
                      "\" is not an ISO 639-1 code (two lower-case letters)");
          return;
        }
        if (value.empty() || value.find(' ') != std::string::npos) {
          problem(n, "empty value, or one with a space");
          return;
        }
        LanguageWords& words = (*out)[language];
        if (kind == "name") {
          if (!words.name.empty()) {
            problem(n,
                    "language " + language + " is already named " + words.name);
            return;
          }
          words.name = value;
          return;
        }
        if (value.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") !=
            std::string::npos) {
          problem(n, "\"" + value + "\" must be lower case");
          return;
        }
        if (kind == "code") {
          if (value.size() != 3 ||
              !std::all_of(value.begin(), value.end(),
                           [](char c) { return c >= 'a' && c <= 'z'; })) {
            problem(n, "code \"" + value + "\" is not an ISO 639-2 code");
            return;
          }
          auto [it, fresh] = code_owner.emplace(value, language);
          if (!fresh) {
            problem(n, "code " + value + " already means " + it->second);
            return;
          }
          words.codes.push_back(value);
          return;
        }
        if (kind != "word") {
          problem(n, "unknown kind \"" + kind + "\" (name, code or word)");
          return;
        }
        // Words are counted as runs of letters (src/audit/language.cc).
        if (!std::all_of(value.begin(), value.end(), [](char c) {
              return (c >= 'a' && c <= 'z') ||
                     static_cast<unsigned char>(c) >= 0x80;
            })) {
          problem(n, "word \"" + value + "\" must be letters only");
          return;
        }
        if (!seen.emplace(language, value).second) {
          problem(n, "\"" + value + "\" is already a word of " + language);
          return;
        }
        words.words.push_back(value);
      });
  if (!status.ok()) return status;
  for (const auto& [code, words] : *out) {
    if (words.name.empty()) {
      problems->push_back({path, "", "language " + code + " has no name"});
    }
    if (words.words.size() < 10) {
      problems->push_back(
          {path, "", "language " + code + " has fewer than 10 words"});
    }
  }
  if (out->count("en") == 0) {
    problems->push_back(
        {path, "", "no English (en): the language claimcheck reads"});
  }
  if (problems->size() > before) {
    return Status::Corruption(path + ": " +
                              std::to_string(problems->size() - before) +
                              " problem(s) in the languages");
  }
  return Status::OK();
}

}  // namespace

Status AuditCues::Load(const std::string& kb_dir, AuditCues* out,
                       Diagnostics* problems) {
  const std::string path = kb_dir + "/rubric_cues.tsv";
  const std::size_t before = problems->size();
  auto problem = [&](std::size_t line, const std::string& what) {
    problems->push_back({path, "line " + std::to_string(line), what});
  };
  const std::vector<std::string>& items = Items();
  AuditCues read;
  std::set<std::pair<std::string, std::string>> seen;
  Status status = ReadTsvRows(
      path, "item\tcue", problems,
      [&](std::size_t n, std::vector<std::string> f) {
        if (f.size() != 2) {
          problem(n, "expected 2 tab-separated fields (item, cue)");
          return;
        }
        const std::string& item = f[0];
        std::string cue = f[1];
        // A cue that starts or ends with a space is written in quotes.
        if (cue.size() >= 2 && cue.front() == '"' && cue.back() == '"') {
          cue = cue.substr(1, cue.size() - 2);
        }
        if (std::find(items.begin(), items.end(), item) == items.end()) {
          problem(n, "unknown item \"" + item + "\"");
          return;
        }
        if (cue.find_first_not_of(' ') == std::string::npos) {
          problem(n, "empty cue");
          return;
        }
        if (cue.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ\"") !=
            std::string::npos) {
          problem(n, "cue \"" + cue +
                         "\" must be lower case (it is matched in "
                         "lower-cased text), without quotes inside");
          return;
        }
        if (!seen.emplace(item, cue).second) {
          problem(n, "\"" + cue + "\" is already a cue of " + item);
          return;
        }
        read.cues_[item].push_back(std::move(cue));
      });
  if (!status.ok()) return status;
  for (const std::string& item : items) {
    if (read.cues_.count(item) == 0) {
      problems->push_back({path, "", "item " + item + " has no cues"});
    }
  }
  if (problems->size() > before) {
    return Status::Corruption(path + ": " +
                              std::to_string(problems->size() - before) +
                              " problem(s) in the rubric cues");
  }
  Status languages = LoadLanguages(kb_dir, &read.languages_, problems);
  if (!languages.ok()) return languages;
  *out = std::move(read);
  return Status::OK();
}

const std::vector<std::string>& AuditCues::CuesOf(std::string_view item) const {
  static const std::vector<std::string> kNone;
  auto it = cues_.find(item);
  return it == cues_.end() ? kNone : it->second;
}

std::string AuditCues::Save() const { return SaveBinary(cues_, languages_); }

std::optional<AuditCues> AuditCues::FromSaved(std::string_view saved) {
  AuditCues out;
  if (!LoadBinary(saved, out.cues_, out.languages_)) return std::nullopt;
  return out;
}

}  // namespace claimcheck
