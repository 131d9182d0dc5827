#include "concepts/concept_test_util.h"

namespace claimcheck {

using testing::MatchText;

namespace {

std::vector<std::string> Ids(const std::string& input) {
  std::vector<std::string> ids;
  for (const auto& f : MatchText(input)) ids.push_back(f.id);
  return ids;
}

}  // namespace

TEST_CASE("Matcher: must-match table (real vocabulary)", "[matcher]") {
  struct Case {
    const char* text;
    const char* id;       // the concept that must be found
    const char* matched;  // exactly the words it must cover
  };
  const Case cases[] = {
      {"Take magnesium at night.", "magnesium", "magnesium"},
      {"MAGNESIUM CITRATE works.", "magnesium_citrate", "MAGNESIUM CITRATE"},
      {"Magn\xC3\xA9sium citrate works.", "magnesium_citrate",
       "Magn\xC3\xA9sium citrate"},
      {"Try mag citrate tonight.", "magnesium_citrate", "mag citrate"},
      {"Mg is a cofactor.", "magnesium", "Mg"},
      {"Magnesium\xE2\x80\x99s role is broad.", "magnesium",
       "Magnesium\xE2\x80\x99s"},
      {"It binds GABA receptors.", "gaba_receptor", "GABA receptors"},
      {"It binds the GABA-A receptor.", "gaba_a_receptor", "GABA-A receptor"},
      {"It binds the GABA A receptor.", "gaba_a_receptor", "GABA A receptor"},
      {"\xCE\xB3-aminobutyric acid is inhibitory.", "gaba",
       "\xCE\xB3-aminobutyric acid"},
      {"gamma-aminobutyric acid is inhibitory.", "gaba",
       "gamma-aminobutyric acid"},
      {"It blocks NMDA receptors.", "nmda_receptor", "NMDA receptors"},
      {"It blunts the hypothalamic-pituitary-adrenal axis.", "hpa_axis",
       "hypothalamic-pituitary-adrenal axis"},
      {"It raises melatonin production.", "melatonin", "melatonin production"},
      {"The sleep-wake cycle shifts.", "circadian_rhythm", "sleep-wake cycle"},
      {"It helps restless legs.", "restless_legs_syndrome", "restless legs"},
      {"It helps RLS.", "restless_legs_syndrome", "RLS"},
      {"Eat magnesium-rich foods daily.", "dietary_magnesium",
       "magnesium-rich foods"},
      {"Eat foods rich in magnesium.", "dietary_magnesium",
       "foods rich in magnesium"},
      {"It cuts the time it takes to fall asleep.", "sleep_onset_latency",
       "time it takes to fall asleep"},
      {"Nocturnal leg cramps are common.", "nocturnal_leg_cramps",
       "Nocturnal leg cramps"},
      {"It activates the parasympathetic nervous system.",
       "parasympathetic_nervous_system", "parasympathetic nervous system"},
      {"Watch for hypermagnesemia.", "hypermagnesemia", "hypermagnesemia"},
      {"It may lower cortisol levels.", "cortisol", "cortisol levels"},
      {"It is needed for ATP synthesis.", "atp", "ATP synthesis"},
      {"Vitamin B6 and magnesium.", "vitamin_b6", "Vitamin B6"},
      {"Magnesium L-threonate crosses the barrier.", "magnesium_l_threonate",
       "Magnesium L-threonate"},
      {"magne\xE2\x80\x8Bsium\xC2\xA0"
       "citrate",
       "magnesium_citrate",
       "magne\xE2\x80\x8Bsium\xC2\xA0"
       "citrate"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const auto found = MatchText(c.text);
    bool ok = false;
    for (const auto& f : found)
      ok = ok || (f.id == c.id && f.text == c.matched);
    CHECK(ok);
  }
}

TEST_CASE("Matcher: must-not-match table", "[matcher]") {
  struct Case {
    const char* text;
    const char* id;  // the concept that must NOT be found
  };
  const Case cases[] = {
      {"Take 200 mg before bed.", "magnesium"},  // the unit, not Mg
      {"Take 200 MG before bed.", "magnesium"},  // nor in capitals
      {"Magnesium, citrate and zinc.", "magnesium_citrate"},     // a list
      {"Magnesium. Citrate is an anion.", "magnesium_citrate"},  // 2 sentences
      {"Magnesium (citrate) helps.", "magnesium_citrate"},
      {"The sleep-wake cycle shifts.", "sleep"},  // longest match wins
      {"Eat magnesium-rich foods daily.", "magnesium"},
      {"Restless nights are common.", "restless_legs_syndrome"},
      {"The rls file was empty.", "restless_legs_syndrome"},  // cased RLS
      {"The rest of the day.", "sleep"},
      {"Sleep Education Center staff.", "sleep_quality"},
      {"GABAergic", "gaba_receptor"},
  };
  for (const Case& c : cases) {
    INFO(c.text << " must not mention " << c.id);
    const auto ids = Ids(c.text);
    CHECK(std::find(ids.begin(), ids.end(), c.id) == ids.end());
  }
}

TEST_CASE("Matcher: antonyms name the opposite pole", "[matcher]") {
  const auto found = MatchText("It helps you fall asleep faster.");
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == "sleep_onset_latency");
  CHECK(found[0].polarity == -1);
  const auto relax = MatchText("It promotes muscle relaxation.");
  REQUIRE(relax.size() == 1);
  CHECK(relax[0].id == "muscle_tension");
  CHECK(relax[0].polarity == -1);
  const auto plain = MatchText("It reduces muscle tension.");
  REQUIRE(plain.size() == 1);
  CHECK(plain[0].polarity == 1);
}

TEST_CASE("Matcher: abbreviations defined in the text", "[matcher]") {
  const auto found = MatchText(
      "Magnesium modulates the hypothalamic-pituitary-adrenal (HPA) axis. "
      "The HPA axis controls cortisol. It blocks N-methyl-D-aspartate (NMDA) "
      "receptors; NMDA receptor activation rises without it.");
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& f : found) got.emplace_back(f.id, f.text);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"magnesium", "Magnesium"},
      {"hpa_axis", "hypothalamic-pituitary-adrenal (HPA) axis"},
      {"hpa_axis", "HPA axis"},
      {"cortisol", "cortisol"},
      {"nmda_receptor", "N-methyl-D-aspartate (NMDA) receptors"},
      {"nmda_receptor", "NMDA receptor activation"},
  };
  CHECK(got == expected);
  REQUIRE(found.size() == expected.size());
  CHECK(found[2].via == "HPA");
}

