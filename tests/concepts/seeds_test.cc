// Concept mentions on the five real seed articles in ../shared/seeds/.
#include <set>

#include "concepts/concept_test_util.h"

namespace claimcheck {

namespace {

struct SeedMentions {
  std::set<std::string> ids;  // every concept found, with its ancestors
  std::vector<Mention> mentions;
  std::string text;
};

SeedMentions MentionsOf(const std::string& seed) {
  const std::string raw = testing::Slurp(testing::SeedPath(seed));
  Diagnostics warnings;
  auto text = Text::FromBytes(raw, seed, &warnings);
  REQUIRE(text.ok());
  CHECK(warnings.empty());
  SeedMentions out;
  out.text = text.value().str();
  out.mentions = testing::RealMatcher().Match(text.value());
  const Vocabulary& v = testing::RealVocabulary();
  for (const Mention& m : out.mentions) {
    for (const Concept& c : v.concepts()) {
      if (v.IsA(m.target->id, c.id)) out.ids.insert(c.id);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("Seeds: every mechanism and magnesium form is found",
          "[seeds][matcher]") {
  struct Expect {
    const char* seed;
    std::vector<const char*> ids;
  };
  // Read off the articles by hand: what each one names.
  const Expect expectations[] = {
      {"000",
       {"magnesium", "magnesium_citrate", "parasympathetic_nervous_system",
        "melatonin", "circadian_rhythm", "stress", "anxiety", "sleep_quality",
        "muscle_tension", "muscle_cramps", "sleep_onset_latency"}},
      {"001",
       {"magnesium", "magnesium_citrate", "magnesium_glycinate", "gaba",
        "circadian_rhythm", "melatonin", "muscle_tension", "stress", "anxiety",
        "sleep_quality"}},
      {"002",
       {"magnesium",
        "magnesium_citrate",
        "magnesium_oxide",
        "magnesium_glycinate",
        "gaba",
        "gaba_receptor",
        "nmda_receptor",
        "melatonin",
        "cortisol",
        "hpa_axis",
        "serotonin",
        "tryptophan",
        "parasympathetic_nervous_system",
        "circadian_rhythm",
        "vitamin_b6",
        "glycine",
        "valerian",
        "sleep_quality",
        "sleep_onset_latency",
        "sleep_duration",
        "anxiety",
        "stress",
        "muscle_tension",
        "muscle_cramps",
        "restless_legs_syndrome",
        "blood_pressure",
        "insomnia"}},
      {"003",
       {"magnesium", "magnesium_citrate", "magnesium_glycinate", "gaba",
        "gaba_receptor", "melatonin", "circadian_rhythm", "atp", "valerian",
        "chamomile", "tryptophan", "sleep_quality", "muscle_tension",
        "blood_pressure", "kidney_impairment", "hypermagnesemia", "diarrhea",
        "intestinal_motility", "diuretics"}},
      {"004",
       {"magnesium", "magnesium_citrate", "magnesium_glycinate",
        "dietary_magnesium", "parasympathetic_nervous_system", "gaba",
        "melatonin", "circadian_rhythm", "cortisol", "insomnia",
        "muscle_cramps", "blood_pressure", "magnesium_deficiency",
        "sleep_quality"}},
  };
  for (const Expect& e : expectations) {
    const SeedMentions found = MentionsOf(e.seed);
    for (const char* id : e.ids) {
      INFO("seed " << e.seed << " must mention " << id);
      CHECK(found.ids.count(id) == 1);
    }
  }
}

TEST_CASE("Seeds: mentions are well-formed and never the unit mg",
          "[seeds][matcher]") {
  for (const char* seed : {"000", "001", "002", "003", "004"}) {
    INFO("seed " << seed);
    const SeedMentions found = MentionsOf(seed);
    CHECK(found.mentions.size() > 20);
    std::size_t previous_end = 0;
    for (const Mention& m : found.mentions) {
      REQUIRE(m.start < m.end);
      REQUIRE(m.end <= found.text.size());
      CHECK(m.start >= previous_end);  // in order, not overlapping
      previous_end = m.end;
      const std::string words = found.text.substr(m.start, m.end - m.start);
      CHECK(words != "mg");
      CHECK(words != "MG");
    }
  }
}

TEST_CASE("Seeds: seed 002's defined abbreviations are used",
          "[seeds][matcher]") {
  const SeedMentions found = MentionsOf("002");
  std::set<std::string> via;
  for (const Mention& m : found.mentions) {
    if (!m.via_abbreviation.empty()) via.insert(m.via_abbreviation);
  }
  // "(RLS)" is defined and used again; HPA and NMDA are defined inline.
  CHECK(found.ids.count("hpa_axis"));
  CHECK(found.ids.count("nmda_receptor"));
  bool whole_nmda = false;
  for (const Mention& m : found.mentions) {
    whole_nmda = whole_nmda || found.text.substr(m.start, m.end - m.start) ==
                                   "N-methyl-D-aspartate (NMDA) receptors";
  }
  CHECK(whole_nmda);
}

}  // namespace claimcheck
