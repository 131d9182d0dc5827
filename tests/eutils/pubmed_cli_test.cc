// `claimcheck pubmed`, run as the real programs (claimcheck runs
// claimcheck-pubmed from its own directory) against the loopback server
// ($CLAIMCHECK_EUTILS_URL): a whole query imported, kill -9 in the middle
// of a run and the same command resuming it, a 400, usage errors, and
// claimcheck without claimcheck-pubmed beside it. No request leaves
// 127.0.0.1.
#include <rapidjson/document.h>
#include <signal.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "claimcheck/eutils.h"
#include "claimcheck/store.h"
#include "eutils/eutils_test_util.h"
#include "eutils/loopback_server.h"
#include "importers/import_test_util.h"
#include "process_util.h"
#include "test_util.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;
using testing::CorpusRecords;
using testing::EutilsScript;
using testing::LoopbackServer;
using Run = testing::ProgramRun;

constexpr const char* kKey = "SECRET-CLI-KEY";
constexpr const char* kQuery = "magnesium AND sleep";

const CorpusRecords& Corpus() {
  static const CorpusRecords corpus;
  return corpus;
}

// The environment of every run: the loopback server's address, and an API
// key (10 requests a second keep the tests quick; it must never show).
std::vector<std::string> Env(const LoopbackServer& server) {
  return {"CLAIMCHECK_EUTILS_URL=" + server.BaseUrl(),
          std::string("NCBI_API_KEY=") + kKey};
}

pid_t Spawn(const std::vector<std::string>& args, const fs::path& dir,
            const std::vector<std::string>& env,
            const std::string& binary = CLAIMCHECK_BINARY) {
  std::vector<std::string> argv = {binary, "--kb", testing::KbDir()};
  argv.insert(argv.end(), args.begin(), args.end());
  return testing::SpawnProgram(argv, dir, env);
}

Run RunCli(const std::vector<std::string>& args, const fs::path& dir,
           const std::vector<std::string>& env) {
  return testing::WaitProgram(Spawn(args, dir, env), dir);
}

rapidjson::Document Json(const std::string& text) {
  rapidjson::Document doc;
  doc.Parse(text.c_str());
  INFO(text.substr(0, 2000));
  REQUIRE_FALSE(doc.HasParseError());
  return doc;
}

std::unique_ptr<Store> OpenStore(const std::string& path) {
  auto store = Store::Open(path, OpenMode::kReadOnly);
  INFO(store.status().ToString());
  REQUIRE(store.ok());
  return std::move(store).value();
}

long long Documents(const std::string& db) {
  auto stats = OpenStore(db)->Stats();
  REQUIRE(stats.ok());
  return stats.value().documents;
}

void CheckNoKey(const Run& r) {
  CHECK(r.out.find(kKey) == std::string::npos);
  CHECK(r.err.find(kKey) == std::string::npos);
}

TEST_CASE("pubmed: a query searched, then fetched in batches and imported",
          "[eutils][cli]") {
  const testing::ScratchDir scratch("pubmed_cli");
  const fs::path& dir = scratch.path();
  const std::string db = (dir / "store.db").string();
  EutilsScript script(Corpus());
  LoopbackServer server(script.Handler());
  const Run r = RunCli({"--db", db, "--format", "json", "pubmed", "magnesium",
                        "AND", "sleep", "--batch", "25", "-j", "2"},
                       dir, Env(server));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CheckNoKey(r);
  const rapidjson::Document json = Json(r.out);
  CHECK(std::string(json["query"].GetString()) == kQuery);
  CHECK(json["count"].GetUint64() == 93);
  CHECK(json["pmids"].GetUint64() == 93);
  CHECK(json["batches"].GetUint64() == 4);
  CHECK_FALSE(json["resumed"].GetBool());
  CHECK(json["requests"].GetUint64() == 5);
  CHECK(json["documents"].Size() == 93);
  CHECK(json["errors"].Size() == 0);
  CHECK(std::string(json["store"].GetString()) == db);
  CHECK(json["claims"].IsUint64());
  CHECK_THAT(r.err, Catch::Contains("claimcheck pubmed: esearch: 93 records "
                                    "for \"magnesium AND sleep\""));
  CHECK_THAT(r.err, Catch::Contains("fetched 25/93 (1 batches of 4), imported "
                                    "25 documents"));
  CHECK_THAT(r.err, Catch::Contains("fetched 93/93 (4 batches of 4), imported "
                                    "93 documents"));
  const auto requests = server.Requests();
  REQUIRE(requests.size() == 5);
  CHECK(requests[0].Endpoint() == "esearch");
  CHECK(requests[0].Param("term") == kQuery);
  CHECK(requests[0].Param("api_key") == kKey);
  for (std::size_t i = 1; i < 5; ++i) {
    CHECK(requests[i].Endpoint() == "efetch");
  }
  CHECK(requests[4].Param("id") == testing::Joined(Corpus().pmids(), 75, 93));
  CHECK(Documents(db) == 93);
  CHECK_FALSE(fs::exists(PubmedStatePath(db, kQuery)));

  // Again, as text and quiet: the same records replace themselves.
  const Run again =
      RunCli({"--db", db, "-q", "pubmed", kQuery}, dir, Env(server));
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(again.err.empty());
  // (The claim count may grow: the first run's records name substances
  // that join the vocabulary, docs/vocabulary.md, "Harvested concepts".)
  CHECK_THAT(again.out,
             Catch::Matches("pubmed \"magnesium AND sleep\": 93 documents, "
                            "[0-9]+ claims\nstore: " +
                            db + "\n"));
  CHECK(Documents(db) == 93);
}

