// Each verdict rule of docs/verdicts.md on a small knowledge base written
// here: supported, contested both ways, refuted by a null RCT, unsourced,
// mechanism-only, indirect form, retracted, one paper counted once, a review
// against its own trials, directions and outcome scales, certainty steps.
#include <array>

#include "verdict_fixture.h"

namespace claimcheck {

namespace {

using testing::ClaimSpec;
using testing::EvidenceOf;
using testing::HasFlag;
using testing::Reasons;
using testing::StudySpec;
using testing::VerdictFixture;

const ClaimSpec kSleep{"mg_sleep", "magnesium", "increases", "sleep"};
const ClaimSpec kAnxiety{"mg_anxiety", "magnesium", "decreases", "anxiety"};

TEST_CASE("verdict: one large direct RCT in favour -> supported, high",
          "[verdict]") {
  VerdictFixture f(
      "supported", {kSleep},
      {StudySpec{"t1", "rct", 500, "magnesium", {{"mg_sleep", "supports"}}}});
  const Judgement j = f.Judge("magnesium", "increases", "sleep");
  INFO(Reasons(j));
  CHECK(j.verdict == VerdictWord::kSupported);
  CHECK(j.certainty == Certainty::kHigh);
  REQUIRE(j.evidence.size() == 1);
  CHECK(j.evidence[0].weighed);
  CHECK(j.evidence[0].stance == Stance::kSupports);
  CHECK(j.evidence[0].level == Certainty::kHigh);
}

TEST_CASE("verdict: a null RCT refutes a claim of benefit", "[verdict]") {
  VerdictFixture f(
      "refuted", {kSleep},
      {StudySpec{"t1", "rct", 500, "magnesium", {{"mg_sleep", "no_effect"}}}});
  const Judgement j = f.Judge("magnesium", "increases", "sleep");
  INFO(Reasons(j));
  CHECK(j.verdict == VerdictWord::kRefuted);
  CHECK(j.certainty == Certainty::kHigh);
  // The same evidence supports the claim that there is no effect.
  const Judgement none = f.Judge("magnesium", "no_effect", "sleep");
  CHECK(none.verdict == VerdictWord::kSupported);
  CHECK(none.evidence.at(0).stance == Stance::kSupports);
}

TEST_CASE("verdict: an effect the other way refutes the claim", "[verdict]") {
  VerdictFixture f(
      "opposite", {kAnxiety},
      {StudySpec{"t1", "rct", 500, "magnesium", {{"mg_anxiety", "supports"}}}});
  // The curated claim says it lowers anxiety; asked whether it raises it:
  const Judgement j = f.Judge("magnesium", "increases", "anxiety");
  INFO(Reasons(j));
  CHECK(j.verdict == VerdictWord::kRefuted);
  CHECK(j.evidence.at(0).stance == Stance::kRefutes);
  // "modulates" (way not said) is supported by an effect either way.
  CHECK(f.Judge("magnesium", "modulates", "anxiety").verdict ==
        VerdictWord::kSupported);
}

TEST_CASE("verdict: contested when equal evidence points both ways",
          "[verdict]") {
  VerdictFixture f(
      "contested", {kSleep},
      {StudySpec{"t1", "rct", 500, "magnesium", {{"mg_sleep", "supports"}}},
       StudySpec{"t2", "rct", 600, "magnesium", {{"mg_sleep", "no_effect"}}}});
  const Judgement j = f.Judge("magnesium", "increases", "sleep");
  INFO(Reasons(j));
  CHECK(j.verdict == VerdictWord::kContested);
  // The weaker side's level (high), down one for the inconsistency.
  CHECK(j.certainty == Certainty::kModerate);
}

TEST_CASE(
    "verdict: a claim refuted by a contested body is no surer than that body",
    "[verdict]") {
  VerdictFixture f(
      "per_outcome", {kSleep},
      {StudySpec{"t1", "rct", 500, "magnesium", {{"mg_sleep", "supports"}}},
       StudySpec{"t2", "rct", 600, "magnesium", {{"mg_sleep", "no_effect"}}}});
  // Nothing finds worse sleep: refuted, but at the body's certainty
  // (contested, moderate), not at the high of either trial.
  const Judgement harm = f.Judge("magnesium", "decreases", "sleep");
  INFO(Reasons(harm));
  CHECK(harm.verdict == VerdictWord::kRefuted);
  CHECK(harm.certainty == Certainty::kModerate);
  CHECK(Reasons(harm).find("the same evidence judged the other way") !=
        std::string::npos);
  // A consistent body keeps its level: two trials in favour refute harm at
  // high.
  VerdictFixture g(
      "per_outcome_consistent", {kSleep},
      {StudySpec{"t1", "rct", 500, "magnesium", {{"mg_sleep", "supports"}}},
       StudySpec{"t2", "rct", 600, "magnesium", {{"mg_sleep", "supports"}}}});
  const Judgement harm2 = g.Judge("magnesium", "decreases", "sleep");
  CHECK(harm2.verdict == VerdictWord::kRefuted);
  CHECK(harm2.certainty == Certainty::kHigh);
}

TEST_CASE("verdict: a case series cannot contest a controlled trial",
          "[verdict]") {
  // Both very low: a small controlled trial that found nothing, and a
  // case series with mixed findings (no comparison group).
  VerdictFixture f(
      "uncontrolled", {kSleep},
      {StudySpec{"t1",
                 "controlled_trial",
                 30,
                 "magnesium",
                 {{"mg_sleep", "no_effect"}}},
       StudySpec{
           "s1", "case_series", 72, "magnesium", {{"mg_sleep", "mixed"}}}});
  const Judgement j = f.Judge("magnesium", "increases", "sleep");
  INFO(Reasons(j));
  REQUIRE(j.evidence.size() == 2);
  CHECK(j.evidence[0].level == j.evidence[1].level);
  CHECK(j.verdict == VerdictWord::kRefuted);
}

TEST_CASE("verdict: contested by a mixed review as strong as the support",
          "[verdict]") {
  VerdictFixture f(
      "contested_mixed", {kSleep},
      {StudySpec{"t1", "rct", 100, "magnesium", {{"mg_sleep", "supports"}}},
       StudySpec{"r1",
                 "systematic_review",
                 2000,
                 "magnesium",
                 {{"mg_sleep", "mixed"}}}});
  const Judgement j = f.Judge("magnesium", "increases", "sleep");
  INFO(Reasons(j));
  CHECK(j.verdict == VerdictWord::kContested);
}

TEST_CASE("verdict: a clearly stronger side wins, one level down",
          "[verdict]") {
  // A large RCT (high) against a small one (n < 50: down two, low).
  VerdictFixture f(
      "outweighs", {kSleep},
      {StudySpec{"big", "rct", 800, "magnesium", {{"mg_sleep", "no_effect"}}},
       StudySpec{"small", "rct", 30, "magnesium", {{"mg_sleep", "supports"}}}});
  const Judgement j = f.Judge("magnesium", "increases", "sleep");
  INFO(Reasons(j));
  CHECK(j.verdict == VerdictWord::kRefuted);
  CHECK(j.certainty == Certainty::kHigh);  // the other side is two levels off
  CHECK(EvidenceOf(j, "small")->level == Certainty::kLow);
}

TEST_CASE("verdict: nothing in the knowledge base -> unsourced", "[verdict]") {
  VerdictFixture f(
      "unsourced", {kSleep, kAnxiety},
      {StudySpec{"t1", "rct", 500, "magnesium", {{"mg_sleep", "supports"}}},
       StudySpec{"ctx", "rct", 500, "magnesium", {{"mg_anxiety", "context"}}}});
  CHECK(f.Judge("magnesium", "decreases", "anxiety").verdict ==
        VerdictWord::kUnsourced);
  // Context is listed but never weighed.
  const Judgement ctx = f.Judge("magnesium", "decreases", "anxiety");
  INFO(Reasons(ctx));
  CHECK(ctx.verdict == VerdictWord::kUnsourced);
  REQUIRE(ctx.evidence.size() == 1);
  CHECK_FALSE(ctx.evidence[0].weighed);
  CHECK(ctx.evidence[0].not_weighed == "context");
  // It says which unsourced it is: sources read, none evidence on it.
  bool said = false;
  for (const std::string& r : ctx.reasons) {
    said |= r.starts_with("no evidence among the 1 source read on it");
  }
  CHECK(said);
}

TEST_CASE(
    "verdict: animal evidence alone is a plausible mechanism, never "
    "supported",
    "[verdict]") {
  VerdictFixture f("mechanism_only", {kAnxiety},
                   {StudySpec{"rats",
                              "animal",
                              40,
                              "magnesium",
                              {{"mg_anxiety", "supports", "animal"}}}});
  const Judgement j = f.Judge("magnesium", "decreases", "anxiety");
  INFO(Reasons(j));
  CHECK(j.verdict == VerdictWord::kUnsourced);
  CHECK(j.plausible_mechanism);
  CHECK(HasFlag(j, "mechanism_only"));
  CHECK(EvidenceOf(j, "rats")->not_weighed == "mechanistic");
}

TEST_CASE(
    "verdict: animal and in vitro work do weigh for a mechanism claim, "
    "at most very low",
    "[verdict]") {
  const ClaimSpec gaba{"mg_gaba", "magnesium", "increases", "gaba_receptor",
                       "mechanism"};
  VerdictFixture f("mechanism_claim", {gaba},
                   {StudySpec{"cells",
                              "in_vitro",
                              7,
                              "magnesium",
                              {{"mg_gaba", "supports", "in_vitro"}}}});
  const Judgement j =
      f.Judge("magnesium", "increases", "gaba_receptor", ClaimKind::kMechanism);
  INFO(Reasons(j));
  CHECK(j.verdict == VerdictWord::kSupported);
  // docs/verdicts.md section 4: starts low, down one for "not people".
  CHECK(j.certainty == Certainty::kVeryLow);
}

// magnesium -> melatonin (an RCT of `n_first`) -> sleep onset latency (a
// large meta-analysis), and nothing on magnesium and sleep itself.
VerdictFixture ChainFixture(const std::string& name, long long n_first) {
  const ClaimSpec up{"mg_melatonin", "magnesium", "increases", "melatonin",
                     "mechanism"};
  const ClaimSpec down{"melatonin_sol", "melatonin", "decreases",
                       "sleep_onset_latency", "mechanism"};
  return VerdictFixture(
      name, {up, down},
      {StudySpec{
           "t1", "rct", n_first, "magnesium", {{"mg_melatonin", "supports"}}},
       StudySpec{"t2",
                 "meta_analysis",
                 1500,
                 "magnesium",
                 {{"melatonin_sol", "supports"}}}});
}

TEST_CASE("verdict: a supported chain never makes an outcome claim supported",
          "[verdict]") {
  VerdictFixture f = ChainFixture("chain", 500);
  const Judgement j = f.Judge("magnesium", "decreases", "sleep_onset_latency");
  INFO(Reasons(j));
  CHECK(j.verdict == VerdictWord::kUnsourced);
  REQUIRE(j.chains.size() == 1);
  const Chain& c = j.chains[0];
  CHECK(c.path == std::vector<std::string>{"magnesium", "melatonin",
                                           "sleep_onset_latency"});
  REQUIRE(c.links.size() == 2);
  CHECK(c.links[0].verdict == VerdictWord::kSupported);
  CHECK(c.links[1].verdict == VerdictWord::kSupported);
  CHECK(c.verdict == VerdictWord::kSupported);
  CHECK(j.plausible_mechanism);
  CHECK(HasFlag(j, "mechanism_only"));
  // A chain that says the opposite of the claim is not shown for it.
  CHECK(
      f.Judge("magnesium", "increases", "sleep_onset_latency").chains.empty());
}

TEST_CASE("verdict: a chain is never stronger than its weakest link",
          "[verdict]") {
  VerdictFixture f = ChainFixture("weak_chain", 20);
  const Judgement j = f.Judge("magnesium", "decreases", "sleep_onset_latency");
  REQUIRE(j.chains.size() == 1);
  CHECK(j.chains[0].links[0].certainty == Certainty::kLow);
  CHECK(j.chains[0].links[1].certainty == Certainty::kHigh);
  CHECK(j.chains[0].certainty == Certainty::kLow);
}

TEST_CASE("verdict: evidence on another form is indirect and says wrong form",
          "[verdict]") {
  const ClaimSpec citrate{"citrate_sleep", "magnesium_citrate", "increases",
                          "sleep"};
  VerdictFixture f("wrong_form", {kSleep, citrate},
                   {StudySpec{"oxide_trial",
                              "rct",
                              500,
                              "magnesium_oxide",
                              {{"mg_sleep", "supports"}}}});
  const Judgement j = f.Judge("magnesium_citrate", "increases", "sleep");
  INFO(Reasons(j));
  CHECK(j.verdict == VerdictWord::kSupported);
  CHECK(j.certainty == Certainty::kModerate);  // down one: indirectness
  const Evidence* e = EvidenceOf(j, "oxide_trial");
  REQUIRE(e != nullptr);
  CHECK(e->wrong_form);
  CHECK(e->directness == Directness::kOtherForm);
  REQUIRE_FALSE(e->indirect.empty());
  CHECK(e->indirect[0] ==
        "another form: magnesium oxide, not magnesium citrate");
  CHECK(HasFlag(j, "wrong_form"));
  // For the oxide itself the same trial is direct.
  const Judgement oxide = f.Judge("magnesium_oxide", "increases", "sleep");
  CHECK(oxide.certainty == Certainty::kHigh);
  CHECK_FALSE(EvidenceOf(oxide, "oxide_trial")->wrong_form);
}

TEST_CASE(
    "verdict: evidence on magnesium in general speaks to each form, "
    "less directly",
    "[verdict]") {
  VerdictFixture f(
      "general_form", {kSleep},
      {StudySpec{
          "general", "rct", 500, "magnesium", {{"mg_sleep", "supports"}}}});
  const Judgement j = f.Judge("magnesium_citrate", "increases", "sleep");
  INFO(Reasons(j));
  CHECK(j.verdict == VerdictWord::kSupported);
  CHECK(j.certainty == Certainty::kModerate);
  const Evidence* e = EvidenceOf(j, "general");
  CHECK_FALSE(e->wrong_form);
  CHECK(e->indirect.at(0) ==
        "on magnesium in general, not magnesium citrate in particular");
  CHECK_FALSE(HasFlag(j, "wrong_form"));
}

TEST_CASE(
    "verdict: a specific outcome speaks to the general one, on its own "
    "scale",
    "[verdict]") {
  // "decreases sleep onset latency" is an improvement of sleep.
  const ClaimSpec sol{"mg_sol", "magnesium", "decreases",
                      "sleep_onset_latency"};
  VerdictFixture f(
      "outcome_scale", {sol},
      {StudySpec{"t1", "rct", 500, "magnesium", {{"mg_sol", "supports"}}}});
  const Judgement j = f.Judge("magnesium", "increases", "sleep");
  INFO(Reasons(j));
  CHECK(j.verdict == VerdictWord::kSupported);
  CHECK(j.evidence.at(0).stance == Stance::kSupports);
  CHECK(j.certainty == Certainty::kHigh);
  // The other way round, a general finding answers for a part, one step
  // down for indirectness, when nothing on the part itself is weighed ...
  VerdictFixture g(
      "outcome_general", {kSleep},
      {StudySpec{"t1", "rct", 500, "magnesium", {{"mg_sleep", "supports"}}}});
  const Judgement part =
      g.Judge("magnesium", "decreases", "sleep_onset_latency");
  INFO(Reasons(part));
  CHECK(part.verdict == VerdictWord::kSupported);
  CHECK(part.certainty == Certainty::kModerate);
  REQUIRE(part.evidence.size() == 1);
  CHECK(part.evidence[0].weighed);
  CHECK(part.evidence[0].indirect.at(0) ==
        "measured sleep in general, not sleep onset latency");
  // ... and is listed, not weighed, beside evidence on the part.
  VerdictFixture h(
      "outcome_both", {kSleep, sol},
      {StudySpec{"t1", "rct", 500, "magnesium", {{"mg_sleep", "no_effect"}}},
       StudySpec{"t2", "rct", 120, "magnesium", {{"mg_sol", "supports"}}}});
  const Judgement both =
      h.Judge("magnesium", "decreases", "sleep_onset_latency");
  INFO(Reasons(both));
  CHECK(both.verdict == VerdictWord::kSupported);
  CHECK(EvidenceOf(both, "t1")->not_weighed ==
        "on sleep in general: the evidence on sleep onset latency itself "
        "decides");
}

TEST_CASE("verdict: a retracted paper never counts", "[verdict]") {
  StudySpec retracted{
      "gone", "rct", 500, "magnesium", {{"mg_sleep", "supports"}}};
  retracted.retracted = true;
  VerdictFixture f("retracted", {kSleep}, {retracted});
  const Judgement j = f.Judge("magnesium", "increases", "sleep");
  CHECK(j.verdict == VerdictWord::kUnsourced);
  REQUIRE(j.evidence.size() == 1);
  CHECK(j.evidence[0].not_weighed == "retracted");
}

TEST_CASE(
    "verdict: a review outweighs the trials it includes instead of "
    "counting them again",
    "[verdict]") {
  StudySpec review{"review",
                   "meta_analysis",
                   1000,
                   "magnesium",
                   {{"mg_sleep", "no_effect"}}};
  review.includes = {"a", "b"};
  VerdictFixture f(
      "review", {kSleep},
      {review,
       StudySpec{"a", "rct", 500, "magnesium", {{"mg_sleep", "supports"}}},
       StudySpec{"b", "rct", 500, "magnesium", {{"mg_sleep", "supports"}}}});
  const Judgement j = f.Judge("magnesium", "increases", "sleep");
  INFO(Reasons(j));
  CHECK(j.verdict == VerdictWord::kRefuted);
  for (const char* trial : {"a", "b"}) {
    const Evidence* e = EvidenceOf(j, trial);
    REQUIRE(e != nullptr);
    CHECK_FALSE(e->weighed);
    CHECK(e->not_weighed.rfind("included in review", 0) == 0);
  }
  // A secondary analysis is one source with its parent.
  StudySpec secondary{
      "post_hoc", "rct", 500, "magnesium", {{"mg_sleep", "supports"}}};
  secondary.secondary_of = "parent";
  VerdictFixture g(
      "secondary", {kSleep},
      {StudySpec{"parent", "rct", 500, "magnesium", {{"mg_sleep", "supports"}}},
       secondary});
  const Judgement k = g.Judge("magnesium", "increases", "sleep");
  CHECK_FALSE(EvidenceOf(k, "post_hoc")->weighed);
  CHECK(EvidenceOf(k, "parent")->weighed);
}

TEST_CASE("verdict: certainty steps — imprecision and the authors' GRADE",
          "[verdict]") {
  StudySpec graded{
      "graded", "meta_analysis", 2000, "magnesium", {{"mg_sleep", "supports"}}};
  graded.authors_grade = "low";
  VerdictFixture f(
      "steps", {kSleep, kAnxiety},
      {graded,
       StudySpec{"small", "rct", 46, "magnesium", {{"mg_anxiety", "supports"}}},
       StudySpec{
           "unknown_n", "rct", -1, "magnesium", {{"mg_anxiety", "supports"}}}});
  const Judgement sleep = f.Judge("magnesium", "increases", "sleep");
  CHECK(sleep.certainty == Certainty::kLow);
  CHECK(EvidenceOf(sleep, "graded")->steps.back() ==
        "capped at the authors' GRADE rating (low)");
  const Judgement anxiety = f.Judge("magnesium", "decreases", "anxiety");
  INFO(Reasons(anxiety));
  CHECK(EvidenceOf(anxiety, "small")->level == Certainty::kLow);
  CHECK(EvidenceOf(anxiety, "small")->steps.at(1) ==
        "down two: very serious imprecision (n = 46)");
  CHECK(EvidenceOf(anxiety, "unknown_n")->level == Certainty::kModerate);
  CHECK(anxiety.certainty == Certainty::kModerate);
}

// --- Imported evidence (the store) -----------------------------------------

StoredClaim Said(const std::string& doc, const std::string& relation,
                 const std::string& section, std::size_t sentence) {
  StoredClaim c;
  c.document_id = doc;
  c.subject = "magnesium";
  c.relation = relation;
  c.object = "sleep";
  c.section = section;
  c.sentence = sentence;
  c.sentence_text = "Magnesium " + relation + " sleep (sentence " +
                    std::to_string(sentence) + ").";
  return c;
}

DocumentWithClaims Abstract(const std::string& pmid, Design design,
                            std::vector<StoredClaim> claims) {
  DocumentWithClaims d;
  d.document.id = "pmid:" + pmid;
  d.document.kind = "abstract";
  d.document.pmid = pmid;
  d.document.design = design;
  d.document.n = 500;
  d.document.date = "2021";
  d.claims = std::move(claims);
  return d;
}

// An abstract of `design` and size `n` whose one RESULTS sentence says
// "`subject` increases sleep".
DocumentWithClaims SaysMoreSleep(int number, Design design, int n,
                                 const std::string& subject = "magnesium") {
  const std::string pmid = std::to_string(number);
  StoredClaim c = Said("pmid:" + pmid, "increases", "RESULTS", 0);
  c.subject = subject;
  DocumentWithClaims d = Abstract(pmid, design, {c});
  d.document.n = n;
  return d;
}

TEST_CASE("verdict: ten sentences of one abstract are one source",
          "[verdict][store]") {
  VerdictFixture f("store_one_source", {kSleep}, {});
  Store& store = f.UseStore("one_source");
  std::vector<StoredClaim> said;
  for (std::size_t i = 0; i < 10; ++i) {
    said.push_back(Said("pmid:111", "increases", "RESULTS", i));
  }
  REQUIRE(store.PutDocuments({Abstract("111", Design::kRct, said)}).ok());
  const Judgement j = f.Judge("magnesium", "increases", "sleep");
  INFO(Reasons(j));
  REQUIRE(j.evidence.size() == 1);
  CHECK(j.evidence[0].source.id == "pmid:111");
  CHECK_FALSE(j.evidence[0].curated);
  CHECK(j.verdict == VerdictWord::kSupported);
  CHECK(j.reasons.at(0) == "weighed: 1 RCT");
}

TEST_CASE(
    "verdict: an abstract's background, a wellness page and a "
    "retracted paper are not evidence",
    "[verdict][store]") {
  VerdictFixture f("store_not_evidence", {kSleep}, {});
  Store& store = f.UseStore("not_evidence");
  DocumentWithClaims background = Abstract(
      "1", Design::kRct, {Said("pmid:1", "increases", "BACKGROUND", 0)});
  DocumentWithClaims page = Abstract("2", Design::kWellnessArticle,
                                     {Said("pmid:2", "increases", "", 0)});
  page.document.kind = "article";
  DocumentWithClaims retracted =
      Abstract("3", Design::kRct, {Said("pmid:3", "increases", "RESULTS", 0)});
  retracted.document.retracted = true;
  REQUIRE(store.PutDocuments({background, page, retracted}).ok());
  const Judgement j = f.Judge("magnesium", "increases", "sleep");
  INFO(Reasons(j));
  CHECK(j.verdict == VerdictWord::kUnsourced);
  REQUIRE(j.evidence.size() == 3);
  for (const Evidence& e : j.evidence) CHECK_FALSE(e.weighed);
}

TEST_CASE("verdict: an abstract whose sentences disagree is one mixed source",
          "[verdict][store]") {
  VerdictFixture f("store_mixed", {kSleep}, {});
  Store& store = f.UseStore("mixed");
  REQUIRE(
      store
          .PutDocuments({Abstract("9", Design::kRct,
                                  {Said("pmid:9", "increases", "RESULTS", 0),
                                   Said("pmid:9", "no_effect", "RESULTS", 1)})})
          .ok());
  const Judgement j = f.Judge("magnesium", "increases", "sleep");
  REQUIRE(j.evidence.size() == 1);
  CHECK(j.evidence[0].stance == Stance::kMixed);
  CHECK(j.verdict == VerdictWord::kContested);
}

TEST_CASE(
    "verdict: a large store lists the strongest documents of an edge "
    "and counts the rest",
    "[verdict][store]") {
  VerdictFixture f("store_many", {kSleep}, {});
  Store& store = f.UseStore("many");
  std::vector<DocumentWithClaims> docs;
  for (int i = 0; i < 20; ++i) {
    docs.push_back(SaysMoreSleep(
        1000 + i, i < 12 ? Design::kRct : Design::kCohort, 100 + i));
  }
  REQUIRE(store.PutDocuments(docs).ok());
  const Judgement j = f.Judge("magnesium", "increases", "sleep");
  INFO(Reasons(j));
  // The three largest of each design, six on the edge, are listed, the
  // largest RCT first; the other 14 documents are counted.
  REQUIRE(j.evidence.size() == 6);
  CHECK(j.evidence[0].source.id == "pmid:1011");
  CHECK(j.evidence[0].source.design == Design::kRct);
  CHECK(j.evidence[3].source.id == "pmid:1019");
  CHECK(j.evidence[3].source.design == Design::kCohort);
  CHECK(j.reasons.at(0) ==
        "weighed: 3 RCTs, 3 cohorts; and 14 more imported documents on the "
        "same claims, counted, not listed (9 RCTs, 5 cohorts)");
  CHECK(j.reasons.at(1).rfind("for: 20 sources;", 0) == 0);
  CHECK(j.verdict == VerdictWord::kSupported);
}

TEST_CASE(
    "verdict: a large store lists at most 8 documents per side of the "
    "question over all kin, strongest designs first",
    "[verdict][store]") {
  VerdictFixture f("store_kin", {kSleep}, {});
  Store& store = f.UseStore("kin");
  // Six documents on each of three edges of one relation: cohorts on
  // magnesium, RCTs on its citrate and on its oxide.
  std::vector<DocumentWithClaims> docs;
  int next = 2000;
  for (const auto& [subject, design] :
       {std::pair{"magnesium", Design::kCohort},
        std::pair{"magnesium_citrate", Design::kRct},
        std::pair{"magnesium_oxide", Design::kRct}}) {
    for (int i = 0; i < 6; ++i) {
      docs.push_back(SaysMoreSleep(next++, design, 100 + i, subject));
    }
  }
  REQUIRE(store.PutDocuments(docs).ok());
  const Judgement j = f.Judge("magnesium", "increases", "sleep");
  INFO(Reasons(j));
  // The RCTs come first (3 on each form's edge), then 2 of the cohorts on
  // magnesium itself: 8 listed; the other 10 are counted on their side.
  REQUIRE(j.evidence.size() == 8);
  int rcts = 0;
  for (const Evidence& e : j.evidence) rcts += e.source.design == Design::kRct;
  CHECK(rcts == 6);
  long long counted = 0;
  for (const EvidenceTally& t : j.unlisted) counted += t.documents;
  CHECK(counted == 10);
  CHECK(j.reasons.at(0).find("10 more imported documents") !=
        std::string::npos);
}

// Evidence on a broader outcome is listed but never weighed; however much
// of it there is, it must not take the places of direct evidence.
TEST_CASE(
    "verdict: documents on a broader outcome do not crowd out direct ones",
    "[verdict][store]") {
  VerdictFixture f("store_broader", {kSleep}, {});
  Store& store = f.UseStore("broader");
  std::vector<DocumentWithClaims> docs;
  int next = 4000;
  for (const char* subject :
       {"magnesium", "magnesium_citrate", "magnesium_oxide"}) {
    for (int i = 0; i < 3; ++i) {
      docs.push_back(SaysMoreSleep(next++, Design::kRct, 300 + i, subject));
    }
  }
  for (int i = 0; i < 2; ++i) {
    DocumentWithClaims d = SaysMoreSleep(next++, Design::kCohort, 900 + i);
    d.claims[0].object = "sleep_quality";
    docs.push_back(std::move(d));
  }
  REQUIRE(store.PutDocuments(docs).ok());
  const Judgement j = f.Judge("magnesium", "increases", "sleep_quality");
  INFO(Reasons(j));
  int direct = 0;
  for (const Evidence& e : j.evidence) {
    if (e.source.design == Design::kCohort) {
      ++direct;
      CHECK(e.weighed);
    }
  }
  CHECK(direct == 2);
  CHECK(j.verdict == VerdictWord::kSupported);
}

// The engine keeps what it read from the store between judgements (edge
// counts per pair of concepts, documents); a claim judged after others
// must come out exactly as on a fresh engine.
TEST_CASE("verdict: an engine that judged other claims first says the same",
          "[verdict][store]") {
  VerdictFixture f("store_reuse", {kSleep}, {});
  Store& store = f.UseStore("reuse");
  struct Edge {
    const char* subject;
    const char* relation;
    const char* object;
    Design design;
  };
  const Edge edges[] = {
      {"magnesium", "increases", "sleep", Design::kRct},
      {"magnesium_citrate", "increases", "melatonin", Design::kRct},
      {"melatonin", "increases", "sleep", Design::kCohort},
      {"melatonin", "increases", "sleep", Design::kRct},
      {"melatonin", "increases", "sleep_quality", Design::kRct},
      {"gaba_receptor", "decreases", "anxiety", Design::kRct},
      {"magnesium", "increases", "gaba_receptor", Design::kAnimal},
      {"magnesium_oxide", "no_effect", "sleep_onset_latency", Design::kRct},
      {"melatonin", "decreases", "sleep_onset_latency", Design::kRct},
      {"magnesium", "decreases", "anxiety", Design::kCohort},
  };
  std::vector<DocumentWithClaims> docs;
  int next = 3000;
  for (const Edge& e : edges) {
    for (int i = 0; i < 5; ++i) {
      DocumentWithClaims d = SaysMoreSleep(next++, e.design, 50 + i, e.subject);
      d.claims[0].relation = e.relation;
      d.claims[0].object = e.object;
      docs.push_back(std::move(d));
    }
  }
  REQUIRE(store.PutDocuments(docs).ok());
  // The first (no chains for a null claim) leaves (melatonin, sleep onset
  // latency) and (melatonin, sleep) known but not (melatonin, sleep
  // quality); the chains of the second then ask every mechanism against
  // all of sleep's kin, a cross product that holds the pairs known.
  const std::vector<std::array<const char*, 3>> queries = {
      {"melatonin", "no_effect", "sleep_onset_latency"},
      {"magnesium", "increases", "sleep"},
      {"melatonin", "decreases", "sleep_onset_latency"},
      {"gaba_receptor", "decreases", "anxiety"},
      {"magnesium_citrate", "decreases", "sleep_onset_latency"},
      {"magnesium", "decreases", "anxiety"},
      {"magnesium_oxide", "increases", "melatonin"},
      {"melatonin", "increases", "sleep"},
      {"magnesium", "increases", "gaba_receptor"},
      {"melatonin", "increases", "sleep_quality"},
  };
  auto summary = [](const Judgement& j) {
    std::string out = std::string(VerdictName(j.verdict)) + "|";
    for (const std::string& r : j.reasons) out += r + "|";
    for (const Evidence& e : j.evidence) out += e.source.id + ",";
    for (const EvidenceTally& t : j.unlisted) {
      out += t.subject + " " + t.relation + " " + t.object + " " +
             std::to_string(t.documents) + ";";
    }
    return out;
  };
  std::vector<std::string> in_turn;
  for (const auto& [subject, relation, object] : queries) {
    in_turn.push_back(summary(f.Judge(subject, relation, object)));
  }
  for (std::size_t i = 0; i < queries.size(); ++i) {
    const auto& [subject, relation, object] = queries[i];
    INFO(subject << " " << relation << " " << object);
    VerdictEngine fresh(f.vocabulary, f.knowledge, f.store.get());
    ClaimQuery q;
    q.subject = subject;
    q.relation = relation;
    q.object = object;
    Result<Judgement> alone = fresh.Judge(q);
    REQUIRE(alone.ok());
    CHECK(summary(alone.value()) == in_turn[i]);
  }
}

TEST_CASE("verdict: the same input gives the same judgement", "[verdict]") {
  VerdictFixture f(
      "deterministic", {kSleep},
      {StudySpec{
           "t1", "rct", 300, "magnesium_oxide", {{"mg_sleep", "supports"}}},
       StudySpec{"t2",
                 "rct",
                 300,
                 "magnesium_citrate",
                 {{"mg_sleep", "no_effect"}}}});
  const Judgement a = f.Judge("magnesium", "increases", "sleep");
  const Judgement b = f.Judge("magnesium", "increases", "sleep");
  CHECK(a.reasons == b.reasons);
  REQUIRE(a.evidence.size() == b.evidence.size());
  for (std::size_t i = 0; i < a.evidence.size(); ++i) {
    CHECK(a.evidence[i].source.id == b.evidence[i].source.id);
  }
}

TEST_CASE("verdict: unknown concepts are refused", "[verdict]") {
  VerdictFixture f("unknown", {kSleep}, {});
  ClaimQuery q;
  q.subject = "unobtainium";
  q.relation = "increases";
  q.object = "sleep";
  CHECK(f.engine->Judge(q).status().code() == Status::Code::kInvalidArgument);
}

}  // namespace

}  // namespace claimcheck
