// The SQLite evidence store: opening and versions, round trips, replacement,
// atomic batches, read-only mode, refusals with their messages, ordering,
// index use, and faults (lock, read-only file, full disk, kill -9).
#include "claimcheck/store.h"

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <random>
#include <set>
#include <thread>
#include <tuple>

// Private: the migration list and the lookups' SQL (includes only public
// headers, so it can be included from here).
#include "../../src/store/schema.h"
#include "test_util.h"

namespace claimcheck {

namespace {

namespace fs = std::filesystem;

// A raw SQLite connection, to look at and tamper with a store from outside.
class RawDb {
 public:
  explicit RawDb(const std::string& path) {
    REQUIRE(sqlite3_open_v2(path.c_str(), &db_,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                            nullptr) == SQLITE_OK);
  }
  ~RawDb() { sqlite3_close(db_); }
  sqlite3* get() const { return db_; }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;

  void Exec(const std::string& sql) {
    char* error = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
    INFO(sql << ": " << (error != nullptr ? error : ""));
    sqlite3_free(error);
    REQUIRE(rc == SQLITE_OK);
  }
  // Every row of `sql`, columns joined by '|', rows by '\n'.
  std::string Query(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) ==
            SQLITE_OK);
    std::string out;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      if (!out.empty()) out += '\n';
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        if (c > 0) out += '|';
        const unsigned char* text = sqlite3_column_text(stmt, c);
        if (text != nullptr) out += reinterpret_cast<const char*>(text);
      }
    }
    sqlite3_finalize(stmt);
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

std::unique_ptr<Store> OpenOrDie(const std::string& path,
                                 OpenMode mode = OpenMode::kReadWrite) {
  auto store = Store::Open(path, mode);
  INFO(store.status().ToString());
  REQUIRE(store.ok());
  return std::move(store).value();
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

StoredClaim SampleClaim(const std::string& subject, const std::string& object,
                        int i) {
  StoredClaim c;
  c.kind = static_cast<ClaimKind>(i % 7);
  c.subject = subject;
  c.relation = i % 2 == 0 ? kDecreases : kIncreases;
  c.object = object;
  c.category = object.empty() ? "mushroom" : "";
  c.population = "adults over 60";
  c.timing = "before bed";
  if (i % 3 == 0) {
    c.quantity =
        Quantity{200, 400.5, "mg", "day", "elemental", "up_to", 10, 25};
  }
  c.hedging = static_cast<Hedging>(i % 3);
  c.negated = i % 2 == 1;
  c.denied = c.negated ? kIncreases : "";
  c.attribution = static_cast<Attribution>((i + 1) % 3);
  c.question = i % 4 == 3;
  c.sentence = static_cast<std::size_t>(i) + 2;
  c.section = "RESULTS";
  c.sentence_text =
      "Magnesium " + std::to_string(i) + " improved sleep — “ok”.";
  c.trigger_start = 10 + static_cast<std::size_t>(i);
  c.trigger_end = 18 + static_cast<std::size_t>(i);
  c.subject_from = i % 2 == 0 ? "text" : "focus";
  c.cues = {"may", "studies show", "quote \" and \\ back"};
  return c;
}

Document SampleDocument(const std::string& id) {
  Document d;
  d.id = id;
  d.kind = "abstract";
  d.design = Design::kRct;
  d.title = "Magnesium and insomnia in the elderly: a \"double-blind\" trial";
  d.authors = {"Abbasi B", "Kimiagar M", "Sadeghniiat K"};
  d.date = "2012-12";
  d.url = "https://pubmed.ncbi.nlm.nih.gov/23853635/";
  d.journal = "J Res Med Sci";
  d.language = "eng";
  d.pmid = "23853635";
  d.doi = "10.1234/abc";
  d.pmcid = "PMC3703169";
  d.n = 46;
  d.retracted = true;
  d.publication_types = {"Randomized Controlled Trial", "Journal Article"};
  Citation cited;
  cited.pmid = "111";
  cited.doi = "10.1/x";
  cited.pmcid = "PMC1";
  cited.url = "https://example.org/a";
  cited.text = "Abbasi et al., 2012";
  cited.start = 5;
  cited.end = 24;
  d.citations = {cited, Citation{"", "10.2/y", "", "", "", 0, 0}};
  return d;
}

DocumentWithClaims SampleEntry(const std::string& id, int claims,
                               const std::string& subject = "magnesium") {
  DocumentWithClaims entry{SampleDocument(id), {}, {}};
  for (int i = 0; i < claims; ++i) {
    entry.claims.push_back(
        SampleClaim(subject, i % 5 == 4 ? "" : "sleep_quality", i));
  }
  return entry;
}

void RequireSameDocument(const Document& a, const Document& b) {
  CHECK(a.id == b.id);
  CHECK(a.kind == b.kind);
  CHECK(a.design == b.design);
  CHECK(a.title == b.title);
  CHECK(a.authors == b.authors);
  CHECK(a.date == b.date);
  CHECK(a.url == b.url);
  CHECK(a.journal == b.journal);
  CHECK(a.language == b.language);
  CHECK(a.pmid == b.pmid);
  CHECK(a.doi == b.doi);
  CHECK(a.pmcid == b.pmcid);
  CHECK(a.n == b.n);
  CHECK(a.retracted == b.retracted);
  CHECK(a.publication_types == b.publication_types);
  REQUIRE(a.citations.size() == b.citations.size());
  for (std::size_t i = 0; i < a.citations.size(); ++i) {
    const Citation& x = a.citations[i];
    const Citation& y = b.citations[i];
    CHECK(x.pmid == y.pmid);
    CHECK(x.doi == y.doi);
    CHECK(x.pmcid == y.pmcid);
    CHECK(x.url == y.url);
    CHECK(x.text == y.text);
    CHECK(x.start == y.start);
    CHECK(x.end == y.end);
  }
}

// Every field of a claim on one line, for comparisons and messages.
std::string Dump(const StoredClaim& c) {
  std::string out = c.document_id + "|" + std::to_string(int(c.kind)) + "|" +
                    c.subject + "|" + c.relation + "|" + c.object + "|" +
                    c.category + "|" + c.population + "|" + c.timing + "|";
  if (c.quantity) {
    const Quantity& q = *c.quantity;
    out += std::to_string(q.min) + "-" + std::to_string(q.max) + q.unit + "/" +
           q.per + "/" + q.basis + "/" + q.bound + "@" +
           std::to_string(q.start) + ":" + std::to_string(q.end);
  }
  out += "|" + std::to_string(int(c.hedging)) + std::to_string(c.negated) +
         c.denied + std::to_string(int(c.attribution)) +
         std::to_string(c.question) + "|" + std::to_string(c.sentence) + "|" +
         c.section + "|" + c.sentence_text + "|" +
         std::to_string(c.trigger_start) + ":" + std::to_string(c.trigger_end) +
         "|" + c.subject_from;
  for (const std::string& cue : c.cues) out += "|" + cue;
  return out;
}

std::string Dump(const std::vector<StoredClaim>& claims) {
  std::string out;
  for (const StoredClaim& c : claims) out += Dump(c) + "\n";
  return out;
}

std::string Path(const fs::path& dir, const std::string& name = "store.db") {
  return (dir / name).string();
}

long long ClaimCount(Store* store) {
  auto stats = store->Stats();
  REQUIRE(stats.ok());
  return stats.value().claims;
}

}  // namespace

