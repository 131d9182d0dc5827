// The knowledge-base linter on the real kb/ and on broken copies of it.
#include <filesystem>
#include <fstream>

#include "claimcheck/kb.h"
#include "test_util.h"

namespace claimcheck {

namespace {

// A kb directory holding one concepts file with `json` in it (and the
// repository's lexicon).
std::string KbWith(const std::string& name, const std::string& json) {
  auto dir = testing::TempDir("kb_" + name);
  testing::WriteFile(dir / "concepts" / "test.json", json);
  testing::CopyWordLists(dir);
  return dir.string();
}

Diagnostics Check(const std::string& kb) {
  Diagnostics problems;
  CheckKnowledgeBase(kb, &problems);
  return problems;
}

bool Has(const Diagnostics& problems, const std::string& where_part,
         const std::string& message_part) {
  for (const Diagnostic& d : problems) {
    if (d.where.find(where_part) != std::string::npos &&
        d.message.find(message_part) != std::string::npos &&
        d.file.find("test.json") != std::string::npos) {
      return true;
    }
  }
  return false;
}

bool HasIn(const Diagnostics& problems, const std::string& file_part,
           const std::string& where_part, const std::string& message_part) {
  for (const Diagnostic& d : problems) {
    if (d.file.find(file_part) != std::string::npos &&
        d.where.find(where_part) != std::string::npos &&
        d.message.find(message_part) != std::string::npos) {
      return true;
    }
  }
  return false;
}

// A broken row of a word-list file and the problem kb check must name.
struct RowCase {
  const char* name;
  const char* rows;  // the rows written before the file's real ones
  const char* where;
  const char* message;
};

std::string Dump(const Diagnostics& problems) {
  std::string out;
  for (const Diagnostic& d : problems) out += d.ToString() + "\n";
  return out;
}

constexpr const char* kGood = R"({"concepts": [
  {"id": "magnesium", "kind": "intervention", "label": "magnesium"},
  {"id": "sleep", "kind": "outcome", "label": "sleep", "better": "higher"}
]})";

}  // namespace

TEST_CASE("kb check: the curated kb/ is clean", "[kb]") {
  const Diagnostics problems = Check(testing::KbDir());
  INFO(Dump(problems));
  CHECK(problems.empty());
}

TEST_CASE("kb check: a small good kb is clean", "[kb]") {
  const Diagnostics problems = Check(KbWith("good", kGood));
  INFO(Dump(problems));
  CHECK(problems.empty());
}

