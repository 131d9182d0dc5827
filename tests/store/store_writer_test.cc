// Store::Writer (one transaction filled a document at a time), the
// revision rule (an older version never replaces a newer one) and the
// migration of a version 1 store to version 2 (documents.revised).
#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <string>

#include "../../src/store/schema.h"
#include "../../src/store/sqlite_util.h"
#include "claimcheck/store.h"
#include "importers/import_test_util.h"
#include "test_util.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;

std::unique_ptr<Store> OpenStoreOrDie(const std::string& path) {
  auto store = Store::Open(path, OpenMode::kReadWrite);
  INFO(store.status().ToString());
  REQUIRE(store.ok());
  return std::move(store).value();
}

DocumentWithClaims Entry(const std::string& id, const std::string& title,
                         const std::string& revised, int claims = 2) {
  DocumentWithClaims e;
  e.document.id = id;
  e.document.kind = "abstract";
  e.document.title = title;
  e.document.revised = revised;
  for (int i = 0; i < claims; ++i) {
    StoredClaim c;
    c.subject = "magnesium";
    c.relation = "increases";
    c.object = "sleep_quality";
    c.sentence = static_cast<std::size_t>(i);
    e.claims.push_back(c);
  }
  return e;
}

long long Documents(Store* store) {
  auto stats = store->Stats();
  REQUIRE(stats.ok());
  return stats.value().documents;
}

TEST_CASE("store writer: nothing is visible until Commit", "[store]") {
  const testing::ScratchDir scratch("store_writer");
  const std::string path = (scratch.path() / "store.db").string();
  auto store = OpenStoreOrDie(path);
  auto reader = OpenStoreOrDie(path);
  {
    auto writer = store->BeginWrite();
    REQUIRE(writer.ok());
    for (int i = 0; i < 3; ++i) {
      bool stored = false;
      REQUIRE(writer.value()
                  ->Put(Entry("pmid:" + std::to_string(i), "T", ""), &stored)
                  .ok());
      CHECK(stored);
    }
    CHECK(Documents(reader.get()) == 0);
    REQUIRE(writer.value()->Commit().ok());
    CHECK(writer.value()->Put(Entry("pmid:9", "T", "")).code() ==
          Status::Code::kInternal);
    CHECK(writer.value()->Commit().code() == Status::Code::kInternal);
  }
  CHECK(Documents(reader.get()) == 3);
  CHECK(store->IntegrityCheck().ok());
}

TEST_CASE("store writer: dropped uncommitted, nothing changes", "[store]") {
  const testing::ScratchDir scratch("store_writer_drop");
  const std::string path = (scratch.path() / "store.db").string();
  auto store = OpenStoreOrDie(path);
  REQUIRE(store->PutDocuments({Entry("pmid:1", "kept", "")}).ok());
  {
    auto writer = store->BeginWrite();
    REQUIRE(writer.ok());
    REQUIRE(writer.value()->Put(Entry("pmid:1", "replaced", "")).ok());
    REQUIRE(writer.value()->Put(Entry("pmid:2", "new", "")).ok());
    // A rejected document fails its Put; the transaction stays usable.
    CHECK(writer.value()->Put(Entry("", "no id", "")).code() ==
          Status::Code::kInvalidArgument);
  }
  CHECK(Documents(store.get()) == 1);
  auto doc = store->GetDocument("pmid:1");
  REQUIRE(doc.ok());
  REQUIRE(doc.value().has_value());
  CHECK(doc.value()->title == "kept");
  // The store is free again for the next writer.
  auto writer = store->BeginWrite();
  REQUIRE(writer.ok());
  REQUIRE(writer.value()->Put(Entry("pmid:3", "T", "")).ok());
  REQUIRE(writer.value()->Commit().ok());
  CHECK(Documents(store.get()) == 2);
}