TEST_CASE("store: create, reopen, schema version and pragmas", "[store]") {
  const std::string path = Path(testing::TempDir("store_create"));
  CHECK(kStoreSchemaVersion ==
        store_internal::SchemaMigrations().back().version);
  {
    auto store = OpenOrDie(path);
    CHECK(fs::exists(path));
    CHECK(store->schema_version() == kStoreSchemaVersion);
    CHECK(store->path() == path);
    CHECK(store->IntegrityCheck().ok());
    auto stats = store->Stats();
    REQUIRE(stats.ok());
    CHECK(stats.value().documents == 0);
    CHECK(stats.value().claims == 0);
    RawDb raw(path);
    CHECK(raw.Query("PRAGMA journal_mode") == "wal");
    CHECK(raw.Query("PRAGMA user_version") ==
          std::to_string(kStoreSchemaVersion));
    CHECK(raw.Query("PRAGMA application_id") ==
          std::to_string(store_internal::kApplicationId));
  }
  for (OpenMode mode : {OpenMode::kReadWrite, OpenMode::kReadOnly}) {
    auto store = OpenOrDie(path, mode);
    CHECK(store->schema_version() == kStoreSchemaVersion);
    CHECK(store->mode() == mode);
  }
  CHECK_FALSE(fs::exists(path + ".bak-v0"));
}

TEST_CASE("store: every field survives a round trip", "[store]") {
  const std::string path = Path(testing::TempDir("store_roundtrip"));
  DocumentWithClaims entry = SampleEntry("pmid:23853635", 14);
  entry.claims[3].document_id = "pmid:23853635";  // may name its document
  DocumentWithClaims bare{Document{}, {}, {}};
  bare.document.id = "url:https://example.org/bare";  // every field default
  bare.claims.push_back(StoredClaim{});
  bare.claims.back().subject = "valerian";
  {
    auto store = OpenOrDie(path);
    REQUIRE(store->PutDocuments({entry, bare}).ok());
  }
  auto store = OpenOrDie(path, OpenMode::kReadOnly);
  for (const DocumentWithClaims* want : {&entry, &bare}) {
    auto got = store->GetDocument(want->document.id);
    REQUIRE(got.ok());
    REQUIRE(got.value().has_value());
    RequireSameDocument(*got.value(), want->document);
    std::vector<StoredClaim> claims;
    REQUIRE(store->ClaimsOfDocument(want->document.id, &claims).ok());
    std::vector<StoredClaim> expected = want->claims;
    for (StoredClaim& c : expected) c.document_id = want->document.id;
    CHECK(Dump(claims) == Dump(expected));
  }
  auto missing = store->GetDocument("pmid:1");
  REQUIRE(missing.ok());
  CHECK_FALSE(missing.value().has_value());
  std::vector<StoredClaim> none = {StoredClaim{}};
  REQUIRE(store->ClaimsOfDocument("pmid:1", &none).ok());
  CHECK(none.empty());
}