TEST_CASE("kb check: each broken file is reported with its place", "[kb]") {
  struct Case {
    const char* name;
    std::string json;
    const char* where;    // part of the place it must name
    const char* message;  // part of the message
  };
  const std::vector<Case> cases = {
      {"syntax", "{\"concepts\": [\n  {\"id\": \"a\",, }\n]}", "line 2, column",
       "invalid JSON"},
      {"not_object", "[1, 2]", "line 1", "\"concepts\" array"},
      {"unknown_parent",
       R"({"concepts": [
  {"id": "citrate", "kind": "intervention", "label": "citrate", "is_a": ["magnesum"]}
]})",
       "line 2, concept 'citrate'", "unknown is_a parent 'magnesum'"},
      {"cycle",
       R"({"concepts": [
  {"id": "a", "kind": "mechanism", "label": "a", "is_a": ["b"]},
  {"id": "b", "kind": "mechanism", "label": "b", "is_a": ["c"]},
  {"id": "c", "kind": "mechanism", "label": "c", "is_a": ["a"]}
]})",
       "concept 'a'", "is_a cycle: a -> b -> c -> a"},
      {"self_cycle",
       R"({"concepts": [
  {"id": "a", "kind": "mechanism", "label": "a", "is_a": ["a"]}
]})",
       "concept 'a'", "is_a cycle: a -> a"},
      {"duplicate_synonym",
       R"({"concepts": [
  {"id": "gaba", "kind": "mechanism", "label": "GABA"},
  {"id": "gaba_receptor", "kind": "mechanism", "label": "GABA receptor",
   "synonyms": ["gaba"]}
]})",
       "line 3, concept 'gaba_receptor'",
       "synonym \"gaba\" is also a name of concept 'gaba'"},
      {"duplicate_after_folding",
       R"({"concepts": [
  {"id": "rls", "kind": "outcome", "label": "restless legs syndrome", "better": "lower",
   "synonyms": ["Restless-Leg Syndrome"]}
]})",
       "concept 'rls'", "listed twice"},
      {"duplicate_id",
       R"({"concepts": [
  {"id": "a", "kind": "mechanism", "label": "a"},
  {"id": "a", "kind": "mechanism", "label": "b"}
]})",
       "concept 'a'", "duplicate id"},
      {"missing_better",
       R"({"concepts": [
  {"id": "sleep", "kind": "outcome", "label": "sleep"}
]})",
       "concept 'sleep'", "needs \"better\""},
      {"bad_better",
       R"({"concepts": [
  {"id": "sleep", "kind": "outcome", "label": "sleep", "better": "up"}
]})",
       "concept 'sleep'", "not \"up\""},
      {"better_on_mechanism",
       R"({"concepts": [
  {"id": "gaba", "kind": "mechanism", "label": "GABA", "better": "higher"}
]})",
       "concept 'gaba'", "only outcomes"},
      {"bad_kind",
       R"({"concepts": [
  {"id": "x", "kind": "supplement", "label": "x"}
]})",
       "concept 'x'", "\"kind\" must be"},
      {"bad_id",
       R"({"concepts": [
  {"id": "Magnesium Citrate", "kind": "intervention", "label": "x"}
]})",
       "concepts[0]", "\"id\" must be"},
      {"unknown_field",
       R"({"concepts": [
  {"id": "x", "kind": "intervention", "label": "x", "synonym": ["y"]}
]})",
       "concept 'x'", "unknown field \"synonym\""},
      {"wrong_type",
       R"({"concepts": [
  {"id": "x", "kind": "intervention", "label": "x", "synonyms": "y"}
]})",
       "concept 'x'", "\"synonyms\" must be an array of strings"},
      {"kind_mismatch",
       R"({"concepts": [
  {"id": "gaba", "kind": "mechanism", "label": "GABA"},
  {"id": "x", "kind": "intervention", "label": "x", "is_a": ["gaba"]}
]})",
       "concept 'x'", "is mechanism, not intervention"},
      {"empty_synonym",
       R"({"concepts": [
  {"id": "x", "kind": "intervention", "label": "x", "synonyms": ["--"]}
]})",
       "concept 'x'", "no words"},
      {"deep_nesting", std::string(10000, '[') + std::string(10000, ']'),
       "line 1, column", "nested deeper"},
  };
  for (const Case& c : cases) {
    INFO("case " << c.name);
    const Diagnostics problems = Check(KbWith(c.name, c.json));
    INFO(Dump(problems));
    CHECK(Has(problems, c.where, c.message));
  }
}

TEST_CASE("kb check: every problem is listed, not only the first", "[kb]") {
  const Diagnostics problems = Check(KbWith("many", R"({"concepts": [
  {"id": "a", "kind": "mechanism", "label": "a", "is_a": ["nope"]},
  {"id": "b", "kind": "outcome", "label": "b"},
  {"id": "c", "kind": "mechanism", "label": "a"}
]})"));
  INFO(Dump(problems));
  CHECK(problems.size() == 3);
}

TEST_CASE("kb check: a directory without concepts is a problem", "[kb]") {
  auto dir = testing::TempDir("kb_empty");
  const Diagnostics problems = Check(dir.string());
  INFO(Dump(problems));
  // The concepts directory, the claim lexicon and the rubric cues beside
  // it: each missing.
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].message.find("no such directory") != std::string::npos);
  CHECK(HasIn(problems, "lexicon.tsv", "", "cannot be read"));
  CHECK(HasIn(problems, "rubric_cues.tsv", "", "cannot be read"));
}

}  // namespace claimcheck

