// A small knowledge base written by a test: a fixed vocabulary, the claims
// and studies a test names, loaded and wrapped in a VerdictEngine (with an
// optional store). Shared by the verdict tests.
#ifndef CLAIMCHECK_TESTS_VERDICT_VERDICT_FIXTURE_H_
#define CLAIMCHECK_TESTS_VERDICT_VERDICT_FIXTURE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "claimcheck/knowledge.h"
#include "claimcheck/store.h"
#include "claimcheck/verdict.h"
#include "test_util.h"

namespace claimcheck::testing {

inline constexpr const char* kFixtureConcepts = R"({"concepts": [
  {"id": "magnesium", "kind": "intervention", "label": "magnesium"},
  {"id": "magnesium_citrate", "kind": "intervention",
   "label": "magnesium citrate", "is_a": ["magnesium"]},
  {"id": "magnesium_oxide", "kind": "intervention",
   "label": "magnesium oxide", "is_a": ["magnesium"]},
  {"id": "melatonin", "kind": "mechanism", "label": "melatonin"},
  {"id": "gaba_receptor", "kind": "mechanism", "label": "GABA receptor"},
  {"id": "sleep", "kind": "outcome", "label": "sleep", "better": "higher"},
  {"id": "sleep_onset_latency", "kind": "outcome",
   "label": "sleep onset latency", "is_a": ["sleep"], "better": "lower"},
  {"id": "sleep_quality", "kind": "outcome", "label": "sleep quality",
   "is_a": ["sleep"], "better": "higher"},
  {"id": "anxiety", "kind": "outcome", "label": "anxiety", "better": "lower"}
]})";

// One curated claim.
struct ClaimSpec {
  ClaimSpec(std::string i, std::string s, std::string r, std::string o,
            std::string k = "effect")
      : id(std::move(i)),
        subject(std::move(s)),
        relation(std::move(r)),
        object(std::move(o)),
        kind(std::move(k)) {}
  std::string id;
  std::string subject;
  std::string relation;
  std::string object;
  std::string kind = "effect";
};

// One evidence entry of a study.
struct EvidenceSpec {
  EvidenceSpec(std::string c, std::string s, std::string d = "direct")
      : claim(std::move(c)), stance(std::move(s)), directness(std::move(d)) {}
  std::string claim;
  std::string stance;
  std::string directness = "direct";
};

// One study; `n` < 0 writes null.
struct StudySpec {
  StudySpec(std::string i, std::string d, long long size, std::string what,
            std::vector<EvidenceSpec> e)
      : id(std::move(i)),
        design(std::move(d)),
        n(size),
        intervention(std::move(what)),
        evidence(std::move(e)) {}
  std::string id;
  std::string design = "rct";
  long long n = 500;
  std::string intervention = "magnesium";
  std::vector<EvidenceSpec> evidence;
  std::vector<std::string> includes;
  std::string secondary_of;
  bool retracted = false;
  std::string authors_grade;
  std::string pmid;  // empty: none
};

inline std::string Quote(const std::string& s) { return "\"" + s + "\""; }

inline std::string ClaimsJson(const std::vector<ClaimSpec>& claims) {
  std::string out = "{\"claims\": [\n";
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const ClaimSpec& c = claims[i];
    out += std::string(i ? ",\n" : "") + "{\"id\": " + Quote(c.id) +
           ", \"text\": " + Quote(c.id) + ", \"kind\": " + Quote(c.kind) +
           ", \"subject\": " + Quote(c.subject) +
           ", \"relation\": " + Quote(c.relation) +
           ", \"object\": " + (c.object.empty() ? "null" : Quote(c.object)) +
           ", \"qualifiers\": {}}";
  }
  return out + "\n]}\n";
}

