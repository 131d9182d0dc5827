// The open vocabulary (docs/vocabulary.md) on real text it was not written
// for: the gold phrasings of tests/concepts/phrasings.tsv (labelled from
// ../shared/corpus/articles-dev and ../shared/bench/check-covid by a helper
// who did not write the matcher, before it was tuned), Check-COVID claims,
// and the layers of kb/mesh on a small kb.
#include <rapidjson/document.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "claimcheck/kb.h"
#include "concept_test_util.h"
#include "real_kb.h"
#include "test_util.h"

namespace claimcheck {

namespace {

std::vector<Mention> MatchText(const ConceptMatcher& matcher,
                               const std::string& s) {
  Diagnostics warnings;
  Result<Text> text = Text::FromBytes(s, "phrase", &warnings);
  REQUIRE(text.ok());
  return matcher.Match(text.value());
}

// True when `c` is the concept a gold row names: a MeSH UI (the descriptor
// or the curated concept that overlays it), a curated id, or label:NAME.
bool Names(const Concept& c, const std::string& expected) {
  if (c.id == expected || c.mesh == expected) return true;
  const std::string prefix = "label:";
  if (expected.rfind(prefix, 0) != 0) return false;
  std::string want = expected.substr(prefix.size()), have = c.label;
  for (auto* s : {&want, &have}) {
    for (char& ch : *s) ch = static_cast<char>(std::tolower(ch));
  }
  return want == have;
}

const ConceptMatcher& RealMatcher() {
  static const ConceptMatcher* m =
      new ConceptMatcher(testing::RealKb().vocabulary);
  return *m;
}

}  // namespace

TEST_CASE("open vocabulary: gold phrasings from articles-dev and Check-COVID",
          "[concepts][mesh]") {
  std::ifstream in(std::string(CLAIMCHECK_SOURCE_DIR) +
                   "/tests/concepts/phrasings.tsv");
  REQUIRE(in);
  std::map<std::string, std::pair<int, int>> score;  // half -> right, all
  std::string line, failures;
  bool header = false;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (!header) {
      REQUIRE(line.rfind("half\torigin\tphrase\texpect\tconcept", 0) == 0);
      header = true;
      continue;
    }
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string field; std::getline(ss, field, '\t');) f.push_back(field);
    REQUIRE(f.size() >= 5);
    const std::string &half = f[0], &phrase = f[2], &expect = f[3],
                      &concept_name = f[4];
    bool right = false;
    const std::vector<Mention> mentions = MatchText(RealMatcher(), phrase);
    if (expect == "match") {
      for (const Mention& m : mentions) right |= Names(*m.target, concept_name);
    } else {
      // A false friend: no claim argument may be that concept (a check tag
      // such as "Humans" is matched, as a population, never an argument).
      right = true;
      for (const Mention& m : mentions) {
        if (m.target->scope != ConceptScope::kArgument) continue;
        if (concept_name == "*" || Names(*m.target, concept_name))
          right = false;
      }
    }
    for (const std::string& key : {half, std::string("all")}) {
      score[key].first += right;
      score[key].second += 1;
    }
    if (!right) {
      failures +=
          half + "  " + expect + " " + concept_name + "  \"" + phrase + "\" ->";
      for (const Mention& m : mentions) {
        failures += " " + m.target->id + "(" + m.target->label + ")";
      }
      failures += "\n";
    }
  }
  std::string report;
  for (const auto& [half, s] : score) {
    report += half + ": " + std::to_string(s.first) + "/" +
              std::to_string(s.second) + " = " +
              std::to_string(100.0 * s.first / s.second) + "%\n";
  }
  INFO(report << failures);
  WARN(report);
  REQUIRE(score["test"].second >= 200);
  // docs/vocabulary.md, "Measured": the figure on the half nobody tuned on.
  // The goal is 95 %, not met: this floor guards what held when it was
  // written (session 11: test 75.3 %, dev 75.5 %), and is raised as the
  // matcher earns it.
  CHECK(100.0 * score["test"].first / score["test"].second >= 75.0);
  CHECK(100.0 * score["dev"].first / score["dev"].second >= 75.0);
}

