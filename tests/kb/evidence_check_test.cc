// kb check on the curated evidence files (kb/FORMAT.md part 2): a small good
// knowledge base, then one broken copy per rule.
#include <filesystem>

#include "claimcheck/kb.h"
#include "test_util.h"

namespace claimcheck {

namespace {

constexpr const char* kConcepts = R"({"concepts": [
  {"id": "magnesium", "kind": "intervention", "label": "magnesium"},
  {"id": "magnesium_oxide", "kind": "intervention", "label": "magnesium oxide", "is_a": ["magnesium"]},
  {"id": "sleep", "kind": "outcome", "label": "sleep", "better": "higher"}
]})";

constexpr const char* kClaims = R"({"claims": [
  {"id": "mg_improves_sleep", "text": "magnesium improves sleep", "kind": "effect",
   "subject": "magnesium", "relation": "increases", "object": "sleep", "qualifiers": {}},
  {"id": "mg_dose", "text": "200-400 mg is safe", "kind": "dose",
   "subject": "magnesium", "relation": "safe_dose", "object": null,
   "qualifiers": {"dose": {"min": 200, "max": 400, "unit": "mg", "per": "day"}}}
]})";

constexpr const char* kStudies = R"({"studies": [
  {"id": "trial2012", "pmid": "23853635", "pmcid": "PMC3703169", "doi": null,
   "design": "rct", "n": 46, "year": 2012,
   "intervention": {"concept": "magnesium_oxide", "form": "oxide", "dose": null},
   "includes": [], "secondary_analysis_of": null, "retracted": false,
   "evidence": [{"claim": "mg_improves_sleep", "stance": "supports", "directness": "direct", "note": "x"}]},
  {"id": "review2021", "pmid": "33865376", "pmcid": null, "doi": "10.1186/s12906-021-03297-z",
   "design": "meta_analysis", "n": 151, "year": 2021,
   "intervention": {"concept": "magnesium", "form": null, "dose": null},
   "includes": ["trial2012"], "secondary_analysis_of": null, "retracted": false,
   "evidence": [{"claim": "mg_improves_sleep", "stance": "mixed", "directness": "direct", "note": "x"}]}
]})";

constexpr const char* kReferences = R"({"reference_values": [
  {"id": "mg_ul", "kind": "upper_limit", "concept": "magnesium",
   "amount": {"min": null, "max": 350, "unit": "mg", "per": "day"},
   "population": "adults", "source": "review2021", "note": "x"}
]})";

struct Files {
  std::string claims = kClaims;
  std::string studies = kStudies;
  std::string references = kReferences;
};

Diagnostics CheckFiles(const std::string& name, const Files& files) {
  auto dir = testing::TempDir("evidence_" + name);
  testing::WriteFile(dir / "concepts" / "c.json", kConcepts);
  testing::WriteFile(dir / "claims.json", files.claims);
  testing::WriteFile(dir / "studies.json", files.studies);
  testing::WriteFile(dir / "reference_values.json", files.references);
  testing::CopyWordLists(dir);
  Diagnostics problems;
  CheckKnowledgeBase(dir.string(), &problems);
  return problems;
}

std::string Dump(const Diagnostics& problems) {
  std::string out;
  for (const Diagnostic& d : problems) out += d.ToString() + "\n";
  return out;
}

}  // namespace

TEST_CASE("evidence check: a small good knowledge base is clean", "[kb]") {
  const Diagnostics problems = CheckFiles("good", Files{});
  INFO(Dump(problems));
  CHECK(problems.empty());
}

