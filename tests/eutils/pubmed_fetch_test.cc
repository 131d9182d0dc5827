// FetchPubmed against the loopback server: paging over batches (the
// request sequence asserted), --max, an interrupted run taken up from its
// state file without a second esearch, --restart, an empty result, and the
// state file itself. Each batch goes through the PubMed XML importer, as
// `claimcheck pubmed` imports it. The esearch id list is the corpus file's
// PMIDs (eutils_test_util.h).
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "claimcheck/eutils.h"
#include "claimcheck/importer.h"
#include "eutils/eutils_test_util.h"
#include "eutils/loopback_server.h"
#include "importers/import_test_util.h"
#include "test_util.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;
using testing::CorpusRecords;
using testing::EutilsScript;
using testing::LoopbackServer;

const CorpusRecords& Corpus() {
  static const CorpusRecords corpus;
  return corpus;
}

EutilsOptions Quick(const LoopbackServer& server) {
  EutilsOptions o;
  o.base_url = server.BaseUrl();
  o.sleep = [](std::chrono::nanoseconds) {};  // the limiter's waits skipped
  return o;
}

// What a sink saw: per batch, its number and the PMIDs of the records the
// PubMed XML importer read from its XML.
struct Seen {
  std::vector<std::size_t> numbers;
  std::vector<std::vector<std::string>> records;
};

PubmedBatchSink Importing(Seen* seen, std::size_t fail_at = 0) {
  return [seen, fail_at](PubmedBatch&& b) -> Status {
    if (b.number == fail_at) return Status::IOError("disk full (test)");
    seen->numbers.push_back(b.number);
    std::vector<std::string> pmids;
    Diagnostics problems;
    Status s = ImportBytes(
        b.xml, "batch.xml", ImportOptions(),
        [&pmids](ImportedDocument&& d) {
          pmids.push_back(d.document.pmid);
          return Status::OK();
        },
        &problems);
    if (!s.ok()) return s;
    if (!problems.empty()) return Status::Corruption(problems[0].ToString());
    CHECK(pmids == b.pmids);
    seen->records.push_back(pmids);
    return Status::OK();
  };
}

PubmedFetchOptions Options(const fs::path& dir, std::size_t batch,
                           std::uint64_t max = kEsearchMaxIds) {
  PubmedFetchOptions o;
  o.query = "magnesium AND sleep";
  o.batch = batch;
  o.max = max;
  o.state_path = PubmedStatePath((dir / "store.db").string(), o.query);
  return o;
}

// The efetch requests' id lists, in order.
std::vector<std::string> EfetchIds(const LoopbackServer& server) {
  std::vector<std::string> out;
  for (const auto& r : server.Requests()) {
    if (r.Endpoint() == "efetch") out.push_back(r.Param("id"));
  }
  return out;
}

TEST_CASE("pubmed fetch: esearch once, then efetch in batches", "[eutils]") {
  const testing::ScratchDir scratch("pubmed_paging");
  EutilsScript script(Corpus());
  LoopbackServer server(script.Handler());
  EutilsClient client(Quick(server));
  Seen seen;
  std::vector<PubmedFetchSummary> planned;
  PubmedFetchEvents events;
  events.planned = [&planned](const PubmedFetchSummary& s) {
    planned.push_back(s);
  };
  PubmedFetchSummary summary;
  const PubmedFetchOptions options = Options(scratch.path(), 20);
  Status s = FetchPubmed(client, options, Importing(&seen), events, &summary);
  INFO(s.ToString());
  REQUIRE(s.ok());
  const std::vector<std::string>& ids = Corpus().pmids();
  REQUIRE(ids.size() == 93);
  // The request sequence: one esearch, five efetch of 20, 20, 20, 20, 13.
  const auto requests = server.Requests();
  REQUIRE(requests.size() == 6);
  CHECK(requests[0].Endpoint() == "esearch");
  CHECK(requests[0].Param("term") == "magnesium AND sleep");
  CHECK(requests[0].Param("retmax") == "10000");
  CHECK(EfetchIds(server) ==
        std::vector<std::string>{
            testing::Joined(ids, 0, 20), testing::Joined(ids, 20, 40),
            testing::Joined(ids, 40, 60), testing::Joined(ids, 60, 80),
            testing::Joined(ids, 80, 93)});
  CHECK(seen.numbers == std::vector<std::size_t>{1, 2, 3, 4, 5});
  std::size_t records = 0;
  for (const auto& r : seen.records) records += r.size();
  CHECK(records == 93);
  REQUIRE(planned.size() == 1);
  CHECK(planned[0].count == 93);
  CHECK(planned[0].pmids == 93);
  CHECK(planned[0].batches == 5);
  CHECK_FALSE(planned[0].resumed);
  CHECK(summary.fetched == 93);
  CHECK(summary.requests == 6);
  CHECK_FALSE(fs::exists(options.state_path));  // removed on success
}

