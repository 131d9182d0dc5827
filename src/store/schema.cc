// Schema versions, migrations with a backup first, and the claim lookups
// the indexes are built for. Covered by tests/store/store_test.cc.
#include "store/schema.h"

#include <filesystem>
#include <system_error>

#include "store/sqlite_util.h"
#include "store/store_impl.h"

namespace claimcheck::store_internal {

namespace {

// Version 1. Lists of plain strings (authors, publication types, cues) are
// JSON arrays; citations, which have fields of their own, are rows. CHECKs
// hold only what every version of the model must satisfy; the enum words
// are checked when read, so adding a word needs no table rebuild.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE documents (
  id                TEXT    NOT NULL PRIMARY KEY CHECK (id <> ''),
  kind              TEXT    NOT NULL,
  design            TEXT    NOT NULL CHECK (design <> ''),
  title             TEXT    NOT NULL,
  authors           TEXT    NOT NULL DEFAULT '[]',
  date              TEXT    NOT NULL,
  url               TEXT    NOT NULL,
  journal           TEXT    NOT NULL,
  language          TEXT    NOT NULL,
  pmid              TEXT    NOT NULL,
  doi               TEXT    NOT NULL,
  pmcid             TEXT    NOT NULL,
  n                 INTEGER,
  retracted         INTEGER NOT NULL CHECK (retracted IN (0, 1)),
  publication_types TEXT    NOT NULL DEFAULT '[]'
) WITHOUT ROWID;
CREATE INDEX documents_by_pmid ON documents (pmid) WHERE pmid <> '';
CREATE INDEX documents_by_doi ON documents (doi) WHERE doi <> '';

CREATE TABLE citations (
  document_id TEXT    NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal     INTEGER NOT NULL CHECK (ordinal >= 0),
  pmid        TEXT    NOT NULL,
  doi         TEXT    NOT NULL,
  pmcid       TEXT    NOT NULL,
  url         TEXT    NOT NULL,
  text        TEXT    NOT NULL,
  text_start  INTEGER NOT NULL,
  text_end    INTEGER NOT NULL,
  PRIMARY KEY (document_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX citations_by_pmid ON citations (pmid) WHERE pmid <> '';
CREATE INDEX citations_by_doi ON citations (doi) WHERE doi <> '';

CREATE TABLE claims (
  document_id    TEXT    NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal        INTEGER NOT NULL CHECK (ordinal >= 0),
  kind           TEXT    NOT NULL CHECK (kind <> ''),
  subject        TEXT    NOT NULL CHECK (subject <> ''),
  relation       TEXT    NOT NULL,
  object         TEXT    CHECK (object <> ''),
  category       TEXT    NOT NULL,
  population     TEXT    NOT NULL,
  timing         TEXT    NOT NULL,
  quantity_min   REAL,
  quantity_max   REAL,
  quantity_unit  TEXT,
  quantity_per   TEXT,
  quantity_basis TEXT,
  quantity_bound TEXT,
  quantity_start INTEGER,
  quantity_end   INTEGER,
  hedging        TEXT    NOT NULL CHECK (hedging <> ''),
  negated        INTEGER NOT NULL CHECK (negated IN (0, 1)),
  denied         TEXT    NOT NULL,
  attribution    TEXT    NOT NULL CHECK (attribution <> ''),
  question       INTEGER NOT NULL CHECK (question IN (0, 1)),
  sentence       INTEGER NOT NULL CHECK (sentence >= 0),
  section        TEXT    NOT NULL,
  sentence_text  TEXT    NOT NULL,
  trigger_start  INTEGER NOT NULL,
  trigger_end    INTEGER NOT NULL,
  subject_from   TEXT    NOT NULL,
  cues           TEXT    NOT NULL DEFAULT '[]',
  PRIMARY KEY (document_id, ordinal),
  CHECK ((quantity_min IS NULL) = (quantity_max IS NULL)),
  CHECK ((quantity_min IS NULL) = (quantity_unit IS NULL))
);
-- One concept pair, or one subject, is a range of this index, already in
-- the order the queries return.
CREATE INDEX claims_by_subject_object
  ON claims (subject, object, document_id, ordinal);
CREATE INDEX claims_by_object
  ON claims (object, subject, document_id, ordinal);
)sql";

Status CreateV1(Database* db) {
  Status status = db->Exec(kSchemaV1, "creating schema version 1");
  if (!status.ok()) return status;
  // The id is our constant, not input; PRAGMA takes no parameters.
  const std::string set_id =
      "PRAGMA application_id = " + std::to_string(kApplicationId);
  return db->Exec(set_id.c_str(), "setting the application id");
}

// Version 2: the date the source last revised a document (PubMed
// DateRevised), so that an older efetch never replaces a newer one.
Status AddRevised(Database* db) {
  return db->Exec(
      "ALTER TABLE documents ADD COLUMN revised TEXT NOT NULL DEFAULT ''",
      "adding documents.revised");
}

// Copies the store to PATH.bak-vN through SQLite's backup API (which sees
// what is still in the WAL), via a temporary name so that a crash never
// leaves a half-written file under the final name.
Status Backup(Database* db, int version) {
  const std::string target = db->path() + ".bak-v" + std::to_string(version);
  const std::string temp = target + ".tmp";
  std::error_code ec;
  std::filesystem::remove(temp, ec);
  Result<Database> copy =
      Database::Open(temp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!copy.ok()) return copy.status();
  sqlite3_backup* backup =
      sqlite3_backup_init(copy.value().get(), "main", db->get(), "main");
  if (backup == nullptr) {
    return copy.value().Error(SQLITE_ERROR, "backing up before migration");
  }
  const int step = sqlite3_backup_step(backup, -1);
  const int finish = sqlite3_backup_finish(backup);
  if (step != SQLITE_DONE || finish != SQLITE_OK) {
    const int rc = step != SQLITE_DONE ? step : finish;
    return SqliteStatus(rc, temp, "backing up before migration",
                        sqlite3_errstr(rc));
  }
  copy = Database();  // closes the copy
  std::filesystem::rename(temp, target, ec);
  if (ec) {
    return Status::IOError(target +
                           ": backing up before migration: " + ec.message());
  }
  return Status::OK();
}

}  // namespace

const std::vector<Migration>& SchemaMigrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "documents, citations and claims", &CreateV1},
      {2, "documents.revised", &AddRevised},
      {3, "edge_documents and edge_counts: the claim graph's edges",
       &CreateEdges},
      {4, "substances: the Supplementary Concept Records records name",
       &CreateSubstances},
  };
  return kMigrations;
}

