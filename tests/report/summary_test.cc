// The evidence summary on the real kb/ (include/claimcheck/summary.h): which
// rows magnesium gets and their verdicts, studies and participants counted
// once per weighed source, references numbered once, GRADE's wording per
// certainty, a store's edges; and its Markdown, HTML and JSON writers
// (escaping, structure, determinism).
#include "claimcheck/summary.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>

#include "report/html_checks.h"
#include "report/summary_test_util.h"

namespace claimcheck {
namespace {

using testing::RealKb;

EvidenceSummary Summarise(const std::string& concept_id) {
  const auto& kb = RealKb();
  Result<EvidenceSummary> s =
      BuildSummary(concept_id, kb.vocabulary, *kb.graph, nullptr, *kb.engine);
  INFO(s.status().ToString());
  REQUIRE(s.ok());
  return std::move(s).value();
}

const SummaryRow* RowOn(const std::vector<SummaryRow>& rows,
                        const std::string& subject, const std::string& object) {
  for (const SummaryRow& r : rows) {
    if (r.claim.subject == subject && r.claim.object == object) return &r;
  }
  return nullptr;
}

std::vector<const SummaryRow*> AllRows(const EvidenceSummary& s) {
  std::vector<const SummaryRow*> out;
  for (const auto* rows : {&s.outcomes, &s.mechanisms, &s.other}) {
    for (const SummaryRow& r : *rows) out.push_back(&r);
  }
  return out;
}

TEST_CASE("summary: magnesium's outcomes on the real kb", "[report][summary]") {
  const EvidenceSummary s = Summarise("magnesium");
  CHECK(s.concept_id == "magnesium");
  CHECK(s.forms.front() == "magnesium");
  CHECK(std::count(s.forms.begin(), s.forms.end(), "magnesium_citrate") == 1);
  CHECK_FALSE(s.with_store);

  // Cramps: a Cochrane review of no effect outweighs one positive trial.
  const SummaryRow* cramps = RowOn(s.outcomes, "magnesium", "muscle_cramps");
  REQUIRE(cramps != nullptr);
  CHECK(cramps->verdict != VerdictWord::kSupported);
  CHECK(cramps->verdict == VerdictWord::kRefuted);
  CHECK(cramps->certainty == Certainty::kModerate);
  CHECK(cramps->sentence ==
        "Magnesium probably makes little or no difference to muscle cramps.");
  CHECK(cramps->curated_claims ==
        std::vector<std::string>{"mg_relieves_muscle_cramps"});

  // Sleep onset latency: Mah 2021 pools the trials, which count once in it.
  const SummaryRow* latency =
      RowOn(s.outcomes, "magnesium", "sleep_onset_latency");
  REQUIRE(latency != nullptr);
  CHECK(latency->claim.relation == "decreases");
  CHECK(latency->verdict == VerdictWord::kSupported);
  CHECK(latency->certainty == Certainty::kLow);
  CHECK(latency->studies == 1);
  CHECK(latency->participants == 151);
  CHECK(latency->sentence == "Magnesium may reduce sleep onset latency.");
  REQUIRE(latency->key_citations.size() == 1);
  CHECK(s.references.at(latency->key_citations[0] - 1).pmid == "33865376");

  // A narrower form's own claim is a row of its own.
  const SummaryRow* citrate =
      RowOn(s.outcomes, "magnesium_citrate", "sleep_quality");
  REQUIRE(citrate != nullptr);
  CHECK(citrate->verdict == VerdictWord::kRefuted);

  // Mechanisms and the other kinds go to their own sections.
  CHECK(RowOn(s.mechanisms, "magnesium", "melatonin") != nullptr);
  CHECK(RowOn(s.outcomes, "magnesium", "melatonin") == nullptr);
  CHECK(RowOn(s.other, "magnesium_citrate", "magnesium_oxide") != nullptr);
  CHECK(RowOn(s.other, "magnesium", "") != nullptr);  // the intake claim
  // Claims of other interventions about magnesium stay; others' do not.
  CHECK(RowOn(s.other, "vitamin_b6", "magnesium") != nullptr);
  CHECK(RowOn(s.outcomes, "valerian", "sleep") == nullptr);
}

// A row's object label in lower case (its subject's without an object).
std::string TopicKey(const SummaryRow& row) {
  std::string label = RealKb().vocabulary.LabelOf(
      row.claim.object.empty() ? row.claim.subject : row.claim.object);
  for (char& c : label) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return label;
}

TEST_CASE(
    "summary: rows are ordered by object label, the concept before its "
    "forms",
    "[report][summary]") {
  const EvidenceSummary s = Summarise("magnesium");
  for (const auto* rows : {&s.outcomes, &s.mechanisms, &s.other}) {
    for (std::size_t i = 1; i < rows->size(); ++i) {
      const SummaryRow& a = (*rows)[i - 1];
      const SummaryRow& b = (*rows)[i];
      INFO(a.claim.subject << " " << a.claim.object << " / " << b.claim.subject
                           << " " << b.claim.object);
      CHECK(TopicKey(a) <= TopicKey(b));
      if (a.claim.object == b.claim.object &&
          a.claim.subject != b.claim.subject && b.claim.subject == "magnesium")
        FAIL("a form before the concept");
    }
  }
  // GABA receptor (capital letters) sorts among the g's.
  std::vector<std::string> mechanisms;
  for (const SummaryRow& r : s.mechanisms) mechanisms.push_back(r.claim.object);
  const auto gaba =
      std::find(mechanisms.begin(), mechanisms.end(), "gaba_receptor");
  const auto hpa = std::find(mechanisms.begin(), mechanisms.end(), "hpa_axis");
  REQUIRE(gaba != mechanisms.end());
  REQUIRE(hpa != mechanisms.end());
  CHECK(gaba < hpa);
}

TEST_CASE("summary: studies and participants count each weighed source once",
          "[report][summary]") {
  const auto& kb = RealKb();
  const EvidenceSummary s = Summarise("magnesium");
  for (const SummaryRow* row : AllRows(s)) {
    INFO(row->claim.subject << " " << row->claim.relation << " "
                            << row->claim.object);
    Result<Judgement> j = kb.engine->Judge(row->claim);
    REQUIRE(j.ok());
    std::set<std::string> ids;
    long long n = 0;
    std::size_t without_n = 0;
    for (const Evidence& e : j.value().evidence) {
      if (!e.weighed || !ids.insert(e.source.id).second) continue;
      if (e.source.n) {
        n += *e.source.n;
      } else {
        ++without_n;
      }
    }
    CHECK(row->studies == ids.size());
    CHECK(row->participants == n);
    CHECK(row->studies_without_n == without_n);
    CHECK(row->supporting + row->against + row->mixed == row->studies);
    CHECK(row->citations.size() == row->studies);
    CHECK(row->key_citations.size() == std::min(row->studies, kKeyCitations));
  }
  // Cramps: Garrison 2020 (735), Barna 2021 (175), Roguin Maor 2017 (94);
  // Frusso 1999 (45) is pooled in Garrison and not counted again.
  const SummaryRow* cramps = RowOn(s.outcomes, "magnesium", "muscle_cramps");
  REQUIRE(cramps != nullptr);
  CHECK(cramps->studies == 3);
  CHECK(cramps->participants == 735 + 175 + 94);
}

TEST_CASE("summary: references are numbered once, in the order rows cite them",
          "[report][summary]") {
  const EvidenceSummary s = Summarise("magnesium");
  REQUIRE_FALSE(s.references.empty());
  std::set<std::string> ids;
  for (const EvidenceSource& r : s.references) {
    CHECK(ids.insert(r.id).second);  // no duplicate
  }
  std::size_t next = 1;
  std::set<std::size_t> cited;
  for (const SummaryRow* row : AllRows(s)) {
    std::set<std::size_t> in_row;
    for (const std::size_t n : row->citations) {
      REQUIRE(n >= 1);
      REQUIRE(n <= s.references.size());
      CHECK(in_row.insert(n).second);
      if (cited.insert(n).second) CHECK(n == next++);
    }
    for (std::size_t k = 0; k < row->key_citations.size(); ++k) {
      CHECK(row->key_citations[k] == row->citations[k]);
    }
  }
  CHECK(cited.size() == s.references.size());  // every reference is cited
  // A study weighed on several claims is one reference.
  CHECK(std::count_if(s.references.begin(), s.references.end(),
                      [](const EvidenceSource& r) {
                        return r.pmid == "23853635";  // Abbasi 2012
                      }) == 1);
}

TEST_CASE("summary: mechanism chains are listed once, no stronger than a link",
          "[report][summary]") {
  const EvidenceSummary s = Summarise("magnesium");
  bool melatonin_chain = false;
  std::set<std::vector<std::string>> paths;
  for (const Chain& c : s.chains) {
    CHECK(paths.insert(c.path).second);
    melatonin_chain |=
        c.path == std::vector<std::string>{"magnesium", "melatonin",
                                           "sleep_onset_latency"};
    for (const ChainLink& l : c.links) CHECK(c.certainty <= l.certainty);
  }
  CHECK(melatonin_chain);
}

TEST_CASE("summary: every sentence is GRADE's wording for its certainty",
          "[report][summary]") {
  const EvidenceSummary s = Summarise("magnesium");
  for (const SummaryRow* row : AllRows(s)) {
    INFO(row->sentence);
    CHECK(row->sentence == PlainLanguage(RealKb().vocabulary, row->claim,
                                         row->verdict, row->certainty,
                                         row->plausible_mechanism, row->text));
    const bool decided = row->verdict == VerdictWord::kSupported ||
                         row->verdict == VerdictWord::kRefuted;
    const std::string& t = row->sentence;
    if (row->certainty == Certainty::kVeryLow) {
      CHECK(t.find("very uncertain") != std::string::npos);
    } else if (decided && row->certainty == Certainty::kModerate) {
      CHECK(t.find("probably") != std::string::npos);
    } else if (decided && row->certainty == Certainty::kLow) {
      CHECK(t.find(" may ") != std::string::npos);
    }
    if (row->verdict == VerdictWord::kContested &&
        row->certainty != Certainty::kVeryLow) {
      CHECK(t.rfind("Studies conflict on ", 0) == 0);
    }
  }
}

TEST_CASE("summary: PlainLanguage for each verdict and certainty",
          "[report][summary]") {
  const Vocabulary& v = RealKb().vocabulary;
  ClaimQuery q;
  q.subject = "magnesium";
  q.relation = "decreases";
  q.object = "anxiety";
  using V = VerdictWord;
  using C = Certainty;
  struct Case {
    V verdict;
    C certainty;
    const char* sentence;
  };
  const Case cases[] = {
      {V::kSupported, C::kHigh, "Magnesium reduces anxiety."},
      {V::kSupported, C::kModerate, "Magnesium probably reduces anxiety."},
      {V::kSupported, C::kLow, "Magnesium may reduce anxiety."},
      {V::kSupported, C::kVeryLow,
       "The evidence is very uncertain about the effect of magnesium on "
       "anxiety."},
      {V::kRefuted, C::kHigh,
       "Magnesium makes little or no difference to anxiety."},
      {V::kRefuted, C::kModerate,
       "Magnesium probably makes little or no difference to anxiety."},
      {V::kRefuted, C::kLow,
       "Magnesium may make little or no difference to anxiety."},
      {V::kRefuted, C::kVeryLow,
       "The evidence is very uncertain about the effect of magnesium on "
       "anxiety."},
      {V::kContested, C::kLow,
       "Studies conflict on whether magnesium reduces anxiety (low-certainty "
       "evidence)."},
      {V::kContested, C::kVeryLow,
       "The evidence is very uncertain about the effect of magnesium on "
       "anxiety: the studies conflict."},
      {V::kUnsourced, C::kVeryLow,
       "No study in the knowledge base tests whether magnesium reduces "
       "anxiety."},
  };
  for (const Case& c : cases) {
    CHECK(PlainLanguage(v, q, c.verdict, c.certainty, false, "") == c.sentence);
  }
  q.relation = "increases";
  q.object = "melatonin";
  CHECK(PlainLanguage(v, q, V::kSupported, C::kModerate, false, "") ==
        "Magnesium probably increases melatonin.");
  CHECK(PlainLanguage(v, q, V::kUnsourced, C::kVeryLow, true, "") ==
        "No study in the knowledge base tests whether magnesium increases "
        "melatonin. A mechanism makes it plausible, which is not evidence "
        "that it works in people.");
  // A relation without a verb of its own: said of the claim.
  q.relation = "more_bioavailable_than";
  q.object = "magnesium_oxide";
  CHECK(PlainLanguage(v, q, V::kSupported, C::kModerate, false,
                      "Citrate is absorbed better than oxide.") ==
        "The evidence probably supports the claim \u201C"
        "Citrate is absorbed better than oxide\u201D.");
  CHECK(PlainLanguage(v, q, V::kRefuted, C::kLow, false, "") ==
        "The evidence may contradict the claim \u201Cmagnesium more "
        "bioavailable than magnesium oxide\u201D.");
}

TEST_CASE("summary: an outcome's summary gathers the claims on it",
          "[report][summary]") {
  const EvidenceSummary s = Summarise("sleep");
  CHECK(std::count(s.forms.begin(), s.forms.end(), "sleep_onset_latency") == 1);
  CHECK(RowOn(s.outcomes, "valerian", "sleep") != nullptr);
  CHECK(RowOn(s.outcomes, "magnesium", "sleep_onset_latency") != nullptr);
  CHECK(RowOn(s.outcomes, "melatonin", "sleep_onset_latency") != nullptr);
  CHECK(s.mechanisms.empty());
}

TEST_CASE("summary: an unknown concept is refused, naming it",
          "[report][summary]") {
  const auto& kb = RealKb();
  Result<EvidenceSummary> s = BuildSummary("unobtainium", kb.vocabulary,
                                           *kb.graph, nullptr, *kb.engine);
  REQUIRE_FALSE(s.ok());
  CHECK(s.status().code() == Status::Code::kInvalidArgument);
  CHECK(s.status().message().find("'unobtainium'") != std::string::npos);
}

TEST_CASE("summary: a store's claims add rows, counts and references",
          "[report][summary][store]") {
  const auto& kb = RealKb();
  const auto path = testing::TempDir("summary_store") / "store.db";
  testing::MakeImportedStore(path);
  auto opened = Store::Open(path.string(), OpenMode::kReadOnly);
  REQUIRE(opened.ok());
  Store* store = opened.value().get();
  VerdictEngine engine(kb.vocabulary, kb.knowledge, store);
  Result<EvidenceSummary> built =
      BuildSummary("magnesium", kb.vocabulary, *kb.graph, store, engine);
  INFO(built.status().ToString());
  REQUIRE(built.ok());
  const EvidenceSummary& s = built.value();
  CHECK(s.with_store);

  const SummaryRow* stress = RowOn(s.outcomes, "magnesium", "stress");
  REQUIRE(stress != nullptr);
  CHECK(stress->claim.relation == "decreases");
  CHECK(stress->curated_claims.empty());
  CHECK(stress->documents == 1);
  CHECK(stress->verdict == VerdictWord::kSupported);
  CHECK(stress->participants == 420);
  REQUIRE(stress->key_citations.size() == 1);
  CHECK(s.references.at(stress->key_citations[0] - 1).id == "pmid:90000001");

  // "No effect" alone is asked as "any effect at all?".
  const SummaryRow* fatigue = RowOn(s.outcomes, "magnesium", "fatigue");
  REQUIRE(fatigue != nullptr);
  CHECK(fatigue->claim.relation == "modulates");
  CHECK(fatigue->verdict == VerdictWord::kRefuted);

  // The kind comes from the stored claim: a safety finding.
  const SummaryRow* nausea = RowOn(s.outcomes, "magnesium_citrate", "nausea");
  REQUIRE(nausea != nullptr);
  CHECK(nausea->claim.kind == ClaimKind::kSafety);

  // The curated rows are still there, judged with the store.
  CHECK(RowOn(s.outcomes, "magnesium", "muscle_cramps") != nullptr);
}

// --- Writers ----------------------------------------------------------------

// A vocabulary whose labels hold every character the writers must escape.
Vocabulary NastyVocabulary() {
  Vocabulary v;
  Concept a;
  a.id = "herb";
  a.kind = ConceptKind::kIntervention;
  a.label = "herb | *bold* <script>alert(1)</script> & \"q\"\nline";
  REQUIRE(v.Add(a).ok());
  Concept b;
  b.id = "calm";
  b.kind = ConceptKind::kOutcome;
  b.label = "calm_[x](http://evil.example)\\ #1";
  b.better = Better::kHigher;
  REQUIRE(v.Add(b).ok());
  return v;
}

EvidenceSummary NastySummary() {
  EvidenceSummary s;
  s.concept_id = "herb";
  s.forms = {"herb"};
  SummaryRow row;
  row.claim.subject = "herb";
  row.claim.relation = "increases";
  row.claim.object = "calm";
  row.verdict = VerdictWord::kSupported;
  row.certainty = Certainty::kLow;
  row.studies = 2;
  row.participants = 1234;
  row.studies_without_n = 1;
  row.supporting = 2;
  row.citations = {1, 2};
  row.key_citations = {1, 2};
  row.sentence = "Herb | may <b>increase</b> calm.";
  s.outcomes.push_back(row);
  EvidenceSource one;
  one.id = "doi:10.1000/(x)[y]";
  one.doi = "10.1000/(x)[y]";
  one.design = Design::kRct;
  one.n = 1234;
  one.year = 2020;
  one.first_author = "O'Brien <A>";
  one.title = "A | title\nwith *markup* & <i>tags</i>";
  EvidenceSource two;
  two.id = "url:https://example.org/a?b=1&c=2";
  two.design = Design::kCohort;
  s.references = {one, two};
  return s;
}

// Every pipe of a table line that is not escaped.
std::size_t Pipes(const std::string& line) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
    } else if (line[i] == '|') {
      ++n;
    }
  }
  return n;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// What a Markdown linter checks that these writers could get wrong: one
