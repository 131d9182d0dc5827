// Fills a store with at least N claims made from real text: every file
// given (PubMed XML, MEDLINE, articles) is imported and its claims
// extracted as `claimcheck import` does. The PubMed records give the
// documents (title, journal, design, n, authors) and every claim found in
// any file goes into a pool; then documents are written again and again
// under fresh PMIDs (900000000 + i), record after record, each with the
// next kClaimsPerDocument claims of the pool, until the store holds N
// claims. The PubMed corpus says little about magnesium and sleep, the
// seeds say a lot: the store is the worst case for a magnesium query (most
// claims are about magnesium). Used by tools/bench/run.
//
//   make_store KB_DIR OUT_DB CLAIMS FILE...
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "claimcheck/claims.h"
#include "claimcheck/concepts.h"
#include "claimcheck/importer.h"
#include "claimcheck/knowledge_base.h"
#include "claimcheck/store.h"

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kClaimsPerDocument = 5;

}  // namespace

int main(int argc, char** argv) {
  using namespace claimcheck;
  if (argc < 5) {
    std::fprintf(stderr, "usage: make_store KB_DIR OUT_DB CLAIMS FILE...\n");
    return 2;
  }
  const std::string kb = argv[1];
  const std::string out = argv[2];
  const long long target = std::atoll(argv[3]);
  Diagnostics problems;
  Result<std::unique_ptr<KnowledgeBase>> loaded =
      KnowledgeBase::Load(kb, KnowledgeBase::Options(), &problems);
  if (!loaded.ok()) {
    std::fprintf(stderr, "make_store: cannot load %s\n", kb.c_str());
    return 2;
  }
  const ClaimExtractor& extractor = loaded.value()->extractor();

  // The real documents (PubMed records) and every claim any file makes.
  std::vector<Document> records;
  std::vector<StoredClaim> pool;
  for (int i = 4; i < argc; ++i) {
    Diagnostics file_problems;
    Status s = ImportFile(
        argv[i], ImportOptions{},
        [&](ImportedDocument&& d) {
          Result<DocumentText> t = BuildDocumentText(d, nullptr);
          if (!t.ok()) return Status::OK();  // a broken record: skip it
          const std::vector<Mention> mentions =
              extractor.matcher().Match(t.value().text);
          for (const Claim& c :
               extractor.Extract(t.value().text, mentions, t.value().context)) {
            pool.push_back(FromClaim(c, t.value().text, ""));
          }
          if (d.document.kind == "abstract") {
            records.push_back(std::move(d.document));
          }
          return Status::OK();
        },
        &file_problems);
    if (!s.ok()) {
      std::fprintf(stderr, "make_store: %s (skipped)\n", s.ToString().c_str());
    }
  }
  if (records.empty() || pool.empty()) {
    std::fprintf(stderr, "make_store: need PubMed records and claims\n");
    return 2;
  }

  // A run stopped half-way may have left its journal files: a new store
  // must not replay them.
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(out + suffix);
  }
  Result<std::unique_ptr<Store>> opened =
      Store::Open(out, OpenMode::kReadWrite);
  if (!opened.ok()) {
    std::fprintf(stderr, "make_store: %s\n",
                 opened.status().ToString().c_str());
    return 2;
  }
  Store& store = *opened.value();
  const auto start = Clock::now();
  long long claims = 0, documents = 0;
  long long next_pmid = 900000000;
  std::vector<DocumentWithClaims> batch;
  std::size_t next_claim = 0;
  for (std::size_t r = 0; claims < target; r = (r + 1) % records.size()) {
    DocumentWithClaims copy{records[r], {}, {}};
    const std::string pmid = std::to_string(next_pmid++);
    copy.document.id = "pmid:" + pmid;
    copy.document.pmid = pmid;
    copy.document.doi.clear();
    copy.document.citations.clear();
    for (std::size_t k = 0; k < kClaimsPerDocument; ++k) {
      StoredClaim c = pool[next_claim++ % pool.size()];
      c.document_id = copy.document.id;
      c.sentence = k;
      copy.claims.push_back(std::move(c));
    }
    claims += static_cast<long long>(copy.claims.size());
    ++documents;
    batch.push_back(std::move(copy));
    if (batch.size() == 2000 || claims >= target) {
      Status s = store.PutDocuments(batch);
      if (!s.ok()) {
        std::fprintf(stderr, "make_store: %s\n", s.ToString().c_str());
        return 2;
      }
      batch.clear();
    }
  }
  const double seconds =
      std::chrono::duration<double>(Clock::now() - start).count();
  std::printf(
      "make_store: %zu real records, %zu real claims -> %lld documents, "
      "%lld claims in %.1f s; %s is %.1f MB\n",
      records.size(), pool.size(), documents, claims, seconds, out.c_str(),
      static_cast<double>(std::filesystem::file_size(out)) / 1e6);
  return 0;
}
