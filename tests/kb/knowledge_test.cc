// Knowledge::Load on the real kb/ (facts read back from the curated files)
// and on small broken knowledge bases written here; the enum word tables.
#include "claimcheck/knowledge.h"

#include <set>

#include "test_util.h"

namespace claimcheck {

namespace {

std::string Dump(const Diagnostics& problems) {
  std::string out;
  for (const Diagnostic& d : problems) out += d.ToString() + "\n";
  return out;
}

// The real kb/, loaded once for every test that reads it.
const Knowledge& RealKnowledge() {
  static const Knowledge knowledge = [] {
    Vocabulary vocabulary;
    Diagnostics problems;
    REQUIRE(Vocabulary::Load(testing::KbDir(), &vocabulary, &problems).ok());
    Knowledge k;
    const Status loaded =
        Knowledge::Load(testing::KbDir(), vocabulary, &k, &problems);
    INFO(Dump(problems));
    REQUIRE(loaded.ok());
    REQUIRE(problems.empty());
    return k;
  }();
  return knowledge;
}

std::size_t Count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto pos = text.find(needle); pos != std::string::npos;
       pos = text.find(needle, pos + 1)) {
    ++n;
  }
  return n;
}

constexpr const char* kConcepts = R"({"concepts": [
  {"id": "magnesium", "kind": "intervention", "label": "magnesium"},
  {"id": "sleep", "kind": "outcome", "label": "sleep", "better": "higher"}
]})";

constexpr const char* kClaims = R"({"claims": [
  {"id": "mg_improves_sleep", "text": "magnesium improves sleep",
   "kind": "effect", "subject": "magnesium", "relation": "increases",
   "object": "sleep", "qualifiers": {}}
]})";

// Line 2 holds the first study's id, line 7 the second's.
constexpr const char* kStudies = R"({"studies": [
  {"id": "trial2012", "pmid": "23853635", "design": "rct", "n": 46,
   "year": 2012, "intervention": {"concept": "magnesium"},
   "includes": [], "secondary_analysis_of": null, "retracted": false,
   "evidence": [{"claim": "mg_improves_sleep", "stance": "supports",
                 "directness": "direct", "note": "x"}]},
  {"id": "review2021", "pmid": "33865376", "design": "meta_analysis",
   "n": 151, "year": 2021, "intervention": {"concept": "magnesium"},
   "includes": ["trial2012"], "secondary_analysis_of": null,
   "retracted": false,
   "evidence": [{"claim": "mg_improves_sleep", "stance": "mixed",
                 "directness": "direct", "note": "x"}]}
]})";

constexpr const char* kReferences = R"({"reference_values": [
  {"id": "mg_ul", "kind": "upper_limit", "concept": "magnesium",
   "amount": {"min": null, "max": 350, "unit": "mg", "per": "day"},
   "population": "adults", "source": "review2021", "note": "x"}
]})";

struct Fixture {
  std::string claims = kClaims;
  std::string studies = kStudies;
  std::string references = kReferences;
};

struct Loaded {
  Status status;
  Knowledge knowledge;
  Diagnostics problems;
};

// Writes `files` (those not empty) to a fresh kb directory and loads it.
Loaded LoadFixture(const std::string& name, const Fixture& files) {
  const auto dir = testing::TempDir("knowledge_" + name);
  testing::WriteFile(dir / "concepts" / "c.json", kConcepts);
  const std::pair<const char*, const std::string*> written[] = {
      {"claims.json", &files.claims},
      {"studies.json", &files.studies},
      {"reference_values.json", &files.references}};
  for (const auto& [file, text] : written) {
    if (!text->empty()) testing::WriteFile(dir / file, *text);
  }
  Vocabulary vocabulary;
  Diagnostics ignored;
  REQUIRE(Vocabulary::Load(dir.string(), &vocabulary, &ignored).ok());
  Loaded loaded;
  loaded.status = Knowledge::Load(dir.string(), vocabulary, &loaded.knowledge,
                                  &loaded.problems);
  return loaded;
}

}  // namespace

