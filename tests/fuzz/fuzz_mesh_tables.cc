// libFuzzer target: the MeSH layer of the vocabulary (kb/mesh/, kb/FORMAT.md
// part 3). The input is one table; its first line says which: a line
// starting "name" is the alias list, "word" the common-word list, anything
// else the descriptor table. It is written into a scratch kb (under $TMPDIR,
// removed at exit) beside a small valid table, alias list and curated
// concepts file, then Vocabulary::Load, CheckKnowledgeBase, a ConceptMatcher
// over what loaded, and a match over the tables' own words run on it.
#include <stdlib.h>

#include <filesystem>
#include <fstream>

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

void Write(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  FUZZ_CHECK(out.good());
}

const fs::path& ScratchKb() {
  static const fs::path* dir = [] {
    std::string pattern =
        (fs::temp_directory_path() / "claimcheck-fuzz-mesh-XXXXXX").string();
    FUZZ_CHECK(mkdtemp(pattern.data()) != nullptr);
    auto* path = new fs::path(pattern);
    fs::create_directory(*path / "concepts");
    fs::create_directory(*path / "mesh");
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(*dir, ec);
    });
    return path;
  }();
  return *dir;
}

void LoadMesh(std::string_view bytes) {
  const fs::path& kb = ScratchKb();
  const bool aliases = bytes.substr(0, 4) == "name";
  const bool common = bytes.substr(0, 4) == "word";
  Write(kb / "concepts" / "fuzz.json", kConcepts);
  Write(kb / "mesh" / "descriptors.tsv", aliases || common ? kTable : bytes);
  Write(kb / "mesh" / "aliases.tsv", aliases ? bytes : kAliases);
  Write(kb / "mesh" / "common_words.tsv", common ? bytes : kCommon);
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
  std::vector<Concept> copy = vocabulary.concepts();
  Vocabulary adopted;
  FUZZ_CHECK(
      Vocabulary::Adopt(std::move(copy), vocabulary.ExportIndex(), &adopted)
          .ok());
}

}  // namespace
}  // namespace claimcheck::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  claimcheck::fuzz::LoadMesh(claimcheck::fuzz::Bytes(data, size));
  return 0;
}
