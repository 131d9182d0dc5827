// kb check for the curated evidence files: claims.json, studies.json and
// reference_values.json (kb/FORMAT.md part 2, "Invariants").
// Covered by tests/kb/evidence_check_test.cc.
#include <map>
#include <set>

#include "base/ids.h"
#include "claimcheck/document.h"
#include "claimcheck/kb.h"
#include "claimcheck/knowledge.h"
#include "kb/evidence_file.h"

namespace claimcheck {

namespace {

using Set = std::set<std::string, std::less<>>;

// The words of an enum, from its one table (knowledge.cc, document.cc).
template <typename E>
Set Words(const std::vector<E>& all, const char* (*name)(E)) {
  Set words;
  for (E value : all) words.insert(name(value));
  return words;
}

const Set kCausalRelations = {"increases", "decreases", "modulates",
                              "no_effect"};
const std::map<std::string, Set, std::less<>> kRelationsByKind = {
    {"effect", kCausalRelations},
    {"mechanism", kCausalRelations},
    {"comparison",
     {"more_bioavailable_than", "better_tolerated_than", "enhances_effect_of"}},
    {"dose", {"safe_dose", "recommended_intake"}},
    {"safety",
     {"contraindicated_in", "interacts_with", "laxative", "increases",
      "decreases"}},
    {"onset", {"onset_within"}},
    {"composition", {"is_a", "contains", "is_not"}},
};
const Set kDesigns = Words(AllDesigns(), DesignName);
const Set kStances = Words(AllStances(), StanceName);
const Set kDirectness = Words(AllDirectness(), DirectnessName);
const Set kReferenceKinds = Words(AllReferenceKinds(), ReferenceKindName);
const Set kGroups = {"adults",    "children",  "adolescents", "older_adults",
                     "pregnancy", "lactation", "infants",     "general"};

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
  // `file` is an opened file (EvidenceFile::Open returned OK).
  FileCheck(EvidenceFile* file, const Vocabulary& vocabulary)
      : file_(*file), vocabulary_(vocabulary) {}

  const rapidjson::Value& Items() const { return file_.Items(); }

  // Sets the item the next problems are about ("claim 'x'", with its line).
  void At(const char* what, std::size_t index, const rapidjson::Value& item) {
    file_.At(what, index, item);
  }
  const std::string& id() const { return file_.id(); }

  void Problem(const std::string& message) { file_.Problem(message); }

  // A required string member that must be one of `allowed`; returns it or "".
  std::string Enum(const rapidjson::Value& item, const char* name,
                   const Set& allowed) {
    const char* word = file_.Word(
        item, name, [&](std::string_view w) { return allowed.count(w) > 0; });
    return word ? word : "";
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
    if (id().empty() || !IsValidId(id())) {
      Problem("\"id\" must be a string of lower-case letters, digits and _");
    } else if (!seen->insert(id()).second) {
      Problem("duplicate id '" + id() + "'");
    }
  }

 private:
  EvidenceFile& file_;
  const Vocabulary& vocabulary_;
};

// Built on first use: ClaimKindName lives in another file, whose statics may
// not be initialised before ours.
const Set& ClaimKinds() {
  static const Set kinds = Words(AllClaimKinds(), ClaimKindName);
  return kinds;
}

Set CheckClaims(EvidenceFile* file, const Vocabulary& vocabulary) {
  Set ids;
  if (file == nullptr) return ids;
  FileCheck f(file, vocabulary);
  std::size_t index = 0;
  for (const auto& claim : f.Items().GetArray()) {
    f.At("claim", index++, claim);
    if (!claim.IsObject()) {
      f.Problem("a claim must be a JSON object");
      continue;
    }
    f.UniqueId(&ids);
    const std::string kind = f.Enum(claim, "kind", ClaimKinds());
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
Set CheckStudies(EvidenceFile* file, const Vocabulary& vocabulary,
                 const Set& claims) {
  Set ids;
  if (file == nullptr) return ids;
  FileCheck f(file, vocabulary);
  const auto& studies = f.Items();
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
    // Optional words: absent or null is "not given".
    for (const auto& [member, words] :
         {std::pair<const char*, Set>{"authors_grade",
                                      {"high", "moderate", "low", "very low"}},
          std::pair<const char*, Set>{"risk_of_bias",
                                      {"low", "some", "high"}}}) {
      auto it = study.FindMember(member);
      if (it == study.MemberEnd() || it->value.IsNull()) continue;
      if (!it->value.IsString() || !words.count(it->value.GetString())) {
        std::string list;
        for (const std::string& w : words)
          list += (list.empty() ? "" : ", ") + w;
        f.Problem(std::string("\"") + member + "\" must be one of " + list +
                  " or null");
      }
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

void CheckReferenceValues(EvidenceFile* file, const Vocabulary& vocabulary,
                          const Set& studies) {
  if (file == nullptr) return;
  FileCheck f(file, vocabulary);
  Set ids;
  std::size_t index = 0;
  for (const auto& value : f.Items().GetArray()) {
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
    if (auto group = value.FindMember("group");
        group != value.MemberEnd() && !group->value.IsNull() &&
        (!group->value.IsString() ||
         !kGroups.count(group->value.GetString()))) {
      f.Problem(
          "\"group\" must be one of adults, children, adolescents, "
          "older_adults, pregnancy, lactation, infants, general or null");
    }
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

void CheckEvidenceFiles(const EvidenceFiles& files,
                        const Vocabulary& vocabulary) {
  const Set claims = CheckClaims(files.claims, vocabulary);
  const Set studies = CheckStudies(files.studies, vocabulary, claims);
  CheckReferenceValues(files.reference_values, vocabulary, studies);
}

std::size_t CheckEvidence(const std::string& kb_dir,
                          const Vocabulary& vocabulary, Diagnostics* problems) {
  const std::size_t before = problems->size();
  EvidenceFile claims(kb_dir + "/claims.json", problems);
  EvidenceFile studies(kb_dir + "/studies.json", problems);
  EvidenceFile references(kb_dir + "/reference_values.json", problems);
  // An absent file is nothing to check; a broken one has its problem
  // recorded by Open.
  const EvidenceFiles files{
      claims.Open("claims").ok() ? &claims : nullptr,
      studies.Open("studies").ok() ? &studies : nullptr,
      references.Open("reference_values").ok() ? &references : nullptr};
  CheckEvidenceFiles(files, vocabulary);
  return problems->size() - before;
}

}  // namespace claimcheck