TEST_CASE("kb knowledge: the real kb/ loads every study", "[kb]") {
  const Knowledge& k = RealKnowledge();
  const std::string studies =
      testing::Slurp(testing::KbDir() + "/studies.json");
  CHECK(k.studies().size() == 444);
  CHECK(k.studies().size() == Count(studies, "\"read_via\":"));
  CHECK(k.claims().size() == 273);
  CHECK(k.reference_values().size() == 69);
}

TEST_CASE("kb knowledge: mah2021 is read with its numbers", "[kb]") {
  const Study* mah = RealKnowledge().FindStudy("mah2021");
  REQUIRE(mah != nullptr);
  CHECK(mah->pmid == "33865376");
  CHECK(mah->pmcid == "PMC8053283");
  CHECK(mah->doi == "10.1186/s12906-021-03297-z");
  CHECK(mah->first_author == "Mah J");
  CHECK(mah->year == 2021);
  CHECK(mah->design == Design::kMetaAnalysis);
  CHECK(mah->n == 151);
  CHECK(mah->includes ==
        std::vector<std::string>{"abbasi2012", "held2002", "nielsen2010"});
  CHECK(mah->intervention.concept_id == "magnesium");
  CHECK(mah->comparator == "placebo");
  CHECK(mah->funding_or_coi.empty());  // null in the file
  CHECK(mah->secondary_analysis_of.empty());
  CHECK_FALSE(mah->retracted);
  CHECK(mah->urls.size() == 3);
  CHECK(mah->line == 4);
  REQUIRE(mah->evidence.size() == 3);
  CHECK(mah->evidence[0].claim == "mg_improves_sleep");
  CHECK(mah->evidence[0].stance == Stance::kMixed);
  CHECK(mah->evidence[1].directness == Directness::kOtherForm);
  CHECK(mah->evidence[2].stance == Stance::kSupports);
  CHECK(RealKnowledge().FindStudy("mah2022") == nullptr);
}

TEST_CASE("kb knowledge: every evidence entry names a claim; index agrees",
          "[kb]") {
  const Knowledge& k = RealKnowledge();
  std::size_t entries = 0;
  for (const Study& study : k.studies()) {
    for (const CuratedEvidence& e : study.evidence) {
      INFO(study.id << " -> " << e.claim);
      CHECK(k.FindClaim(e.claim) != nullptr);
      ++entries;
    }
  }
  std::size_t indexed = 0;
  for (const CuratedClaim& claim : k.claims()) {
    for (const ClaimEvidence& ce : k.StudiesForClaim(claim.id)) {
      CHECK(ce.evidence->claim == claim.id);
      CHECK(k.FindStudy(ce.study->id) == ce.study);
      ++indexed;
    }
  }
  CHECK(entries == 106);
  CHECK(indexed == entries);
  CHECK(k.StudiesForClaim("no_such_claim").empty());
}

TEST_CASE("kb knowledge: evidence on a claim comes in file order", "[kb]") {
  const auto& onset =
      RealKnowledge().StudiesForClaim("mg_reduces_sleep_onset_latency");
  REQUIRE(onset.size() == 2);
  CHECK(onset[0].study->id == "mah2021");
  CHECK(onset[0].evidence->stance == Stance::kSupports);
  CHECK(onset[1].study->id == "abbasi2012");
  CHECK(RealKnowledge().StudiesForClaim("mg_improves_sleep").size() == 11);
}

TEST_CASE("kb knowledge: the 350 mg/day upper limit is read with its numbers",
          "[kb]") {
  const ReferenceValue* ul =
      RealKnowledge().FindReferenceValue("mg_ul_supplemental_adults");
  REQUIRE(ul != nullptr);
  CHECK(ul->kind == ReferenceKind::kUpperLimit);
  CHECK(ul->concept_id == "magnesium");
  REQUIRE(ul->amount.has_value());
  CHECK_FALSE(ul->amount->min.has_value());
  CHECK(ul->amount->max == 350);
  CHECK(ul->amount->unit == "mg");
  CHECK(ul->amount->per == "day");
  CHECK(ul->amount->basis == "elemental");
  CHECK(ul->population == "adults");
  CHECK(ul->source == "iom1997");
  CHECK(ul->also_sources == std::vector<std::string>{"vkm2016"});
  CHECK(ul->intake_source == "supplemental");
  CHECK(RealKnowledge().FindStudy(ul->source) != nullptr);
}

