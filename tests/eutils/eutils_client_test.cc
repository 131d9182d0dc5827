// EutilsClient against the loopback server (loopback_server.h): the
// requests it sends, 429 with Retry-After, 5xx with backoff, a 400 at once,
// an esearch error, a stalled transfer, no server at all, and the API key's
// rate. Waits go to an injected sleeper that moves an injected clock, so
// nothing sleeps but the stall test (one second, for real).
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "claimcheck/eutils.h"
#include "eutils/eutils_test_util.h"
#include "eutils/loopback_server.h"

namespace claimcheck {
namespace {

using std::chrono::milliseconds;
using std::chrono::nanoseconds;
using std::chrono::seconds;
using testing::CorpusRecords;
using testing::EutilsScript;
using testing::LoopbackResponse;
using testing::LoopbackServer;

constexpr const char* kKey = "SECRET-TEST-KEY";

// The client's clock and sleeper: every wait is recorded and moves the
// clock, nothing sleeps.
struct Timeline {
  std::chrono::steady_clock::time_point now{};
  std::vector<nanoseconds> sleeps;
  std::vector<std::string> notes;
};

EutilsOptions TestOptions(const LoopbackServer& server, Timeline* t) {
  EutilsOptions o;
  o.base_url = server.BaseUrl();
  o.email = "curator@example.org";
  o.clock = [t] { return t->now; };
  o.sleep = [t](nanoseconds d) {
    t->sleeps.push_back(d);
    t->now += d;
  };
  o.on_retry = [t](const std::string& note) { t->notes.push_back(note); };
  o.http.connect_timeout = seconds(5);
  o.http.stall_timeout = seconds(5);
  return o;
}

bool Slept(const Timeline& t, nanoseconds d) {
  for (const nanoseconds s : t.sleeps) {
    if (s == d) return true;
  }
  return false;
}

std::size_t Records(const std::string& xml) {
  std::size_t n = 0;
  for (std::size_t at = xml.find("<PubmedArticle>"); at != std::string::npos;
       at = xml.find("<PubmedArticle>", at + 1)) {
    ++n;
  }
  return n;
}

const CorpusRecords& Corpus() {
  static const CorpusRecords corpus;
  return corpus;
}

TEST_CASE("eutils client: esearch and efetch send what NCBI asks for",
          "[eutils]") {
  EutilsScript script(Corpus());
  LoopbackServer server(script.Handler());
  Timeline t;
  EutilsClient client(TestOptions(server, &t));
  CHECK(client.requests_per_second() == 3);
  const std::string term = "magnesium AND sleep[tiab] & \"x\"";
  Result<EsearchResult> found = client.Search(term, 50);
  INFO(found.status().ToString());
  REQUIRE(found.ok());
  CHECK(found.value().count == 93);
  REQUIRE(found.value().ids.size() == 50);
  CHECK(found.value().ids[0] == Corpus().pmids()[0]);
  const std::vector<std::string> three(found.value().ids.begin(),
                                       found.value().ids.begin() + 3);
  Result<std::string> xml = client.Fetch(three);
  REQUIRE(xml.ok());
  CHECK(Records(xml.value()) == 3);
  CHECK(CheckEfetchBody(xml.value()).ok());

  const auto requests = server.Requests();
  REQUIRE(requests.size() == 2);
  CHECK(client.requests() == 2);
  CHECK(requests[0].method == "GET");
  CHECK(requests[0].path == "/entrez/eutils/esearch.fcgi");
  CHECK(requests[0].Params() ==
        std::map<std::string, std::string>{{"db", "pubmed"},
                                           {"term", term},
                                           {"retmax", "50"},
                                           {"retmode", "json"},
                                           {"tool", "claimcheck"},
                                           {"email", "curator@example.org"}});
  CHECK(requests[1].method == "POST");
  CHECK(requests[1].path == "/entrez/eutils/efetch.fcgi");
  CHECK(requests[1].query.empty());  // the ids go in the form, not the URL
  CHECK(requests[1].Param("db") == "pubmed");
  CHECK(requests[1].Param("retmode") == "xml");
  CHECK(requests[1].Param("rettype") == "abstract");
  CHECK(requests[1].Param("id") == testing::Joined(three, 0, 3));
  CHECK(requests[1].Param("api_key").empty());
  // The second request waited for the limiter: 1/3 s.
  REQUIRE(t.sleeps.size() == 1);
  CHECK(t.sleeps[0] >= milliseconds(333));
}

TEST_CASE("eutils client: a 429 waits what Retry-After says", "[eutils]") {
  EutilsScript script(Corpus());
  script.Replace(1, testing::TooManyRequests("2"));
  // A Retry-After past the client's bound is cut to it.
  script.Replace(3, testing::TooManyRequests("100000"));
  LoopbackServer server(script.Handler());
  Timeline t;
  EutilsClient client(TestOptions(server, &t));
  REQUIRE(client.Search("magnesium", 5).ok());
  CHECK(server.RequestCount() == 2);
  CHECK(Slept(t, seconds(2)));
  CHECK_FALSE(Slept(t, seconds(1)));  // not the backoff
  REQUIRE(t.notes.size() == 1);
  CHECK_THAT(t.notes[0], Catch::Contains("HTTP 429 Too Many Requests"));
  CHECK_THAT(t.notes[0], Catch::Contains("NCBI says: API rate limit exceeded"));
  CHECK_THAT(t.notes[0], Catch::EndsWith("retrying in 2.0 s (attempt 2 of 5)"));

  REQUIRE(client.Fetch({Corpus().pmids()[0]}).ok());
  CHECK(server.RequestCount() == 4);
  CHECK(Slept(t, seconds(120)));
}

TEST_CASE("eutils client: a rate-limit body under HTTP 200 is retried",
          "[eutils]") {
  EutilsScript script(Corpus());
  LoopbackResponse over = testing::TooManyRequests("");
  over.status = 200;
  over.reason = "OK";
  script.Replace(1, over);
  LoopbackServer server(script.Handler());
  Timeline t;
  EutilsClient client(TestOptions(server, &t));
  REQUIRE(client.Search("magnesium", 5).ok());
  CHECK(server.RequestCount() == 2);
  CHECK(Slept(t, seconds(1)));  // the first backoff
}

TEST_CASE("eutils client: 5xx is retried with a doubling backoff", "[eutils]") {
  EutilsScript script(Corpus());
  script.Replace(1, testing::Status5xx(503, "Service Unavailable"));
  script.Replace(2, testing::Status5xx(502, "Bad Gateway"));
  LoopbackServer server(script.Handler());
  Timeline t;
  EutilsClient client(TestOptions(server, &t));
  Result<std::string> xml = client.Fetch({Corpus().pmids()[4]});
  INFO(xml.status().ToString());
  REQUIRE(xml.ok());
  CHECK(Records(xml.value()) == 1);
  CHECK(server.RequestCount() == 3);
  CHECK(Slept(t, seconds(1)));
  CHECK(Slept(t, seconds(2)));
  REQUIRE(t.notes.size() == 2);
  CHECK_THAT(t.notes[0], Catch::Contains("HTTP 503 Service Unavailable"));
  CHECK_THAT(t.notes[1], Catch::Contains("HTTP 502 Bad Gateway"));
}

TEST_CASE(
    "eutils client: gives up after five attempts, naming the URL "
    "without the API key",
    "[eutils]") {
  EutilsScript script(Corpus());
  for (std::size_t n = 1; n <= 5; ++n) {
    script.Replace(n, testing::Status5xx(500, "Internal Server Error"));
  }
  LoopbackServer server(script.Handler());
  Timeline t;
  EutilsOptions options = TestOptions(server, &t);
  options.api_key = kKey;
  EutilsClient client(options);
  Result<std::string> xml = client.Fetch({"1", "2"});
  REQUIRE_FALSE(xml.ok());
  CHECK(xml.status().code() == Status::Code::kIOError);
  const std::string& m = xml.status().message();
  CHECK_THAT(m, Catch::StartsWith("efetch " + server.BaseUrl() +
                                  "efetch.fcgi?db=pubmed&retmode=xml&"
                                  "rettype=abstract&id=1%2C2&tool=claimcheck"));
  CHECK_THAT(m,
             Catch::Contains(
                 "HTTP 500 Internal Server Error (gave up after 5 attempts)"));
  CHECK(m.find(kKey) == std::string::npos);
  CHECK(m.find("api_key") == std::string::npos);
  for (const std::string& note : t.notes) {
    CHECK(note.find(kKey) == std::string::npos);
  }
  const auto requests = server.Requests();
  REQUIRE(requests.size() == 5);
  for (const auto& r : requests) CHECK(r.Param("api_key") == kKey);
  // 1, 2, 4, 8 s between the five attempts.
  for (const int s : {1, 2, 4, 8}) CHECK(Slept(t, seconds(s)));
  CHECK_FALSE(Slept(t, seconds(16)));
}

TEST_CASE("eutils client: a 400 fails at once", "[eutils]") {
  EutilsScript script(Corpus());
  LoopbackResponse bad;
  bad.status = 400;
  bad.reason = "Bad Request";
  bad.body = "{\"error\":\"Invalid query\"}";
  script.Replace(1, bad);
  LoopbackServer server(script.Handler());
  Timeline t;
  EutilsOptions options = TestOptions(server, &t);
  options.api_key = kKey;
  EutilsClient client(options);
  Result<EsearchResult> found = client.Search("((", 10);
  REQUIRE_FALSE(found.ok());
  CHECK(found.status().code() == Status::Code::kInvalidArgument);
  CHECK(found.status().message() ==
        "esearch " + server.BaseUrl() +
            "esearch.fcgi?db=pubmed&term=%28%28&retmax=10&retmode=json&"
            "tool=claimcheck&email=curator%40example.org: HTTP 400 Bad "
            "Request (NCBI says: Invalid query)");
  CHECK(server.RequestCount() == 1);
  CHECK(t.sleeps.empty());
  CHECK(t.notes.empty());
}

TEST_CASE("eutils client: an esearch error response is not retried",
          "[eutils]") {
  EutilsScript script(Corpus());
  LoopbackResponse error;
  error.body = testing::Slurp(testing::FixturePath("esearch_bad_db.json"));
  script.Replace(1, error);
  LoopbackServer server(script.Handler());
  Timeline t;
  EutilsClient client(TestOptions(server, &t));
  Result<EsearchResult> found = client.Search("magnesium", 10);
  REQUIRE_FALSE(found.ok());
  CHECK(found.status().code() == Status::Code::kInvalidArgument);
  CHECK_THAT(found.status().message(),
             Catch::EndsWith("NCBI says: Invalid db name specified: fleegle"));
  CHECK(server.RequestCount() == 1);
}

TEST_CASE(
    "eutils client: an efetch body that is not a PubmedArticleSet is "
    "retried",
    "[eutils]") {
  EutilsScript script(Corpus());
  LoopbackResponse page;
  page.body = "<html><body>Backend failure</body></html>";
  script.Replace(1, page);
  LoopbackServer server(script.Handler());
  Timeline t;
  EutilsClient client(TestOptions(server, &t));
  REQUIRE(client.Fetch({Corpus().pmids()[1]}).ok());
  CHECK(server.RequestCount() == 2);
  REQUIRE(t.notes.size() == 1);
  CHECK_THAT(t.notes[0], Catch::Contains("not a PubmedArticleSet"));
}

TEST_CASE("eutils client: a stalled transfer times out and is retried",
          "[eutils]") {
  EutilsScript script(Corpus());
  LoopbackResponse stalled;
  stalled.body = testing::EsearchJson(Corpus().pmids(), 93);
  stalled.stall = true;
  script.Replace(1, stalled);
  LoopbackServer server(script.Handler());
  Timeline t;
  EutilsOptions options = TestOptions(server, &t);
  options.http.stall_timeout = seconds(1);
  EutilsClient client(options);
  const auto start = std::chrono::steady_clock::now();
  Result<EsearchResult> found = client.Search("magnesium", 93);
  INFO(found.status().ToString());
  REQUIRE(found.ok());
  CHECK(found.value().ids.size() == 93);
  CHECK(server.RequestCount() == 2);
  CHECK(std::chrono::steady_clock::now() - start < seconds(30));
  REQUIRE(t.notes.size() == 1);
  CHECK_THAT(t.notes[0], Catch::Contains("Timeout"));
}

TEST_CASE("eutils client: no server: retried, then an IOError", "[eutils]") {
  EutilsScript script(Corpus());
  LoopbackServer server(script.Handler());
  server.Stop();  // the port is closed: connections are refused
  Timeline t;
  EutilsOptions options = TestOptions(server, &t);
  options.max_attempts = 3;
  EutilsClient client(options);
  Result<EsearchResult> found = client.Search("magnesium", 10);
  REQUIRE_FALSE(found.ok());
  CHECK(found.status().code() == Status::Code::kIOError);
  CHECK_THAT(found.status().message(),
             Catch::Contains("Couldn't connect to server"));
  CHECK_THAT(found.status().message(),
             Catch::EndsWith("(gave up after 3 attempts)"));
  CHECK(client.requests() == 3);
  CHECK(Slept(t, seconds(1)));
  CHECK(Slept(t, seconds(2)));
}

TEST_CASE("eutils client: an API key allows 10 requests a second", "[eutils]") {
  EutilsScript script(Corpus());
  LoopbackServer server(script.Handler());
  for (const bool with_key : {false, true}) {
    Timeline t;
    EutilsOptions options = TestOptions(server, &t);
    if (with_key) options.api_key = kKey;
    EutilsClient client(options);
    CHECK(client.requests_per_second() == (with_key ? 10 : 3));
    for (int i = 0; i < 4; ++i) REQUIRE(client.Search("magnesium", 1).ok());
    // Four requests at one instant of the injected clock: three waits of
    // one interval each.
    REQUIRE(t.sleeps.size() == 3);
    const nanoseconds interval =
        with_key ? milliseconds(100) : milliseconds(333);
    for (const nanoseconds s : t.sleeps) {
      CHECK(s >= interval);
      CHECK(s < interval + milliseconds(1));
    }
  }
  const auto requests = server.Requests();
  REQUIRE(requests.size() == 8);
  CHECK(requests[0].Param("api_key").empty());
  CHECK(requests[7].Param("api_key") == kKey);
}

TEST_CASE("eutils options: the address, e-mail and key from the environment",
          "[eutils]") {
  ::setenv("CLAIMCHECK_EUTILS_URL", "http://127.0.0.1:9/eutils", 1);
  ::setenv("NCBI_API_KEY", kKey, 1);
  ::setenv("NCBI_EMAIL", "curator@example.org", 1);
  const EutilsOptions options = EutilsOptionsFromEnvironment();
  ::unsetenv("CLAIMCHECK_EUTILS_URL");
  ::unsetenv("NCBI_API_KEY");
  ::unsetenv("NCBI_EMAIL");
  CHECK(options.base_url == "http://127.0.0.1:9/eutils/");
  CHECK(options.api_key == kKey);
  CHECK(options.email == "curator@example.org");
  const EutilsOptions defaults = EutilsOptionsFromEnvironment();
  CHECK(defaults.base_url == kEutilsDefaultUrl);
  CHECK(defaults.api_key.empty());
  CHECK(defaults.email.empty());
  CHECK(defaults.tool == "claimcheck");
}

}  // namespace
}  // namespace claimcheck
