// Schema version 4: the substances imported records name (PubMed
// ChemicalList and SupplMeshList: Supplementary Concept Records such as
// theanine, C008305), so that they join the vocabulary of every later
// command on the store (docs/vocabulary.md, "Harvested concepts").
// One row per (document, substance UI); the cascade takes a replaced
// document's rows with it. SCHEMA.md describes the table; tests in
// tests/store/store_test.cc and tests/cli/cli_test.sh.
#include "claimcheck/store.h"
#include "store/schema.h"
#include "store/sqlite_util.h"
#include "store/store_impl.h"

namespace claimcheck {

namespace store_internal {

Status CreateSubstances(Database* db) {
  return db->Exec(
      "CREATE TABLE substances ("
      "  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE "
      "CASCADE,"
      "  ui          TEXT NOT NULL CHECK (ui <> ''),"
      "  name        TEXT NOT NULL CHECK (name <> ''),"
      "  type        TEXT NOT NULL,"
      "  PRIMARY KEY (document_id, ui)"
      ") WITHOUT ROWID;"
      "CREATE INDEX substances_by_ui ON substances (ui, name, type);",
      "creating the substances table");
}

}  // namespace store_internal

using store_internal::Statement;
using store_internal::Transaction;

Status Store::Substances(std::vector<Substance>* out) {
  store_internal::Database* db = &impl_->db;
  Transaction transaction(db);
  Status status = transaction.BeginRead();
  if (!status.ok()) return status;
  Statement rows;
  status = rows.Prepare(db,
                        "SELECT DISTINCT ui, name, type FROM substances "
                        "ORDER BY ui, name, type",
                        "reading harvested substances");
  if (!status.ok()) return status;
  for (;;) {
    Result<bool> row = rows.Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    out->push_back({rows.Text(0), rows.Text(1), rows.Text(2)});
  }
  return Status::OK();
}

}  // namespace claimcheck
