// SQLite RAII wrappers and the SQLite-code-to-Status adapter.
// Covered by tests/store/store_test.cc.
#include "store/sqlite_util.h"

#include <cstdint>
#include <cstring>
#include <utility>

namespace claimcheck::store_internal {

namespace {

// SQLITE_TRANSIENT spelled without its old-style cast (-Wold-style-cast).
const sqlite3_destructor_type kTransient =
    reinterpret_cast<sqlite3_destructor_type>(static_cast<std::intptr_t>(-1));

std::string Describe(std::string_view what, std::string_view detail,
                     std::string_view hint) {
  std::string out(what);
  out += ": ";
  out += detail;
  if (!hint.empty()) {
    out += " (";
    out += hint;
    out += ")";
  }
  return out;
}

}  // namespace

Status SqliteStatus(int rc, const std::string& path, std::string_view what,
                    std::string_view detail) {
  const std::string where = path + ": ";
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::IOError(
          where + Describe(what, detail,
                           "another process holds the store's write lock; "
                           "try again when it is done"));
    case SQLITE_FULL:
      return Status::IOError(where + Describe(what, detail, "disk full"));
    case SQLITE_READONLY:
      return Status::IOError(
          where + Describe(what, detail, "the store cannot be written"));
    case SQLITE_NOTADB:
      return Status::InvalidArgument(
          where + Describe(what, detail, "not a SQLite database"));
    case SQLITE_CORRUPT:
      return Status::Corruption(
          where + Describe(what, detail, "the database file is damaged"));
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
    case SQLITE_NOMEM:
    case SQLITE_NOLFS:
    case SQLITE_PROTOCOL:
      return Status::IOError(where + Describe(what, detail, ""));
    case SQLITE_CONSTRAINT:
    case SQLITE_TOOBIG:
    case SQLITE_MISMATCH:
      return Status::InvalidArgument(
          where + Describe(what, detail, "rejected by the store's schema"));
    default:
      return Status::Internal(
          where + Describe(what, detail, "SQLite code " + std::to_string(rc)));
  }
}

Database::~Database() {
  FinalizeIdle();
  // close_v2 also copes with statements still open (it defers the close).
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      path_(std::move(other.path_)),
      idle_(std::move(other.idle_)) {
  other.idle_.clear();
}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    FinalizeIdle();
    if (db_ != nullptr) sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
    idle_ = std::move(other.idle_);
    other.idle_.clear();
  }
  return *this;
}

void Database::FinalizeIdle() {
  for (auto& [sql, stmt] : idle_) sqlite3_finalize(stmt);
  idle_.clear();
}

sqlite3_stmt* Database::TakeStatement(const char* sql) {
  auto it = idle_.find(std::string_view(sql));
  if (it == idle_.end()) return nullptr;
  sqlite3_stmt* stmt = it->second;
  idle_.erase(it);
  return stmt;
}

void Database::GiveBackStatement(sqlite3_stmt* stmt) {
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  const char* sql = sqlite3_sql(stmt);
  if (db_ == nullptr || sql == nullptr || !idle_.emplace(sql, stmt).second) {
    sqlite3_finalize(stmt);
  }
}

Result<Database> Database::Open(const std::string& path, int flags) {
  Database out;
  out.path_ = path;
  const int rc = sqlite3_open_v2(path.c_str(), &out.db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    return out.db_ != nullptr ? out.Error(rc, "opening the store")
                              : SqliteStatus(rc, path, "opening the store",
                                             sqlite3_errstr(rc));
  }
  sqlite3_extended_result_codes(out.db_, 1);
  return out;
}

Status Database::Error(int rc, std::string_view what) const {
  return Error(rc, what, sqlite3_errmsg(db_));
}

Status Database::Error(int rc, std::string_view what,
                       std::string detail) const {
  // For I/O failures the operating system's reason says more ("No space
  // left on device", "File too large", "Permission denied").
  const int primary = rc & 0xff;
  const int err = sqlite3_system_errno(db_);
  if (err != 0 && (primary == SQLITE_IOERR || primary == SQLITE_FULL ||
                   primary == SQLITE_CANTOPEN || primary == SQLITE_PERM)) {
    detail += ": ";
    detail += std::strerror(err);
  }
  return SqliteStatus(rc, path_, what, detail);
}

Status Database::Exec(const char* sql, std::string_view what) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return Status::OK();
  std::string detail = message != nullptr ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  return Error(rc, what, std::move(detail));
}