namespace claimcheck {

namespace {

// A kb with a small MeSH layer: descriptors.tsv (a header, then `rows`),
// and aliases.tsv and common_words.tsv when given.
std::string MeshKb(const std::string& name, const std::string& rows,
                   const std::string& aliases = "",
                   const std::string& common = "",
                   const std::string& concepts = kGood) {
  auto dir = testing::TempDir("kb_mesh_" + name);
  testing::WriteFile(dir / "concepts" / "test.json", concepts);
  testing::CopyWordLists(dir);
  testing::WriteFile(dir / "mesh" / "descriptors.tsv",
                     "# a test table\nmesh_year\t2024\n"
                     "ui\tkind\tscope\tbetter\tlabel\tparents\tactions\tterms\t"
                     "abbreviations\n" +
                         rows);
  if (!aliases.empty()) {
    testing::WriteFile(dir / "mesh" / "aliases.tsv",
                       "name\ttarget\trelation\tlabel\tsource\n" + aliases);
  }
  if (!common.empty()) {
    testing::WriteFile(dir / "mesh" / "common_words.tsv",
                       "word\tdescriptor\treason\n" + common);
  }
  return dir.string();
}

const char* kRows =
    "D000001\tintervention\targument\t-\tMagnesium\t-\t-\tMg Element\t-\n"
    "D000002\toutcome\targument\tlower\tInsomnia Disorders\t-\t-\t"
    "Insomnia|Sleeplessness\t-\n"
    "D000003\toutcome\targument\tlower\tChronic Insomnia\tD000002\t-\t-\t-\n";

}  // namespace

TEST_CASE("kb check: a good MeSH layer is clean and laid under the curated",
          "[kb][mesh]") {
  const std::string kb = MeshKb(
      "good", kRows,
      "mag pill\tmagnesium\tsame\t-\tNIH ODS fact sheet\n"
      "sleeplessness pill\tD000002\tnarrower\tnight pill\tMeSH D000002\n",
      "element\tD000001\tordinary word\n",
      R"({"concepts": [
  {"id": "magnesium", "kind": "intervention", "label": "magnesium", "mesh": "D000001"},
  {"id": "sleep", "kind": "outcome", "label": "sleep", "better": "higher"}
]})");
  const Diagnostics problems = Check(kb);
  INFO(Dump(problems));
  CHECK(problems.empty());
  Vocabulary v;
  Diagnostics ignored;
  REQUIRE(Vocabulary::Load(kb, &v, &ignored).ok());
  REQUIRE(v.Find("D000001") != nullptr);
  CHECK(v.Find("D000001")->id == "magnesium");
  CHECK(v.Find("D000001")->aliases == std::vector<std::string>{"mag pill"});
  REQUIRE(v.Find("night_pill") != nullptr);
  CHECK(v.Find("night_pill")->is_a == std::vector<std::string>{"D000002"});
  CHECK(v.Find("night_pill")->source == ConceptSource::kAlias);
  CHECK(v.common_words() == std::vector<std::string>{"element"});
  CHECK(v.mesh_year() == "2024");
  // Curated first, then alias concepts, then descriptors by UI.
  std::vector<std::string> order;
  for (const Concept& c : v.concepts()) order.push_back(c.id);
  CHECK(order == std::vector<std::string>{"magnesium", "sleep", "night_pill",
                                          "D000002", "D000003"});
}

