// The store's edge tables (schema version 3): documents per edge and design
// kept by triggers through inserts and replacements; the largest documents
// of an edge first.
#include <algorithm>
#include <filesystem>
#include <map>

#include "claimcheck/store.h"
#include "store/schema.h"
#include "test_util.h"

namespace claimcheck {

namespace {

StoredClaim Claim(const std::string& doc, const std::string& relation,
                  const std::string& object, bool question = false) {
  StoredClaim c;
  c.document_id = doc;
  c.subject = "magnesium";
  c.relation = relation;
  c.object = object;
  c.question = question;
  c.sentence_text = "x";
  return c;
}

DocumentWithClaims Doc(const std::string& id, Design design, long long n,
                       std::vector<StoredClaim> claims) {
  DocumentWithClaims d;
  d.document.id = id;
  d.document.kind = "abstract";
  d.document.design = design;
  d.document.n = n;
  d.claims = std::move(claims);
  return d;
}

std::unique_ptr<Store> Fresh(const std::string& name) {
  const auto path = testing::TempDir("edges_" + name) / "store.db";
  auto opened = Store::Open(path.string(), OpenMode::kReadWrite);
  REQUIRE(opened.ok());
  return std::move(opened).value();
}

std::string Dump(const std::vector<EdgeCount>& counts) {
  std::string out;
  for (const EdgeCount& c : counts) {
    out += c.subject + " " + c.relation + " " + c.object + " " +
           DesignName(c.design) + " " + std::to_string(c.documents) + "\n";
  }
  return out;
}

TEST_CASE("store edges: documents per edge and design, not sentences",
          "[store]") {
  auto store = Fresh("counts");
  REQUIRE(
      store
          ->PutDocuments({Doc("pmid:1", Design::kRct, 100,
                              {Claim("pmid:1", "increases", "sleep"),
                               Claim("pmid:1", "increases", "sleep"),
                               Claim("pmid:1", "increases", "sleep"),
                               Claim("pmid:1", "decreases", "anxiety"),
                               Claim("pmid:1", "increases", "anxiety", true)}),
                          Doc("pmid:2", Design::kRct, 300,
                              {Claim("pmid:2", "increases", "sleep")}),
                          Doc("pmid:3", Design::kCohort, 5000,
                              {Claim("pmid:3", "increases", "sleep")})})
          .ok());
  std::vector<EdgeCount> counts;
  REQUIRE(store->EdgeCounts({"magnesium"}, {"sleep", "anxiety"}, &counts).ok());
  CHECK(Dump(counts) ==
        "magnesium decreases anxiety rct 1\n"  // the question is no edge
        "magnesium increases sleep cohort 1\n"
        "magnesium increases sleep rct 2\n");
  std::vector<std::string> ids;
  REQUIRE(store
              ->StrongestDocuments("magnesium", "increases", "sleep",
                                   Design::kRct, 5, &ids)
              .ok());
  CHECK(ids == std::vector<std::string>{"pmid:2", "pmid:1"});  // larger first
  REQUIRE(store
              ->StrongestDocuments("magnesium", "increases", "sleep",
                                   Design::kRct, 1, &ids)
              .ok());
  CHECK(ids == std::vector<std::string>{"pmid:2"});

  // Replacing a document replaces its edges.
  REQUIRE(store->PutDocuments({Doc("pmid:2", Design::kCohort, 300, {})}).ok());
  REQUIRE(store->EdgeCounts({"magnesium"}, {"sleep"}, &counts).ok());
  CHECK(Dump(counts) ==
        "magnesium increases sleep cohort 1\n"
        "magnesium increases sleep rct 1\n");
  REQUIRE(store->PutDocuments({Doc("pmid:1", Design::kRct, 100, {})}).ok());
  REQUIRE(store->EdgeCounts({"magnesium"}, {"sleep", "anxiety"}, &counts).ok());
  CHECK(Dump(counts) == "magnesium increases sleep cohort 1\n");
  CHECK(store->IntegrityCheck().ok());
}

TEST_CASE(
    "store edges: the cross product of many subjects and objects, in one read",
    "[store]") {
  auto store = Fresh("cross");
  auto claim = [](const std::string& doc, const std::string& subject,
                  const std::string& relation, const std::string& object) {
    StoredClaim c = Claim(doc, relation, object);
    c.subject = subject;
    return c;
  };
  StoredClaim dose = claim("pmid:1", "magnesium", "dose", "");  // no object
  dose.kind = ClaimKind::kDose;
  REQUIRE(
      store
          ->PutDocuments(
              {Doc("pmid:1", Design::kRct, 100,
                   {claim("pmid:1", "magnesium", "increases", "gaba"),
                    claim("pmid:1", "magnesium_citrate", "increases", "sleep"),
                    claim("pmid:1", "magnesium", "decreases", "cortisol"), dose,
                    claim("pmid:1", "zinc", "increases", "sleep")}),
               Doc("pmid:2", Design::kCohort, 50,
                   {claim("pmid:2", "magnesium", "increases", "gaba"),
                    claim("pmid:2", "gaba", "increases", "sleep")})})
          .ok());
  std::vector<EdgeCount> counts;
  // Unsorted, repeated ids; zinc and cortisol are not asked.
  REQUIRE(
      store
          ->EdgeCounts({"magnesium_citrate", "magnesium", "gaba", "magnesium"},
                       {"sleep", "gaba", "sleep", "anxiety"}, &counts)
          .ok());
  CHECK(Dump(counts) ==
        "gaba increases sleep cohort 1\n"
        "magnesium increases gaba cohort 1\n"
        "magnesium increases gaba rct 1\n"
        "magnesium_citrate increases sleep rct 1\n");
  REQUIRE(store->EdgeCounts({}, {"sleep"}, &counts).ok());
  CHECK(counts.empty());

  // Of a document's claims, those on the asked edges, in its order; ""
  // stands for no object.
  auto on = [&](const std::string& id, const std::vector<std::string>& ss,
                const std::vector<std::string>& os) {
    std::map<std::string, std::vector<StoredClaim>> by_document;
    REQUIRE(store->ClaimsOfDocumentsOn({id}, ss, os, &by_document).ok());
    CHECK(by_document.size() <= 1);
    return by_document[id];
  };
  std::vector<StoredClaim> claims =
      on("pmid:1", {"magnesium", "zinc"}, {"sleep", "cortisol"});
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].object == "cortisol");
  CHECK(claims[1].subject == "zinc");
  claims = on("pmid:1", {"magnesium_citrate"}, {"gaba"});
  CHECK(claims.empty());
  claims = on("pmid:1", {"magnesium"}, {"", "cortisol"});
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].object == "cortisol");
  CHECK(claims[1].relation == "dose");
  CHECK(claims[1].object.empty());
  claims = on("pmid:9", {"magnesium"}, {"gaba"});
  CHECK(claims.empty());
}

