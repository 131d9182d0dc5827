// kb check for the curated evidence files: claims.json, studies.json and
// reference_values.json (kb/FORMAT.md part 2, "Invariants").
// Covered by tests/kb/evidence_check_test.cc.
#include <filesystem>
#include <map>
#include <set>

#include "base/ids.h"
#include "base/json_util.h"
#include "claimcheck/io.h"
#include "claimcheck/kb.h"

namespace claimcheck {

namespace {

using Set = std::set<std::string, std::less<>>;

const Set kClaimKinds = {"effect", "mechanism", "dose",       "comparison",
                         "safety", "onset",     "composition"};
const Set kCausalRelations = {"increases", "decreases", "modulates",
                              "no_effect"};
const std::map<std::string, Set, std::less<>> kRelationsByKind = {
    {"effect", kCausalRelations},
    {"mechanism", kCausalRelations},
    {"comparison",
     {"more_bioavailable_than", "better_tolerated_than", "enhances_effect_of"}},
    {"dose", {"safe_dose", "recommended_intake"}},
    {"safety", {"contraindicated_in", "laxative", "increases", "decreases"}},
    {"onset", {"onset_within"}},
    {"composition", {"is_a", "contains", "is_not"}},
};
const Set kDesigns = {"meta_analysis",
                      "systematic_review",
                      "rct",
                      "controlled_trial",
                      "cohort",
                      "case_control",
                      "cross_sectional",
                      "case_series",
                      "case_report",
                      "animal",
                      "in_vitro",
                      "narrative_review",
                      "guideline",
                      "editorial",
                      "letter",
                      "erratum",
                      "retraction",
                      "wellness_article",
                      "press_release",
                      "unknown"};
const Set kStances = {"supports", "refutes", "no_effect", "mixed", "context"};
const Set kDirectness = {
    "direct", "other_form", "other_population", "surrogate_outcome",
    "animal", "in_vitro",   "mechanistic"};
const Set kReferenceKinds = {"rda", "upper_limit", "advice", "label",
                             "caution"};

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// One evidence file being checked: its parsed items, the line of each id,
// and where its problems go.
class FileCheck {
 public:
  FileCheck(std::string path, const Vocabulary& vocabulary,
            Diagnostics* problems)
      : path_(std::move(path)), vocabulary_(vocabulary), problems_(problems) {}

  // Reads and parses the file; false when it is absent (nothing to check) or
  // broken (the problem is recorded).
  bool Load(const char* top_key) {
    std::error_code ec;
    if (!std::filesystem::exists(path_, ec)) return false;
    Result<std::string> text = ReadFile(path_);
    if (!text.ok()) {
      problems_->push_back({path_, "", text.status().message()});
      return false;
    }
    if (!ParseJson(text.value(), path_, &doc_, problems_)) return false;
    id_lines_ = KeyValueLines(text.value(), "id");
    if (!doc_.IsObject() || !doc_.HasMember(top_key) ||
        !doc_[top_key].IsArray()) {
      problems_->push_back(
          {path_, "line 1",
           std::string("expected an object with a \"") + top_key + "\" array"});
      return false;
    }
    return true;
  }

  const rapidjson::Value& Items(const char* top_key) const {
    return doc_[top_key];
  }

  // Sets the item the next problems are about ("claim 'x'", with its line).
  void At(const char* what, std::size_t index, const rapidjson::Value& item) {
    where_ = std::string(what) + "[" + std::to_string(index) + "]";
    id_.clear();
    if (item.IsObject() && item.HasMember("id") && item["id"].IsString()) {
      id_ = item["id"].GetString();
      const std::size_t line = LineOf(id_lines_, id_);
      where_ = (line ? "line " + std::to_string(line) + ", " : "") + what +
               " '" + id_ + "'";
    }
  }
  const std::string& id() const { return id_; }

  void Problem(const std::string& message) {
    problems_->push_back({path_, where_, message});
  }