TEST_CASE("kb check: a broken MeSH layer is reported with file and line",
          "[kb][mesh]") {
  struct Case {
    const char* name;
    std::string rows, aliases, common;
    const char* file;
    const char* where;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"bad_ui",
       std::string(kRows) + "X12\toutcome\targument\t-\tX\t-\t-\t-\t-\n", "",
       "", "descriptors.tsv", "line 7", "a descriptor UI is D and digits"},
      {"few_fields", std::string(kRows) + "D000009\toutcome\targument\n", "",
       "", "descriptors.tsv", "line 7", "expected 9 tab-separated fields"},
      {"bad_kind",
       std::string(kRows) + "D000009\tgadget\targument\t-\tX\t-\t-\t-\t-\n", "",
       "", "descriptors.tsv", "line 7", "kind must be"},
      {"unknown_parent",
       std::string(kRows) +
           "D000009\toutcome\targument\t-\tX\tD999999\t-\t-\t-\n",
       "", "", "descriptors.tsv", "line 7",
       "unknown parent descriptor D999999"},
      {"cycle",
       "D000001\toutcome\targument\t-\tA\tD000002\t-\t-\t-\n"
       "D000002\toutcome\targument\t-\tB\tD000001\t-\t-\t-\n",
       "", "", "descriptors.tsv", "line 4",
       "is_a cycle: D000001 -> D000002 -> D000001"},
      {"alias_unknown_ui", kRows,
       "ashwagandha\tD123456\tsame\t-\tMedlinePlus\n", "", "aliases.tsv",
       "line 2", "unknown target \"D123456\""},
      {"alias_bad_relation", kRows,
       "ashwagandha\tD000001\tcousin\t-\tMedlinePlus\n", "", "aliases.tsv",
       "line 2", "relation must be same or narrower"},
      {"alias_no_source", kRows, "ashwagandha\tD000001\tsame\t-\t\n", "",
       "aliases.tsv", "line 2", "needs its source"},
      {"alias_twice", kRows,
       "ashwagandha\tD000001\tsame\t-\tX\nAshwagandha\tD000001\tsame\t-\tX\n",
       "", "aliases.tsv", "line 3", "listed twice"},
      {"common_unknown_ui", kRows, "", "lead\tD424242\tverb\n",
       "common_words.tsv", "line 2", "unknown descriptor"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const Diagnostics problems =
        Check(MeshKb(c.name, c.rows, c.aliases, c.common));
    INFO(Dump(problems));
    CHECK(HasIn(problems, c.file, c.where, c.message));
  }
  // A curated concept naming a descriptor the table lacks.
  const Diagnostics problems =
      Check(MeshKb("overlay", kRows, "", "", R"({"concepts": [
  {"id": "zinc", "kind": "intervention", "label": "zinc", "mesh": "D015032"}
]})"));
  INFO(Dump(problems));
  CHECK(HasIn(problems, "test.json", "concept 'zinc'",
              "unknown MeSH descriptor \"D015032\""));
}

TEST_CASE("kb check: a broken claim lexicon is reported with file and line",
          "[kb][lexicon]") {
  const std::vector<RowCase> cases = {
      {"unknown_table", "gizmos\tfoo\t\n", "line 3",
       "unknown table \"gizmos\""},
      {"bad_effect", "triggers\t~zap\tsideways\n", "line 3",
       "bad value \"sideways\" for table triggers"},
      {"bad_number", "hedges\tperchance\tmaybe\n", "line 3",
       "bad value \"maybe\" for table hedges"},
      {"twice", "hedges\tzzz\t\nhedges\tzzz\t\n", "line 4",
       "\"zzz\" is already in table hedges"},
      {"empty_phrase", "hedges\t\t\n", "line 3", "empty phrase"},
      {"fields", "hedges\ta\tb\tc\n", "line 3", "expected 3 tab-separated"},
      {"inflection", "inflections\tgo\t\n", "line 3",
       "an inflections row is a verb and its other forms"},
  };
  for (const RowCase& c : cases) {
    INFO(c.name);
    auto dir = testing::TempDir(std::string("kb_lexicon_") + c.name);
    testing::WriteFile(dir / "concepts" / "test.json", kGood);
    // The real rows after the broken one: every table keeps its rows.
    std::ifstream real(testing::KbDir() + "/lexicon.tsv");
    std::string line, rest;
    while (std::getline(real, line)) {
      if (line.empty() || line[0] == '#' || line == "table\tphrase\tvalue") {
        continue;
      }
      rest += line + "\n";
    }
    testing::WriteFile(dir / "lexicon.tsv", "# test\ntable\tphrase\tvalue\n" +
                                                std::string(c.rows) + rest);
    const Diagnostics problems = Check(dir.string());
    INFO(Dump(problems));
    CHECK(HasIn(problems, "lexicon.tsv", c.where, c.message));
  }
  // No header; a table left empty; no file at all.
  auto dir = testing::TempDir("kb_lexicon_header");
  testing::WriteFile(dir / "concepts" / "test.json", kGood);
  testing::WriteFile(dir / "lexicon.tsv", "hedges\tmay\t\n");
  CHECK(HasIn(Check(dir.string()), "lexicon.tsv", "line 1",
              "the first row must be the header"));
  testing::WriteFile(dir / "lexicon.tsv",
                     "table\tphrase\tvalue\nhedges\tmay\t\n");
  CHECK(HasIn(Check(dir.string()), "lexicon.tsv", "",
              "table triggers has no rows"));
  std::filesystem::remove(dir / "lexicon.tsv");
  CHECK(HasIn(Check(dir.string()), "lexicon.tsv", "", "cannot be read"));
}