TEST_CASE("store: JSON lists are read back exactly, damaged ones refused",
          "[store]") {
  const std::string path = Path(testing::TempDir("store_lists"));
  DocumentWithClaims entry = SampleEntry("pmid:23853635", 4);
  entry.document.authors = {"", "O\"Brien \\ J", "Møller Å", "a\nb\tc",
                            std::string("nul\0inside", 11)};
  entry.document.publication_types = {};
  {
    auto store = OpenOrDie(path);
    REQUIRE(store->PutDocuments({entry}).ok());
  }
  {
    auto store = OpenOrDie(path, OpenMode::kReadOnly);
    auto got = store->GetDocument("pmid:23853635");
    REQUIRE(got.ok());
    REQUIRE(got.value().has_value());
    CHECK(got.value()->authors == entry.document.authors);
    CHECK(got.value()->publication_types.empty());
  }
  // Each of these is not a JSON list of strings: the read fails naming the
  // document and the column, and never returns part of the list.
  const std::vector<std::string> damaged = {
      "",
      "\"Abbasi B\"",
      "[\"a\", 1]",
      "[[\"a\"]]",
      "[\"a\"] [\"b\"]",
      "[\"a\"",
      "{\"a\": \"b\"}",
      "[\"a\", null]",
      "[\"\\x\"]",
      "3",
      std::string("[\"a\"]\0[1]", 9),  // a raw NUL, then more
  };
  for (const std::string& bad : damaged) {
    INFO(bad);
    {
      RawDb raw(path);
      sqlite3_stmt* stmt = nullptr;
      const std::string sql = "UPDATE documents SET authors = ?1";
      REQUIRE(sqlite3_prepare_v2(raw.get(), sql.c_str(), -1, &stmt, nullptr) ==
              SQLITE_OK);
      sqlite3_bind_text(stmt, 1, bad.data(), static_cast<int>(bad.size()),
                        SQLITE_TRANSIENT);
      REQUIRE(sqlite3_step(stmt) == SQLITE_DONE);
      sqlite3_finalize(stmt);
    }
    auto store = OpenOrDie(path, OpenMode::kReadOnly);
    auto got = store->GetDocument("pmid:23853635");
    REQUIRE_FALSE(got.ok());
    CHECK(got.status().code() == Status::Code::kCorruption);
    CHECK(Contains(got.status().ToString(), "pmid:23853635"));
    CHECK(Contains(got.status().ToString(), "authors"));
  }
}

namespace {

// The words SQL finds in `column` of `table`, sorted, joined by '\n'.
std::string StoredWords(const std::string& path, const std::string& table,
                        const std::string& column) {
  return RawDb(path).Query("SELECT DISTINCT " + column + " FROM " + table +
                           " ORDER BY 1");
}

template <typename Enum>
std::string NamesOf(int count, const char* (*name)(Enum)) {
  std::set<std::string> names;
  for (int i = 0; i < count; ++i) names.insert(name(static_cast<Enum>(i)));
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : "\n") + n;
  return out;
}

}  // namespace

TEST_CASE("store: every design and claim word round-trips", "[store]") {
  const std::string path = Path(testing::TempDir("store_words"));
  auto store = OpenOrDie(path);
  std::vector<DocumentWithClaims> batch;
  for (Design design : AllDesigns()) {
    DocumentWithClaims entry =
        SampleEntry(std::string("doi:") + DesignName(design), 21);
    entry.document.design = design;
    batch.push_back(entry);
  }
  REQUIRE(store->PutDocuments(batch).ok());
  auto stats = store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats.value().documents == static_cast<long long>(batch.size()));
  CHECK(stats.value().claims == static_cast<long long>(batch.size()) * 21);
  CHECK(stats.value().documents_by_design.size() == batch.size());
  for (const DocumentWithClaims& entry : batch) {
    auto got = store->GetDocument(entry.document.id);
    REQUIRE(got.ok());
    REQUIRE(got.value());
    CHECK(got.value()->design == entry.document.design);
    CHECK(stats.value().documents_by_design.at(entry.document.design) == 1);
  }
  // The file holds CLI.md's words, as the model's *Name functions spell them.
  CHECK(StoredWords(path, "documents", "design") ==
        NamesOf(static_cast<int>(AllDesigns().size()), &DesignName));
  CHECK(StoredWords(path, "claims", "kind") == NamesOf(7, &ClaimKindName));
  CHECK(StoredWords(path, "claims", "hedging") == NamesOf(3, &HedgingName));
  CHECK(StoredWords(path, "claims", "attribution") ==
        NamesOf(3, &AttributionName));
}

