// Small RAII wrappers over SQLite's C API (a database handle, a prepared
// statement, a transaction) and the one adapter from SQLite result codes to
// Status. Private to src/store. Covered by tests/store/store_test.cc.
#ifndef CLAIMCHECK_SRC_STORE_SQLITE_UTIL_H_
#define CLAIMCHECK_SRC_STORE_SQLITE_UTIL_H_

#include <sqlite3.h>

#include <map>
#include <string>
#include <string_view>

#include "claimcheck/status.h"

namespace claimcheck::store_internal {

// The Status for SQLite result code `rc` (primary or extended) met while
// doing `what` on the database at `path`; `detail` is SQLite's own message.
// Lock, I/O, full-disk and read-only errors are IOError, "not a database" is
// InvalidArgument, a rejected row (constraint) InvalidArgument, a damaged
// file Corruption, anything else (a bad statement: a bug) Internal.
Status SqliteStatus(int rc, const std::string& path, std::string_view what,
                    std::string_view detail);

// An open sqlite3 connection; closed on destruction.
class Database {
 public:
  Database() = default;
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // sqlite3_open_v2(path, flags) with extended result codes on.
  static Result<Database> Open(const std::string& path, int flags);

  sqlite3* get() const { return db_; }
  const std::string& path() const { return path_; }

  // The Status for `rc`, with sqlite3_errmsg of this connection (or
  // `detail`) and, for I/O errors, the operating system's reason.
  Status Error(int rc, std::string_view what) const;
  Status Error(int rc, std::string_view what, std::string detail) const;
  // Runs constant SQL (one or more statements without parameters).
  Status Exec(const char* sql, std::string_view what);
  // The first column of the first row of constant `sql` as an integer.
  Result<long long> QueryInt(const char* sql, std::string_view what);

  // Prepared statements are kept for reuse: parsing SQL cost more than
  // running it when a query judges hundreds of claims. A Statement takes an
  // idle one for its SQL (or prepares it) and gives it back, reset and with
  // its bindings cleared, when it is destroyed. Never more than one idle
  // statement per SQL text; all are finalized before the connection closes.
  sqlite3_stmt* TakeStatement(const char* sql);
  void GiveBackStatement(sqlite3_stmt* stmt);

 private:
  void FinalizeIdle();

  sqlite3* db_ = nullptr;
  std::string path_;
  std::map<std::string, sqlite3_stmt*, std::less<>> idle_;
};

// A prepared statement; finalized on destruction. Bind errors are kept and
// reported by the next Step, so a sequence of binds needs no checks.
class Statement {
 public:
  Statement() = default;
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Prepares constant `sql` (never text built from input) on `db`, which
  // must outlive the statement (a statement is given back to `db` for reuse
  // when destroyed). `what` names the query in error messages.
  Status Prepare(Database* db, const char* sql, std::string_view what);

  // Parameters are 1-based, as in SQLite. Text is copied.
  void BindText(int index, std::string_view text);
  // Binds NULL for an empty `text`.
  void BindTextOrNull(int index, std::string_view text);
  void BindInt(int index, long long value);
  void BindDouble(int index, double value);
  void BindNull(int index);

  // Runs one step: true when a row is ready, false when done.
  Result<bool> Step();
  // Steps to the end, for statements that return no rows.
  Status Run();
  // Ready to run again with new bindings.
  void Reset();

  // Columns are 0-based, as in SQLite.
  int ColumnCount() const;
  bool IsNull(int column) const;
  std::string Text(int column) const;
  // The text without a copy, valid until the next Step, Reset or read of
  // the column as another type.
  std::string_view View(int column) const;
  long long Int(int column) const;
  double Double(int column) const;

 private:
  // Gives the statement back to db_ (or finalizes it without one).
  void Release();

  Database* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  std::string what_;
  int bind_rc_ = SQLITE_OK;
};

// A transaction on `db`, rolled back on destruction unless committed.
class Transaction {
 public:
  explicit Transaction(Database* db) : db_(db) {}
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // A write transaction: takes the write lock now (BEGIN IMMEDIATE),
  // waiting up to the busy timeout, so no later statement meets a lock.
  Status Begin();
  // A read transaction: every query until Commit sees one snapshot. Inside
  // an open transaction (Store::ReadSnapshot) it joins that one: nothing
  // to begin, and Commit leaves it open.
  Status BeginRead();
  Status Commit();

 private:
  Database* db_;
  bool open_ = false;
};

}  // namespace claimcheck::store_internal

#endif  // CLAIMCHECK_SRC_STORE_SQLITE_UTIL_H_