TEST_CASE("pubmed fetch: --max caps the records", "[eutils]") {
  const testing::ScratchDir scratch("pubmed_max");
  EutilsScript script(Corpus());
  LoopbackServer server(script.Handler());
  EutilsClient client(Quick(server));
  Seen seen;
  PubmedFetchSummary summary;
  REQUIRE(FetchPubmed(client, Options(scratch.path(), 20, 30), Importing(&seen),
                      {}, &summary)
              .ok());
  const auto requests = server.Requests();
  REQUIRE(requests.size() == 3);
  CHECK(requests[0].Param("retmax") == "30");
  CHECK(EfetchIds(server) ==
        std::vector<std::string>{testing::Joined(Corpus().pmids(), 0, 20),
                                 testing::Joined(Corpus().pmids(), 20, 30)});
  CHECK(summary.count == 93);
  CHECK(summary.pmids == 30);
  CHECK(summary.batches == 2);
}

TEST_CASE("pubmed fetch: an interrupted run resumes from its state file",
          "[eutils]") {
  const testing::ScratchDir scratch("pubmed_resume");
  EutilsScript script(Corpus());
  LoopbackServer server(script.Handler());
  const PubmedFetchOptions options = Options(scratch.path(), 20);
  const std::vector<std::string>& ids = Corpus().pmids();
  {
    EutilsClient client(Quick(server));
    Seen seen;
    PubmedFetchSummary summary;
    // The store refuses batch 3: batches 1 and 2 are done.
    Status s = FetchPubmed(client, options, Importing(&seen, 3), {}, &summary);
    REQUIRE_FALSE(s.ok());
    CHECK(s.message() == "disk full (test)");
    CHECK(seen.numbers == std::vector<std::size_t>{1, 2});
  }
  Result<std::optional<PubmedFetchState>> state =
      ReadPubmedState(options.state_path);
  REQUIRE(state.ok());
  REQUIRE(state.value().has_value());
  CHECK(state.value()->query == options.query);
  CHECK(state.value()->count == 93);
  CHECK(state.value()->pmids == ids);
  CHECK(state.value()->done == 40);
  const std::size_t before = server.RequestCount();
  CHECK(before == 4);  // esearch and three efetch

  EutilsClient client(Quick(server));
  Seen seen;
  PubmedFetchSummary summary;
  std::vector<std::string> notes;
  PubmedFetchEvents events;
  events.note = [&notes](const std::string& n) { notes.push_back(n); };
  REQUIRE(
      FetchPubmed(client, options, Importing(&seen), events, &summary).ok());
  const auto requests = server.Requests();
  REQUIRE(requests.size() == before + 3);
  for (std::size_t i = before; i < requests.size(); ++i) {
    CHECK(requests[i].Endpoint() == "efetch");  // no second esearch
  }
  CHECK(requests[before].Param("id") == testing::Joined(ids, 40, 60));
  CHECK(seen.numbers == std::vector<std::size_t>{3, 4, 5});
  CHECK(summary.resumed);
  CHECK(summary.skipped == 40);
  CHECK(summary.fetched == 53);
  CHECK(notes.empty());
  CHECK_FALSE(fs::exists(options.state_path));
}

