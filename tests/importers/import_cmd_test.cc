// `claimcheck import`, run as the real binary: the whole PubMed corpus in
// one command, re-imports, MEDLINE, damaged files among good ones, -j, the
// default store path, and kill -9 in the middle of a large file.
#include <rapidjson/document.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "claimcheck/store.h"
#include "importers/import_test_util.h"
#include "process_util.h"
#include "test_util.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;
using testing::CorpusPath;
using testing::CorpusXmlFiles;
using testing::Slurp;

using Run = testing::ProgramRun;

// Starts the binary with `args` (after --kb), stdout and stderr to files in
// `dir`; `env` entries NAME=VALUE are set, CLAIMCHECK_DB is unset.
pid_t Spawn(const std::vector<std::string>& args, const fs::path& dir,
            const std::vector<std::string>& env = {}) {
  std::vector<std::string> argv = {CLAIMCHECK_BINARY, "--kb", testing::KbDir()};
  argv.insert(argv.end(), args.begin(), args.end());
  return testing::SpawnProgram(argv, dir, env);
}

Run RunCli(const std::vector<std::string>& args, const fs::path& dir,
           const std::vector<std::string>& env = {}) {
  return testing::WaitProgram(Spawn(args, dir, env), dir);
}

// A store at `db` holding the 15 records of the 2012 corpus file (PMID
// 22219312 among them), which later tests query.
void ImportFirstFile(const std::string& db, const fs::path& dir) {
  REQUIRE(RunCli({"--db", db, "import",
                  CorpusPath("pubmed/mokztk_pubmed_result_2012.xml")},
                 dir)
              .exit_code == 0);
}

std::unique_ptr<Store> OpenStore(const std::string& path) {
  auto store = Store::Open(path, OpenMode::kReadWrite);
  INFO(store.status().ToString());
  REQUIRE(store.ok());
  return std::move(store).value();
}

StoreStats Stats(const std::string& db) {
  auto store = OpenStore(db);
  auto stats = store->Stats();
  REQUIRE(stats.ok());
  return stats.value();
}

// Every claim of the store, one line each, in a fixed order.
std::vector<std::string> AllClaims(const std::string& db) {
  auto store = OpenStore(db);
  std::vector<StoredClaim> claims;
  REQUIRE(store->ClaimsAbout("", "", &claims).ok());
  std::vector<std::string> lines;
  for (const StoredClaim& c : claims) {
    lines.push_back(c.document_id + " " + std::to_string(c.sentence) + " " +
                    c.subject + " " + c.relation + " " + c.object + " " +
                    c.section);
  }
  return lines;
}

rapidjson::Document Json(const std::string& text) {
  rapidjson::Document doc;
  doc.Parse(text.c_str());
  INFO(text.substr(0, 2000));
  REQUIRE_FALSE(doc.HasParseError());
  return doc;
}