TEST_CASE("pubmed: killed mid-run, the same command resumes it",
          "[eutils][cli][crash]") {
  const testing::ScratchDir scratch("pubmed_kill");
  const fs::path& dir = scratch.path();
  const std::string db = (dir / "store.db").string();
  const std::vector<std::string>& ids = Corpus().pmids();
  EutilsScript script(Corpus());
  // The third efetch (request 4) sends half its records and stalls.
  testing::LoopbackResponse stalled;
  stalled.body = Corpus().Efetch(testing::Joined(ids, 40, 60));
  stalled.stall = true;
  script.Replace(4, stalled);
  LoopbackServer server(script.Handler());
  const std::vector<std::string> args = {"--db",   db,     "--format", "json",
                                         "pubmed", kQuery, "--batch",  "20"};
  const pid_t pid = Spawn(args, dir / "first", Env(server));
  REQUIRE(server.WaitForStall(std::chrono::seconds(120)));
  // Batches 1 and 2 are in the store and the state file says so.
  const std::string state_path = PubmedStatePath(db, kQuery);
  Result<std::optional<PubmedFetchState>> state = ReadPubmedState(state_path);
  REQUIRE(state.ok());
  REQUIRE(state.value().has_value());
  CHECK(state.value()->done == 40);
  CHECK(state.value()->pmids == ids);
  CHECK(Documents(db) == 40);
  REQUIRE(::kill(pid, SIGKILL) == 0);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFSIGNALED(status));
  server.ReleaseStalls();
  CHECK(Documents(db) == 40);
  const std::size_t first_run = server.RequestCount();
  REQUIRE(first_run == 4);

  const Run r = testing::WaitProgram(Spawn(args, dir / "second", Env(server)),
                                     dir / "second");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CheckNoKey(r);
  const rapidjson::Document json = Json(r.out);
  CHECK(json["resumed"].GetBool());
  CHECK(json["skipped"].GetUint64() == 40);
  CHECK(json["documents"].Size() == 53);
  CHECK_THAT(r.err, Catch::Contains("resuming \"magnesium AND sleep\": 40 of "
                                    "93 records are in the store already"));
  // No second esearch; the interrupted batch is the only one fetched twice.
  const auto requests = server.Requests();
  REQUIRE(requests.size() == first_run + 3);
  std::map<std::string, int> fetched;
  for (const auto& q : requests) {
    if (q.Endpoint() == "efetch") ++fetched[q.Param("id")];
  }
  CHECK(requests[first_run].Endpoint() == "efetch");
  CHECK(fetched ==
        std::map<std::string, int>{{testing::Joined(ids, 0, 20), 1},
                                   {testing::Joined(ids, 20, 40), 1},
                                   {testing::Joined(ids, 40, 60), 2},
                                   {testing::Joined(ids, 60, 80), 1},
                                   {testing::Joined(ids, 80, 93), 1}});
  // Every record once.
  auto store = OpenStore(db);
  auto stats = store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats.value().documents == 93);
  for (const std::string& id : ids) {
    Result<std::optional<Document>> d = store->GetDocument("pmid:" + id);
    REQUIRE(d.ok());
    CHECK(d.value().has_value());
  }
  CHECK(store->IntegrityCheck().ok());
  CHECK_FALSE(fs::exists(state_path));
}