TEST_CASE("pubmed fetch: a resumed run may use another batch size",
          "[eutils]") {
  const testing::ScratchDir scratch("pubmed_rebatch");
  EutilsScript script(Corpus());
  LoopbackServer server(script.Handler());
  PubmedFetchOptions options = Options(scratch.path(), 20);
  PubmedFetchState state;
  state.query = options.query;
  state.count = 93;
  state.pmids = Corpus().pmids();
  state.done = 40;
  REQUIRE(WritePubmedState(options.state_path, state).ok());
  options.batch = 30;
  EutilsClient client(Quick(server));
  Seen seen;
  PubmedFetchSummary summary;
  REQUIRE(FetchPubmed(client, options, Importing(&seen), {}, &summary).ok());
  const std::vector<std::string>& ids = Corpus().pmids();
  CHECK(EfetchIds(server) ==
        std::vector<std::string>{testing::Joined(ids, 40, 70),
                                 testing::Joined(ids, 70, 93)});
  CHECK(seen.numbers == std::vector<std::size_t>{2, 3});
}

TEST_CASE(
    "pubmed fetch: --restart, another query's or a broken state file "
    "search again",
    "[eutils]") {
  const testing::ScratchDir scratch("pubmed_restart");
  EutilsScript script(Corpus());
  LoopbackServer server(script.Handler());
  PubmedFetchOptions options = Options(scratch.path(), 50);
  PubmedFetchState state;
  state.query = options.query;
  state.count = 93;
  state.pmids = {Corpus().pmids()[0], Corpus().pmids()[1]};
  state.done = 1;
  std::string expected_note;  // empty: none

  SECTION("--restart") {
    REQUIRE(WritePubmedState(options.state_path, state).ok());
    options.restart = true;
  }
  SECTION("another query") {
    state.query = "something else";
    REQUIRE(WritePubmedState(options.state_path, state).ok());
    expected_note = "the state of another query (\"something else\")";
  }
  SECTION("a broken file") {
    testing::WriteFile(options.state_path, "{\"version\": 1, \"query\":");
    expected_note = "not a pubmed state file";
  }
  EutilsClient client(Quick(server));
  Seen seen;
  PubmedFetchSummary summary;
  std::vector<std::string> notes;
  PubmedFetchEvents events;
  events.note = [&notes](const std::string& n) { notes.push_back(n); };
  REQUIRE(
      FetchPubmed(client, options, Importing(&seen), events, &summary).ok());
  CHECK(server.Requests()[0].Endpoint() == "esearch");
  CHECK(server.RequestCount() == 3);  // esearch, efetch of 50 and of 43
  CHECK_FALSE(summary.resumed);
  CHECK(summary.fetched == 93);
  if (expected_note.empty()) {
    CHECK(notes.empty());
  } else {
    REQUIRE(notes.size() == 1);
    CHECK_THAT(notes[0], Catch::Contains(expected_note));
    CHECK_THAT(notes[0], Catch::EndsWith("; searching again"));
  }
  CHECK_FALSE(fs::exists(options.state_path));
}