TEST_CASE("store: re-importing a document replaces it", "[store]") {
  const std::string path = Path(testing::TempDir("store_replace"));
  auto store = OpenOrDie(path);
  REQUIRE(
      store->PutDocuments({SampleEntry("pmid:1", 5), SampleEntry("pmid:2", 3)})
          .ok());
  CHECK(ClaimCount(store.get()) == 8);
  REQUIRE(store->PutDocuments({SampleEntry("pmid:1", 5)}).ok());
  CHECK(ClaimCount(store.get()) == 8);

  DocumentWithClaims newer = SampleEntry("pmid:1", 2, "melatonin");
  newer.document.title = "Corrected title";
  newer.document.citations.resize(1);
  REQUIRE(store->PutDocuments({newer}).ok());
  auto stats = store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats.value().documents == 2);
  CHECK(stats.value().claims == 5);
  auto got = store->GetDocument("pmid:1");
  REQUIRE(got.ok());
  REQUIRE(got.value());
  RequireSameDocument(*got.value(), newer.document);
  std::vector<StoredClaim> claims;
  REQUIRE(store->ClaimsAbout("magnesium", "", &claims).ok());
  CHECK(claims.size() == 3);  // only pmid:2's are left
  for (const StoredClaim& c : claims) CHECK(c.document_id == "pmid:2");

  // Within one batch the later entry wins.
  REQUIRE(
      store->PutDocuments({SampleEntry("pmid:3", 4), SampleEntry("pmid:3", 1)})
          .ok());
  REQUIRE(store->ClaimsOfDocument("pmid:3", &claims).ok());
  CHECK(claims.size() == 1);
  CHECK(store->IntegrityCheck().ok());
}

TEST_CASE("store: a failing document rolls back its whole batch", "[store]") {
  struct Case {
    const char* name;
    void (*spoil)(StoredClaim*);
    const char* message;
  };
  const Case cases[] = {
      {"empty subject (CHECK)", [](StoredClaim* c) { c->subject.clear(); },
       "subject"},
      {"NaN quantity",
       [](StoredClaim* c) {
         c->quantity = Quantity{std::nan(""), 1, "mg", "", "", "", 0, 0};
       },
       "not a number"},
      {"claim of another document",
       [](StoredClaim* c) { c->document_id = "pmid:999"; }, "pmid:999"},
  };
  for (const Case& test : cases) {
    SECTION(test.name) {
      const std::string path = Path(testing::TempDir("store_atomic"));
      auto store = OpenOrDie(path);
      REQUIRE(store->PutDocuments({SampleEntry("pmid:1", 3)}).ok());

      DocumentWithClaims bad = SampleEntry("pmid:bad", 3);
      test.spoil(&bad.claims[1]);
      Status status =
          store->PutDocuments({SampleEntry("pmid:1", 7, "melatonin"),
                               SampleEntry("pmid:2", 2), bad});
      INFO(status.ToString());
      CHECK(status.code() == Status::Code::kInvalidArgument);
      CHECK(Contains(status.message(), path));
      CHECK(Contains(status.message(), "document 'pmid:bad', claim 1"));
      CHECK(Contains(status.message(), test.message));

      CHECK(ClaimCount(store.get()) == 3);
      auto two = store->GetDocument("pmid:2");
      REQUIRE(two.ok());
      CHECK_FALSE(two.value().has_value());
      std::vector<StoredClaim> claims;
      REQUIRE(store->ClaimsOfDocument("pmid:1", &claims).ok());
      REQUIRE(claims.size() == 3);
      CHECK(claims[0].subject == "magnesium");
      // The store is still usable.
      REQUIRE(store->PutDocuments({SampleEntry("pmid:2", 2)}).ok());
      CHECK(ClaimCount(store.get()) == 5);
    }
  }
  SECTION("an empty document id (CHECK)") {
    const std::string path = Path(testing::TempDir("store_atomic"));
    auto store = OpenOrDie(path);
    Status status =
        store->PutDocuments({SampleEntry("pmid:2", 2), SampleEntry("", 1)});
    CHECK(status.code() == Status::Code::kInvalidArgument);
    CHECK(Contains(status.message(), "CHECK constraint failed"));
    CHECK(ClaimCount(store.get()) == 0);
  }
}

TEST_CASE("store: read-only mode neither creates nor writes", "[store]") {
  const fs::path dir = testing::TempDir("store_readonly");
  const std::string missing = Path(dir, "missing.db");
  auto none = Store::Open(missing, OpenMode::kReadOnly);
  CHECK(none.status().code() == Status::Code::kNotFound);
  CHECK(Contains(none.status().message(), missing));
  CHECK(fs::is_empty(dir));

  const std::string path = Path(dir);
  REQUIRE(OpenOrDie(path)->PutDocuments({SampleEntry("pmid:1", 3)}).ok());
  auto store = OpenOrDie(path, OpenMode::kReadOnly);
  Status status = store->PutDocuments({SampleEntry("pmid:2", 1)});
  CHECK(status.code() == Status::Code::kIOError);
  CHECK(Contains(status.message(), path));
  CHECK(ClaimCount(store.get()) == 3);
  std::vector<StoredClaim> claims;
  CHECK(store->ClaimsAbout("magnesium", "sleep_quality", &claims).ok());
  CHECK(claims.size() == 3);
  CHECK(store->IntegrityCheck().ok());

  // An empty SQLite file is no store to read.
  const std::string empty = Path(dir, "empty.db");
  testing::WriteFile(empty, "");
  auto refused = Store::Open(empty, OpenMode::kReadOnly);
  CHECK(refused.status().code() == Status::Code::kInvalidArgument);
  CHECK(fs::file_size(empty) == 0);
}