TEST_CASE("evidence check: each broken rule is reported with its place",
          "[kb]") {
  struct Case {
    const char* name;
    Files files;
    const char* file;     // which file must be named
    const char* where;    // part of the place
    const char* message;  // part of the message
  };
  auto claims = [](const std::string& from, const std::string& to) {
    Files f;
    f.claims = testing::ReplaceOnce(kClaims, from, to);
    return f;
  };
  auto studies = [](const std::string& from, const std::string& to) {
    Files f;
    f.studies = testing::ReplaceOnce(kStudies, from, to);
    return f;
  };
  auto references = [](const std::string& from, const std::string& to) {
    Files f;
    f.references = testing::ReplaceOnce(kReferences, from, to);
    return f;
  };
  const std::vector<Case> cases = {
      {"claims_syntax", claims("\"claims\": [", "\"claims\": [,"),
       "claims.json", "line 1, column", "invalid JSON"},
      {"unknown_subject",
       claims("\"subject\": \"magnesium\", \"relation\": \"increases\"",
              "\"subject\": \"magnesum\", \"relation\": \"increases\""),
       "claims.json", "line 2, claim 'mg_improves_sleep'",
       "unknown concept 'magnesum'"},
      {"relation_for_kind",
       claims("\"relation\": \"increases\"", "\"relation\": \"safe_dose\""),
       "claims.json", "claim 'mg_improves_sleep'", "\"relation\""},
      {"null_object_outside_dose",
       claims("\"object\": \"sleep\"", "\"object\": null"), "claims.json",
       "claim 'mg_improves_sleep'", "\"object\" is missing"},
      {"dose_range",
       claims("\"min\": 200, \"max\": 400", "\"min\": 400, \"max\": 200"),
       "claims.json", "claim 'mg_dose'", "min above max"},
      {"duplicate_claim_id",
       claims("\"id\": \"mg_dose\"", "\"id\": \"mg_improves_sleep\""),
       "claims.json", "claim 'mg_improves_sleep'", "duplicate id"},
      {"unknown_design",
       studies("\"design\": \"rct\"", "\"design\": \"randomised\""),
       "studies.json", "study 'trial2012'", "unknown value \"randomised\""},
      {"bad_pmid",
       studies("\"pmid\": \"23853635\"", "\"pmid\": \"PMID23853635\""),
       "studies.json", "line 2, study 'trial2012'", "\"pmid\" is not a PMID"},
      {"bad_doi",
       studies("\"doi\": \"10.1186/s12906-021-03297-z\"",
               "\"doi\": \"doi.org/x\""),
       "studies.json", "study 'review2021'", "\"doi\" is not a DOI"},
      {"bad_pmcid",
       studies("\"pmcid\": \"PMC3703169\"", "\"pmcid\": \"3703169\""),
       "studies.json", "study 'trial2012'", "not a PMCID"},
      {"duplicate_study",
       studies("\"pmid\": \"33865376\"", "\"pmid\": \"23853635\""),
       "studies.json", "study 'review2021'",
       "duplicate study: PMID 23853635 is also study 'trial2012'"},
      {"unknown_claim",
       studies("{\"claim\": \"mg_improves_sleep\", \"stance\": \"supports\"",
               "{\"claim\": \"mg_cures_all\", \"stance\": \"supports\""),
       "studies.json", "study 'trial2012'", "unknown claim 'mg_cures_all'"},
      {"contradictory_stances",
       studies("\"directness\": \"direct\", \"note\": \"x\"}]},\n  {\"id\": "
               "\"review2021\"",
               "\"directness\": \"direct\", \"note\": \"x\"}, {\"claim\": "
               "\"mg_improves_sleep\", "
               "\"stance\": \"refutes\", \"directness\": \"direct\"}]},\n  "
               "{\"id\": \"review2021\""),
       "studies.json", "study 'trial2012'",
       "contradictory stances on claim 'mg_improves_sleep': supports and "
       "refutes"},
      {"unknown_stance",
       studies("\"stance\": \"mixed\"", "\"stance\": \"maybe\""),
       "studies.json", "study 'review2021'", "\"stance\" has an unknown value"},
      {"unknown_directness",
       studies("\"stance\": \"mixed\", \"directness\": \"direct\"",
               "\"stance\": \"mixed\", \"directness\": \"sideways\""),
       "studies.json", "study 'review2021'", "\"directness\""},
      {"unknown_include",
       studies("\"includes\": [\"trial2012\"]", "\"includes\": [\"nobody\"]"),
       "studies.json", "study 'review2021'", "unknown study 'nobody'"},
      {"self_include",
       studies("\"includes\": [\"trial2012\"]",
               "\"includes\": [\"review2021\"]"),
       "studies.json", "study 'review2021'", "cannot include itself"},
      {"wellness_article_as_evidence",
       studies("\"design\": \"rct\"", "\"design\": \"wellness_article\""),
       "studies.json", "study 'trial2012'", "never evidence"},
      {"unknown_intervention",
       studies("\"concept\": \"magnesium_oxide\"", "\"concept\": \"zinc\""),
       "studies.json", "study 'trial2012'", "unknown concept 'zinc'"},
      {"n_not_a_number", studies("\"n\": 46", "\"n\": \"46\""), "studies.json",
       "study 'trial2012'", "\"n\" must be a whole number"},
      {"reference_source",
       references("\"source\": \"review2021\"", "\"source\": \"nobody\""),
       "reference_values.json", "reference value 'mg_ul'",
       "\"source\" must name a study"},
      {"reference_kind",
       references("\"kind\": \"upper_limit\"", "\"kind\": \"limit\""),
       "reference_values.json", "reference value 'mg_ul'",
       "\"kind\" has an unknown value"},
      {"reference_concept",
       references("\"concept\": \"magnesium\"", "\"concept\": \"mg\""),
       "reference_values.json", "reference value 'mg_ul'",
       "unknown concept 'mg'"},
  };
  for (const Case& c : cases) {
    INFO("case " << c.name);
    const Diagnostics problems = CheckFiles(c.name, c.files);
    INFO(Dump(problems));
    bool found = false;
    for (const Diagnostic& d : problems) {
      found = found || (d.file.find(c.file) != std::string::npos &&
                        d.where.find(c.where) != std::string::npos &&
                        d.message.find(c.message) != std::string::npos);
    }
    CHECK(found);
  }
}

TEST_CASE("evidence check: the files are optional", "[kb]") {
  auto dir = testing::TempDir("evidence_none");
  testing::WriteFile(dir / "concepts" / "c.json", kConcepts);
  // (The word lists are not: kb_check_test.cc.)
  testing::CopyWordLists(dir);
  Diagnostics problems;
  CHECK(CheckKnowledgeBase(dir.string(), &problems) == 0);
}

}  // namespace claimcheck