TEST_CASE("pubmed: an HTTP 400 stops at once with exit 2", "[eutils][cli]") {
  const testing::ScratchDir scratch("pubmed_400");
  const fs::path& dir = scratch.path();
  const std::string db = (dir / "store.db").string();
  EutilsScript script(Corpus());
  testing::LoopbackResponse bad;
  bad.status = 400;
  bad.reason = "Bad Request";
  script.Replace(1, bad);
  LoopbackServer server(script.Handler());
  const Run r = RunCli({"--db", db, "pubmed", "((magnesium"}, dir, Env(server));
  REQUIRE(r.exit_code == 2);
  CheckNoKey(r);
  CHECK(r.out.empty());
  CHECK_THAT(r.err,
             Catch::Contains("claimcheck pubmed: esearch " + server.BaseUrl() +
                             "esearch.fcgi?db=pubmed&term=%28%28magnesium&"));
  CHECK_THAT(r.err, Catch::Contains("HTTP 400 Bad Request"));
  CHECK(r.err.find("api_key") == std::string::npos);
  CHECK(server.RequestCount() == 1);
  CHECK_FALSE(fs::exists(PubmedStatePath(db, "((magnesium")));
  // Nothing was imported: no empty store is left behind.
  CHECK_FALSE(fs::exists(db));
}

TEST_CASE("pubmed: usage errors exit 2 before any request", "[eutils][cli]") {
  const testing::ScratchDir scratch("pubmed_usage");
  const fs::path& dir = scratch.path();
  const std::string db = (dir / "store.db").string();
  EutilsScript script(Corpus());
  LoopbackServer server(script.Handler());
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"pubmed"}, "no QUERY to search PubMed for"},
      {{"pubmed", "x", "--max", "0"}, "--max takes a number from 1 to 10000"},
      {{"pubmed", "x", "--max", "10001"},
       "--max takes a number from 1 to 10000"},
      {{"pubmed", "x", "--batch", "ten"},
       "--batch takes a number from 1 to 10000, not 'ten'"},
      {{"pubmed", "x", "--batch"}, "--batch takes a number"},
      {{"pubmed", "x", "-j", "0"}, "-j takes a number from 1 to 256"},
      {{"pubmed", "x", "--frobnicate"}, "unknown option --frobnicate"},
      {{"--format", "md", "pubmed", "x"}, "--format md is not available here"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"--db", db};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const Run r = RunCli(args, dir, Env(server));
    INFO(c.message);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains(c.message));
    CHECK_THAT(r.err, Catch::Contains("Run 'claimcheck help pubmed'"));
  }
  const Run url = RunCli({"--db", db, "pubmed", "x"}, dir,
                         {"CLAIMCHECK_EUTILS_URL=file:///etc/"});
  CHECK(url.exit_code == 2);
  CHECK_THAT(url.err, Catch::Contains("CLAIMCHECK_EUTILS_URL: 'file:///etc/' "
                                      "is not an http:// or https:// URL"));
  CHECK(server.RequestCount() == 0);
  const Run help = RunCli({"help", "pubmed"}, dir, {});
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::StartsWith("Usage: claimcheck pubmed QUERY"));
  const Run own = RunCli({"pubmed", "--help"}, dir, {});
  CHECK(own.out == help.out);
}

TEST_CASE("pubmed: claimcheck without claimcheck-pubmed beside it exits 3",
          "[eutils][cli]") {
  const testing::ScratchDir scratch("pubmed_missing");
  const fs::path bin = scratch.path() / "bin";
  fs::create_directories(bin);
  fs::copy_file(CLAIMCHECK_BINARY, bin / "claimcheck");
  const pid_t pid = Spawn({"pubmed", "magnesium"}, scratch.path(), {},
                          (bin / "claimcheck").string());
  const Run r = testing::WaitProgram(pid, scratch.path());
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains("claimcheck pubmed: " +
                                    (bin / "claimcheck-pubmed").string() +
                                    ": not found"));
}

}  // namespace
}  // namespace claimcheck