TEST_CASE("store: files that are not claimcheck stores are refused",
          "[store]") {
  const fs::path dir = testing::TempDir("store_notadb");
  const std::string text = Path(dir, "notes.db");
  std::string junk;
  for (int i = 0; i < 200; ++i)
    junk += "this is not a database, line " + std::to_string(i) + "\n";
  testing::WriteFile(text, junk);
  const std::string foreign = Path(dir, "foreign.db");
  { RawDb(foreign).Exec("CREATE TABLE t (x); INSERT INTO t VALUES (1)"); }
  const auto foreign_size = fs::file_size(foreign);

  for (OpenMode mode : {OpenMode::kReadWrite, OpenMode::kReadOnly}) {
    auto store = Store::Open(text, mode);
    INFO(store.status().ToString());
    CHECK(store.status().code() == Status::Code::kInvalidArgument);
    CHECK(Contains(store.status().message(), text));
    CHECK(Contains(store.status().message(), "not a database"));
    CHECK(testing::Slurp(text) == junk);

    store = Store::Open(foreign, mode);
    INFO(store.status().ToString());
    CHECK(store.status().code() == Status::Code::kInvalidArgument);
    CHECK(Contains(store.status().message(), foreign));
    CHECK(Contains(store.status().message(), "not a claimcheck store"));
    CHECK(fs::file_size(foreign) == foreign_size);
  }
  CHECK(RawDb(foreign).Query("PRAGMA journal_mode") == "delete");
  CHECK_FALSE(fs::exists(text + "-wal"));
}

TEST_CASE("store: a store of a newer schema version is refused", "[store]") {
  const std::string path = Path(testing::TempDir("store_newer"));
  REQUIRE(OpenOrDie(path)->PutDocuments({SampleEntry("pmid:1", 2)}).ok());
  const int newer = kStoreSchemaVersion + 6;
  RawDb(path).Exec("PRAGMA user_version = " + std::to_string(newer));
  for (OpenMode mode : {OpenMode::kReadWrite, OpenMode::kReadOnly}) {
    auto store = Store::Open(path, mode);
    INFO(store.status().ToString());
    CHECK(store.status().code() == Status::Code::kNotSupported);
    CHECK(Contains(store.status().message(), path));
    CHECK(
        Contains(store.status().message(), "version " + std::to_string(newer)));
    CHECK(Contains(store.status().message(),
                   "version " + std::to_string(kStoreSchemaVersion)));
  }
  CHECK(RawDb(path).Query("PRAGMA user_version") == std::to_string(newer));
  CHECK_FALSE(fs::exists(path + ".bak-v" + std::to_string(newer)));
}

namespace {

Status AddNoteColumn(store_internal::Database* db) {
  return store_internal::ExecSql(
      db, "ALTER TABLE documents ADD COLUMN note TEXT NOT NULL DEFAULT ''",
      "adding a note");
}

// SQLite's table-rebuild recipe, which drops the table claims refer to.
// The edge trigger on claims reads documents: with legacy_alter_table the
// rename leaves the trigger's text alone, as the recipe advises.
Status RebuildDocuments(store_internal::Database* db) {
  return store_internal::ExecSql(
      db,
      "PRAGMA legacy_alter_table = ON;"
      "CREATE TABLE documents_new (id TEXT NOT NULL PRIMARY KEY, note TEXT, "
      "design TEXT NOT NULL DEFAULT 'unknown', n INTEGER) WITHOUT ROWID;"
      "INSERT INTO documents_new SELECT id, 'x', design, n FROM documents;"
      "DROP TABLE documents;"
      "ALTER TABLE documents_new RENAME TO documents;"
      "PRAGMA legacy_alter_table = OFF;",
      "rebuilding documents");
}

Status BrokenMigration(store_internal::Database* db) {
  Status status = AddNoteColumn(db);
  if (!status.ok()) return status;
  return store_internal::ExecSql(db, "CREATE TABLE claims (x)", "breaking");
}

}  // namespace