TEST_CASE("open vocabulary: Check-COVID claims name two concepts",
          "[concepts][mesh]") {
  int named = 0, named_arguments = 0, total = 0;
  std::string misses;
  for (const char* file : {"train.jsonl", "dev.jsonl"}) {
    std::ifstream in(testing::SharedDir() + "/bench/check-covid/" + file);
    REQUIRE(in);
    std::string line;
    while (std::getline(in, line)) {
      rapidjson::Document d;
      d.Parse(line.c_str());
      REQUIRE(d.IsObject());
      const std::string claim = d["claim"].GetString();
      std::set<std::string> ids, arguments;
      for (const Mention& m : MatchText(RealMatcher(), claim)) {
        ids.insert(m.target->id);
        if (m.target->scope == ConceptScope::kArgument) {
          arguments.insert(m.target->id);
        }
      }
      ++total;
      named_arguments += arguments.size() >= 2;
      if (ids.size() >= 2) {
        ++named;
      } else if (misses.size() < 4000) {
        misses += claim + "\n";
      }
    }
  }
  const double share = 100.0 * named / total;
  WARN("Check-COVID train+dev: " << named << "/" << total << " = " << share
                                 << "% name two concepts; " << named_arguments
                                 << " name two claim arguments (concepts of "
                                    "scope argument)");
  INFO(misses);
  CHECK(total == 1275);
  // Goal 95 %, not met (docs/vocabulary.md, "Measured"): 84.4 % when this
  // floor was set (session 11; 81.0 % before).
  CHECK(share >= 84.0);
}

TEST_CASE("open vocabulary: overlays, aliases and ambiguity on the real kb",
          "[concepts][mesh]") {
  const Vocabulary& v = testing::RealKb().vocabulary;
  // A descriptor UI finds the curated concept that overlays it.
  REQUIRE(v.Find("D008274") != nullptr);
  CHECK(v.Find("D008274")->id == "magnesium");
  CHECK(v.mesh_year() == "2024");
  // Typing by branch and its exceptions.
  REQUIRE(v.Find("D001786") != nullptr);
  CHECK(v.Find("D001786")->kind == ConceptKind::kOutcome);  // blood glucose
  REQUIRE(v.Find("D006801") != nullptr);
  CHECK(v.Find("D006801")->scope == ConceptScope::kPopulation);  // Humans
  REQUIRE(v.Find("D000975") != nullptr);
  CHECK(v.Find("D000975")->scope == ConceptScope::kClass);  // Antioxidants
  REQUIRE(v.Find("D000086382") != nullptr);
  CHECK(v.Find("D000086382")->kind == ConceptKind::kOutcome);  // COVID-19
  // A curated mechanism with no parent of the curator's keeps its place in
  // MeSH (the NMDA receptor under glutamate receptors); a curated form keeps
  // the curator's tree (magnesium citrate under magnesium, and magnesium
  // under nothing: not "Metals, Alkaline Earth").
  REQUIRE(v.Find("nmda_receptor") != nullptr);
  CHECK(v.IsA("nmda_receptor", "D017470"));
  CHECK(v.Find("magnesium")->is_a.empty());
  CHECK(v.Find("magnesium_citrate")->is_a ==
        std::vector<std::string>{"magnesium"});
  auto first = [&](const std::string& s) -> const Mention* {
    static std::vector<Mention> keep;
    keep = MatchText(RealMatcher(), s);
    return keep.empty() ? nullptr : &keep.front();
  };
  // "Insomnia" is a term of a non-preferred concept of D007319, which the
  // curated insomnia overlays; L-theanine is an alias concept, not magnesium.
  const Mention* m = first("Chronic insomnia is common.");
  REQUIRE(m != nullptr);
  CHECK(m->target->id == "insomnia");
  m = first("L-theanine promotes calm focus.");
  REQUIRE(m != nullptr);
  CHECK(m->target->label == "theanine");
  CHECK(m->how == MatchHow::kAlias);
  // Short and common words: "mg" is not magnesium, "lead to" not the
  // metal, "aids sleep" not AIDS; "AIDS" in capitals is.
  const std::pair<const char*, const char*> never[] = {
      {"Take 200 mg daily.", "D008274"},
      {"This can lead to problems.", "D007854"},
      {"It aids sleep.", "D000163"},
      {"There is hope for people with long COVID.", "D065026"}};
  for (const auto& [s, ui] : never) {
    for (const Mention& mention : MatchText(RealMatcher(), s)) {
      INFO(s << " -> " << mention.target->id);
      CHECK(mention.target->mesh != ui);
    }
  }
  m = first("AIDS is caused by HIV.");
  REQUIRE(m != nullptr);
  CHECK(m->target->mesh == "D000163");
  CHECK(m->how == MatchHow::kAbbreviation);
  // Other ways of writing a term (docs/vocabulary.md, "Matching"): disease
  // as disorder or condition, a bacterial genus in its Latin plural; never
  // an eponym's bare name.
  const std::pair<const char*, const char*> written[] = {
      {"Autoimmune conditions are rising.", "D001327"},
      {"Autoimmune disorders are rising.", "D001327"},
      {"Bifidobacteria live in the gut.", "D001644"},
      {"Lactobacilli ferment milk.", "D007778"},
      {"Streptococci cause sore throats.", "D013291"}};
  for (const auto& [s, ui] : written) {
    m = first(s);
    INFO(s);
    REQUIRE(m != nullptr);
    CHECK(m->target->mesh == ui);
  }
  // A short mixed-case alias is matched only as written ("SAMe", not
  // "the same"); "these" is a determiner, not the fold of "Theses".
  for (const char* s : {"The same dose works.", "These herbs help."}) {
    CHECK(MatchText(RealMatcher(), s).empty());
  }
  m = first("SAMe may lift mood.");
  REQUIRE(m != nullptr);
  CHECK(m->target->mesh == "D012436");
  for (const char* s : {"Dr. Wilson saw him.", "Down the road."}) {
    for (const Mention& mention : MatchText(RealMatcher(), s)) {
      INFO(s << " -> " << mention.target->id);
      CHECK(mention.target->scope != ConceptScope::kArgument);
    }
  }
}

