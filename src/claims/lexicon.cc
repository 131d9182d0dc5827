// The claim extractor's word lists. Each entry is a phrase of folded words
// (case, diacritics and simple plurals do not matter); "~verb …" stands for
// every inflection of the verb. docs/claims.md says what each list does.
#include "claims/lexicon.h"

#include <algorithm>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <map>
#include <mutex>
#include <optional>

#include "base/member_count.h"
#include "base/view_archive.h"
#include "claimcheck/text.h"

namespace claimcheck::claims_internal {

namespace {

// The inflections of an English verb: "reduce" -> reduces, reduced, reducing.
std::vector<std::string> Inflections(const std::string& w) {
  static const std::map<std::string, std::vector<std::string>> kIrregular = {
      {"lead", {"leads", "led", "leading"}},
      {"bind", {"binds", "bound", "binding"}},
      {"make", {"makes", "made", "making"}},
      {"take", {"takes", "took", "taken", "taking"}},
      {"fight", {"fights", "fought", "fighting"}},
      {"show", {"shows", "showed", "shown", "showing"}},
      {"prove", {"proves", "proved", "proven", "proving"}},
      {"cut", {"cuts", "cutting"}},
      {"give", {"gives", "gave", "given", "giving"}},
      {"find", {"finds", "found", "finding"}},
      {"bring", {"brings", "brought", "bringing"}},
      {"keep", {"keeps", "kept", "keeping"}},
      {"stop", {"stops", "stopped", "stopping"}},
      {"control", {"controls", "controlled", "controlling"}},
      {"have", {"has", "had", "having"}},
      {"do", {"does", "did", "done", "doing"}},
      {"set", {"sets", "setting"}},
  };
  std::vector<std::string> out = {w};
  if (auto it = kIrregular.find(w); it != kIrregular.end()) {
    out.insert(out.end(), it->second.begin(), it->second.end());
    return out;
  }
  auto ends = [&](std::string_view s) {
    return w.size() >= s.size() &&
           w.compare(w.size() - s.size(), s.size(), s.data(), s.size()) == 0;
  };
  const std::string stem = w.substr(0, w.size() - 1);
  if (ends("e")) {
    out.insert(out.end(), {w + "s", w + "d", stem + "ing"});
  } else if (ends("y") && w.size() > 2 &&
             std::string_view("aeiou").find(w[w.size() - 2]) ==
                 std::string_view::npos) {
    out.insert(out.end(), {stem + "ies", stem + "ied", w + "ing"});
  } else if (ends("s") || ends("sh") || ends("ch") || ends("x") || ends("z")) {
    out.insert(out.end(), {w + "es", w + "ed", w + "ing"});
  } else {
    out.insert(out.end(), {w + "s", w + "ed", w + "ing"});
  }
  return out;
}

template <typename T>
void AddAll(PhraseTable<T>* table, std::initializer_list<const char*> phrases,
            const T& value) {
  for (const char* p : phrases) table->Add(p, value);
}

// Phrases with the label they stand for ("before bedtime" -> "before bed").
void AddLabels(
    PhraseTable<std::string>* table,
    std::initializer_list<std::pair<const char*, const char*>> phrases) {
  for (const auto& [phrase, label] : phrases) table->Add(phrase, label);
}

void AddTriggers(Lexicon* l) {
  auto add = [&](std::initializer_list<const char*> phrases, Effect e,
                 bool weak = false) {
    AddAll(&l->triggers, phrases, Trigger{e, weak});
  };
  add({"~increase",     "~boost",       "~enhance",       "~raise",
       "~elevate",      "~promote",     "~stimulate",     "~activate",
       "~produce",      "~lead to",     "~cause",         "~induce",
       "~trigger",      "~facilitate",  "~contribute to", "~result in",
       "~bind to",      "~bind",        "~strengthen",    "~amplify",
       "~give rise to", "~restore",     "~replenish",     "~generate",
       "~heighten",     "~maximize",    "~maximise",      "~foster",
       "~encourage",    "~bring about", "~synthesize",    "~synthesise",
       "~deepen",       "~lengthen",    "~prolong",       "~extend",
       "~upregulate",   "~speed up"},
      Effect::kUp);
  add({"~reduce",     "~decrease",
       "~lessen",     "~diminish",
       "~suppress",   "~inhibit",
       "~block",      "~prevent",
       "~limit",      "~protect against",
       "~counteract", "~attenuate",
       "~shorten",    "~cut",
       "~combat",     "~fight",
       "~curb",       "~dampen",
       "~minimize",   "~minimise",
       "~eliminate",  "~downregulate",
       "~lower",      "~relax",
       "~quiet",      "~tame",
       "~blunt",      "~stop",
       "~get rid of", "~decline",
       "~drop",       "~fall"},
      Effect::kDown);
  add({"~alleviate", "~relieve", "~ease", "~soothe", "~calm"},
      Effect::kRelieve);
  add({"~have a", "~have an"}, Effect::kUp, /*weak=*/true);
  add({"~improve",         "~support",      "~benefit",
       "~treat",           "~manage",       "~optimize",
       "~optimise",        "~protect",      "~stabilize",
       "~stabilise",       "~maintain",     "~make it easier to",
       "~make it easy to", "is good for",   "are good for",
       "beneficial for",   "beneficial in", "effective for",
       "effective in",     "effective at",  "a remedy for",
       "remedy for",       "~work for",     "~aid with",
       "~aid in",          "~help with",    "~help in"},
      Effect::kBetter);
  add({"~help", "~assist in", "~assist with", "~assist", "~aid", "~work to",
       "~serve to", "~act to", "~allow", "~enable", "~work by", "~offer",
       "~provide"},
      Effect::kBetter, /*weak=*/true);
  add({"~impair", "~disrupt", "~disturb", "~worsen", "~aggravate",
       "~exacerbate", "~interfere with", "~make it harder to",
       "~make it difficult to", "~make it more difficult to", "~harm",
       "~impede", "~hinder", "~undermine"},
      Effect::kWorse);
  add({"~regulate",
       "~modulate",
       "~influence",
       "~affect",
       "~control",
       "~balance",
       "is involved in",
       "are involved in",
       "was involved in",
       "involved in",
       "~play a role in",
       "~play a key role in",
       "~play a crucial role in",
       "~play a critical role in",
       "~play a vital role in",
       "~play an important role in",
       "~play an essential role in",
       "~play a significant role in",
       "~play a central role in",
       "~play a part in",
       "~play a significant part in",
       "role in",
       "integral to",
       "is linked to",
       "are linked to",
       "linked to",
       "is associated with",
       "are associated with",
       "associated with",
       "is connected to",
       "connected to",
       "~impact",
       "an effect on",
       "effects on",
       "influence on",
       "~participate in",
       "is essential for",
       "is important for",
       "is needed for",
       "is necessary for",
       "is required for",
       "important for",
       "essential for",
       "~govern",
       "~orchestrate",
       "~mediate",
       "~act on",
       "~target",
       "~have an effect on",
       "~have a role in"},
      Effect::kModulate);
  add({"no effect on",
       "no significant effect on",
       "no effect in",
       "no impact on",
       "no significant impact on",
       "no benefit for",
       "no benefit in",
       "no significant benefit",
       "no significant difference",
       "no difference in",
       "no significant change",
       "no change in",
       "no significant improvement",
       "no improvement in",
       "no significant reduction",
       "no significant increase",
       "not effective for",
       "not effective in",
       "ineffective for",
       "ineffective in",
       "did not differ",
       "does not differ",
       "not significantly different",
       "~fail to improve",
       "~fail to reduce",
       "~fail to affect",
       "~fail to change"},
      Effect::kNoEffect);
  add({"~convert", "~transform", "~turn"}, Effect::kConvert, /*weak=*/false);

  AddAll(&l->postfix, {"antagonist", "blocker", "inhibitor", "blockade"},
         Effect::kDown);
  AddAll(&l->postfix,
         {"agonist", "activator", "booster", "enhancer", "precursor",
          "cofactor", "co-factor"},
         Effect::kUp);
}

void AddHowItIsSaid(Lexicon* l) {
  AddAll(&l->hedges,
         {"may",
          "might",
          "could",
          "possibly",
          "potentially",
          "perhaps",
          "probably",
          "likely",
          "unlikely",
          "~suggest",
          "is believed",
          "are believed",
          "is thought",
          "are thought",
          "believed to",
          "thought to",
          "~appear to",
          "~seem to",
          "~seem",
          "can help",
          "can contribute",
          "can aid",
          "can support",
          "some studies",
          "some research",
          "some evidence",
          "limited evidence",
          "preliminary",
          "~show promise",
          "promising",
          "potential",
          "it is possible",
          "possible",
          "not conclusive",
          "inconclusive",
          "~tend to",
          "in some people",
          "for some individuals",
          "for some people",
          "~indicate",
          "is linked to",
          "are linked to",
          "associated with",
          "is said to",
          "are said to",
          "reportedly",
          "anecdotal"},
         1);
  AddAll(&l->assertives,
         {"has been shown",
          "have been shown",
          "has shown",
          "have shown",
          "was shown",
          "were shown",
          "proven",
          "clinically proven",
          "scientifically proven",
          "~prove",
          "highly effective",
          "extremely effective",
          "very effective",
          "~confirm",
          "confirmed",
          "~demonstrate",
          "definitely",
          "certainly",
          "it's certain",
          "it is certain",
          "undoubtedly",
          "without a doubt",
          "no doubt",
          "guaranteed",
          "~guarantee",
          "clearly",
          "it is clear",
          "well established",
          "well-established",
          "is known to",
          "are known to",
          "is known for",
          "are known for",
          "well known",
          "always",
          "conclusive evidence",
          "it becomes increasingly evident",
          "evident"},
         1);
  AddAll(
      &l->negations,
      {"not",       "no",         "never",   "neither", "nor",      "without",
       "cannot",    "can't",      "don't",   "doesn't", "didn't",   "isn't",
       "aren't",    "wasn't",     "weren't", "won't",   "wouldn't", "couldn't",
       "shouldn't", "hasn't",     "haven't", "hadn't",  "~fail to", "unable to",
       "lack of",   "absence of", "nothing"},
      1);
  AddAll(&l->pseudo_negations,
         {"not only", "no doubt", "not just", "no longer", "whether or not",
          "not necessarily", "no matter", "without a doubt", "not all",
          "not every", "no overstating", "not limited to", "not a substitute",
          "nothing but", "not far behind"},
         1);
  AddAll(&l->null_findings,
         {"equally in both groups", "in both groups", "similar in both",
          "similarly in both", "did not differ", "not significant",
          "not significantly", "was similar", "were similar", "no different",
          "not statistically significant", "compared with placebo did not",
          "no better than placebo", "same as placebo"},
         1);
  AddAll(&l->evidence_nouns,
         {"research",         "studies",         "study",         "trial",
          "trials",           "scientists",      "scientist",     "researchers",
          "experts",          "evidence",        "science",       "literature",
          "clinical studies", "clinical trials", "data",          "findings",
          "meta-analysis",    "review",          "reviews",       "doctors",
          "doctor",           "physicians",      "nutritionists", "dietitians"},
         1);
  AddAll(&l->reporting_verbs,
         {"~show",        "~suggest",  "~indicate", "~find",      "~confirm",
          "~demonstrate", "~reveal",   "~report",   "~prove",     "~highlight",
          "~link",        "~point to", "~support",  "~note",      "~observe",
          "~conclude",    "~say",      "~agree",    "~recommend", "~believe"},
         1);
  // Sources that are not evidence: what they say, the article reports.
  // ("Experts say" and "studies show" are the article's own appeal to
  // authority: attribution, not reported speech.)
  AddAll(&l->hearsay_sources,
         {"social feed",
          "social media",
          "social post",
          "influencer",
          "marketer",
          "advertiser",
          "advertisement",
          "ad",
          "brand",
          "manufacturer",
          "seller",
          "retailer",
          "label",
          "packaging",
          "blog",
          "blogger",
          "forum",
          "tiktok",
          "instagram",
          "youtube",
          "wellness site",
          "wellness blog",
          "the internet",
          "rumor",
          "rumour",
          "myth",
          "proponent",
          "enthusiast",
          "fan",
          "believer",
          "some people",
          "many people",
          "supplement company",
          "supplement maker",
          "headline",
          "writer",
          "commentator",
          "podcaster",
          "celebrity",
          "guru"},
         1);
  AddAll(&l->hearsay_verbs,
         {"~promise", "~claim", "~insist", "~tout", "~advertise", "~swear",
          "~boast", "~say", "~assert", "~suggest", "~tell", "~advise"},
         1);
  AddAll(&l->attribution_phrases,
         {"according to", "published in", "confirmed by", "backed by",
          "research-backed", "science-backed", "evidence-based",
          "clinically tested", "a study in", "a study from", "studies show",
          "research shows", "research suggests", "studies suggest",
          "studies have shown", "research has shown"},
         1);
}

void AddStructure(Lexicon* l) {
  AddAll(&l->anaphors,
         {"it", "its", "it's", "itself", "this mineral", "the mineral",
          "this nutrient", "the nutrient", "this supplement", "the supplement",
          "this compound", "the compound", "this mechanism", "this effect",
          "this combination", "this remedy"},
         Anaphor::kAny);
  AddAll(&l->anaphors, {"this form", "this salt", "this type", "this option"},
         Anaphor::kForm);
  AddAll(&l->anaphors,
         {"high doses", "high dose", "large doses", "excessive intake",
          "excessive use", "too much", "overuse", "higher doses",
          "excessive amounts", "taking too much", "excess"},
         Anaphor::kDose);
  AddAll(&l->deficits,
         {"without", "without sufficient", "without enough", "insufficient",
          "inadequate", "lack of", "low", "lower", "not enough", "isn't enough",
          "not having enough", "too little", "deficient in", "shortage of"},
         1);
  AddAll(&l->boundaries, {"which", "who", "whom"}, Boundary::kRelative);
  AddAll(&l->boundaries,
         {"but", "while", "whereas", "although", "though", "however", "yet",
          "whilst"},
         Boundary::kContrast);
  AddAll(&l->boundaries,
         {"because", "since", "if", "when", "so", "unless", "therefore", "thus",
          "as a result", "that's why", "so that"},
         Boundary::kSubordinate);
  AddAll(&l->boundaries, {"unlike", "compared to", "compared with"},
         Boundary::kUnlike);
  AddAll(&l->fillers,
         {"the",         "a",          "an",          "of",
          "your",        "you",        "one",         "our",
          "their",       "its",        "his",         "her",
          "body",        "body's",     "brain",       "mind",
          "in",          "on",         "for",         "to",
          "with",        "from",       "excessive",   "excess",
          "production",  "synthesis",  "release",     "secretion",
          "level",       "levels",     "activity",    "function",
          "functioning", "overall",    "optimal",     "deep",
          "deeper",      "more",       "better",      "natural",
          "healthy",     "quality",    "good",        "restful",
          "nighttime",   "night-time", "symptom",     "symptoms",
          "severity",    "risk",       "chronic",     "general",
          "mild",        "high",       "higher",      "frequent",
          "persistent",  "increased",  "greater",     "significant",
          "some",        "certain",    "normal",      "proper",
          "balanced",    "stable",     "sound",       "restorative",
          "physical",    "mental",     "emotional",   "feelings",
          "feeling",     "sense",      "state",       "regulation",
          "health",      "people",     "individuals", "patients",
          "adults",      "everyone",   "them",        "us",
          "me",          "it",         "easily",      "significantly",
          "gradually",   "naturally",  "quickly",     "faster"},
         1);
  AddAll(&l->flips,
         {"reduction", "reductions", "decrease", "decreased",  "decline",
          "drop",      "lower",      "lowered",  "less",       "fewer",
          "reduced",   "loss",       "lack",     "difficulty", "difficulties",
          "trouble",   "troubles",   "problem",  "problems",   "impaired",
          "poor",      "poorer",     "worse",    "disrupted",  "disturbed",
          "relief"},
         1);
  AddAll(&l->linkers,
         {"and", "or", "nor", "as well as", "plus", "also", "like", "such as",
          "including", "especially", "and/or", "along with", "together with",
          "even"},
         1);
  AddAll(&l->embedded,
         {"how", "whether", "how much", "how well", "how long", "what",
          "exactly how", "why"},
         1);
}

void AddQualifiers(Lexicon* l) {
  for (const char* p : {"adults",       "adult",
                        "older adults", "older people",
                        "elderly",      "the elderly",
                        "children",     "adolescents",
                        "teenagers",    "women",
                        "men",          "pregnant women",
                        "athletes",     "postmenopausal women",
                        "infants",      "seniors",
                        "patients",     "healthy adults",
                        "older women",  "older men"}) {
    std::string label = p;
    if (label.rfind("the ", 0) == 0) label = label.substr(4);
    if (label == "adult") label = "adults";
    l->populations.Add(p, label);
  }
  AddAll(&l->population_with,
         {"people with", "those with", "patients with", "individuals with",
          "anyone with", "persons with", "adults with", "if you have",
          "people who have", "those who have", "people suffering from",
          "those suffering from", "people who", "those who", "anyone who",
          "individuals experiencing", "people experiencing"},
         1);
  AddLabels(&l->timings, {{"before bed", "before bed"},
                          {"before bedtime", "before bed"},
                          {"before going to bed", "before bed"},
                          {"before you go to bed", "before bed"},
                          {"before sleep", "before bed"},
                          {"before sleeping", "before bed"},
                          {"at bedtime", "at bedtime"},
                          {"at night", "at night"},
                          {"in the evening", "in the evening"},
                          {"at the same time each day", "daily"},
                          {"daily", "daily"},
                          {"every day", "daily"},
                          {"each day", "daily"},
                          {"long-term", "long-term"},
                          {"long term", "long-term"},
                          {"over time", "long-term"},
                          {"with food", "with food"},
                          {"with a meal", "with food"},
                          {"with a light snack", "with food"},
                          {"on an empty stomach", "on an empty stomach"}});
}

void AddSafetyAndComparison(Lexicon* l) {
  AddAll(&l->cautions,
         {"~avoid",
          "should not",
          "should avoid",
          "~limit their use",
          "~limit its use",
          "~limit use",
          "caution",
          "cautious",
          "careful",
          "contraindicated",
          "not recommended",
          "~consult",
          "~talk to",
          "~check with",
          "~speak with",
          "~speak to",
          "~ask",
          "should be evaluated",
          "be evaluated",
          "~require monitoring",
          "~require laboratory monitoring",
          "laboratory monitoring",
          "monitoring",
          "dose adjustment",
          "at risk",
          "risk of",
          "must not",
          "do not take",
          "don't take",
          "steer clear"},
         1);
  AddAll(&l->interactions,
         {"~interact with", "~interfere with", "interaction with",
          "interactions with", "~reduce the absorption of",
          "~decrease the absorption of", "~bind to"},
         1);
  AddAll(&l->combinations,
         {"combining", "combined with", "~combine", "together with", "together",
          "alongside", "in combination with", "paired with", "~pair",
          "using both", "with other"},
         1);
  AddAll(&l->synergy,
         {"~enhance its effectiveness", "~enhance its effect",
          "~enhance the effect", "~enhance the effects", "~enhance its effects",
          "~boost its effect", "~boost its effectiveness",
          "~amplify relaxation effects", "~amplify its effects",
          "~amplify the effects", "synergistic effect", "synergistic",
          "~work synergistically", "~complement"},
         1);
  AddAll(&l->bioavailability,
         {"bioavailable", "bioavailability", "absorbed", "absorption",
          "absorbable", "absorption rate", "absorption rates", "uptake",
          "absorbs"},
         1);
  // 1: said against other forms; 2: said of the form alone.
  AddAll(&l->tolerance,
         {"gentler", "better tolerated", "easier on", "fewer side effects",
          "less likely to cause", "kinder to", "more tolerable"},
         1);
  AddAll(&l->tolerance,
         {"gentle", "well-tolerated", "well tolerated",
          "low gastrointestinal impact", "generally well tolerated"},
         2);
  AddAll(&l->more,
         {"more", "better", "higher", "greater", "superior", "most", "highly",
          "high", "well", "efficiently", "quickly", "easily", "readily", "best",
          "highest", "excellent", "good"},
         1);
  AddAll(&l->less,
         {"less", "lower", "poorer", "poor", "least", "lowest", "poorly",
          "worse", "low"},
         1);
  AddAll(&l->than,
         {"than", "compared to", "compared with", "over", "unlike", "versus",
          "vs", "relative to", "in comparison to", "in comparison with"},
         1);
  AddLabels(&l->categories, {{"mineral", "mineral"},
                             {"essential mineral", "mineral"},
                             {"trace mineral", "mineral"},
                             {"metal", "mineral"},
                             {"salt", "salt"},
                             {"salt form", "salt"},
                             {"compound", "compound"},
                             {"herb", "herb"},
                             {"plant", "herb"},
                             {"flowering plant", "herb"},
                             {"root", "herb"},
                             {"mushroom", "mushroom"},
                             {"fungus", "mushroom"},
                             {"hormone", "hormone"},
                             {"amino acid", "amino acid"},
                             {"vitamin", "vitamin"},
                             {"medicine", "medicine"},
                             {"drug", "medicine"},
                             {"medication", "medicine"},
                             {"antibiotic", "medicine"},
                             {"food", "food"},
                             {"enzyme", "enzyme"},
                             {"protein", "protein"},
                             {"neurotransmitter", "neurotransmitter"},
                             {"bacterium", "bacterium"},
                             {"probiotic", "bacterium"},
                             {"sedative", "sedative"},
                             {"stimulant", "stimulant"}});
  AddAll(
      &l->copulas,
      {"is a", "is an", "are", "is actually a", "is actually an", "is really a",
       "is in fact a", "is the", "a type of", "a kind of", "a form of"},
      1);
  AddAll(&l->dose_cues,
         {"~need", "intake", "daily intake", "recommended daily intake",
          "recommended dietary allowance", "rda", "requirement",
          "daily requirement", "should consume", "~get", "allowance"},
         DoseRelation::kRecommendedIntake);
  AddAll(
      &l->dose_cues,
      {"as high as", "no more than", "not exceed", "not more than",
       "upper limit", "upper level", "tolerable upper", "maximum", "at most"},
      DoseRelation::kUpperLimit);
  AddAll(&l->dose_cues, {"safe", "safely", "safe dose"}, DoseRelation::kSafe);
  AddAll(&l->onset_cues,
         {"within", "to work", "~start working", "~take effect", "~kick in",
          "~appear", "~begin working", "~start to work", "to take effect",
          "~feel the effects", "~notice"},
         1);
  AddAll(&l->bedtime,
         {"before bed", "before bedtime", "before going to bed",
          "before you go to bed", "before sleep", "before sleeping",
          "prior to bedtime", "prior to bed", "before lights out"},
         1);
}

}  // namespace

template <typename T>
void PhraseTable<T>::Add(std::string_view phrase, T value) {
  std::vector<std::vector<std::string>> variants;
  if (!phrase.empty() && phrase[0] == '~') {
    phrase.remove_prefix(1);
    const std::size_t space = phrase.find(' ');
    const std::string first(phrase.substr(0, space));
    const std::string rest(space == std::string_view::npos
                               ? std::string_view()
                               : phrase.substr(space));
    for (const std::string& form : Inflections(first)) {
      variants.push_back(FoldWords(form + rest));
    }
  } else {
    variants.push_back(FoldWords(phrase));
  }
  for (const std::vector<std::string>& words : variants) {
    // Words are joined by single spaces, so none may be empty or hold one.
    const bool joinable =
        !words.empty() &&
        std::none_of(words.begin(), words.end(), [](const std::string& w) {
          return w.empty() || w.find(' ') != std::string::npos;
        });
    if (!joinable) continue;
    std::string joined = words[0];
    for (std::size_t k = 1; k < words.size(); ++k) {
      joined += ' ';
      joined += words[k];
    }
    const std::string_view first = words[0];
    auto end = FirstAt(first);
    bool seen = false;
    for (; end != entries_.end() && First(*end) == first; ++end) {
      seen = seen ||
             std::string_view(text_).substr(end->start, end->size) == joined;
    }
    if (seen) continue;
    Entry e;
    e.start = static_cast<std::uint32_t>(text_.size());
    e.size = static_cast<std::uint32_t>(joined.size());
    e.first = static_cast<std::uint32_t>(first.size());
    e.words = static_cast<std::uint32_t>(words.size());
    e.value = value;
    text_ += joined;
    entries_.insert(end, std::move(e));
  }
}

template <typename T>
typename std::vector<typename PhraseTable<T>::Entry>::const_iterator
PhraseTable<T>::FirstAt(std::string_view word) const {
  return std::lower_bound(
      entries_.begin(), entries_.end(), word,
      [&](const Entry& e, std::string_view w) { return First(e) < w; });
}

template <typename T>
std::size_t PhraseTable<T>::Match(const std::vector<Tok>& toks, std::size_t i,
                                  T* value, bool skip_mentions) const {
  if (i >= toks.size() || (skip_mentions && toks[i].mention >= 0)) return 0;
  const std::string_view fold = toks[i].fold;
  auto it = FirstAt(fold);
  std::size_t best = 0;
  for (; it != entries_.end() && First(*it) == fold; ++it) {
    const Entry& e = *it;
    const std::size_t n = e.words;
    if (n <= best || i + n > toks.size()) continue;
    // The words after the first, one at a time out of the joined text.
    std::string_view rest =
        std::string_view(text_).substr(e.start + e.first, e.size - e.first);
    bool same = true;
    for (std::size_t k = 1; k < n && same; ++k) {
      if (rest.empty()) {  // fewer words than counted: never from Add or load
        same = false;
        break;
      }
      rest.remove_prefix(1);  // the ' ' before the word
      const std::size_t space = rest.find(' ');
      const std::string_view word = rest.substr(0, space);
      rest.remove_prefix(word.size());
      const Tok& t = toks[i + k];
      same = t.fold == word && t.gap != Gap::kStrong &&
             !(skip_mentions && t.mention >= 0);
    }
    if (same) {
      best = n;
      if (value) *value = e.value;
    }
  }
  return best;
}

template class PhraseTable<Trigger>;
template class PhraseTable<Effect>;
template class PhraseTable<int>;
template class PhraseTable<Anaphor>;
template class PhraseTable<Boundary>;
template class PhraseTable<std::string>;
template class PhraseTable<DoseRelation>;

template <typename T>
template <class Archive>
void PhraseTable<T>::save(Archive& ar) const {
  static_assert(MemberCount<Entry>() == 5, "save every member");
  ar(text_,
     cereal::make_size_tag(static_cast<cereal::size_type>(entries_.size())));
  for (const Entry& e : entries_)
    ar(e.start, e.size, e.first, e.words, e.value);
}

template <typename T>
template <class Archive>
void PhraseTable<T>::load(Archive& ar) {
  cereal::size_type count = 0;
  ar(text_, cereal::make_size_tag(count));
  // Each entry takes at least 16 bytes: a count beyond what is left is
  // damage, refused before anything is allocated for it.
  if (count > ar.remaining() / 16) {
    throw cereal::Exception("phrase table: entry count out of range");
  }
  entries_.assign(static_cast<std::size_t>(count), Entry{});
  const Entry* previous = nullptr;
  for (Entry& e : entries_) {
    ar(e.start, e.size, e.first, e.words, e.value);
    // Match reads text_ by these numbers: they must fit it, and the
    // entries must be in Add's order.
    const bool fits = e.start <= text_.size() &&
                      e.size <= text_.size() - e.start && e.first > 0 &&
                      e.first <= e.size &&
                      (previous == nullptr || First(*previous) <= First(e));
    const std::string_view phrase =
        fits ? std::string_view(text_).substr(e.start, e.size)
             : std::string_view();
    const std::size_t space = phrase.find(' ');
    const bool words_fit =
        fits &&
        (space == std::string_view::npos ? e.first == e.size
                                         : space == e.first) &&
        phrase.find("  ") == std::string_view::npos && phrase.back() != ' ' &&
        e.words == 1 + std::count(phrase.begin(), phrase.end(), ' ');
    if (!words_fit) {
      throw cereal::Exception("phrase table: entry out of range");
    }
    previous = &e;
  }
}

template <class Archive>
void serialize(Archive& ar, Trigger& t) {
  ar(t.effect, t.weak);
}

// Every table, for SaveBinary and LoadBinary (cereal).
template <class Archive>
void serialize(Archive& ar, Lexicon& l) {
  ar(l.triggers, l.postfix, l.hedges, l.assertives, l.negations,
     l.pseudo_negations, l.null_findings, l.evidence_nouns, l.reporting_verbs,
     l.attribution_phrases, l.hearsay_sources, l.hearsay_verbs, l.anaphors,
     l.deficits, l.boundaries, l.embedded, l.fillers, l.flips, l.linkers,
     l.populations, l.population_with, l.timings, l.cautions, l.interactions,
     l.combinations, l.synergy, l.bioavailability, l.tolerance, l.more, l.less,
     l.than, l.categories, l.copulas, l.dose_cues, l.onset_cues, l.bedtime);
}

// A table added to Lexicon must be added to serialize() too.
static_assert(MemberCount<Lexicon>() == 36, "serialize() lists every table");
static_assert(MemberCount<Trigger>() == 2, "serialize every member");

Lexicon Lexicon::Build() {
  Lexicon l;
  AddTriggers(&l);
  AddHowItIsSaid(&l);
  AddStructure(&l);
  AddQualifiers(&l);
  AddSafetyAndComparison(&l);
  return l;
}

namespace {

std::once_flag lexicon_once;
std::optional<Lexicon> lexicon;

}  // namespace

const Lexicon& Lexicon::Get() {
  std::call_once(lexicon_once, [] { lexicon.emplace(Lexicon::Build()); });
  return *lexicon;
}

bool Lexicon::Install(Lexicon l) {
  bool installed = false;
  std::call_once(lexicon_once, [&] {
    lexicon.emplace(std::move(l));
    installed = true;
  });
  return installed;
}

std::string Lexicon::Save() const { return SaveBinary(*this); }

bool Lexicon::Load(std::string_view saved, Lexicon* out) {
  Lexicon l;
  if (!LoadBinary(saved, l)) return false;
  *out = std::move(l);
  return true;
}

}  // namespace claimcheck::claims_internal