TEST_CASE("store: an older store is migrated after a backup", "[store]") {
  const std::string path = Path(testing::TempDir("store_migrate"));
  REQUIRE(
      OpenOrDie(path)
          ->PutDocuments({SampleEntry("pmid:1", 4), SampleEntry("pmid:2", 1)})
          .ok());
  const std::string backup =
      path + ".bak-v" + std::to_string(kStoreSchemaVersion);
  std::vector<store_internal::Migration> migrations =
      store_internal::SchemaMigrations();
  const int v2 = kStoreSchemaVersion + 1;

  SECTION("a failing migration leaves the old version") {
    migrations.push_back({v2, "broken", &BrokenMigration});
    auto store = store_internal::OpenStore(path, {}, migrations);
    INFO(store.status().ToString());
    CHECK_FALSE(store.ok());
    CHECK(Contains(store.status().message(), path));
    CHECK(fs::exists(backup));
    auto old = OpenOrDie(path);
    CHECK(old->schema_version() == kStoreSchemaVersion);
    CHECK(ClaimCount(old.get()) == 5);
    CHECK(RawDb(path).Query("SELECT count(*) FROM pragma_table_info("
                            "'documents') WHERE name = 'note'") == "0");
  }

  SECTION("a migration that rebuilds a table keeps the rows that refer to it") {
    migrations.push_back({v2, "documents rebuilt", &RebuildDocuments});
    auto store = store_internal::OpenStore(path, {}, migrations);
    INFO(store.status().ToString());
    REQUIRE(store.ok());
    CHECK(RawDb(path).Query("SELECT count(*) FROM claims") == "5");
    CHECK(RawDb(path).Query("SELECT count(*) FROM citations") == "4");
    CHECK(store.value()->IntegrityCheck().ok());
    std::vector<StoredClaim> claims;
    REQUIRE(store.value()->ClaimsOfDocument("pmid:1", &claims).ok());
    CHECK(claims.size() == 4);
  }

  SECTION("a working migration") {
    migrations.push_back({v2, "documents get a note", &AddNoteColumn});
    {
      auto store = store_internal::OpenStore(path, {}, migrations);
      INFO(store.status().ToString());
      REQUIRE(store.ok());
      CHECK(store.value()->schema_version() == v2);
      CHECK(ClaimCount(store.value().get()) == 5);
      auto doc = store.value()->GetDocument("pmid:1");
      REQUIRE(doc.ok());
      CHECK(doc.value().has_value());
      REQUIRE(store.value()->PutDocuments({SampleEntry("pmid:3", 2)}).ok());
    }
    CHECK(RawDb(path).Query("PRAGMA user_version") == std::to_string(v2));

    // The backup is the old store, whole and usable.
    REQUIRE(fs::exists(backup));
    {
      auto old = OpenOrDie(backup, OpenMode::kReadOnly);
      CHECK(old->schema_version() == kStoreSchemaVersion);
      CHECK(ClaimCount(old.get()) == 5);
      CHECK(old->IntegrityCheck().ok());
    }
    // This build now meets a newer store and refuses it.
    auto refused = Store::Open(path, OpenMode::kReadWrite);
    CHECK(refused.status().code() == Status::Code::kNotSupported);

    // Opening an up-to-date store makes no backup.
    fs::remove(backup);
    auto again = store_internal::OpenStore(path, {}, migrations);
    REQUIRE(again.ok());
    CHECK(ClaimCount(again.value().get()) == 7);
    CHECK_FALSE(fs::exists(backup));
  }
}

TEST_CASE("store: an empty database becomes a store without a backup",
          "[store]") {
  const fs::path dir = testing::TempDir("store_empty");
  const std::string path = Path(dir);
  testing::WriteFile(path, "");
  auto store = OpenOrDie(path);
  CHECK(store->schema_version() == kStoreSchemaVersion);
  CHECK_FALSE(fs::exists(path + ".bak-v0"));
}

TEST_CASE("store: claim lists come in one fixed order", "[store]") {
  const fs::path dir = testing::TempDir("store_order");
  std::vector<DocumentWithClaims> entries;
  const char* subjects[] = {"valerian", "magnesium", "melatonin"};
  const char* objects[] = {"sleep_quality", "anxiety", "", "gaba"};
  for (int d = 0; d < 12; ++d) {
    DocumentWithClaims entry{
        SampleDocument("pmid:" + std::to_string(97 - d)), {}, {}};
    for (int i = 0; i < 9; ++i) {
      entry.claims.push_back(
          SampleClaim(subjects[(d + i) % 3], objects[(d * i) % 4], i));
    }
    entries.push_back(entry);
  }
  const std::string a = Path(dir, "a.db");
  const std::string b = Path(dir, "b.db");
  REQUIRE(OpenOrDie(a)->PutDocuments(entries).ok());
  {
    auto store = OpenOrDie(b);
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
      REQUIRE(store->PutDocuments({*it}).ok());
    }
  }
  auto sa = OpenOrDie(a, OpenMode::kReadOnly);
  auto sb = OpenOrDie(b, OpenMode::kReadOnly);
  const std::pair<const char*, const char*> queries[] = {
      {"magnesium", "sleep_quality"},
      {"magnesium", ""},
      {"", "gaba"},
      {"", ""},
      {"nothing", ""}};
  for (const auto& [subject, object] : queries) {
    std::vector<StoredClaim> ca, cb;
    REQUIRE(sa->ClaimsAbout(subject, object, &ca).ok());
    REQUIRE(sb->ClaimsAbout(subject, object, &cb).ok());
    INFO(subject << " / " << object);
    CHECK(Dump(ca) == Dump(cb));
    CHECK(ca.size() == cb.size());
    for (std::size_t i = 1; i < ca.size(); ++i) {
      const auto key = [](const StoredClaim& c) {
        return std::tie(c.subject, c.object, c.document_id);
      };
      CHECK(key(ca[i - 1]) <= key(ca[i]));
    }
  }
  std::vector<StoredClaim> all, by_objects, again;
  REQUIRE(sa->ClaimsAbout("", "", &all).ok());
  CHECK(all.size() == 12 * 9);
  REQUIRE(
      sa->ClaimsWithObjects({"gaba", "anxiety", "gaba", ""}, &by_objects).ok());
  REQUIRE(sb->ClaimsWithObjects({"anxiety", "gaba"}, &again).ok());
  CHECK(Dump(by_objects) == Dump(again));
  REQUIRE_FALSE(by_objects.empty());
  CHECK(by_objects.front().object == "anxiety");
  CHECK(by_objects.back().object == "gaba");
  std::size_t expected = 0;
  for (const StoredClaim& c : all) {
    expected += c.object == "gaba" || c.object == "anxiety";
  }
  CHECK(by_objects.size() == expected);
}