Status ExecSql(Database* db, const char* sql, std::string_view what) {
  return db->Exec(sql, what);
}

namespace {

// The migrations after the stored version, in one write transaction that
// ends with the new user_version. Foreign keys are off meanwhile (see
// Migrate), so they are checked here before the commit.
Status MigrateInTransaction(Database* db,
                            const std::vector<Migration>& migrations) {
  Transaction transaction(db);
  Status status = transaction.Begin();
  if (!status.ok()) return status;
  // Another process may have migrated since the caller looked.
  Result<long long> current =
      db->QueryInt("PRAGMA user_version", "reading the schema version");
  if (!current.ok()) return current.status();
  int version = static_cast<int>(current.value());
  for (const Migration& migration : migrations) {
    if (migration.version <= version) continue;
    status = migration.apply(db);
    if (!status.ok()) {
      return WithContext(status, "migrating to version " +
                                     std::to_string(migration.version) + ": " +
                                     migration.summary);
    }
    version = migration.version;
  }
  Result<long long> orphans =
      db->QueryInt("SELECT count(*) FROM pragma_foreign_key_check",
                   "checking foreign keys after migration");
  if (!orphans.ok()) return orphans.status();
  if (orphans.value() != 0) {
    return Status::Internal(db->path() + ": migrating to version " +
                            std::to_string(version) + " left " +
                            std::to_string(orphans.value()) +
                            " rows without their document");
  }
  // Our own integer, not input: PRAGMA takes no parameters.
  const std::string set_version =
      "PRAGMA user_version = " + std::to_string(version);
  status = db->Exec(set_version.c_str(), "setting the schema version");
  if (!status.ok()) return status;
  return transaction.Commit();
}

}  // namespace

Status Migrate(Database* db, int from_version,
               const std::vector<Migration>& migrations) {
  if (from_version > 0) {
    Status status = Backup(db, from_version);
    if (!status.ok()) return status;
  }
  // SQLite's table-rebuild recipe (ALTER TABLE docs): with foreign keys on,
  // dropping a rebuilt documents table would cascade to every claim. The
  // pragma is a no-op inside a transaction, so it is set around it.
  Status status = db->Exec("PRAGMA foreign_keys = OFF", "migrating");
  if (!status.ok()) return status;
  status = MigrateInTransaction(db, migrations);
  Status restore = db->Exec("PRAGMA foreign_keys = ON", "migrating");
  return status.ok() ? restore : status;
}

// In ClaimColumn order.
#define CLAIMCHECK_CLAIM_COLUMNS                                    \
  "SELECT document_id, kind, subject, relation, object, category, " \
  "population, timing, quantity_min, quantity_max, quantity_unit, " \
  "quantity_per, quantity_basis, quantity_bound, quantity_start, "  \
  "quantity_end, hedging, negated, denied, attribution, question, " \
  "sentence, section, sentence_text, trigger_start, trigger_end, "  \
  "subject_from, cues FROM claims "

const char* const kSelectClaimsOfDocument =
    CLAIMCHECK_CLAIM_COLUMNS "WHERE document_id = ?1 ORDER BY ordinal";
const char* const kSelectClaimsOfDocuments = CLAIMCHECK_CLAIM_COLUMNS
    "WHERE document_id IN (SELECT value FROM json_each(?1)) "
    "ORDER BY document_id, ordinal";
const char* const kSelectClaimsBySubjectAndObject = CLAIMCHECK_CLAIM_COLUMNS
    "WHERE subject = ?1 AND object = ?2 "
    "ORDER BY subject, object, document_id, ordinal";
const char* const kSelectClaimsBySubject = CLAIMCHECK_CLAIM_COLUMNS
    "WHERE subject = ?1 ORDER BY subject, object, document_id, ordinal";
const char* const kSelectClaimsByObject = CLAIMCHECK_CLAIM_COLUMNS
    "WHERE object = ?1 ORDER BY object, subject, document_id, ordinal";
const char* const kSelectAllClaims =
    CLAIMCHECK_CLAIM_COLUMNS "ORDER BY subject, object, document_id, ordinal";

#undef CLAIMCHECK_CLAIM_COLUMNS

}  // namespace claimcheck::store_internal
