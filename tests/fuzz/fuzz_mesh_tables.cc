// libFuzzer target: the kb's tables, the MeSH layer of the vocabulary
// (kb/mesh/, kb/FORMAT.md part 3), the claim lexicon (kb/lexicon.tsv, part
// 4) and the names harvested from imported records. The input is one
// table; its first line says which: a line starting "name" is the alias
// list, "word" the common-word list, "table" the claim lexicon, "item" the
// rubric cues (kb/rubric_cues.tsv, part 5), "language" the languages
// (kb/languages.tsv, part 6), "harvest"
// lines of UI, name and type (as a store's substance_names gives them),
// anything else the descriptor table. It is written into a scratch kb (under
// $TMPDIR, removed at exit) beside a small valid table, alias list and curated
// concepts file, then Vocabulary::Load, CheckKnowledgeBase, a ConceptMatcher
// over what loaded, and a match over the tables' own words run on it.
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <optional>

#include "claimcheck/audit.h"
#include "claimcheck/kb.h"
#include "fuzz_util.h"

namespace claimcheck::fuzz {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kTable =
    "mesh_year\t2024\n"
    "ui\tkind\tscope\tbetter\tlabel\tparents\tactions\tterms\tabbreviations\n"
    "D000001\tintervention\targument\t-\tMagnesium\t-\t-\tMg Element\t-\n"
    "D000002\toutcome\targument\tlower\tInsomnia Disorders\t-\t-\t"
    "Insomnia|Sleeplessness\tID\n"
    "D000003\toutcome\targument\tlower\tChronic Insomnia\tD000002\t-\t-\t-\n";
constexpr std::string_view kAliases =
    "name\ttarget\trelation\tlabel\tsource\n"
    "mag pill\tmagnesium\tsame\t-\tfuzz\n"
    "night pill\tD000002\tnarrower\tnight pill\tfuzz\n";
constexpr std::string_view kCommon = "word\tdescriptor\treason\n";
constexpr std::string_view kConcepts =
    R"({"concepts": [{"id": "magnesium", "kind": "intervention",
     "label": "magnesium", "mesh": "D000001"}]})";

const fs::path& ScratchKb() {
  return ScratchDir("claimcheck-fuzz-mesh", {"concepts", "mesh"});
}

// Harvested names (docs/vocabulary.md, "Harvested concepts") joined to the
// small kb's vocabulary, matched over their own words.
void Harvest(std::string_view bytes) {
  std::vector<HarvestedName> names;
  std::size_t start = 0;
  while (start < bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string_view line = bytes.substr(start, end - start);
    start = end + 1;
    HarvestedName h;
    std::size_t field = 0, from = 0;
    for (std::size_t i = 0; i <= line.size(); ++i) {
      if (i < line.size() && line[i] != '\t') continue;
      std::string value(line.substr(from, i - from));
      (field == 0 ? h.ui : field == 1 ? h.name : h.type) = std::move(value);
      ++field;
      from = i + 1;
    }
    names.push_back(std::move(h));
  }
  Vocabulary vocabulary;
  Diagnostics problems;
  Vocabulary::Load(ScratchKb().string(), &vocabulary, &problems);
  const std::size_t before = vocabulary.concepts().size();
  ConceptMatcher matcher(vocabulary);
  const std::size_t first = vocabulary.AddHarvested(names);
  FUZZ_CHECK(first == before);
  matcher.AddConcepts(first);
  std::string words;
  for (const HarvestedName& h : names) words += h.name + ". ";
  for (const Concept& c : vocabulary.concepts()) {
    FUZZ_CHECK(vocabulary.Find(c.id) != nullptr);
  }
  Result<Text> text = Text::FromBytes(words, "harvest", nullptr);
  if (!text.ok()) return;
  for (const Mention& m : matcher.Match(text.value())) {
    FUZZ_CHECK(m.target != nullptr);
    FUZZ_CHECK(m.start <= m.end && m.end <= text.value().str().size());
  }
}

