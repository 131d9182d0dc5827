// The knowledge-base linter on the real kb/ and on broken copies of it.
#include "claimcheck/kb.h"
#include "test_util.h"

namespace claimcheck {

namespace {

// A kb directory holding one concepts file with `json` in it.
std::string KbWith(const std::string& name, const std::string& json) {
  auto dir = testing::TempDir("kb_" + name);
  testing::WriteFile(dir / "concepts" / "test.json", json);
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
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message.find("no such directory") != std::string::npos);
}

}  // namespace claimcheck