// final newline, no trailing spaces, no run of blank lines, blank lines
// around headings, every table line with the header's number of cells,
// lines within 80 columns outside tables and long links.
void CheckMarkdownShape(const std::string& md) {
  REQUIRE_FALSE(md.empty());
  CHECK(md.back() == '\n');
  CHECK(md.find("\n\n\n") == std::string::npos);
  CHECK(md.rfind("# ", 0) == 0);
  const std::vector<std::string> lines = Lines(md);
  std::size_t cells = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    INFO("line " << i + 1 << ": " << l);
    CHECK((l.empty() || l.back() != ' '));
    if (l.rfind("#", 0) == 0 && i > 0) CHECK(lines[i - 1].empty());
    if (l.rfind("#", 0) == 0 && i + 1 < lines.size()) {
      CHECK(lines[i + 1].empty());
    }
    if (l.rfind("|", 0) == 0) {
      if (i == 0 || lines[i - 1].rfind("|", 0) != 0) {
        CHECK(lines[i - 1].empty());
        cells = Pipes(l);
      }
      CHECK(Pipes(l) == cells);
      continue;
    }
    std::size_t columns = 0;
    for (const char c : l)
      columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (columns > 80) CHECK(l.rfind(' ') < 80);  // only a long link goes past
  }
}