TEST_CASE("store: concept lookups are index ranges without a sort", "[store]") {
  const std::string path = Path(testing::TempDir("store_plan"));
  OpenOrDie(path);
  RawDb raw(path);
  // Either index serves a pair, as an equality on both leading columns.
  const std::pair<const char*, std::vector<std::string>> plans[] = {
      {store_internal::kSelectClaimsBySubjectAndObject,
       {"USING INDEX claims_by_", "subject=?", "object=?"}},
      {store_internal::kSelectClaimsBySubject,
       {"USING INDEX claims_by_subject_object (subject=?)"}},
      {store_internal::kSelectClaimsByObject,
       {"USING INDEX claims_by_object (object=?)"}},
      {store_internal::kSelectClaimsOfDocument,
       {"USING INDEX sqlite_autoindex_claims_1 (document_id=?)"}},
  };
  for (const auto& [sql, parts] : plans) {
    const std::string plan =
        raw.Query(std::string("EXPLAIN QUERY PLAN ") + sql);
    INFO(sql << "\n" << plan);
    for (const std::string& part : parts) CHECK(Contains(plan, part));
    CHECK_FALSE(Contains(plan, "TEMP B-TREE"));
  }
}

TEST_CASE("store: a locked store fails with a clear IOError", "[store]") {
  const std::string path = Path(testing::TempDir("store_locked"));
  REQUIRE(OpenOrDie(path)->PutDocuments({SampleEntry("pmid:1", 1)}).ok());
  RawDb other(path);
  other.Exec("BEGIN IMMEDIATE");
  StoreOptions options;
  options.busy_timeout_ms = 50;
  auto store = Store::Open(path, options);
  REQUIRE(store.ok());
  Status status = store.value()->PutDocuments({SampleEntry("pmid:2", 1)});
  INFO(status.ToString());
  CHECK(status.code() == Status::Code::kIOError);
  CHECK(Contains(status.message(), path));
  CHECK(Contains(status.message(), "locked"));
  CHECK(ClaimCount(store.value().get()) == 1);  // reads still work
  other.Exec("ROLLBACK");
  CHECK(store.value()->PutDocuments({SampleEntry("pmid:2", 1)}).ok());
}

TEST_CASE("store: a write-protected file is refused for writing", "[store]") {
  if (geteuid() == 0) {
    WARN("running as root, which ignores file permissions: skipped");
    return;
  }
  const std::string path = Path(testing::TempDir("store_protected"));
  REQUIRE(OpenOrDie(path)->PutDocuments({SampleEntry("pmid:1", 1)}).ok());
  fs::permissions(path, fs::perms::owner_read | fs::perms::group_read);
  auto store = Store::Open(path, OpenMode::kReadWrite);
  CHECK(store.status().code() == Status::Code::kIOError);
  CHECK(Contains(store.status().message(), path));
  CHECK(Contains(store.status().message(), "read-only"));
  CHECK(OpenOrDie(path, OpenMode::kReadOnly)->IntegrityCheck().ok());
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
}

namespace {

void WriteAll(int fd, const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = write(fd, data.data() + done, data.size() - done);
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

std::string ReadAll(int fd) {
  std::string out;
  char buffer[4096];
  for (;;) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n <= 0) return out;
    out.append(buffer, static_cast<std::size_t>(n));
  }
}

}  // namespace

TEST_CASE("store: a full disk fails cleanly and loses nothing", "[store]") {
  const std::string path = Path(testing::TempDir("store_full"));
  REQUIRE(OpenOrDie(path)->PutDocuments({SampleEntry("pmid:1", 3)}).ok());
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    // A file size limit makes every write past 256 KB fail, as a full disk
    // does.
    close(fds[0]);
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit limit = {256 * 1024, 256 * 1024};
    setrlimit(RLIMIT_FSIZE, &limit);
    DocumentWithClaims big = SampleEntry("pmid:big", 200);
    for (StoredClaim& c : big.claims) c.sentence_text.assign(8000, 'x');
    auto store = Store::Open(path, OpenMode::kReadWrite);
    Status status =
        store.ok() ? store.value()->PutDocuments({big}) : store.status();
    WriteAll(fds[1], std::to_string(static_cast<int>(status.code())) + "\n" +
                         status.message());
    _exit(0);
  }
  close(fds[1]);
  const std::string report = ReadAll(fds[0]);
  close(fds[0]);
  int wstatus = 0;
  waitpid(pid, &wstatus, 0);
  INFO(report);
  CHECK(report.rfind(std::to_string(int(Status::Code::kIOError)) + "\n", 0) ==
        0);
  CHECK(Contains(report, path));

  auto store = OpenOrDie(path);
  CHECK(store->IntegrityCheck().ok());
  CHECK(ClaimCount(store.get()) == 3);
  auto big = store->GetDocument("pmid:big");
  REQUIRE(big.ok());
  CHECK_FALSE(big.value().has_value());
}