TEST_CASE("kb knowledge: claims keep kind, triple and qualifiers", "[kb]") {
  const Knowledge& k = RealKnowledge();
  const CuratedClaim* dose = k.FindClaim("mg_citrate_200_400mg_bedtime_safe");
  REQUIRE(dose != nullptr);
  CHECK(dose->kind == ClaimKind::kDose);
  CHECK(dose->subject == "magnesium_citrate");
  CHECK(dose->relation == "safe_dose");
  CHECK(dose->object.empty());
  CHECK(dose->qualifiers.form == "citrate");
  CHECK(dose->qualifiers.population == "adults");
  CHECK(dose->qualifiers.timing == "before bed, as a single dose");
  REQUIRE(dose->qualifiers.dose.has_value());
  CHECK(dose->qualifiers.dose->min == 200);
  CHECK(dose->qualifiers.dose->max == 400);
  CHECK(dose->qualifiers.dose->basis == "unspecified");
  CHECK_FALSE(dose->qualifiers.onset.has_value());

  const CuratedClaim* onset = k.FindClaim("mg_citrate_onset_30_60_min");
  REQUIRE(onset != nullptr);
  CHECK(onset->kind == ClaimKind::kOnset);
  REQUIRE(onset->qualifiers.onset.has_value());
  CHECK(onset->qualifiers.onset->min == 30);
  CHECK(onset->qualifiers.onset->max == 60);
  CHECK(onset->qualifiers.onset->unit == "min");
  CHECK(onset->qualifiers.onset->per.empty());

  const CuratedClaim* gentler =
      k.FindClaim("mg_glycinate_gentler_on_digestion");
  REQUIRE(gentler != nullptr);
  CHECK(gentler->kind == ClaimKind::kComparison);
  CHECK(gentler->qualifiers.outcome == "gastrointestinal_discomfort");
  CHECK(gentler->qualifiers.comparators ==
        std::vector<std::string>{"magnesium_citrate", "magnesium_oxide"});
  CHECK_FALSE(gentler->note.empty());

  const CuratedClaim* serotonin =
      k.FindClaim("mg_converts_tryptophan_to_serotonin");
  REQUIRE(serotonin != nullptr);
  CHECK(serotonin->qualifiers.other.count("role") == 1);

  const CuratedClaim* cortisol = k.FindClaim("mg_lowers_cortisol");
  REQUIRE(cortisol != nullptr);
  CHECK(cortisol->kind == ClaimKind::kMechanism);
  REQUIRE(cortisol->also.size() == 1);
  CHECK(cortisol->also[0].relation == "modulates");
  CHECK(cortisol->also[0].object == "hpa_axis");
}

TEST_CASE("kb knowledge: a small good kb loads", "[kb]") {
  Loaded loaded = LoadFixture("good", Fixture{});
  INFO(Dump(loaded.problems));
  REQUIRE(loaded.status.ok());
  CHECK(loaded.problems.empty());
  CHECK(loaded.knowledge.studies().size() == 2);
  CHECK(loaded.knowledge.FindStudy("review2021")->line == 7);
  // Moving the Knowledge keeps the pointers it handed out valid.
  const Study* trial = loaded.knowledge.FindStudy("trial2012");
  Knowledge moved = std::move(loaded.knowledge);
  CHECK(moved.FindStudy("trial2012") == trial);
  REQUIRE(moved.StudiesForClaim("mg_improves_sleep").size() == 2);
  CHECK(moved.StudiesForClaim("mg_improves_sleep")[0].study == trial);
}