TEST_CASE("store: documents and their claims on edges, many in one read",
          "[store]") {
  auto store = Fresh("batch");
  auto claim = [](const std::string& doc, const std::string& subject,
                  const std::string& object) {
    StoredClaim c = Claim(doc, "increases", object);
    c.subject = subject;
    return c;
  };
  std::vector<DocumentWithClaims> docs = {
      Doc("pmid:3", Design::kRct, 30,
          {claim("pmid:3", "zinc", "sleep"),
           claim("pmid:3", "magnesium", "sleep"),
           claim("pmid:3", "magnesium", "gaba"),
           claim("pmid:3", "magnesium", "sleep")}),
      Doc("pmid:1", Design::kCohort, 10,
          {claim("pmid:1", "magnesium", "gaba")}),
      Doc("pmid:2", Design::kAnimal, 0,
          {claim("pmid:2", "magnesium", "sleep")})};
  docs[0].document.title = "Third";
  docs[0].document.authors = {"Abbasi B", "Kimiagar M"};
  docs[0].document.citations = {Citation{"11", "", "", "", "one", 0, 3},
                                Citation{"", "10.1/x", "", "", "two", 4, 7}};
  docs[2].document.citations = {Citation{"12", "", "", "", "", 0, 0}};
  REQUIRE(store->PutDocuments(docs).ok());

  // Unsorted and repeated ids, one not stored: the stored ones, each as it
  // was written, citations in their order; GetDocument reads the same.
  std::map<std::string, Document> got;
  REQUIRE(
      store->GetDocuments({"pmid:3", "pmid:9", "pmid:2", "pmid:3"}, &got).ok());
  REQUIRE(got.size() == 2);
  for (std::size_t k : {0, 2}) {
    const Document& a = docs[k].document;
    auto one = store->GetDocument(a.id);
    REQUIRE(one.ok());
    REQUIRE(one.value().has_value());
    for (const Document* b : {&got.at(a.id), &*one.value()}) {
      CHECK(b->title == a.title);
      CHECK(b->authors == a.authors);
      CHECK(b->design == a.design);
      CHECK(b->n == a.n);
      REQUIRE(b->citations.size() == a.citations.size());
      for (std::size_t i = 0; i < a.citations.size(); ++i) {
        CHECK(b->citations[i].pmid == a.citations[i].pmid);
        CHECK(b->citations[i].text == a.citations[i].text);
        CHECK(b->citations[i].start == a.citations[i].start);
      }
    }
  }
  auto missing = store->GetDocument("pmid:9");
  REQUIRE(missing.ok());
  CHECK_FALSE(missing.value().has_value());
  CHECK(got.at("pmid:3").citations.size() == 2);
  REQUIRE(store->GetDocuments({}, &got).ok());
  CHECK(got.empty());

  // Each document's claims on the asked edges, in its order: those of the
  // claims it was written with.
  const std::vector<std::string> subjects = {"magnesium"};
  const std::vector<std::string> objects = {"sleep", "gaba"};
  std::map<std::string, std::vector<StoredClaim>> by_document;
  REQUIRE(store
              ->ClaimsOfDocumentsOn({"pmid:2", "pmid:3", "pmid:1", "pmid:9"},
                                    subjects, objects, &by_document)
              .ok());
  CHECK(by_document.size() == 3);
  for (const DocumentWithClaims& d : docs) {
    std::vector<StoredClaim> want;
    for (const StoredClaim& c : d.claims) {
      const bool asked =
          std::count(subjects.begin(), subjects.end(), c.subject) > 0 &&
          std::count(objects.begin(), objects.end(), c.object) > 0;
      if (asked) want.push_back(c);
    }
    const std::vector<StoredClaim>& many = by_document[d.document.id];
    REQUIRE(many.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
      CHECK(many[i].document_id == d.document.id);
      CHECK(many[i].subject == want[i].subject);
      CHECK(many[i].object == want[i].object);
    }
  }
  REQUIRE(by_document["pmid:3"].size() == 3);  // zinc is not asked
  CHECK(by_document["pmid:3"][1].object == "gaba");
  REQUIRE(
      store->ClaimsOfDocumentsOn({"pmid:1"}, {"zinc"}, objects, &by_document)
          .ok());
  CHECK(by_document.empty());
}