TEST_CASE("pubmed fetch: a query that finds nothing fetches nothing",
          "[eutils]") {
  const testing::ScratchDir scratch("pubmed_empty");
  LoopbackServer server([](const testing::LoopbackRequest&) {
    testing::LoopbackResponse r;
    r.body = testing::Slurp(testing::FixturePath("esearch_no_items.xml"));
    return r;
  });
  EutilsClient client(Quick(server));
  Seen seen;
  PubmedFetchSummary summary;
  std::vector<std::string> notes;
  PubmedFetchEvents events;
  events.note = [&notes](const std::string& n) { notes.push_back(n); };
  const PubmedFetchOptions options = Options(scratch.path(), 20);
  REQUIRE(
      FetchPubmed(client, options, Importing(&seen), events, &summary).ok());
  CHECK(server.RequestCount() == 1);
  CHECK(summary.count == 0);
  CHECK(summary.batches == 0);
  CHECK(seen.numbers.empty());
  CHECK(notes ==
        std::vector<std::string>{"esearch: PhraseNotFound: abcXYZ",
                                 "esearch: OutputMessage: No items found."});
  CHECK_FALSE(fs::exists(options.state_path));
}

TEST_CASE("pubmed fetch: a count past esearch's 10,000 is noted", "[eutils]") {
  const testing::ScratchDir scratch("pubmed_many");
  EutilsScript script(Corpus());
  script.SetCount(250000);
  LoopbackServer server(script.Handler());
  EutilsClient client(Quick(server));
  Seen seen;
  PubmedFetchSummary summary;
  std::vector<std::string> notes;
  PubmedFetchEvents events;
  events.note = [&notes](const std::string& n) { notes.push_back(n); };
  REQUIRE(FetchPubmed(client, Options(scratch.path(), 100), Importing(&seen),
                      events, &summary)
              .ok());
  REQUIRE(notes.size() == 1);
  CHECK_THAT(notes[0], Catch::StartsWith("PubMed matches 250000 records"));
  CHECK(summary.count == 250000);
  CHECK(summary.pmids == 93);
}

TEST_CASE("pubmed state: written atomically, read back, refused when broken",
          "[eutils]") {
  const testing::ScratchDir scratch("pubmed_state");
  const std::string store = (scratch.path() / "store.db").string();
  const std::string path = PubmedStatePath(store, "magnesium");
  CHECK(path.rfind(store + ".pubmed-", 0) == 0);
  CHECK(path.size() == store.size() + 8 + 16 + 5);
  CHECK(PubmedStatePath(store, "magnesium") == path);
  CHECK(PubmedStatePath(store, "magnesium ") != path);

  Result<std::optional<PubmedFetchState>> none = ReadPubmedState(path);
  REQUIRE(none.ok());
  CHECK_FALSE(none.value().has_value());

  PubmedFetchState state;
  state.query = "magnesium \"sleep\" \xC3\xA9";
  state.count = 12;
  state.pmids = {"1", "22", "333"};
  state.done = 2;
  REQUIRE(WritePubmedState(path, state).ok());
  Result<std::optional<PubmedFetchState>> back = ReadPubmedState(path);
  REQUIRE(back.ok());
  REQUIRE(back.value().has_value());
  CHECK(back.value()->query == state.query);
  CHECK(back.value()->count == 12);
  CHECK(back.value()->pmids == state.pmids);
  CHECK(back.value()->done == 2);
  // Nothing but the state file is left in the directory.
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(scratch.path())) {
    (void)e;
    ++files;
  }
  CHECK(files == 1);

  for (const std::string& broken :
       {std::string("{"), std::string("[]"), std::string("{\"version\": 2}"),
        std::string("{\"version\": 1, \"query\": \"q\", \"count\": 1, "
                    "\"done\": 5, \"pmids\": [\"1\"]}"),
        std::string("{\"version\": 1, \"query\": \"q\", \"count\": 1, "
                    "\"done\": 0, \"pmids\": [1]}")}) {
    INFO(broken);
    testing::WriteFile(path, broken);
    Result<std::optional<PubmedFetchState>> r = ReadPubmedState(path);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kCorruption);
    CHECK_THAT(r.status().message(),
               Catch::StartsWith(path + ": not a pubmed state file"));
  }
  CHECK_FALSE(WritePubmedState(
                  (scratch.path() / "no" / "such" / "dir.json").string(), state)
                  .ok());
}

}  // namespace
}  // namespace claimcheck