TEST_CASE("open vocabulary: substances harvested from records join it",
          "[concepts][mesh]") {
  Vocabulary v;
  Diagnostics problems;
  REQUIRE(Vocabulary::Load(testing::KbDir(), &v, &problems).ok());
  const std::size_t before = v.concepts().size();
  const std::size_t first = v.AddHarvested(
      {{"C509186", "TERT protein, human", "Chemical"},
       {"C000657245", "COVID-19", "Disease"},
       {"C000657245", "zeta marsh fever", "Disease"},
       {"D008274", "Magnesium", "Chemical"},  // a descriptor: known already
       {"C123", "", "Chemical"}});            // no name: passed over
  CHECK(first == before);
  REQUIRE(v.concepts().size() == before + 2);
  const Concept* tert = v.Find("C509186");
  REQUIRE(tert != nullptr);
  CHECK(tert->label == "TERT protein");  // the species is dropped
  CHECK(tert->source == ConceptSource::kHarvested);
  CHECK(tert->kind == ConceptKind::kIntervention);
  const Concept* covid = v.Find("C000657245");
  REQUIRE(covid != nullptr);
  CHECK(covid->kind == ConceptKind::kOutcome);
  CHECK(covid->aliases == std::vector<std::string>{"zeta marsh fever"});
  ConceptMatcher matcher(v);  // built with them: label and aliases match
  ConceptMatcher before_matcher = std::move(matcher);
  Diagnostics warnings;
  Result<Text> text = Text::FromBytes(
      "TERT protein levels were high in zeta marsh fever.", "t", &warnings);
  REQUIRE(text.ok());
  std::set<std::string> found;
  for (const Mention& m : before_matcher.Match(text.value())) {
    found.insert(m.target->id + "/" + MatchHowName(m.how));
  }
  CHECK(found.count("C509186/harvested"));
  CHECK(found.count("C000657245/harvested"));
}

namespace {

// The headings of an articles-dev page: Markdown lines starting with '#',
// or a FakeHealth record's title.
std::vector<std::string> Headings(const std::string& page) {
  const std::string path =
      testing::SharedDir() + "/corpus/articles-dev/" + page;
  std::ifstream in(path);
  REQUIRE(in);
  std::vector<std::string> out;
  if (page.size() > 5 && page.substr(page.size() - 5) == ".json") {
    std::stringstream all;
    all << in.rdbuf();
    rapidjson::Document d;
    d.Parse(all.str().c_str());
    REQUIRE(d.IsObject());
    out.push_back(d["title"].GetString());
    return out;
  }
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] == '#') {
      out.push_back(line.substr(line.find_first_not_of("# ")));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("open vocabulary: the supplements articles-dev headings promote",
          "[concepts][mesh]") {
  std::ifstream in(std::string(CLAIMCHECK_SOURCE_DIR) +
                   "/tests/concepts/heading_supplements.tsv");
  REQUIRE(in);
  int rows = 0;
  bool header = false;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    if (!header) {
      header = true;
      continue;
    }
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string field; std::getline(ss, field, '\t');) f.push_back(field);
    REQUIRE(f.size() == 3);
    ++rows;
    // The first heading of the page that names it, read whole.
    std::string heading;
    for (const std::string& h : Headings(f[0])) {
      if (h.find(f[1]) != std::string::npos) {
        heading = h;
        break;
      }
    }
    INFO(f[0] << ": " << f[1] << " -> " << f[2]);
    REQUIRE_FALSE(heading.empty());
    const std::size_t at = heading.find(f[1]);
    bool found = false;
    std::string got;
    for (const Mention& m : MatchText(RealMatcher(), heading)) {
      got += " " + m.target->id + "(" + m.target->label + ")";
      found |= m.start <= at && at < m.end && Names(*m.target, f[2]);
    }
    INFO("heading \"" << heading << "\" ->" << got);
    CHECK(found);
  }
  CHECK(rows >= 50);
}

}  // namespace claimcheck