// The claim lexicon: read (problems named, never a crash), and when it
// loads, saved and loaded back the same, and used to read its own phrases.
void Lexicon(std::string_view bytes) {
  const fs::path& kb = ScratchKb();
  WriteBytes(kb / "lexicon.tsv", bytes);
  ClaimLexicon lexicon;
  Diagnostics problems;
  if (!ClaimLexicon::Load(kb.string(), &lexicon, &problems).ok()) {
    FUZZ_CHECK(!problems.empty());
    return;
  }
  std::optional<ClaimLexicon> back = ClaimLexicon::FromSaved(lexicon.Save());
  FUZZ_CHECK(back.has_value() && *back == lexicon);
  Vocabulary vocabulary;
  Concept mg;
  mg.id = "magnesium";
  mg.label = "magnesium";
  Concept sleep;
  sleep.id = "sleep";
  sleep.label = "sleep";
  sleep.kind = ConceptKind::kOutcome;
  sleep.better = Better::kHigher;
  FUZZ_CHECK(vocabulary.Add(mg).ok() && vocabulary.Add(sleep).ok());
  const ClaimExtractor extractor(vocabulary, lexicon);
  std::string words;
  std::size_t start = 0;
  while (start < bytes.size() && words.size() < 4096) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string_view line = bytes.substr(start, end - start);
    start = end + 1;
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    std::string phrase(
        line.substr(tab + 1, line.find('\t', tab + 1) - tab - 1));
    if (!phrase.empty() && phrase[0] == '~') phrase.erase(0, 1);
    words += "Magnesium " + phrase + " sleep. ";
  }
  Result<Text> text = Text::FromBytes(words, "lexicon", nullptr);
  if (!text.ok()) return;
  const std::vector<Mention> mentions = extractor.matcher().Match(text.value());
  CheckClaims(text.value(), mentions,
              extractor.Extract(text.value(), mentions, {}));
}

// A valid languages.tsv for when the rubric cues are the input, and valid
// rubric cues for when the languages are.
constexpr std::string_view kLanguages =
    "language\tkind\tvalue\nen\tname\tEnglish\nen\tcode\teng\n"
    "en\tword\tthe\nen\tword\tand\nen\tword\tof\nen\tword\tto\n"
    "en\tword\tis\nen\tword\tin\nen\tword\tthat\nen\tword\tit\n"
    "en\tword\tfor\nen\tword\twith\n";
std::string ValidCues() {
  std::string out = "item\tcue\n";
  for (const std::string& item : AuditCues::Items()) {
    out += item + "\tcue\n";
  }
  return out;
}

// The audit's word lists, one of them the input: read (problems named),
// and when they load, saved and loaded back the same, and the languages
// told apart over their own words.
void Cues(std::string_view bytes, bool languages) {
  const fs::path& kb = ScratchKb();
  WriteBytes(kb / "rubric_cues.tsv", languages ? ValidCues() : bytes);
  WriteBytes(kb / "languages.tsv", languages ? bytes : kLanguages);
  AuditCues cues;
  Diagnostics problems;
  if (!AuditCues::Load(kb.string(), &cues, &problems).ok()) {
    FUZZ_CHECK(!problems.empty());
    return;
  }
  std::optional<AuditCues> back = AuditCues::FromSaved(cues.Save());
  FUZZ_CHECK(back.has_value() && *back == cues);
  for (const std::string& item : AuditCues::Items()) {
    FUZZ_CHECK(!cues.CuesOf(item).empty());
  }
  FUZZ_CHECK(cues.languages().count("en") == 1);
  std::string words;
  for (const auto& [code, language] : cues.languages()) {
    for (const std::string& w : language.words) words += w + " ";
    words += ". ";
    for (const std::string& declared : language.codes) {
      Result<Text> one = Text::FromBytes(words, "languages", nullptr);
      if (!one.ok()) return;
      FUZZ_CHECK(GuessLanguage(cues, declared, one.value()).code == code);
    }
  }
  Result<Text> text = Text::FromBytes(words, "languages", nullptr);
  if (!text.ok()) return;
  const LanguageGuess guess = GuessLanguage(cues, "", text.value());
  FUZZ_CHECK(guess.code.empty() || cues.languages().count(guess.code) == 1);
}

