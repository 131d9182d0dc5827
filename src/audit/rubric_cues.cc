// RubricCues: the rubric items' cue phrases, read from kb/rubric_cues.tsv
// (kb/FORMAT.md, part 5). Covered by tests/kb/kb_check_test.cc and
// tests/report/audit_test.cc.
#include <algorithm>
#include <cereal/types/map.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <set>

#include "base/tsv.h"
#include "base/view_archive.h"
#include "claimcheck/audit.h"

namespace claimcheck {

const std::vector<std::string>& RubricCues::Items() {
  static const std::vector<std::string> kItems = {"harms",
                                                  "benefit_size",
                                                  "uncertainty",
                                                  "conflicts_disclosed",
                                                  "alternatives",
                                                  "consult_professional",
                                                  "product_promotion"};
  return kItems;
}

Status RubricCues::Load(const std::string& kb_dir, RubricCues* out,
                        Diagnostics* problems) {
  const std::string path = kb_dir + "/rubric_cues.tsv";
  const std::size_t before = problems->size();
  auto problem = [&](std::size_t line, const std::string& what) {
    problems->push_back({path, "line " + std::to_string(line), what});
  };
  const std::vector<std::string>& items = Items();
  RubricCues read;
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
  *out = std::move(read);
  return Status::OK();
}

const std::vector<std::string>& RubricCues::CuesOf(
    std::string_view item) const {
  static const std::vector<std::string> kNone;
  auto it = cues_.find(item);
  return it == cues_.end() ? kNone : it->second;
}

std::string RubricCues::Save() const { return SaveBinary(cues_); }

std::optional<RubricCues> RubricCues::FromSaved(std::string_view saved) {
  RubricCues out;
  if (!LoadBinary(saved, out.cues_)) return std::nullopt;
  return out;
}

}  // namespace claimcheck
