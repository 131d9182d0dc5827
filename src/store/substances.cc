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
  // substance_names: each (ui, name, type) once, with the number of
  // documents naming it, kept by triggers in every write's transaction, so
  // that a command reads a few hundred rows, not one per document.
  return db->Exec(
      "CREATE TABLE substances ("
      "  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE "
      "CASCADE,"
      "  ui          TEXT NOT NULL CHECK (ui <> ''),"
      "  name        TEXT NOT NULL CHECK (name <> ''),"
      "  type        TEXT NOT NULL,"
      "  PRIMARY KEY (document_id, ui)"
      ") WITHOUT ROWID;"
      "CREATE TABLE substance_names ("
      "  ui        TEXT NOT NULL,"
      "  name      TEXT NOT NULL,"
      "  type      TEXT NOT NULL,"
      "  documents INTEGER NOT NULL CHECK (documents > 0),"
      "  PRIMARY KEY (ui, name, type)"
      ") WITHOUT ROWID;"
      "CREATE TRIGGER substances_count AFTER INSERT ON substances BEGIN"
      "  INSERT INTO substance_names (ui, name, type, documents)"
      "  VALUES (NEW.ui, NEW.name, NEW.type, 1)"
      "  ON CONFLICT (ui, name, type) DO UPDATE SET documents = documents + 1;"
      "END;"
      "CREATE TRIGGER substances_uncount AFTER DELETE ON substances BEGIN"
      "  DELETE FROM substance_names"
      "  WHERE ui = OLD.ui AND name = OLD.name AND type = OLD.type"
      "    AND documents = 1;"
      "  UPDATE substance_names SET documents = documents - 1"
      "  WHERE ui = OLD.ui AND name = OLD.name AND type = OLD.type;"
      "END;",
      "creating the substances tables");
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
                        "SELECT ui, name, type FROM substance_names "
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