TEST_CASE("store writer: a read-only store and a second writer are refused",
          "[store]") {
  const testing::ScratchDir scratch("store_writer_lock");
  const std::string path = (scratch.path() / "store.db").string();
  OpenStoreOrDie(path);
  auto read_only = Store::Open(path, OpenMode::kReadOnly);
  REQUIRE(read_only.ok());
  CHECK(read_only.value()->BeginWrite().status().code() ==
        Status::Code::kIOError);
  auto first = OpenStoreOrDie(path);
  StoreOptions quick;
  quick.busy_timeout_ms = 50;
  auto second = Store::Open(path, quick);
  REQUIRE(second.ok());
  auto writer = first->BeginWrite();
  REQUIRE(writer.ok());
  auto blocked = second.value()->BeginWrite();
  CHECK(blocked.status().code() == Status::Code::kIOError);
  CHECK(blocked.status().message().find("write lock") != std::string::npos);
}

TEST_CASE("store: a newer revision is never replaced by an older one",
          "[store]") {
  const testing::ScratchDir scratch("store_revised");
  const std::string path = (scratch.path() / "store.db").string();
  auto store = OpenStoreOrDie(path);
  auto title = [&] {
    auto doc = store->GetDocument("pmid:27797938");
    REQUIRE(doc.ok());
    REQUIRE(doc.value().has_value());
    return doc.value()->title + " @" + doc.value()->revised;
  };
  REQUIRE(store->PutDocuments({Entry("pmid:27797938", "newer", "2018-04-17")})
              .ok());
  CHECK(title() == "newer @2018-04-17");
  auto writer = store->BeginWrite();
  REQUIRE(writer.ok());
  bool stored = true;
  REQUIRE(writer.value()
              ->Put(Entry("pmid:27797938", "older", "2018-02-22", 5), &stored)
              .ok());
  CHECK_FALSE(stored);
  REQUIRE(writer.value()->Commit().ok());
  CHECK(title() == "newer @2018-04-17");
  std::vector<StoredClaim> claims;
  REQUIRE(store->ClaimsOfDocument("pmid:27797938", &claims).ok());
  CHECK(claims.size() == 2);
  // The same revision again replaces (a re-import is idempotent); a later
  // one replaces; one without a date always replaces.
  REQUIRE(
      store->PutDocuments({Entry("pmid:27797938", "same", "2018-04-17")}).ok());
  CHECK(title() == "same @2018-04-17");
  REQUIRE(store->PutDocuments({Entry("pmid:27797938", "later", "2019-01-01")})
              .ok());
  CHECK(title() == "later @2019-01-01");
  REQUIRE(store->PutDocuments({Entry("pmid:27797938", "undated", "")}).ok());
  CHECK(title() == "undated @");
}

TEST_CASE("store: a version 1 store is migrated to version 2", "[store]") {
  const testing::ScratchDir scratch("store_v1");
  const std::string path = (scratch.path() / "store.db").string();
  {
    // Version 1 alone, as an older build made it, with one document.
    std::vector<store_internal::Migration> v1 = {
        store_internal::SchemaMigrations().front()};
    auto old = store_internal::OpenStore(path, {}, v1);
    REQUIRE(old.ok());
    REQUIRE(old.value()->schema_version() == 1);
    auto db = store_internal::Database::Open(path, SQLITE_OPEN_READWRITE);
    REQUIRE(db.ok());
    REQUIRE(db.value()
                .Exec("INSERT INTO documents (id, kind, design, title, date, "
                      "url, journal, language, pmid, doi, pmcid, retracted) "
                      "VALUES ('pmid:1', 'abstract', 'rct', 'Old', '2001', "
                      "'', '', 'eng', '1', '', '', 0)",
                      "test insert")
                .ok());
  }
  auto store = OpenStoreOrDie(path);
  CHECK(store->schema_version() == kStoreSchemaVersion);
  CHECK(fs::exists(path + ".bak-v1"));
  auto doc = store->GetDocument("pmid:1");
  REQUIRE(doc.ok());
  REQUIRE(doc.value().has_value());
  CHECK(doc.value()->title == "Old");
  CHECK(doc.value()->revised.empty());
  REQUIRE(store->PutDocuments({Entry("pmid:1", "New", "2020-01-01")}).ok());
  doc = store->GetDocument("pmid:1");
  REQUIRE(doc.ok());
  CHECK(doc.value()->revised == "2020-01-01");
  CHECK(store->IntegrityCheck().ok());
}

}  // namespace
}  // namespace claimcheck