TEST_CASE("summary writers: Markdown escapes what the kb says",
          "[report][summary][markdown]") {
  const Vocabulary v = NastyVocabulary();
  const std::string md = SummaryMarkdown(NastySummary(), v);
  INFO(md);
  CheckMarkdownShape(md);
  CHECK(md.find("<script>") == std::string::npos);
  CHECK(md.find("\\<script\\>") != std::string::npos);
  CHECK(md.find("herb \\| \\*bold\\*") != std::string::npos);
  CHECK(md.find("calm\\_\\[x\\](http://evil.example)\\\\ \\#1") !=
        std::string::npos);
  CHECK(md.find("\u2265 1,234") != std::string::npos);  // a study without n
  // The DOI's brackets and parentheses cannot end the link early.
  CHECK(md.find("(https://doi.org/10.1000/%28x%29%5By%5D)") !=
        std::string::npos);
  CHECK(md.find("url:https://example.org/a?b=1\\&c=2") != std::string::npos);
}

TEST_CASE("summary writers: the real summary is clean Markdown",
          "[report][summary][markdown]") {
  for (const char* concept_id :
       {"magnesium", "sleep", "melatonin", "valerian"}) {
    INFO(concept_id);
    const std::string md =
        SummaryMarkdown(Summarise(concept_id), RealKb().vocabulary);
    CheckMarkdownShape(md);
    CHECK(md.find("## Outcomes") != std::string::npos);
  }
}