TEST_CASE("store: a read snapshot sees one state across calls", "[store]") {
  const auto path = (testing::TempDir("edges_snapshot") / "store.db").string();
  auto reader = Store::Open(path, OpenMode::kReadWrite);
  REQUIRE(reader.ok());
  REQUIRE(reader.value()
              ->PutDocuments({Doc("pmid:1", Design::kRct, 10,
                                  {Claim("pmid:1", "increases", "sleep")})})
              .ok());
  auto writer = Store::Open(path, OpenMode::kReadWrite);
  REQUIRE(writer.ok());
  std::vector<EdgeCount> counts;
  {
    auto snapshot = reader.value()->BeginReadSnapshot();
    REQUIRE(snapshot.ok());
    REQUIRE(reader.value()->EdgeCounts({"magnesium"}, {"sleep"}, &counts).ok());
    CHECK(Dump(counts) == "magnesium increases sleep rct 1\n");
    // Another connection commits a second trial meanwhile (WAL: the reader
    // does not block it).
    REQUIRE(writer.value()
                ->PutDocuments({Doc("pmid:2", Design::kRct, 20,
                                    {Claim("pmid:2", "increases", "sleep")})})
                .ok());
    REQUIRE(reader.value()->EdgeCounts({"magnesium"}, {"sleep"}, &counts).ok());
    CHECK(Dump(counts) == "magnesium increases sleep rct 1\n");
    auto doc = reader.value()->GetDocument("pmid:2");
    REQUIRE(doc.ok());
    CHECK_FALSE(doc.value().has_value());
  }
  REQUIRE(reader.value()->EdgeCounts({"magnesium"}, {"sleep"}, &counts).ok());
  CHECK(Dump(counts) == "magnesium increases sleep rct 2\n");
}

TEST_CASE("store edges: a version 2 store gets its edges on migration",
          "[store]") {
  const auto path = (testing::TempDir("edges_migrate") / "store.db").string();
  {
    std::vector<store_internal::Migration> v2(
        store_internal::SchemaMigrations().begin(),
        store_internal::SchemaMigrations().begin() + 2);
    auto old = store_internal::OpenStore(path, {}, v2);
    REQUIRE(old.ok());
    REQUIRE(old.value()->schema_version() == 2);
    REQUIRE(old.value()
                ->PutDocuments({Doc("pmid:7", Design::kRct, 80,
                                    {Claim("pmid:7", "increases", "sleep"),
                                     Claim("pmid:7", "increases", "sleep")})})
                .ok());
  }
  auto store = Store::Open(path, OpenMode::kReadWrite);
  REQUIRE(store.ok());
  CHECK(store.value()->schema_version() == kStoreSchemaVersion);
  std::vector<EdgeCount> counts;
  REQUIRE(store.value()->EdgeCounts({"magnesium"}, {"sleep"}, &counts).ok());
  CHECK(Dump(counts) == "magnesium increases sleep rct 1\n");
  // New writes keep counting after the migration.
  REQUIRE(store.value()
              ->PutDocuments({Doc("pmid:8", Design::kRct, 90,
                                  {Claim("pmid:8", "increases", "sleep")})})
              .ok());
  REQUIRE(store.value()->EdgeCounts({"magnesium"}, {"sleep"}, &counts).ok());
  CHECK(Dump(counts) == "magnesium increases sleep rct 2\n");
}

}  // namespace

}  // namespace claimcheck