namespace {

std::string BatchDocId(int batch, int k) {
  return "pmid:" + std::to_string(batch) + "-" + std::to_string(k);
}

// Batch `batch`: four new documents with k + 1 claims each, and a new
// version of "pmid:shared" whose (batch % 7) + 1 claims all name the batch.
std::vector<DocumentWithClaims> Batch(int batch) {
  std::vector<DocumentWithClaims> entries;
  for (int k = 0; k < 4; ++k) {
    entries.push_back(SampleEntry(BatchDocId(batch, k), k + 1));
  }
  entries.push_back(
      SampleEntry("pmid:shared", batch % 7 + 1, "b" + std::to_string(batch)));
  return entries;
}

// The child of the crash test: imports batches until it is killed, telling
// the parent through `fd` which batch has committed.
[[noreturn]] void ImportUntilKilled(const std::string& path, int round,
                                    int fd) {
  auto store = Store::Open(path, OpenMode::kReadWrite);
  if (!store.ok()) _exit(2);
  for (int batch = round * 100000;; ++batch) {
    if (!store.value()->PutDocuments(Batch(batch)).ok()) _exit(3);
    if (write(fd, &batch, sizeof batch) != sizeof batch) _exit(4);
  }
}

}  // namespace

TEST_CASE("store: kill -9 mid-import leaves a consistent store",
          "[store][crash]") {
  const std::string path = Path(testing::TempDir("store_crash"));
  std::mt19937 rng(20250917);
  std::set<int> committed;
  for (int round = 0; round < 5; ++round) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      close(fds[0]);
      ImportUntilKilled(path, round, fds[1]);
    }
    close(fds[1]);
    int batch = 0;
    // Kill only once the child is importing, at a random moment after.
    REQUIRE(read(fds[0], &batch, sizeof batch) == sizeof batch);
    committed.insert(batch);
    std::this_thread::sleep_for(std::chrono::milliseconds(5 + rng() % 60));
    kill(pid, SIGKILL);
    int wstatus = 0;
    waitpid(pid, &wstatus, 0);
    CHECK(WIFSIGNALED(wstatus));
    while (read(fds[0], &batch, sizeof batch) == sizeof batch) {
      committed.insert(batch);
    }
    close(fds[0]);
    // Every crash state is a readable store, even read-only (which must
    // recover the WAL index without writing the file).
    auto reader = OpenOrDie(path, OpenMode::kReadOnly);
    CHECK(reader->IntegrityCheck().ok());
  }

  auto store = OpenOrDie(path);
  REQUIRE(store->IntegrityCheck().ok());
  INFO(committed.size() << " batches committed");
  for (int batch : committed) {
    for (int k = 0; k < 4; ++k) {
      std::vector<StoredClaim> claims;
      REQUIRE(store->ClaimsOfDocument(BatchDocId(batch, k), &claims).ok());
      INFO(BatchDocId(batch, k));
      REQUIRE(claims.size() == static_cast<std::size_t>(k + 1));
    }
  }
  // pmid:shared holds exactly one batch's version, no older than the last
  // reported.
  std::vector<StoredClaim> shared;
  REQUIRE(store->ClaimsOfDocument("pmid:shared", &shared).ok());
  REQUIRE_FALSE(shared.empty());
  const int version = std::stoi(shared.front().subject.substr(1));
  CHECK(version >= *committed.rbegin());
  CHECK(shared.size() == static_cast<std::size_t>(version % 7 + 1));
  for (const StoredClaim& c : shared) CHECK(c.subject == shared[0].subject);
}

}  // namespace claimcheck

namespace claimcheck {

TEST_CASE("store: substances a record names are kept, replaced with it",
          "[store]") {
  const std::string path = Path(testing::TempDir("store_substances"));
  auto store = OpenOrDie(path);
  DocumentWithClaims a{SampleDocument("pmid:1"), {}, {}};
  a.substances = {{"C008305", "theanine", "Chemical"},
                  {"C509186", "TERT protein, human", "Chemical"}};
  DocumentWithClaims b{SampleDocument("pmid:2"), {}, {}};
  b.substances = {{"C008305", "theanine", "Chemical"},
                  {"C000657245", "COVID-19", "Disease"}};
  REQUIRE(store->PutDocuments({a, b}).ok());
  std::vector<Substance> got;
  REQUIRE(store->Substances(&got).ok());
  const std::vector<Substance> want = {
      {"C000657245", "COVID-19", "Disease"},
      {"C008305", "theanine", "Chemical"},
      {"C509186", "TERT protein, human", "Chemical"}};
  CHECK(got == want);  // each once, by UI
  // Re-importing pmid:1 without substances takes its rows away.
  a.substances.clear();
  REQUIRE(store->PutDocuments({a}).ok());
  got.clear();
  REQUIRE(store->Substances(&got).ok());
  CHECK(got == std::vector<Substance>{{"C000657245", "COVID-19", "Disease"},
                                      {"C008305", "theanine", "Chemical"}});
  CHECK(store->IntegrityCheck().ok());
}

}  // namespace claimcheck
