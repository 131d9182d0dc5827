// libFuzzer target: the curated kb loaders and checks (kb/FORMAT.md). The
// input is one kb file; the first top-level key it names says which
// ("concepts", "claims", "studies", "reference_values"; claims.json when it
// names none). The loaders read a directory and have no in-memory entry
// point, so each input is written into a scratch kb directory under $TMPDIR
// (removed at exit) whose other files hold empty lists:
//  - a concepts file: Vocabulary::Load, CheckKnowledgeBase, and a
//    ConceptMatcher over what loaded, run on the concepts' own words;
//  - an evidence file: Knowledge::Load and CheckEvidence against the real
//    kb/ vocabulary, so that inputs like kb/'s own files reach the checks.
#include <stdlib.h>

#include <array>
#include <filesystem>
#include <fstream>

#include "claimcheck/kb.h"
#include "claimcheck/knowledge.h"
#include "fuzz_util.h"

namespace claimcheck::fuzz {
namespace {

namespace fs = std::filesystem;

enum class KbFile { kConcepts, kClaims, kStudies, kReferenceValues };

constexpr std::array<std::pair<KbFile, std::string_view>, 4> kKeys = {{
    {KbFile::kConcepts, "\"concepts\""},
    {KbFile::kClaims, "\"claims\""},
    {KbFile::kStudies, "\"studies\""},
    {KbFile::kReferenceValues, "\"reference_values\""},
}};

KbFile WhichFile(std::string_view bytes) {
  KbFile file = KbFile::kClaims;
  std::size_t first = std::string_view::npos;
  for (const auto& [kind, key] : kKeys) {
    const std::size_t at = bytes.find(key);
    if (at < first) first = at, file = kind;
  }
  return file;
}

const fs::path& ScratchKb() {
  return ScratchDir("claimcheck-fuzz-kb", {"concepts"});
}

// The words of every concept, one sentence each, so the matcher finds them.
std::string ConceptWords(const Vocabulary& vocabulary) {
  std::string text;
  for (const Concept& c : vocabulary.concepts()) {
    text += c.label + ".\n";
    for (const std::string& s : c.synonyms) text += s + ".\n";
    for (const std::string& s : c.cased_synonyms) text += s + ".\n";
    for (const std::string& s : c.antonyms) text += s + ".\n";
  }
  return text;
}

void LoadConcepts(const fs::path& kb) {
  Vocabulary vocabulary;
  Diagnostics problems;
  Vocabulary::Load(kb.string(), &vocabulary, &problems);
  CheckKnowledgeBase(kb.string(), &problems);
  const ConceptMatcher matcher(vocabulary);
  Result<Text> text =
      Text::FromBytes(ConceptWords(vocabulary), "concepts", nullptr);
  if (!text.ok()) return;
  CheckText(text.value());
  for (const Mention& m : matcher.Match(text.value())) {
    FUZZ_CHECK(m.target != nullptr);
    FUZZ_CHECK(m.start <= m.end && m.end <= text.value().str().size());
  }
}

void LoadEvidence(const fs::path& kb) {
  Knowledge knowledge;
  Diagnostics problems;
  Knowledge::Load(kb.string(), RealVocabulary(), &knowledge, &problems);
  CheckEvidence(kb.string(), RealVocabulary(), &problems);
  for (const CuratedClaim& claim : knowledge.claims()) {
    FUZZ_CHECK(knowledge.FindClaim(claim.id) != nullptr);
    for (const ClaimEvidence& e : knowledge.StudiesForClaim(claim.id)) {
      FUZZ_CHECK(e.study != nullptr && e.evidence != nullptr);
    }
  }
}

void LoadKb(std::string_view bytes) {
  const fs::path& kb = ScratchKb();
  const KbFile file = WhichFile(bytes);
  const auto pick = [&](KbFile kind, std::string_view empty) {
    return file == kind ? bytes : empty;
  };
  WriteBytes(kb / "concepts" / "fuzz.json",
             pick(KbFile::kConcepts, R"({"concepts": []})"));
  WriteBytes(kb / "claims.json", pick(KbFile::kClaims, R"({"claims": []})"));
  WriteBytes(kb / "studies.json", pick(KbFile::kStudies, R"({"studies": []})"));
  WriteBytes(kb / "reference_values.json",
             pick(KbFile::kReferenceValues, R"({"reference_values": []})"));
  if (file == KbFile::kConcepts) {
    LoadConcepts(kb);
  } else {
    LoadEvidence(kb);
  }
}

}  // namespace
}  // namespace claimcheck::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  claimcheck::fuzz::LoadKb(claimcheck::fuzz::Bytes(data, size));
  return 0;
}