void LoadMesh(std::string_view bytes) {
  const fs::path& kb = ScratchKb();
  if (bytes.substr(0, 5) == "table") {
    Lexicon(bytes);
    return;
  }
  if (bytes.substr(0, 4) == "item") {
    Cues(bytes, /*languages=*/false);
    return;
  }
  if (bytes.substr(0, 8) == "language") {
    Cues(bytes, /*languages=*/true);
    return;
  }
  const bool aliases = bytes.substr(0, 4) == "name";
  const bool common = bytes.substr(0, 4) == "word";
  if (bytes.substr(0, 7) == "harvest") {
    WriteBytes(kb / "concepts" / "fuzz.json", kConcepts);
    WriteBytes(kb / "mesh" / "descriptors.tsv", kTable);
    WriteBytes(kb / "mesh" / "aliases.tsv", kAliases);
    WriteBytes(kb / "mesh" / "common_words.tsv", kCommon);
    Harvest(bytes.substr(7));
    return;
  }
  WriteBytes(kb / "concepts" / "fuzz.json", kConcepts);
  WriteBytes(kb / "mesh" / "descriptors.tsv",
             aliases || common ? kTable : bytes);
  WriteBytes(kb / "mesh" / "aliases.tsv", aliases ? bytes : kAliases);
  WriteBytes(kb / "mesh" / "common_words.tsv", common ? bytes : kCommon);
  Vocabulary vocabulary;
  Diagnostics problems;
  Vocabulary::Load(kb.string(), &vocabulary, &problems);
  CheckKnowledgeBase(kb.string(), &problems);
  for (const Concept& c : vocabulary.concepts()) {
    FUZZ_CHECK(vocabulary.Find(c.id) == &c);
    for (std::uint32_t child : vocabulary.ChildrenOf(c.id)) {
      FUZZ_CHECK(child < vocabulary.concepts().size());
    }
  }
  const ConceptMatcher matcher(vocabulary);
  std::string words;
  for (const Concept& c : vocabulary.concepts()) {
    words += c.label + ". ";
    for (std::string_view t : SplitTerms(vocabulary.MeshTerms(c))) {
      words += std::string(t) + ". ";
    }
    for (std::string_view t : SplitTerms(vocabulary.MeshAbbreviations(c))) {
      words += std::string(t) + ". ";
    }
    for (const std::string& a : c.aliases) words += a + ". ";
  }
  Result<Text> text = Text::FromBytes(words, "mesh", nullptr);
  if (!text.ok()) return;
  for (const Mention& m : matcher.Match(text.value())) {
    FUZZ_CHECK(m.target != nullptr);
    FUZZ_CHECK(m.start <= m.end && m.end <= text.value().str().size());
  }
  // A snapshot's index round trip: what Adopt takes back is what it gave.
  std::optional<ConceptTable> copy =
      ConceptTable::FromColumns(vocabulary.concepts().ToColumns());
  FUZZ_CHECK(copy.has_value());
  Vocabulary adopted;
  FUZZ_CHECK(
      Vocabulary::Adopt(std::move(*copy), vocabulary.ExportIndex(), &adopted)
          .ok());
  FUZZ_CHECK(adopted.concepts().size() == vocabulary.concepts().size());
  for (std::size_t i = 0; i < adopted.concepts().size(); ++i) {
    FUZZ_CHECK(adopted.concepts()[i].label == vocabulary.concepts()[i].label);
    FUZZ_CHECK(adopted.Find(adopted.concepts().IdAt(i)) ==
               &adopted.concepts()[i]);
  }
}

}  // namespace
}  // namespace claimcheck::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  claimcheck::fuzz::LoadMesh(claimcheck::fuzz::Bytes(data, size));
  return 0;
}
