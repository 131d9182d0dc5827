// KnowledgeBase (knowledge_base.h): one object per load, the same from its
// files and from its snapshot, two of them in one process independent of
// each other, evidence problems kept for the commands that judge, a broken
// lexicon refused with its place, harvested names matched.
#include "claimcheck/knowledge_base.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "claims/claims_test_util.h"
#include "test_util.h"

namespace claimcheck::testing {
namespace {

namespace fs = std::filesystem;

std::unique_ptr<KnowledgeBase> MustLoad(const fs::path& kb,
                                        const std::string& cache = "") {
  Diagnostics problems;
  KnowledgeBase::Options options;
  options.cache_dir = cache;
  options.settle_seconds = 0;  // tests do not wait
  Result<std::unique_ptr<KnowledgeBase>> loaded =
      KnowledgeBase::Load(kb.string(), options, &problems);
  INFO(loaded.status().ToString());
  REQUIRE(loaded.ok());
  return std::move(loaded).value();
}

// The claims `extractor` finds in `input`.
Extracted ExtractFrom(const ClaimExtractor& extractor,
                      const std::string& input) {
  Result<Text> text = Text::FromBytes(input, "test", nullptr);
  REQUIRE(text.ok());
  Extracted e;
  e.text = std::move(text).value();
  e.claims = extractor.Extract(e.text);
  return e;
}

// Every claim the extractor finds in the seeds, one per line.
std::string SeedClaims(const KnowledgeBase& kb) {
  std::string out;
  for (const std::string prefix : {"000", "001", "002", "003", "004"}) {
    out += Dump(ExtractFrom(kb.extractor(), Slurp(SeedPath(prefix))));
  }
  return out;
}

TEST_CASE("a knowledge base reads the same from its files and its snapshot",
          "[kb][knowledge_base]") {
  const fs::path kb = CopyKb("kbase_same");
  const std::string cache = (kb.parent_path() / "cache").string();
  const auto from_files = MustLoad(kb, cache);
  CHECK_FALSE(from_files->from_snapshot());
  REQUIRE(from_files->evidence_status().ok());
  const auto from_snapshot = MustLoad(kb, cache);
  CHECK(from_snapshot->from_snapshot());
  CHECK(from_snapshot->vocabulary().concepts().size() ==
        from_files->vocabulary().concepts().size());
  CHECK(from_snapshot->knowledge().studies().size() ==
        from_files->knowledge().studies().size());
  CHECK(from_snapshot->lexicon() == from_files->lexicon());
  const std::string claims = SeedClaims(*from_files);
  CHECK(std::count(claims.begin(), claims.end(), '\n') > 200);
  CHECK(SeedClaims(*from_snapshot) == claims);
}

TEST_CASE("two knowledge bases in one process keep their own word lists",
          "[kb][knowledge_base]") {
  // A kb whose lexicon has no predicates of lowering: "reduces" reads as
  // nothing there, and still as decreases in the repository's kb.
  const fs::path kb = CopyKb("kbase_two");
  std::ifstream in(kb / "lexicon.tsv");
  std::string kept, line;
  while (std::getline(in, line)) {
    if (line.rfind("triggers\t", 0) == 0 && line.size() > 5 &&
        line.compare(line.size() - 5, 5, "\tdown") == 0) {
      continue;
    }
    kept += line + "\n";
  }
  in.close();
  WriteFile(kb / "lexicon.tsv", kept);
  const auto trimmed = MustLoad(kb);
  const auto real = MustLoad(KbDir());
  const std::string sentence = "Magnesium reduces anxiety.";
  const Extracted by_real = ExtractFrom(real->extractor(), sentence);
  const Extracted by_trimmed = ExtractFrom(trimmed->extractor(), sentence);
  REQUIRE(by_real.claims.size() == 1);
  CHECK(by_real.claims[0].relation == "decreases");
  CHECK(by_real.claims[0].object->id == "anxiety");
  CHECK(by_trimmed.claims.empty());
  // Loading the second changed nothing in the first.
  CHECK(ExtractFrom(real->extractor(), sentence).claims.size() == 1);
}

TEST_CASE("a kb with broken evidence still extracts; its problems are kept",
          "[kb][knowledge_base]") {
  const fs::path kb = CopyKb("kbase_evidence");
  WriteFile(kb / "studies.json", "{ not json");
  const auto loaded = MustLoad(kb);
  CHECK_FALSE(loaded->evidence_status().ok());
  REQUIRE_FALSE(loaded->evidence_problems().empty());
  CHECK(loaded->evidence_problems()[0].file.find("studies.json") !=
        std::string::npos);
  CHECK(ExtractFrom(loaded->extractor(), "Magnesium reduces anxiety.")
            .claims.size() == 1);
}

TEST_CASE("a kb with a broken lexicon does not load; the line is named",
          "[kb][knowledge_base]") {
  const fs::path kb = CopyKb("kbase_lexicon");
  const std::string lexicon = Slurp((kb / "lexicon.tsv").string());
  WriteFile(kb / "lexicon.tsv", ReplaceOnce(lexicon, "triggers\t~increase\tup",
                                            "triggers\t~increase\tsideways"));
  Diagnostics problems;
  Result<std::unique_ptr<KnowledgeBase>> loaded =
      KnowledgeBase::Load(kb.string(), KnowledgeBase::Options(), &problems);
  CHECK(loaded.status().code() == Status::Code::kCorruption);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].file.find("lexicon.tsv") != std::string::npos);
  CHECK(problems[0].where.rfind("line ", 0) == 0);
  CHECK(problems[0].message.find("sideways") != std::string::npos);
}

TEST_CASE("harvested names join the vocabulary and the extractor",
          "[kb][knowledge_base]") {
  auto kb = MustLoad(KbDir());
  const std::string sentence = "Zorbicillin reduces anxiety.";
  // Before: the name is words the vocabulary lacks, a literal subject.
  const Extracted before = ExtractFrom(kb->extractor(), sentence);
  REQUIRE(before.claims.size() == 1);
  CHECK(IsLiteral(before.claims[0].subject));
  kb->AddHarvested({{"C999001", "zorbicillin", "Chemical"}});
  const Extracted after = ExtractFrom(kb->extractor(), sentence);
  REQUIRE(after.claims.size() == 1);
  CHECK(after.claims[0].subject->id == "C999001");
  CHECK(kb->vocabulary().Find("C999001") != nullptr);
}

}  // namespace
}  // namespace claimcheck::testing