Result<long long> Database::QueryInt(const char* sql, std::string_view what) {
  Statement statement;
  Status status = statement.Prepare(this, sql, what);
  if (!status.ok()) return status;
  Result<bool> row = statement.Step();
  if (!row.ok()) return row.status();
  if (!row.value()) {
    return Status::Internal(path_ + ": " + std::string(what) + ": no row");
  }
  return statement.Int(0);
}

Statement::~Statement() { Release(); }

void Statement::Release() {
  if (stmt_ == nullptr) return;
  if (db_ != nullptr) {
    db_->GiveBackStatement(std::exchange(stmt_, nullptr));
  } else {
    sqlite3_finalize(std::exchange(stmt_, nullptr));
  }
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_),
      stmt_(std::exchange(other.stmt_, nullptr)),
      what_(std::move(other.what_)),
      bind_rc_(other.bind_rc_) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    Release();
    db_ = other.db_;
    stmt_ = std::exchange(other.stmt_, nullptr);
    what_ = std::move(other.what_);
    bind_rc_ = other.bind_rc_;
  }
  return *this;
}

Status Statement::Prepare(Database* db, const char* sql,
                          std::string_view what) {
  Release();
  db_ = db;
  what_ = what;
  bind_rc_ = SQLITE_OK;
  stmt_ = db->TakeStatement(sql);
  if (stmt_ != nullptr) return Status::OK();
  const int rc = sqlite3_prepare_v2(db->get(), sql, -1, &stmt_, nullptr);
  return rc == SQLITE_OK ? Status::OK() : db->Error(rc, what_);
}

void Statement::BindText(int index, std::string_view text) {
  // A default string_view has a null data(), which SQLite would bind as NULL.
  const char* data = text.data() != nullptr ? text.data() : "";
  const int rc = sqlite3_bind_text64(stmt_, index, data, text.size(),
                                     kTransient, SQLITE_UTF8);
  if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
}

void Statement::BindTextOrNull(int index, std::string_view text) {
  if (text.empty()) {
    BindNull(index);
  } else {
    BindText(index, text);
  }
}

void Statement::BindInt(int index, long long value) {
  const int rc = sqlite3_bind_int64(stmt_, index, value);
  if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
}

void Statement::BindDouble(int index, double value) {
  const int rc = sqlite3_bind_double(stmt_, index, value);
  if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
}

void Statement::BindNull(int index) {
  const int rc = sqlite3_bind_null(stmt_, index);
  if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
}

Result<bool> Statement::Step() {
  if (bind_rc_ != SQLITE_OK) {
    return SqliteStatus(bind_rc_, db_->path(), what_, sqlite3_errstr(bind_rc_));
  }
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->Error(rc, what_);
}

Status Statement::Run() {
  for (;;) {
    Result<bool> row = Step();
    if (!row.ok()) return row.status();
    if (!row.value()) return Status::OK();
  }
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_rc_ = SQLITE_OK;
}

int Statement::ColumnCount() const { return sqlite3_column_count(stmt_); }

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::string Statement::Text(int column) const {
  return std::string(View(column));
}

std::string_view Statement::View(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  const int size = sqlite3_column_bytes(stmt_, column);
  return std::string_view(reinterpret_cast<const char*>(text),
                          static_cast<std::size_t>(size));
}

long long Statement::Int(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

double Statement::Double(int column) const {
  return sqlite3_column_double(stmt_, column);
}

Transaction::~Transaction() {
  // SQLite may already have rolled back on its own (after SQLITE_FULL, say).
  if (open_ && sqlite3_get_autocommit(db_->get()) == 0) {
    sqlite3_exec(db_->get(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

Status Transaction::Begin() {
  Status status = db_->Exec("BEGIN IMMEDIATE", "starting a write");
  open_ = status.ok();
  return status;
}

Status Transaction::BeginRead() {
  // Inside a transaction already (a Store::ReadSnapshot): read in it.
  if (sqlite3_get_autocommit(db_->get()) == 0) return Status::OK();
  Status status = db_->Exec("BEGIN DEFERRED", "starting a read");
  open_ = status.ok();
  return status;
}

Status Transaction::Commit() {
  if (!open_) return Status::OK();  // a read joined to an outer snapshot
  Status status = db_->Exec("COMMIT", "committing");
  if (status.ok()) open_ = false;
  return status;
}

}  // namespace claimcheck::store_internal