TEST_CASE("Matcher: an abbreviation of an unknown long form adds nothing",
          "[matcher]") {
  CHECK(Ids("Quixotic flux variability (QFV) rose. QFV fell.").empty());
}

TEST_CASE("Matcher: longest match over a small fixture vocabulary",
          "[matcher]") {
  Vocabulary v;
  Concept a;
  a.id = "sleep";
  a.kind = ConceptKind::kOutcome;
  a.label = "sleep";
  a.better = Better::kHigher;
  Concept b = a;
  b.id = "sleep_quality";
  b.label = "sleep quality";
  b.synonyms = {"quality of sleep"};
  b.is_a = {"sleep"};
  REQUIRE(v.Add(a).ok());
  REQUIRE(v.Add(b).ok());
  CHECK_FALSE(v.Add(a).ok());  // duplicate id
  CHECK(v.IsA("sleep_quality", "sleep"));
  CHECK_FALSE(v.IsA("sleep", "sleep_quality"));
  ConceptMatcher matcher(v);
  auto text = Text::FromBytes("Sleep quality and quality of sleep and sleep.",
                              "t", nullptr);
  REQUIRE(text.ok());
  const auto mentions = matcher.Match(text.value());
  REQUIRE(mentions.size() == 3);
  CHECK(mentions[0].target->id == "sleep_quality");
  CHECK(mentions[1].target->id == "sleep_quality");
  CHECK(mentions[2].target->id == "sleep");
}

}  // namespace claimcheck
