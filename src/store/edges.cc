// Schema version 3: the claim graph's edges kept by the store, so that a
// query reads a handful of rows per edge however many claims there are.
// edge_documents holds one row per (edge, document) — ten sentences of one
// abstract are one row — and edge_counts the number of documents per edge
// and design. Both are kept by triggers on the claims a write inserts and
// by the cascade when a document is replaced, so every write path keeps them
// in its own transaction. SCHEMA.md describes them; tests in
// tests/store/edges_test.cc.
#include "claimcheck/store.h"
#include "store/columns.h"
#include "store/schema.h"
#include "store/sqlite_util.h"
#include "store/store_impl.h"

namespace claimcheck {

namespace store_internal {

Status CreateEdges(Database* db) {
  static const char* const kStatements[] = {
      "CREATE TABLE edge_documents ("
      "  subject TEXT NOT NULL, relation TEXT NOT NULL, object TEXT NOT NULL,"
      "  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
      "  design TEXT NOT NULL, n INTEGER,"
      "  sentences INTEGER NOT NULL CHECK (sentences > 0),"
      "  PRIMARY KEY (subject, object, relation, document_id)"
      ") WITHOUT ROWID",
      // The strongest documents of an edge first: by design, then size.
      "CREATE INDEX edge_documents_strongest ON edge_documents"
      "  (subject, object, relation, design, n DESC, document_id)",
      "CREATE INDEX edge_documents_by_document ON edge_documents (document_id)",
      "CREATE TABLE edge_counts ("
      "  subject TEXT NOT NULL, relation TEXT NOT NULL, object TEXT NOT NULL,"
      "  design TEXT NOT NULL, documents INTEGER NOT NULL,"
      "  PRIMARY KEY (subject, object, relation, design)"
      ") WITHOUT ROWID",
      "CREATE TRIGGER claims_make_edges AFTER INSERT ON claims"
      "  WHEN NEW.object IS NOT NULL AND NEW.question = 0 BEGIN"
      "  INSERT INTO edge_documents"
      "    (subject, relation, object, document_id, design, n, sentences)"
      "  SELECT NEW.subject, NEW.relation, NEW.object, NEW.document_id,"
      "         d.design, d.n, 1 FROM documents d WHERE d.id = NEW.document_id"
      "  ON CONFLICT (subject, object, relation, document_id)"
      "  DO UPDATE SET sentences = sentences + 1;"
      "END",
      "CREATE TRIGGER edge_documents_count AFTER INSERT ON edge_documents BEGIN"
      "  INSERT INTO edge_counts VALUES"
      "    (NEW.subject, NEW.relation, NEW.object, NEW.design, 1)"
      "  ON CONFLICT (subject, object, relation, design)"
      "  DO UPDATE SET documents = documents + 1;"
      "END",
      "CREATE TRIGGER edge_documents_uncount AFTER DELETE ON edge_documents"
      "  BEGIN"
      "  UPDATE edge_counts SET documents = documents - 1"
      "    WHERE subject = OLD.subject AND object = OLD.object"
      "      AND relation = OLD.relation AND design = OLD.design;"
      "  DELETE FROM edge_counts"
      "    WHERE subject = OLD.subject AND object = OLD.object"
      "      AND relation = OLD.relation AND design = OLD.design"
      "      AND documents <= 0;"
      "END",
      // What an older store already holds.
      "INSERT INTO edge_documents"
      "  (subject, relation, object, document_id, design, n, sentences)"
      "  SELECT c.subject, c.relation, c.object, c.document_id, d.design, d.n,"
      "         count(*)"
      "  FROM claims c JOIN documents d ON d.id = c.document_id"
      "  WHERE c.object IS NOT NULL AND c.question = 0"
      "  GROUP BY c.subject, c.object, c.relation, c.document_id",
  };
  for (const char* sql : kStatements) {
    Status s = db->Exec(sql, "creating the edge tables");
    if (!s.ok()) return s;
  }
  return Status::OK();
}

}  // namespace store_internal

using store_internal::Database;
using store_internal::Statement;
using store_internal::Transaction;

Result<std::unique_ptr<Store::ReadSnapshot>> Store::BeginReadSnapshot() {
  Status status = impl_->db.Exec("BEGIN DEFERRED", "starting a read");
  if (!status.ok()) return status;
  return std::unique_ptr<ReadSnapshot>(new ReadSnapshot(this));
}

Store::ReadSnapshot::~ReadSnapshot() {
  // A read has nothing to keep: COMMIT ends it, and a failure leaves
  // nothing to undo.
  const Status ended = store_->impl_->db.Exec("COMMIT", "ending a read");
  static_cast<void>(ended);
}

Status Store::EdgeCounts(const std::vector<std::string>& subjects,
                         const std::vector<std::string>& objects,
                         std::vector<EdgeCount>* out) {
  out->clear();
  const std::vector<std::string> ss = store_internal::SortedUnique(subjects);
  const std::vector<std::string> os = store_internal::SortedUnique(objects);
  if (ss.empty() || os.empty()) return Status::OK();
  Database* db = &impl_->db;
  Transaction transaction(db);
  Status status = transaction.BeginRead();
  if (!status.ok()) return status;
  // One statement for the whole cross product: SQLite walks both lists
  // (json_each, kept sorted as ephemeral indexes) and seeks the primary key
  // once per pair, in its order. An audit's chains ask hundreds of pairs;
  // a statement per pair cost a bind, a step and a reset each.
  Statement s;
  status = s.Prepare(db,
                     "SELECT subject, object, relation, design, documents"
                     " FROM edge_counts"
                     " WHERE subject IN (SELECT value FROM json_each(?1))"
                     "   AND object IN (SELECT value FROM json_each(?2))"
                     " ORDER BY subject, object, relation, design",
                     "reading edge counts");
  if (!status.ok()) return status;
  s.BindText(1, store_internal::EncodeStrings(ss));
  s.BindText(2, store_internal::EncodeStrings(os));
  for (;;) {
    Result<bool> row = s.Step();
    if (!row.ok()) {
      status = row.status();
      break;
    }
    if (!row.value()) break;
    const std::optional<Design> design = ParseDesign(s.View(3));
    if (!design) {
      status = Status::Corruption(path() + ": unknown design '" + s.Text(3) +
                                  "' in edge_counts");
      break;
    }
    out->push_back(
        EdgeCount{s.Text(0), s.Text(2), s.Text(1), *design, s.Int(4)});
  }
  if (!status.ok()) out->clear();
  return status;
}

Status Store::StrongestDocuments(std::string_view subject,
                                 std::string_view relation,
                                 std::string_view object, Design design,
                                 int limit, std::vector<std::string>* out) {
  out->clear();
  Database* db = &impl_->db;
  Statement s;
  Status status =
      s.Prepare(db,
                "SELECT document_id FROM edge_documents"
                " WHERE subject = ?1 AND object = ?2 AND relation = ?3"
                "   AND design = ?4"
                " ORDER BY n DESC, document_id LIMIT ?5",
                "reading an edge's documents");
  if (!status.ok()) return status;
  s.BindText(1, subject);
  s.BindText(2, object);
  s.BindText(3, relation);
  s.BindText(4, DesignName(design));
  s.BindInt(5, limit);
  for (;;) {
    Result<bool> row = s.Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    out->push_back(s.Text(0));
  }
  return Status::OK();
}

}  // namespace claimcheck