TEST_CASE("kb check: broken rubric cues are reported with file and line",
          "[kb][rubric]") {
  const std::vector<RowCase> cases = {
      {"unknown_item", "flattery\tgreat\n", "line 2",
       "unknown item \"flattery\""},
      {"upper_case", "harms\tSide Effect\n", "line 2", "must be lower case"},
      {"twice", "harms\tzzz\nharms\tzzz\n", "line 3",
       "\"zzz\" is already a cue of harms"},
      {"empty", "harms\t\"  \"\n", "line 2", "empty cue"},
      {"fields", "harms\ta\tb\n", "line 2", "expected 2 tab-separated"},
  };
  const std::string real =
      testing::Slurp(testing::KbDir() + "/rubric_cues.tsv");
  const std::string rows = real.substr(real.find("item\tcue\n") + 9);
  for (const RowCase& c : cases) {
    INFO(c.name);
    auto dir = testing::TempDir(std::string("kb_rubric_") + c.name);
    testing::WriteFile(dir / "concepts" / "test.json", kGood);
    testing::CopyWordLists(dir);
    testing::WriteFile(dir / "rubric_cues.tsv",
                       "item\tcue\n" + std::string(c.rows) + rows);
    const Diagnostics problems = Check(dir.string());
    INFO(Dump(problems));
    CHECK(HasIn(problems, "rubric_cues.tsv", c.where, c.message));
  }
  auto dir = testing::TempDir("kb_rubric_none");
  testing::WriteFile(dir / "concepts" / "test.json", kGood);
  testing::CopyWordLists(dir);
  testing::WriteFile(dir / "rubric_cues.tsv", "item\tcue\nharms\trisk\n");
  CHECK(HasIn(Check(dir.string()), "rubric_cues.tsv", "",
              "item uncertainty has no cues"));
}

}  // namespace claimcheck

namespace claimcheck {
namespace {

TEST_CASE("kb check: broken languages are reported with file and line",
          "[kb][language]") {
  const std::vector<RowCase> cases = {
      {"code", "eng\tname\tEnglish\n", "line 2",
       "language \"eng\" is not an ISO 639-1 code"},
      {"kind", "en\tspelling\tcolour\n", "line 2", "unknown kind \"spelling\""},
      {"upper", "en\tword\tThe\n", "line 2", "\"The\" must be lower case"},
      {"twice", "en\tword\tzzz\nen\tword\tzzz\n", "line 3",
       "\"zzz\" is already a word of en"},
      {"iso2", "en\tcode\ten1\n", "line 2", "is not an ISO 639-2 code"},
      {"owner", "en\tcode\tger\n", "", "code ger already means"},
      {"renamed", "en\tname\tAnglais\n", "", "is already named"},
      {"fields", "en\tword\n", "line 2", "expected 3 tab-separated"},
      {"letters", "en\tword\tl'\n", "line 2", "must be letters only"},
      {"nameless", "xx\tword\tfoo\n", "", "language xx has no name"},
  };
  const std::string real = testing::Slurp(testing::KbDir() + "/languages.tsv");
  const std::string header = "language\tkind\tvalue\n";
  const std::string rows = real.substr(real.find(header) + header.size());
  for (const RowCase& c : cases) {
    INFO(c.name);
    auto dir = testing::TempDir(std::string("kb_language_") + c.name);
    testing::WriteFile(dir / "concepts" / "test.json", kGood);
    testing::CopyWordLists(dir);
    testing::WriteFile(dir / "languages.tsv", header + c.rows + rows);
    const Diagnostics problems = Check(dir.string());
    INFO(Dump(problems));
    CHECK(HasIn(problems, "languages.tsv", c.where, c.message));
  }
  auto dir = testing::TempDir("kb_language_no_english");
  testing::WriteFile(dir / "concepts" / "test.json", kGood);
  testing::CopyWordLists(dir);
  testing::WriteFile(dir / "languages.tsv",
                     header + rows.substr(rows.find("# German")));
  CHECK(HasIn(Check(dir.string()), "languages.tsv", "", "no English (en)"));
  std::filesystem::remove(dir / "languages.tsv");
  CHECK(HasIn(Check(dir.string()), "languages.tsv", "", "cannot be read"));
}

}  // namespace
}  // namespace claimcheck
