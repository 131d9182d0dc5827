// Opening a store (what the file is, which version, migration), its
// statistics and integrity check. Writes are in store_write.cc, reads in
// store_read.cc. Covered by tests/store/store_test.cc.
#include "claimcheck/store.h"

#include <filesystem>
#include <system_error>
#include <utility>

#include "store/columns.h"
#include "store/schema.h"
#include "store/store_impl.h"

namespace claimcheck {

using store_internal::Database;
using store_internal::Statement;
using store_internal::Transaction;

namespace {

// The schema version of the file `db` holds, after making sure it is a
// claimcheck store this build can use: 0 for an empty database (only in
// read-write mode, where it becomes a new store).
Result<int> UsableVersion(Database* db, int target, bool read_only) {
  const std::string& path = db->path();
  Result<long long> app =
      db->QueryInt("PRAGMA application_id", "reading the store's header");
  if (!app.ok()) return app.status();
  Result<long long> version =
      db->QueryInt("PRAGMA user_version", "reading the schema version");
  if (!version.ok()) return version.status();
  Result<long long> objects =
      db->QueryInt("SELECT count(*) FROM sqlite_schema", "reading the schema");
  if (!objects.ok()) return objects.status();

  const long long v = version.value();
  if (app.value() != store_internal::kApplicationId) {
    if (app.value() != 0 || v != 0 || objects.value() != 0) {
      return Status::InvalidArgument(
          path + ": a SQLite database of another application, not a " +
          "claimcheck store (application_id " + std::to_string(app.value()) +
          ", user_version " + std::to_string(v) + ")");
    }
    if (read_only) {
      return Status::InvalidArgument(
          path + ": an empty database, not a claimcheck store");
    }
    return 0;
  }
  if (v > target) {
    return Status::NotSupported(
        path + ": store schema version " + std::to_string(v) +
        " is newer than this claimcheck supports (version " +
        std::to_string(target) + "); use a newer claimcheck");
  }
  if (v < 1) {
    return Status::Corruption(path +
                              ": a claimcheck store without a schema version");
  }
  if (read_only && v < target) {
    return Status::NotSupported(
        path + ": store schema version " + std::to_string(v) +
        " is older than this claimcheck's (version " + std::to_string(target) +
        "); open it for writing (claimcheck import) to migrate it");
  }
  return static_cast<int>(v);
}

Status ConfigureReadWrite(Database* db) {
  Status status = db->Exec("PRAGMA journal_mode = WAL", "enabling WAL");
  if (status.ok()) {
    status = db->Exec("PRAGMA synchronous = NORMAL", "setting synchronous");
  }
  if (status.ok()) {
    status = db->Exec("PRAGMA foreign_keys = ON", "enabling foreign keys");
  }
  return status;
}

Status ConfigureReadOnly(Database* db) {
  Status status = db->Exec("PRAGMA foreign_keys = ON", "enabling foreign keys");
  if (status.ok()) {
    status = db->Exec("PRAGMA query_only = ON", "making the store read-only");
  }
  return status;
}

}  // namespace

// Builds Stores; the one place that may (Store's constructor is private).
class StoreOpener {
 public:
  static Result<std::unique_ptr<Store>> Open(
      const std::string& path, const StoreOptions& options,
      const std::vector<store_internal::Migration>& migrations);
};

Result<std::unique_ptr<Store>> StoreOpener::Open(
    const std::string& path, const StoreOptions& options,
    const std::vector<store_internal::Migration>& migrations) {
  if (path.empty()) return Status::InvalidArgument("store path is empty");
  const bool read_only = options.mode == OpenMode::kReadOnly;
  std::error_code ec;
  if (read_only && !std::filesystem::exists(path, ec)) {
    return Status::NotFound(path + ": no such store");
  }
  // A Store is used by one thread at a time (store.h), so its connection
  // needs no mutex of its own (SQLite's multi-thread mode for it).
  const int flags = SQLITE_OPEN_NOMUTEX |
                    (read_only ? SQLITE_OPEN_READONLY
                               : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  Result<Database> opened = Database::Open(path, flags);
  if (!opened.ok()) return opened.status();
  auto impl = std::make_unique<Store::Impl>();
  impl->db = std::move(opened).value();
  impl->mode = options.mode;
  Database* db = &impl->db;
  sqlite3_busy_timeout(db->get(), options.busy_timeout_ms);
  // SQLite silently opens a write-protected file read-only.
  if (!read_only && sqlite3_db_readonly(db->get(), "main") == 1) {
    return Status::IOError(path +
                           ": the store file is read-only (permissions); "
                           "open it read-only to query it");
  }
  const int target = migrations.empty() ? 0 : migrations.back().version;
  Result<int> version = UsableVersion(db, target, read_only);
  if (!version.ok()) return version.status();
  Status status = read_only ? ConfigureReadOnly(db) : ConfigureReadWrite(db);
  if (status.ok() && version.value() < target) {
    status = store_internal::Migrate(db, version.value(), migrations);
  }
  if (!status.ok()) return status;
  impl->version = target;
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path,
                                           const StoreOptions& options) {
  return StoreOpener::Open(path, options, store_internal::SchemaMigrations());
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path,
                                           OpenMode mode) {
  StoreOptions options;
  options.mode = mode;
  return Open(path, options);
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

int Store::schema_version() const { return impl_->version; }
const std::string& Store::path() const { return impl_->db.path(); }
OpenMode Store::mode() const { return impl_->mode; }

Result<StoreStats> Store::Stats() {
  Database* db = &impl_->db;
  Transaction transaction(db);
  Status status = transaction.BeginRead();
  if (!status.ok()) return status;
  StoreStats stats;
  Statement designs;
  status = designs.Prepare(
      db,
      "SELECT design, count(*) FROM documents GROUP BY design ORDER BY design",
      "counting documents");
  if (!status.ok()) return status;
  for (;;) {
    Result<bool> row = designs.Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    const std::string word = designs.Text(0);
    std::optional<Design> design = ParseDesign(word);
    if (!design) {
      return Status::Corruption(path() + ": a document of unknown design '" +
                                word + "'");
    }
    stats.documents_by_design[*design] = designs.Int(1);
    stats.documents += designs.Int(1);
  }
  Result<long long> claims =
      db->QueryInt("SELECT count(*) FROM claims", "counting claims");
  if (!claims.ok()) return claims.status();
  stats.claims = claims.value();
  return stats;
}

namespace {

// Appends every row of a check PRAGMA (columns joined by ' ') to `problems`,
// except the single "ok" integrity_check reports when all is well.
Status CollectProblems(Database* db, const char* pragma,
                       std::vector<std::string>* problems) {
  Statement check;
  Status status = check.Prepare(db, pragma, "checking integrity");
  if (!status.ok()) return status;
  for (;;) {
    Result<bool> row = check.Step();
    if (!row.ok()) return row.status();
    if (!row.value()) return Status::OK();
    std::string line;
    for (int c = 0; c < check.ColumnCount(); ++c) {
      if (!line.empty()) line += ' ';
      line += check.Text(c);
    }
    if (line != "ok") problems->push_back(line);
  }
}

}  // namespace

Status Store::IntegrityCheck() {
  Database* db = &impl_->db;
  std::vector<std::string> problems;
  Status status = CollectProblems(db, "PRAGMA integrity_check(20)", &problems);
  if (status.ok()) {
    status = CollectProblems(db, "PRAGMA foreign_key_check", &problems);
  }
  if (!status.ok()) return status;
  if (problems.empty()) return Status::OK();
  std::string message = path() + ": integrity check failed:";
  for (const std::string& problem : problems) message += "\n  " + problem;
  return Status::Corruption(message);
}

namespace store_internal {

Result<std::unique_ptr<Store>> OpenStore(
    const std::string& path, const StoreOptions& options,
    const std::vector<Migration>& migrations) {
  return StoreOpener::Open(path, options, migrations);
}

Status WithContext(const Status& status, const std::string& context) {
  std::string message = status.message() + " (" + context + ")";
  switch (status.code()) {
    case Status::Code::kOk:
      return status;
    case Status::Code::kInvalidArgument:
      return Status::InvalidArgument(std::move(message));
    case Status::Code::kNotFound:
      return Status::NotFound(std::move(message));
    case Status::Code::kCorruption:
      return Status::Corruption(std::move(message));
    case Status::Code::kIOError:
      return Status::IOError(std::move(message));
    case Status::Code::kNotSupported:
      return Status::NotSupported(std::move(message));
    case Status::Code::kInternal:
      break;
  }
  return Status::Internal(std::move(message));
}

}  // namespace store_internal

}  // namespace claimcheck