  // A required string member that must be one of `allowed`; returns it or "".
  std::string Enum(const rapidjson::Value& item, const char* name,
                   const Set& allowed) {
    auto it = item.FindMember(name);
    if (it == item.MemberEnd() || it->value.IsNull()) {
      Problem(std::string("\"") + name + "\" is missing");
      return {};
    }
    if (!it->value.IsString() || !allowed.count(it->value.GetString())) {
      Problem(std::string("\"") + name + "\" has an unknown value" +
              (it->value.IsString()
                   ? std::string(" \"") + it->value.GetString() + "\""
                   : std::string()));
      return {};
    }
    return it->value.GetString();
  }

  // A member that must be a concept id of the vocabulary (or null when
  // `nullable`).
  void Concept(const rapidjson::Value& item, const char* name, bool nullable) {
    auto it = item.FindMember(name);
    if (it == item.MemberEnd() || it->value.IsNull()) {
      if (!nullable) Problem(std::string("\"") + name + "\" is missing");
      return;
    }
    ConceptValue(it->value, name);
  }

  void ConceptValue(const rapidjson::Value& v, const std::string& name) {
    if (!v.IsString()) {
      Problem("\"" + name + "\" must be a concept id");
    } else if (vocabulary_.Find(v.GetString()) == nullptr) {
      Problem("\"" + name + "\" names unknown concept '" + v.GetString() + "'");
    }
  }

  void ConceptList(const rapidjson::Value& item, const char* name) {
    auto it = item.FindMember(name);
    if (it == item.MemberEnd()) return;
    if (!it->value.IsArray()) {
      Problem(std::string("\"") + name + "\" must be a list of concept ids");
      return;
    }
    for (const auto& v : it->value.GetArray()) ConceptValue(v, name);
  }

  // An amount or window {min, max, …}: min <= max when both are numbers.
  void Range(const rapidjson::Value& item, const char* name) {
    auto it = item.FindMember(name);
    if (it == item.MemberEnd() || it->value.IsNull()) return;
    if (!it->value.IsObject()) {
      Problem(std::string("\"") + name + "\" must be an object");
      return;
    }
    const auto& r = it->value;
    if (r.HasMember("min") && r.HasMember("max") && r["min"].IsNumber() &&
        r["max"].IsNumber() && r["min"].GetDouble() > r["max"].GetDouble()) {
      Problem(std::string("\"") + name + "\" has min above max");
    }
  }

  // Records the id; reports a bad or repeated one.
  void UniqueId(Set* seen) {
    if (id_.empty() || !IsValidId(id_)) {
      Problem("\"id\" must be a string of lower-case letters, digits and _");
    } else if (!seen->insert(id_).second) {
      Problem("duplicate id '" + id_ + "'");
    }
  }

