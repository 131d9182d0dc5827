#include "claimcheck/concepts.h"
#include "test_util.h"

namespace claimcheck {

namespace {

std::vector<std::pair<std::string, std::string>> Defs(const std::string& s) {
  auto text = Text::FromBytes(s, "t", nullptr);
  REQUIRE(text.ok());
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& a : FindAbbreviations(text.value())) {
    out.emplace_back(a.short_form, a.long_form);
  }
  return out;
}

using Defs_t = std::vector<std::pair<std::string, std::string>>;

}  // namespace

TEST_CASE("Schwartz-Hearst: definitions found", "[abbreviations]") {
  CHECK(Defs("It blocks N-methyl-D-aspartate (NMDA) receptors.") ==
        Defs_t{{"NMDA", "N-methyl-D-aspartate"}});
  CHECK(Defs("the hypothalamic-pituitary-adrenal (HPA) axis") ==
        Defs_t{{"HPA", "hypothalamic-pituitary-adrenal"}});
  CHECK(Defs("It binds gamma-aminobutyric acid (GABA) receptors.") ==
        Defs_t{{"GABA", "gamma-aminobutyric acid"}});
  CHECK(Defs("help with restless leg syndrome (RLS), a condition") ==
        Defs_t{{"RLS", "restless leg syndrome"}});
  CHECK(Defs("scored with the Pittsburgh Sleep Quality Index (PSQI) at "
             "baseline") == Defs_t{{"PSQI", "Pittsburgh Sleep Quality Index"}});
  // The shortest long form that explains the short one is kept.
  CHECK(Defs("In older adults with chronic insomnia (CI) it helped.") ==
        Defs_t{{"CI", "chronic insomnia"}});
}

TEST_CASE("Schwartz-Hearst: not definitions", "[abbreviations]") {
  const char* cases[] = {
      "Patients (n = 46) took it.",
      "It worked (p < 0.05) in trials.",
      "A trial in 2012 (2012) found little.",
      "Take it (200 mg) at night.",
      "It helps (see below) some people.",
      "Sleep improved (significantly) with it.",
      "It helps sleep (ZZZ).",  // no word of the long form starts with Z
      "()",
      "(",
      "Unclosed (NMDA receptors",
  };
  for (const char* c : cases) {
    INFO(c);
    CHECK(Defs(c).empty());
  }
}

}  // namespace claimcheck
