// ParseEsearch, CheckEfetchBody and IsRateLimitBody over recorded real
// responses (tests/eutils/fixtures/, the corpus's efetch files) and a table
// of broken ones, each rejection checked for its message.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "claimcheck/eutils.h"
#include "eutils/eutils_test_util.h"
#include "importers/import_test_util.h"
#include "test_util.h"

namespace claimcheck {
namespace {

using testing::FixturePath;
using testing::Slurp;

TEST_CASE("esearch: recorded JSON responses", "[eutils]") {
  Result<EsearchResult> r =
      ParseEsearch(Slurp(FixturePath("esearch_pubmed.json")));
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  CHECK(r.value().count == 15169);
  CHECK(r.value().retmax == 100);
  CHECK(r.value().retstart == 0);
  REQUIRE(r.value().ids.size() == 100);
  CHECK(r.value().ids.front() == "23175848");
  CHECK(r.value().ids.back() == "23174999");
  CHECK(r.value().query_key == "1");
  CHECK(r.value().webenv ==
        "NCID_1_18991374_130.14.18.48_5555_1353814292_87026138");
  CHECK(r.value().warnings.empty());

  r = ParseEsearch(Slurp(FixturePath("esearch_phrase_not_found.json")));
  REQUIRE(r.ok());
  CHECK(r.value().count == 5163);
  CHECK(r.value().ids.size() == 20);
  CHECK(r.value().webenv.empty());
  CHECK(r.value().warnings ==
        std::vector<std::string>{"phrasesnotfound: fleegle[MeSH Terms]"});
}

TEST_CASE("esearch: recorded XML responses", "[eutils]") {
  Result<EsearchResult> r =
      ParseEsearch(Slurp(FixturePath("esearch_biopython.xml")));
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  CHECK(r.value().count == 63);
  CHECK(r.value().retmax == 20);
  REQUIRE(r.value().ids.size() == 20);
  CHECK(r.value().ids[0] == "41282813");
  CHECK(r.value().ids[19] == "37810457");

  r = ParseEsearch(Slurp(FixturePath("esearch_no_items.xml")));
  REQUIRE(r.ok());
  CHECK(r.value().count == 0);
  CHECK(r.value().ids.empty());
  CHECK(r.value().warnings ==
        std::vector<std::string>{"PhraseNotFound: abcXYZ",
                                 "OutputMessage: No items found."});

  r = ParseEsearch(Slurp(FixturePath("esearch_history.xml")));
  REQUIRE(r.ok());
  CHECK(r.value().ids == std::vector<std::string>{"48526533", "22347799"});
  CHECK(r.value().query_key == "19");
  CHECK(r.value().webenv.rfind("NCID_1_214573425", 0) == 0);
}

TEST_CASE("esearch: errors and broken responses are refused with a reason",
          "[eutils]") {
  struct Case {
    std::string body;
    std::string message;  // a part of the status message
  };
  const std::vector<Case> cases = {
      {Slurp(FixturePath("esearch_bad_db.json")),
       "NCBI says: Invalid db name specified: fleegle"},
      {"{\"error\":\"API rate limit exceeded\",\"count\":\"11\"}",
       "NCBI says: API rate limit exceeded"},
      {"<eSearchResult><ERROR>Invalid db name</ERROR></eSearchResult>",
       "NCBI says: Invalid db name"},
      {"<?xml version=\"1.0\"?>\n<ERROR>Empty term and query_key - nothing "
       "todo</ERROR>",
       "NCBI says: Empty term and query_key - nothing todo"},
      {"", "esearch response: empty"},
      {"  \n", "esearch response: empty"},
      {"Service unavailable", "neither JSON nor XML: \"Service unavailable\""},
      {"{\"esearchresult\": {\"count\": \"3\", \"idlist\": [\"1\", \"2\"",
       "esearch response: line 1, column"},
      {"<eSearchResult><Count>3</Count><IdList><Id>1</Id></IdList>",
       "malformed XML at byte"},
      {"[1, 2]", "not a JSON object"},
      {"{\"header\": {}}", "no \"esearchresult\" object"},
      {"{\"esearchresult\": {\"idlist\": []}}", "no \"count\" of digits"},
      {"{\"esearchresult\": {\"count\": \"-1\", \"idlist\": []}}",
       "no \"count\" of digits"},
      {"{\"esearchresult\": {\"count\": \"99999999999999999999\", "
       "\"idlist\": []}}",
       "no \"count\" of digits"},
      {"{\"esearchresult\": {\"count\": \"1\"}}", "no \"idlist\""},
      {"{\"esearchresult\": {\"count\": \"1\", \"idlist\": \"1\"}}",
       "\"idlist\" is not an array"},
      {"{\"esearchresult\": {\"count\": \"1\", \"idlist\": [\"12a\"]}}",
       "\"idlist\" holds \"12a\", not a PMID"},
      {"{\"esearchresult\": {\"count\": \"1\", \"idlist\": [12]}}",
       "\"idlist\" holds a non-string, not a PMID"},
      {"{\"esearchresult\": {\"count\": \"1\", \"retmax\": \"x\", "
       "\"idlist\": []}}",
       "\"retmax\" is not a count"},
      {"<html><body>502 Bad Gateway</body></html>",
       "root element <html>, not <eSearchResult>"},
      {"<eSearchResult><IdList/></eSearchResult>", "no <Count> of digits"},
      {"<eSearchResult><Count>1</Count></eSearchResult>", "no <IdList>"},
      {"<eSearchResult><Count>1</Count><IdList><Id>1; DROP</Id></IdList>"
       "</eSearchResult>",
       "<IdList> holds \"1; DROP\", not a PMID"},
  };
  for (const Case& c : cases) {
    INFO(c.body.substr(0, 120));
    const Result<EsearchResult> r = ParseEsearch(c.body);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kInvalidArgument);
    CHECK_THAT(r.status().message(), Catch::Contains(c.message));
  }
}

TEST_CASE("efetch: a PubmedArticleSet passes, anything else says why",
          "[eutils]") {
  // Every real efetch result of the corpus.
  for (const char* file :
       {"pubmed/pubMR_pubmed_result.xml",
        "pubmed/eutils-json_efetch.pubmed.xml",
        "pubmed/mokztk_pubmed_result_2012.xml", "pubmed/metapub_219391.xml"}) {
    INFO(file);
    CHECK(CheckEfetchBody(Slurp(testing::CorpusPath(file))).ok());
  }
  CHECK(CheckEfetchBody("<PubmedArticleSet></PubmedArticleSet>").ok());
  CHECK(CheckEfetchBody("<?xml version=\"1.0\"?>\n<PubmedArticleSet/>").ok());

  struct Case {
    std::string body;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"<eFetchResult><ERROR>Empty id list - nothing todo</ERROR>"
       "</eFetchResult>",
       "NCBI says: Empty id list - nothing todo"},
      {"{\"error\":\"API rate limit exceeded\",\"count\":\"11\"}",
       "NCBI says: API rate limit exceeded"},
      {"", "efetch response: empty"},
      {"<html><body>Bad Gateway</body></html>",
       "not a PubmedArticleSet: \"<html><body>Bad Gateway</body></html>\""},
      {"<PubmedArticleSetX>", "not a PubmedArticleSet"},
  };
  for (const Case& c : cases) {
    INFO(c.body);
    const Status s = CheckEfetchBody(c.body);
    REQUIRE_FALSE(s.ok());
    CHECK_THAT(s.message(), Catch::Contains(c.message));
  }
}

TEST_CASE("rate-limit bodies are recognised, with any status", "[eutils]") {
  CHECK(IsRateLimitBody(
      "{\"error\":\"API rate limit exceeded\",\"api-key\":\"192.0.2.1\","
      "\"count\":\"4\",\"limit\":\"3\"}"));
  CHECK(IsRateLimitBody("{\"error\":\"API Rate Limit Exceeded\"}"));
  CHECK_FALSE(IsRateLimitBody(Slurp(FixturePath("esearch_pubmed.json"))));
  CHECK_FALSE(IsRateLimitBody(""));
}

}  // namespace
}  // namespace claimcheck