 private:
  std::string path_;
  const Vocabulary& vocabulary_;
  Diagnostics* problems_;
  std::map<std::string, std::size_t, std::less<>> id_lines_;  // id -> line
  rapidjson::Document doc_;
  std::string where_;
  std::string id_;
};

Set CheckClaims(const std::string& kb_dir, const Vocabulary& vocabulary,
                Diagnostics* problems) {
  Set ids;
  FileCheck f(kb_dir + "/claims.json", vocabulary, problems);
  if (!f.Load("claims")) return ids;
  std::size_t index = 0;
  for (const auto& claim : f.Items("claims").GetArray()) {
    f.At("claim", index++, claim);
    if (!claim.IsObject()) {
      f.Problem("a claim must be a JSON object");
      continue;
    }
    f.UniqueId(&ids);
    const std::string kind = f.Enum(claim, "kind", kClaimKinds);
    const auto relations = kRelationsByKind.find(kind);
    f.Enum(claim, "relation",
           relations == kRelationsByKind.end() ? Set{} : relations->second);
    f.Concept(claim, "subject", /*nullable=*/false);
    f.Concept(claim, "object", /*nullable=*/kind == "dose");
    if (claim.HasMember("qualifiers") && claim["qualifiers"].IsObject()) {
      const auto& q = claim["qualifiers"];
      f.Concept(q, "outcome", /*nullable=*/true);
      f.ConceptList(q, "comparators");
      f.Range(q, "dose");
      f.Range(q, "onset");
    } else {
      f.Problem("\"qualifiers\" must be an object (may be {})");
    }
    if (claim.HasMember("also")) {
      if (!claim["also"].IsArray()) {
        f.Problem("\"also\" must be a list of {relation, object}");
        continue;
      }
      for (const auto& also : claim["also"].GetArray()) {
        if (!also.IsObject()) {
          f.Problem("\"also\" entries must be objects");
          continue;
        }
        f.Enum(also, "relation", kCausalRelations);
        f.Concept(also, "object", /*nullable=*/false);
      }
    }
  }
  return ids;
}

// The study ids, checked; `includes` and other cross-links are checked once
// every id is known.
Set CheckStudies(const std::string& kb_dir, const Vocabulary& vocabulary,
                 const Set& claims, Diagnostics* problems) {
  Set ids;
  FileCheck f(kb_dir + "/studies.json", vocabulary, problems);
  if (!f.Load("studies")) return ids;
  const auto& studies = f.Items("studies");
  std::map<std::string, std::string> by_identifier;  // "PMID 123" -> study
  std::size_t index = 0;
  for (const auto& study : studies.GetArray()) {
    f.At("study", index++, study);
    if (!study.IsObject()) {
      f.Problem("a study must be a JSON object");
      continue;
    }
    f.UniqueId(&ids);
    struct IdRule {
      const char* field;
      const char* label;
      bool (*valid)(std::string_view);
    };
    const IdRule rules[] = {
        {"pmid", "PMID", [](std::string_view s) { return AllDigits(s); }},
        {"pmcid", "PMCID",
         [](std::string_view s) {
           return s.size() > 3 && s.substr(0, 3) == "PMC" &&
                  AllDigits(s.substr(3));
         }},
        {"doi", "DOI",
         [](std::string_view s) {
           return s.size() > 4 && s.substr(0, 3) == "10." &&
                  s.find('/') != std::string_view::npos &&
                  s.find(' ') == std::string_view::npos;
         }},
    };
    for (const IdRule& rule : rules) {
      auto it = study.FindMember(rule.field);
      if (it == study.MemberEnd() || it->value.IsNull()) continue;
      if (!it->value.IsString() || !rule.valid(it->value.GetString())) {
        f.Problem(std::string("\"") + rule.field + "\" is not a " + rule.label);
        continue;
      }
      const std::string key =
          std::string(rule.label) + " " + it->value.GetString();
      auto [seen, fresh] = by_identifier.emplace(key, f.id());
      if (!fresh) {
        f.Problem("duplicate study: " + key + " is also study '" +
                  seen->second + "'");
      }
    }
    const std::string design = f.Enum(study, "design", kDesigns);
    for (const char* number : {"n", "year"}) {
      auto it = study.FindMember(number);
      if (it != study.MemberEnd() && !it->value.IsNull() &&
          !(it->value.IsUint())) {
        f.Problem(std::string("\"") + number +
                  "\" must be a whole number or null");
      }
    }
    if (study.HasMember("intervention") && study["intervention"].IsObject()) {
      f.Concept(study["intervention"], "concept", /*nullable=*/true);
      f.ConceptList(study["intervention"], "concepts");
    }
    if (study.HasMember("retracted") && !study["retracted"].IsBool()) {
      f.Problem("\"retracted\" must be true or false");
    }
    auto evidence = study.FindMember("evidence");
    if (evidence == study.MemberEnd() || !evidence->value.IsArray()) {
      f.Problem("\"evidence\" must be a list");
      continue;
    }
    const bool never_evidence =
        design == "wellness_article" || design == "press_release";
    if (never_evidence && !evidence->value.Empty()) {
      f.Problem("a " + design + " is never evidence; it has none");
    } else if (!never_evidence && evidence->value.Empty()) {
      f.Problem("\"evidence\" is empty");
    }
    std::map<std::string, std::string> stance_of;  // claim -> stance
    for (const auto& e : evidence->value.GetArray()) {
      if (!e.IsObject() || !e.HasMember("claim") || !e["claim"].IsString()) {
        f.Problem("an evidence entry needs a \"claim\" id");
        continue;
      }
      const std::string claim = e["claim"].GetString();
      if (!claims.count(claim)) {
        f.Problem("evidence names unknown claim '" + claim + "'");
      }
      const std::string stance = f.Enum(e, "stance", kStances);
      f.Enum(e, "directness", kDirectness);
      auto [previous, fresh] = stance_of.emplace(claim, stance);
      if (!fresh) {
        f.Problem(previous->second != stance
                      ? "contradictory stances on claim '" + claim +
                            "': " + previous->second + " and " + stance
                      : "claim '" + claim + "' is listed twice");
      }
    }
  }
  // Cross-links between studies.
  index = 0;
  for (const auto& study : studies.GetArray()) {
    f.At("study", index++, study);
    if (!study.IsObject()) continue;
    if (study.HasMember("includes") && study["includes"].IsArray()) {
      for (const auto& inc : study["includes"].GetArray()) {
        if (!inc.IsString() || !ids.count(inc.GetString())) {
          f.Problem("\"includes\" names an unknown study" +
                    (inc.IsString() ? " '" + std::string(inc.GetString()) + "'"
                                    : std::string()));
        } else if (f.id() == inc.GetString()) {
          f.Problem("a study cannot include itself");
        }
      }
    }
    auto sec = study.FindMember("secondary_analysis_of");
    if (sec != study.MemberEnd() && !sec->value.IsNull() &&
        (!sec->value.IsString() || !ids.count(sec->value.GetString()))) {
      f.Problem("\"secondary_analysis_of\" names an unknown study");
    }
  }
  return ids;
}

void CheckReferenceValues(const std::string& kb_dir,
                          const Vocabulary& vocabulary, const Set& studies,
                          Diagnostics* problems) {
  FileCheck f(kb_dir + "/reference_values.json", vocabulary, problems);
  if (!f.Load("reference_values")) return;
  Set ids;
  std::size_t index = 0;
  for (const auto& value : f.Items("reference_values").GetArray()) {
    f.At("reference value", index++, value);
    if (!value.IsObject()) {
      f.Problem("a reference value must be a JSON object");
      continue;
    }
    f.UniqueId(&ids);
    f.Enum(value, "kind", kReferenceKinds);
    f.Concept(value, "concept", /*nullable=*/false);
    f.Concept(value, "condition", /*nullable=*/true);
    f.Range(value, "amount");
    auto source = value.FindMember("source");
    if (source == value.MemberEnd() || !source->value.IsString() ||
        !studies.count(source->value.GetString())) {
      f.Problem("\"source\" must name a study of studies.json");
    }
    if (value.HasMember("also_sources") && value["also_sources"].IsArray()) {
      for (const auto& s : value["also_sources"].GetArray()) {
        if (!s.IsString() || !studies.count(s.GetString())) {
          f.Problem("\"also_sources\" names an unknown study");
        }
      }
    }
  }
}

}  // namespace

std::size_t CheckEvidence(const std::string& kb_dir,
                          const Vocabulary& vocabulary, Diagnostics* problems) {
  const std::size_t before = problems->size();
  const Set claims = CheckClaims(kb_dir, vocabulary, problems);
  const Set studies = CheckStudies(kb_dir, vocabulary, claims, problems);
  CheckReferenceValues(kb_dir, vocabulary, studies, problems);
  return problems->size() - before;
}

}  // namespace claimcheck