TEST_CASE("kb knowledge: bad JSON names the file, line and column", "[kb]") {
  Fixture files;
  files.studies = testing::ReplaceOnce(kStudies, "\"design\": \"rct\",",
                                       "\"design\" \"rct\",");
  Loaded loaded = LoadFixture("bad_json", files);
  CHECK(loaded.status.code() == Status::Code::kCorruption);
  REQUIRE(loaded.problems.size() == 1);
  const Diagnostic& d = loaded.problems[0];
  CHECK(d.file.find("studies.json") != std::string::npos);
  CHECK(d.where == "line 2, column 52");  // where the colon belongs
  CHECK(d.message.find("invalid JSON") == 0);
  // The other files were still read.
  CHECK(loaded.knowledge.claims().size() == 1);
  CHECK(loaded.knowledge.studies().empty());
}

TEST_CASE("kb knowledge: an unknown design is named with file and line",
          "[kb]") {
  Fixture files;
  files.studies =
      testing::ReplaceOnce(kStudies, "\"meta_analysis\"", "\"metaanalysis\"");
  Loaded loaded = LoadFixture("bad_design", files);
  CHECK(loaded.status.code() == Status::Code::kCorruption);
  REQUIRE(loaded.problems.size() == 1);
  CHECK(loaded.problems[0].file.find("studies.json") != std::string::npos);
  CHECK(loaded.problems[0].where == "line 7, study 'review2021'");
  CHECK(loaded.problems[0].message ==
        "\"design\" has an unknown value \"metaanalysis\"");
  // The broken study is left out, the good one kept.
  CHECK(loaded.knowledge.FindStudy("review2021") == nullptr);
  CHECK(loaded.knowledge.FindStudy("trial2012") != nullptr);
}

TEST_CASE("kb knowledge: ill-typed members are named", "[kb]") {
  struct Case {
    const char* name;
    const char* from;
    const char* to;
    const char* where;
    const char* message;
  };
  const Case cases[] = {
      {"n_string", "\"n\": 46", "\"n\": \"46\"", "line 2, study 'trial2012'",
       "\"n\" must be a whole number or null"},
      {"stance", "\"supports\"", "\"agrees\"", "line 2, study 'trial2012'",
       "\"stance\" has an unknown value \"agrees\""},
      {"no_directness", "\"directness\": \"direct\", \"note\": \"x\"}]},\n  {",
       "\"note\": \"x\"}]},\n  {", "line 2, study 'trial2012'",
       "\"directness\" is missing"},
      {"retracted", "\"retracted\": false,\n   \"evidence\"",
       "\"retracted\": \"no\",\n   \"evidence\"", "line 2, study 'trial2012'",
       "\"retracted\" must be true or false"},
      {"no_id", "{\"id\": \"trial2012\", ", "{", "study[0]",
       "\"id\" is missing"},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      Fixture files;
      files.studies = testing::ReplaceOnce(kStudies, c.from, c.to);
      Loaded loaded = LoadFixture(std::string("typed_") + c.name, files);
      INFO(Dump(loaded.problems));
      CHECK(loaded.status.code() == Status::Code::kCorruption);
      REQUIRE(loaded.problems.size() == 1);
      CHECK(loaded.problems[0].where == c.where);
      CHECK(loaded.problems[0].message == c.message);
    }
  }
}

TEST_CASE("kb knowledge: claim and reference value problems are named",
          "[kb]") {
  Fixture files;
  files.claims = testing::ReplaceOnce(kClaims, "\"effect\"", "\"efect\"");
  files.references =
      testing::ReplaceOnce(kReferences, "\"max\": 350", "\"max\": \"350\"");
  Loaded loaded = LoadFixture("claim_ref", files);
  INFO(Dump(loaded.problems));
  CHECK(loaded.status.code() == Status::Code::kCorruption);
  REQUIRE(loaded.problems.size() == 2);
  CHECK(loaded.problems[0].where == "line 2, claim 'mg_improves_sleep'");
  CHECK(loaded.problems[0].message ==
        "\"kind\" has an unknown value \"efect\"");
  CHECK(loaded.problems[1].where == "line 2, reference value 'mg_ul'");
  CHECK(loaded.problems[1].message == "\"max\" must be a number or null");
}