inline std::string StudiesJson(const std::vector<StudySpec>& studies) {
  std::string out = "{\"studies\": [\n";
  for (std::size_t i = 0; i < studies.size(); ++i) {
    const StudySpec& s = studies[i];
    std::string evidence, includes;
    for (const EvidenceSpec& e : s.evidence) {
      evidence += std::string(evidence.empty() ? "" : ", ") +
                  "{\"claim\": " + Quote(e.claim) +
                  ", \"stance\": " + Quote(e.stance) +
                  ", \"directness\": " + Quote(e.directness) +
                  ", \"note\": \"fixture\"}";
    }
    for (const std::string& inc : s.includes) {
      includes += std::string(includes.empty() ? "" : ", ") + Quote(inc);
    }
    out += std::string(i ? ",\n" : "") + "{\"id\": " + Quote(s.id) +
           ", \"pmid\": " + (s.pmid.empty() ? "null" : Quote(s.pmid)) +
           ", \"design\": " + Quote(s.design) +
           ", \"n\": " + (s.n < 0 ? "null" : std::to_string(s.n)) +
           ", \"year\": 2020, \"finding\": " + Quote("finding of " + s.id) +
           ", \"intervention\": {\"concept\": " + Quote(s.intervention) +
           "}, \"includes\": [" + includes + "], \"secondary_analysis_of\": " +
           (s.secondary_of.empty() ? "null" : Quote(s.secondary_of)) +
           ", \"retracted\": " + (s.retracted ? "true" : "false") +
           (s.authors_grade.empty()
                ? ""
                : ", \"authors_grade\": " + Quote(s.authors_grade)) +
           ", \"evidence\": [" + evidence + "]}";
  }
  return out + "\n]}\n";
}

// The loaded fixture and an engine over it.
struct VerdictFixture {
  Vocabulary vocabulary;
  Knowledge knowledge;
  std::unique_ptr<Store> store;
  std::unique_ptr<VerdictEngine> engine;

  VerdictFixture(const std::string& name, const std::vector<ClaimSpec>& claims,
                 const std::vector<StudySpec>& studies) {
    const auto dir = TempDir("verdict_" + name);
    WriteFile(dir / "concepts" / "c.json", kFixtureConcepts);
    WriteFile(dir / "claims.json", ClaimsJson(claims));
    WriteFile(dir / "studies.json", StudiesJson(studies));
    WriteFile(dir / "reference_values.json", "{\"reference_values\": []}\n");
    Diagnostics problems;
    REQUIRE(Vocabulary::Load(dir.string(), &vocabulary, &problems).ok());
    const Status loaded =
        Knowledge::Load(dir.string(), vocabulary, &knowledge, &problems);
    std::string dump;
    for (const Diagnostic& d : problems) dump += d.ToString() + "\n";
    INFO(dump);
    REQUIRE(loaded.ok());
    engine = std::make_unique<VerdictEngine>(vocabulary, knowledge, nullptr);
  }

  // Opens a fresh store in the fixture's directory and judges against it.
  Store& UseStore(const std::string& name) {
    const auto path = TempDir("verdict_store_" + name) / "store.db";
    auto opened = Store::Open(path.string(), OpenMode::kReadWrite);
    REQUIRE(opened.ok());
    store = std::move(opened).value();
    engine =
        std::make_unique<VerdictEngine>(vocabulary, knowledge, store.get());
    return *store;
  }

  Judgement Judge(const std::string& subject, const std::string& relation,
                  const std::string& object,
                  ClaimKind kind = ClaimKind::kEffect) const {
    ClaimQuery q;
    q.kind = kind;
    q.subject = subject;
    q.relation = relation;
    q.object = object;
    Result<Judgement> r = engine->Judge(q);
    INFO(r.status().ToString());
    REQUIRE(r.ok());
    return std::move(r).value();
  }
};

// The evidence item of `study` (curated id) or nullptr.
inline const Evidence* EvidenceOf(const Judgement& j,
                                  const std::string& study) {
  for (const Evidence& e : j.evidence) {
    if (e.source.study == study) return &e;
  }
  return nullptr;
}

inline std::string Reasons(const Judgement& j) {
  std::string out;
  for (const std::string& r : j.reasons) out += r + "\n";
  return out;
}

inline bool HasFlag(const Judgement& j, const std::string& flag) {
  for (const std::string& f : j.flags) {
    if (f == flag) return true;
  }
  return false;
}

}  // namespace claimcheck::testing

#endif  // CLAIMCHECK_TESTS_VERDICT_VERDICT_FIXTURE_H_
