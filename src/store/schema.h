// The store's schema: its versions, the migrations between them and the
// queries its indexes serve (src/store/SCHEMA.md describes the tables).
// Private to src/store, but it includes only public headers so that
// tests/store/store_test.cc can exercise the migration machinery with a fake
// newer version and EXPLAIN the lookups.
#ifndef CLAIMCHECK_SRC_STORE_SCHEMA_H_
#define CLAIMCHECK_SRC_STORE_SCHEMA_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/status.h"
#include "claimcheck/store.h"

namespace claimcheck::store_internal {

class Database;

// PRAGMA application_id of every claimcheck store ("clck").
inline constexpr long long kApplicationId = 0x636c636b;

// One step of the schema: turns version `version - 1` into `version`. It runs
// inside the migration's transaction, which also sets user_version; it must
// not commit. Adding a schema version is adding one Migration.
struct Migration {
  int version = 0;
  const char* summary = "";
  Status (*apply)(Database* db) = nullptr;
};

// The migrations of this build, version 1 first; the last one's version is
// kStoreSchemaVersion.
const std::vector<Migration>& SchemaMigrations();

// Brings the open read-write `db`, at `from_version` (0: empty), up to the
// last version of `migrations` in one transaction. A store with content
// (from_version > 0) is first copied to PATH.bak-vFROM.
Status Migrate(Database* db, int from_version,
               const std::vector<Migration>& migrations);

// Runs constant SQL on `db` (for migrations, including tests' fake ones).
Status ExecSql(Database* db, const char* sql, std::string_view what);

// Store::Open with another list of migrations: the store's version is the
// last one's.
Result<std::unique_ptr<Store>> OpenStore(
    const std::string& path, const StoreOptions& options,
    const std::vector<Migration>& migrations);

// The columns every claim query selects, in this order.
enum ClaimColumn {
  kDocumentId,
  kKind,
  kSubject,
  kRelation,
  kObject,
  kCategory,
  kPopulation,
  kTiming,
  kQuantityMin,
  kQuantityMax,
  kQuantityUnit,
  kQuantityPer,
  kQuantityBasis,
  kQuantityBound,
  kQuantityStart,
  kQuantityEnd,
  kHedging,
  kNegated,
  kDenied,
  kAttribution,
  kQuestion,
  kSentence,
  kSection,
  kSentenceText,
  kTriggerStart,
  kTriggerEnd,
  kSubjectFrom,
  kCues,
};

// The claim queries. Parameters: ?1 a document id, a subject or an object;
// ?2 an object.
extern const char* const kSelectClaimsOfDocument;
// ?1 a JSON array of document ids (EncodeStrings).
extern const char* const kSelectClaimsOfDocuments;
extern const char* const kSelectClaimsBySubjectAndObject;

// Migration to version 3 (edges.cc): the edge tables, their triggers, and
// the edges of the claims already stored.
Status CreateEdges(Database* db);
// Version 4 (substances.cc).
Status CreateSubstances(Database* db);
extern const char* const kSelectClaimsBySubject;
extern const char* const kSelectClaimsByObject;
extern const char* const kSelectAllClaims;

}  // namespace claimcheck::store_internal

#endif  // CLAIMCHECK_SRC_STORE_SCHEMA_H_