TEST_CASE("kb knowledge: what reads well still goes through kb check", "[kb]") {
  Fixture files;
  files.studies =
      testing::ReplaceOnce(kStudies, "\"includes\": [\"trial2012\"]",
                           "\"includes\": [\"trial2013\"]");
  Loaded loaded = LoadFixture("unknown_include", files);
  CHECK(loaded.status.code() == Status::Code::kCorruption);
  REQUIRE(loaded.problems.size() == 1);
  CHECK(loaded.problems[0].where == "line 7, study 'review2021'");
  CHECK(loaded.problems[0].message ==
        "\"includes\" names an unknown study 'trial2013'");
}

TEST_CASE("kb knowledge: a missing file is NotFound", "[kb]") {
  for (const char* missing : {"claims", "studies", "references"}) {
    SECTION(missing) {
      Fixture files;
      if (std::string(missing) == "claims") files.claims.clear();
      if (std::string(missing) == "studies") files.studies.clear();
      if (std::string(missing) == "references") files.references.clear();
      Loaded loaded = LoadFixture(std::string("missing_") + missing, files);
      CHECK(loaded.status.code() == Status::Code::kNotFound);
      CHECK(loaded.status.message().find("no such file") != std::string::npos);
      CHECK(loaded.problems.empty());
    }
  }
}

TEST_CASE("kb knowledge: a file of the wrong shape", "[kb]") {
  Fixture files;
  files.references = R"({"reference_values": {}})";
  Loaded loaded = LoadFixture("shape", files);
  CHECK(loaded.status.code() == Status::Code::kCorruption);
  REQUIRE(loaded.problems.size() == 1);
  CHECK(loaded.problems[0].message ==
        "expected an object with a \"reference_values\" array");
}

TEST_CASE("kb knowledge: enum words round-trip through one table each",
          "[kb]") {
  std::set<std::string> words;
  for (Stance s : AllStances()) {
    CHECK(ParseStance(StanceName(s)) == s);
    words.insert(StanceName(s));
  }
  CHECK(words.size() == 5);
  for (Directness d : AllDirectness()) {
    CHECK(ParseDirectness(DirectnessName(d)) == d);
  }
  CHECK(AllDirectness().size() == 7);
  for (ReferenceKind r : AllReferenceKinds()) {
    CHECK(ParseReferenceKind(ReferenceKindName(r)) == r);
  }
  CHECK(AllReferenceKinds().size() == 6);
  for (ClaimKind c : AllClaimKinds()) {
    CHECK(ParseClaimKind(ClaimKindName(c)) == c);
  }
  CHECK(AllClaimKinds().size() == 7);
  CHECK(ParseStance("no_effect") == Stance::kNullResult);
  CHECK(ParseDirectness("surrogate_outcome") == Directness::kSurrogateOutcome);
  CHECK(ParseClaimKind("composition") == ClaimKind::kComposition);
  CHECK_FALSE(ParseStance("Supports").has_value());
  CHECK_FALSE(ParseDirectness("").has_value());
  CHECK_FALSE(ParseReferenceKind("ul").has_value());
  CHECK_FALSE(ParseClaimKind("effects").has_value());
}

TEST_CASE("kb designs: design words and which designs can be evidence",
          "[kb]") {
  CHECK(AllDesigns().size() == 20);
  for (Design d : AllDesigns()) CHECK(ParseDesign(DesignName(d)) == d);
  CHECK(std::string(DesignName(Design::kMetaAnalysis)) == "meta_analysis");
  CHECK(std::string(DesignName(Design::kInVitro)) == "in_vitro");
  CHECK(ParseDesign("rct") == Design::kRct);
  CHECK_FALSE(ParseDesign("RCT").has_value());
  CHECK_FALSE(ParseDesign("meta-analysis").has_value());
  for (Design never : {Design::kWellnessArticle, Design::kPressRelease,
                       Design::kErratum, Design::kRetraction,
                       Design::kEditorial, Design::kLetter, Design::kUnknown}) {
    CHECK_FALSE(CanBeEvidence(never));
  }
  for (Design ok :
       {Design::kMetaAnalysis, Design::kRct, Design::kAnimal, Design::kInVitro,
        Design::kGuideline, Design::kNarrativeReview}) {
    CHECK(CanBeEvidence(ok));
  }
}

}  // namespace claimcheck