TEST_CASE("import: the 37 PubMed XML files in one command", "[import][cli]") {
  const testing::ScratchDir scratch("import_corpus");
  const fs::path& dir = scratch.path();
  const std::string db = (dir / "store.db").string();
  std::vector<std::string> args = {"--db", db, "--format", "json", "import"};
  for (const std::string& f : CorpusXmlFiles()) args.push_back(f);
  const Run r = RunCli(args, dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const rapidjson::Document json = Json(r.out);
  const auto& docs = json["documents"];
  REQUIRE(docs.Size() == 145);
  std::set<std::string> ids;
  std::map<std::string, std::string> design;
  std::vector<bool> tert_stored;
  std::uint64_t claims = 0;
  for (const auto& d : docs.GetArray()) {
    const std::string id = d["id"].GetString();
    ids.insert(id);
    design[id] = d["design"].GetString();
    claims += d["claims"].GetUint64();
    CHECK(d["title"].IsString());
    if (id == "pmid:27797938") tert_stored.push_back(d["stored"].GetBool());
  }
  CHECK(ids.size() == 143);
  CHECK(json["claims"].GetUint64() == claims);
  CHECK(json["errors"].Size() == 0);
  CHECK(design["pmid:29768149"] == "rct");
  CHECK(design["pmid:37729413"] == "meta_analysis");
  CHECK(design["pmid:37905428"] == "systematic_review");
  CHECK(design["pmid:38833988"] == "erratum");
  CHECK(design["pmid:35726897"] == "letter");
  CHECK(design["pmid:34529508"] == "editorial");
  CHECK(design["pmid:219391"] == "case_report");
  CHECK(design["pmid:20301295"] == "unknown");  // the GeneReviews book
  // pubmed4 (revised 2018-04-17) comes first; the older efetch of the same
  // record (2018-02-22) that follows is not stored.
  CHECK(tert_stored == std::vector<bool>{true, false});

  const StoreStats stats = Stats(db);
  CHECK(stats.documents == 143);
  CHECK(stats.claims == static_cast<long long>(AllClaims(db).size()));
  auto store = OpenStore(db);
  auto tert = store->GetDocument("pmid:27797938");
  REQUIRE(tert.ok());
  REQUIRE(tert.value().has_value());
  CHECK(tert.value()->revised == "2018-04-17");
  CHECK(tert.value()->title ==
        "Leucocyte telomere length, genetic variants at the TERT gene region "
        "and risk of pancreatic cancer.");
  CHECK(store->IntegrityCheck().ok());
}

TEST_CASE("import: the same files twice leave the store unchanged",
          "[import][cli]") {
  const testing::ScratchDir scratch("import_twice");
  const fs::path& dir = scratch.path();
  const std::string db = (dir / "store.db").string();
  const std::vector<std::string> args = {
      "--db",
      db,
      "import",
      CorpusPath("pubmed/mokztk_pubmed_result_2012.xml"),
      CorpusPath("pubmed/biopython_title_with_html_tags.xml"),
      CorpusPath("pubmed/biopython_pubmed4.xml"),
      CorpusPath("other/limo_tools_citations.nbib")};
  REQUIRE(RunCli(args, dir).exit_code == 0);
  const StoreStats first = Stats(db);
  const std::vector<std::string> claims = AllClaims(db);
  CHECK(first.documents == 15 + 1 + 2);
  const Run again = RunCli(args, dir);
  REQUIRE(again.exit_code == 0);
  CHECK(again.out.find("mokztk_pubmed_result_2012.xml: 15 documents") !=
        std::string::npos);
  const StoreStats second = Stats(db);
  CHECK(second.documents == first.documents);
  CHECK(second.claims == first.claims);
  CHECK(second.documents_by_design == first.documents_by_design);
  CHECK(AllClaims(db) == claims);
}

TEST_CASE("import: MEDLINE exports and gzip", "[import][cli]") {
  const testing::ScratchDir scratch("import_medline");
  const fs::path& dir = scratch.path();
  const std::string db = (dir / "store.db").string();
  const fs::path gz = dir / "pubmed.xml.gz";
  testing::WriteFile(
      gz, testing::Gzip(Slurp(CorpusPath("pubmed/pubMR_pubmed_result.xml"))));
  const Run r = RunCli(
      {"--db", db, "import", CorpusPath("other/p1m-ortho_citations_200.nbib"),
       CorpusPath("other/biopython_medline_pubmed_result1.txt"),
       CorpusPath("other/biopython_medline_pubmed_result2.txt"),
       CorpusPath("other/biopython_medline_pubmed_result3.txt"),
       CorpusPath("other/biopython_efetch2_medline.txt"), gz.string()},
      dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("p1m-ortho_citations_200.nbib: 200 documents, ") !=
        std::string::npos);
  CHECK(r.out.find("pubmed.xml.gz: 93 documents, ") != std::string::npos);
  CHECK(Stats(db).documents == 200 + 1 + 4 + 1 + 1 + 93);
}

TEST_CASE("import: damaged files are named, the rest is kept, exit 2",
          "[import][cli]") {
  const testing::ScratchDir scratch("import_damaged");
  const fs::path& dir = scratch.path();
  const std::string db = (dir / "store.db").string();
  ImportFirstFile(db, dir);
  const std::string good = Slurp(CorpusPath("pubmed/pubMR_pubmed_result.xml"));
  std::size_t start = 0;
  for (int i = 0; i <= 50; ++i) start = good.find("<PubmedArticle>", start + 1);
  const fs::path cut = dir / "cut.xml";
  testing::WriteFile(cut, good.substr(0, start + 300));
  const fs::path prose = dir / "prose.xml";
  testing::WriteFile(prose, "not XML at all\n");
  const fs::path empty = dir / "empty.xml";
  testing::WriteFile(empty, "");

  const Run r = RunCli(
      {"--db", db, "--format", "json", "import", cut.string(), prose.string(),
       empty.string(), CorpusPath("pubmed/metapub_219391.xml")},
      dir);
  CHECK(r.exit_code == 2);
  const rapidjson::Document json = Json(r.out);
  CHECK(json["documents"].Size() == 50 + 1);
  const auto& errors = json["errors"];
  REQUIRE(errors.Size() == 4);
  CHECK(std::string(errors[0]["file"].GetString()) == cut.string());
  CHECK(std::string(errors[0]["where"].GetString()) ==
        "byte " + std::to_string(start) + " (line " +
            std::to_string(
                1 + std::count(good.begin(),
                               good.begin() + static_cast<long>(start), '\n')) +
            "), PMID 28787469");
  CHECK(std::string(errors[0]["message"].GetString()) ==
        "truncated: the file ends inside this record");
  CHECK(std::string(errors[2]["file"].GetString()) == prose.string());
  CHECK(std::string(errors[2]["message"].GetString())
            .find("XML that is not a PubmedArticleSet") != std::string::npos);
  CHECK(std::string(errors[3]["file"].GetString()) == empty.string());
  CHECK(r.err.find("claimcheck import: " + cut.string() + ": byte ") !=
        std::string::npos);
  // What was there before and every well-formed record read stay.
  CHECK(Stats(db).documents == 15 + 50 + 1);
}

TEST_CASE("import: -j 2 stores exactly what -j 1 stores", "[import][cli]") {
  const testing::ScratchDir scratch("import_jobs");
  const fs::path& dir = scratch.path();
  const std::string one = (dir / "one.db").string();
  const std::string two = (dir / "two.db").string();
  const std::vector<std::string> files = {
      CorpusPath("pubmed/pubMR_pubmed_result.xml"),
      CorpusPath("pubmed/mokztk_pubmed_result_2012.xml")};
  std::vector<std::string> a = {"--db", one, "--format", "json", "import"};
  std::vector<std::string> b = {"--db",   two,  "--format", "json",
                                "import", "-j", "2"};
  a.insert(a.end(), files.begin(), files.end());
  b.insert(b.end(), files.begin(), files.end());
  const Run ra = RunCli(a, dir);
  const Run rb = RunCli(b, dir);
  REQUIRE(ra.exit_code == 0);
  REQUIRE(rb.exit_code == 0);
  CHECK(ra.out.substr(0, ra.out.find("\"store\"")) ==
        rb.out.substr(0, rb.out.find("\"store\"")));
  CHECK(AllClaims(one) == AllClaims(two));
  CHECK(RunCli({"--db", one, "import", "-j", "0", files[0]}, dir).exit_code ==
        2);
}

TEST_CASE("import: the default store is created in the user's data directory",
          "[import][cli]") {
  const testing::ScratchDir scratch("import_default");
  const fs::path& dir = scratch.path();
  const Run r = RunCli({"import", CorpusPath("pubmed/metapub_219391.xml")}, dir,
                       {"XDG_DATA_HOME=" + (dir / "data").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const fs::path db = dir / "data" / "claimcheck" / "store.db";
  CHECK(fs::exists(db));
  CHECK(Stats(db.string()).documents == 1);
  CHECK(RunCli({"import"}, dir).exit_code == 2);  // no FILE
}

// The real records of pubMR_pubmed_result.xml `copies` times over, each
// copy under fresh PMIDs (90,000,000 + copy * 1000 + record).
std::string LargeFile(int copies) {
  const std::string source =
      Slurp(CorpusPath("pubmed/pubMR_pubmed_result.xml"));
  std::vector<std::string> records;
  for (std::size_t at = source.find("<PubmedArticle>"); at != std::string::npos;
       at = source.find("<PubmedArticle>", at + 1)) {
    const std::size_t end = source.find("</PubmedArticle>", at) + 16;
    records.push_back(source.substr(at, end - at));
  }
  REQUIRE(records.size() == 93);
  std::string out =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet>\n"
      "<PubmedArticleSet>\n";
  for (int c = 0; c < copies; ++c) {
    for (std::size_t i = 0; i < records.size(); ++i) {
      std::string r = records[i];
      const std::size_t open = r.find("<PMID Version=\"1\">") + 18;
      const std::size_t close = r.find("</PMID>", open);
      r.replace(open, close - open,
                std::to_string(90'000'000 + c * 1000 + static_cast<int>(i)));
      out += r;
      out += "\n";
    }
  }
  return out + "</PubmedArticleSet>\n";
}

TEST_CASE("import: kill -9 mid-import leaves the store as committed",
          "[import][cli][crash]") {
  const testing::ScratchDir scratch("import_kill");
  const fs::path& dir = scratch.path();
  const std::string db = (dir / "store.db").string();
  ImportFirstFile(db, dir);
  const StoreStats before = Stats(db);
  REQUIRE(before.documents == 15);
  const fs::path large = dir / "large.xml";
  // ~64 MB: about a second of importing in a release build, longer under
  // ASan.
  const int copies = 32;
  testing::WriteFile(large, LargeFile(copies));
  // How long a whole import of it takes on this machine, in a store of its
  // own: the kills below fall at random moments inside that span.
  const auto timing_start = std::chrono::steady_clock::now();
  REQUIRE(
      RunCli({"--db", (dir / "timing.db").string(), "import", large.string()},
             dir)
          .exit_code == 0);
  const int full_ms =
      static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now() - timing_start)
                           .count());

  // Five kills at random moments; the seed is printed so that a failure can
  // be replayed with CLAIMCHECK_KILL_SEED.
  unsigned seed = static_cast<unsigned>(
      std::chrono::steady_clock::now().time_since_epoch().count());
  if (const char* fixed = std::getenv("CLAIMCHECK_KILL_SEED")) {
    seed = static_cast<unsigned>(std::strtoul(fixed, nullptr, 10));
  }
  INFO("CLAIMCHECK_KILL_SEED=" << seed << ", a whole import " << full_ms
                               << " ms");
  std::mt19937 random(seed);
  // The timing run may have shared the machine with other tests (ctest -j)
  // and taken longer than the imports below: an import that ends before
  // its kill halves the span the next moments are drawn from, and the
  // rounds go on (ten at most) until five kills have landed.
  const int earliest = std::max(1, full_ms / 20);
  int latest = std::max(earliest + 1, full_ms * 8 / 10);
  int killed = 0;
  for (int round = 0; round < 10 && killed < 5; ++round) {
    const int delay_ms =
        std::uniform_int_distribution<int>(earliest, latest)(random);
    // What the store holds before this round: an import that finished
    // before its kill has committed, and the next rounds start from it.
    const StoreStats committed = Stats(db);
    const pid_t pid = Spawn({"--db", db, "import", large.string()}, dir);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(pid, SIGKILL);
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    if (WIFSIGNALED(status)) {
      ++killed;
    } else {
      latest = std::max(earliest + 1, latest / 2);
    }
    INFO("killed after " << delay_ms << " ms");
    auto store = OpenStore(db);
    CHECK(store->IntegrityCheck().ok());
    auto stats = store->Stats();
    REQUIRE(stats.ok());
    if (WIFSIGNALED(status)) {
      CHECK(stats.value().documents == committed.documents);
      CHECK(stats.value().claims == committed.claims);
    }
    // What was committed before is still there (a record of the first
    // file), and a query still answers from the store.
    Result<std::optional<Document>> first = store->GetDocument("pmid:22219312");
    REQUIRE(first.ok());
    CHECK(first.value().has_value());
    store.reset();
    const Run query =
        RunCli({"--db", db, "query", "--subject", "tryptophan", "--relation",
                "decreases", "--object", "cognition", "--format", "json"},
               dir);
    INFO(query.err);
    CHECK(query.exit_code == 0);
  }
  // Kills must land inside imports for this test to test anything.
  CHECK(killed >= 3);
  const Run done = RunCli({"--db", db, "import", large.string()}, dir);
  INFO(done.err);
  REQUIRE(done.exit_code == 0);
  const StoreStats after = Stats(db);
  CHECK(after.documents == before.documents + copies * 93);
  auto store = OpenStore(db);
  CHECK(store->IntegrityCheck().ok());
}

TEST_CASE("import: queries keep answering while an import runs (WAL)",
          "[import][cli][concurrency]") {
  const testing::ScratchDir scratch("import_concurrent");
  const fs::path& dir = scratch.path();
  const std::string db = (dir / "store.db").string();
  ImportFirstFile(db, dir);
  const std::vector<std::string> query = {
      "--db",       db,           "query",     "--subject",
      "tryptophan", "--relation", "decreases", "--object",
      "cognition",  "--format",   "json"};
  const Run alone = RunCli(query, dir);
  REQUIRE(alone.exit_code == 0);
  const fs::path large = dir / "large.xml";
  testing::WriteFile(large, LargeFile(32));

  // The import writes its stdout and stderr elsewhere than the queries.
  const fs::path import_io = dir / "import_io";
  fs::create_directories(import_io);
  const pid_t pid = Spawn({"--db", db, "import", large.string()}, import_io);
  int answered = 0, while_running = 0;
  for (int i = 0; i < 40; ++i) {
    int status = 0;
    const bool running = waitpid(pid, &status, WNOHANG) == 0;
    const Run q = RunCli(query, dir);
    INFO("query " << i << ": " << q.err);
    CHECK(q.exit_code == 0);
    // The same answer as before the import: its transaction is not visible
    // until it commits, and the reader is never blocked by the writer.
    CHECK(q.out == alone.out);
    answered += q.exit_code == 0;
    while_running += running;
    if (!running) break;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(answered >= 1);
  // Most queries ran while the import held its write transaction.
  CHECK(while_running >= 1);
}

}  // namespace
}  // namespace claimcheck