TEST_CASE("summary writers: HTML is one file, escaped, with no script",
          "[report][summary][html]") {
  const Vocabulary v = NastyVocabulary();
  const std::string html = SummaryHtml(NastySummary(), v, "");
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("Content-Security-Policy") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") !=
        std::string::npos);
  CHECK(html.find("<b>increase</b>") == std::string::npos);
  CHECK(html.find("O&#39;Brien &lt;A&gt;") != std::string::npos);
  CHECK(html.find("href=\"#ref-2\"") != std::string::npos);
  CHECK(html.find("id=\"ref-2\"") != std::string::npos);
  testing::CheckOnlyStudyLinks(html);
  CHECK(html.find("</html>\n") == html.size() - 8);
}

TEST_CASE("summary writers: HTML embeds Graphviz's picture, nothing else",
          "[report][summary][html]") {
  const EvidenceSummary s = Summarise("magnesium");
  const Vocabulary& v = RealKb().vocabulary;
  const std::string svg =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg width=\"10pt\"><g "
      "id=\"graph0\"><title>G</title></g></svg>\n";
  const std::string with = SummaryHtml(s, v, svg);
  CHECK(with.find("<section id=\"graph\">") != std::string::npos);
  CHECK(with.find("<svg width=\"10pt\">") != std::string::npos);
  CHECK(with.find("<?xml") == std::string::npos);
  CHECK(with.find("<!DOCTYPE svg") == std::string::npos);
  for (const char* bad :
       {"<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"https://x.example/\">x</a></svg>",
        "<svg><image href=\"data:x\"/></svg>"}) {
    INFO(bad);
    const std::string html = SummaryHtml(s, v, bad);
    CHECK(html.find("<section id=\"graph\">") == std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
  }
  CHECK(SummaryHtml(s, v, "").find("id=\"graph\"") == std::string::npos);
}

TEST_CASE("summary writers: JSON holds the model", "[report][summary][json]") {
  const Vocabulary v = NastyVocabulary();
  const std::string json = SummaryJson(NastySummary(), v);
  rapidjson::Document d;
  d.Parse(json.c_str());
  REQUIRE_FALSE(d.HasParseError());
  CHECK(std::string(d["concept"]["label"].GetString()) ==
        v.Find("herb")->label);
  const auto& row = d["outcomes"][0];
  CHECK(std::string(row["verdict"].GetString()) == "supported");
  CHECK(std::string(row["certainty"].GetString()) == "low");
  CHECK(row["participants"].GetInt64() == 1234);
  CHECK(row["key_citations"].Size() == 2);
  CHECK(d["references"][1]["number"].GetUint() == 2);
  CHECK_FALSE(d["references"][1].HasMember("n"));

  const std::string real =
      SummaryJson(Summarise("magnesium"), RealKb().vocabulary);
  d.Parse(real.c_str());
  REQUIRE_FALSE(d.HasParseError());
  CHECK(d["outcomes"].Size() > 5);
  CHECK(d["chains"].Size() >= 1);
}

TEST_CASE("summary writers: the same kb gives the same bytes",
          "[report][summary]") {
  const Vocabulary& v = RealKb().vocabulary;
  const EvidenceSummary a = Summarise("magnesium");
  const EvidenceSummary b = Summarise("magnesium");
  CHECK(SummaryMarkdown(a, v) == SummaryMarkdown(b, v));
  CHECK(SummaryHtml(a, v, "") == SummaryHtml(b, v, ""));
  CHECK(SummaryJson(a, v) == SummaryJson(b, v));
}

}  // namespace
}  // namespace claimcheck
