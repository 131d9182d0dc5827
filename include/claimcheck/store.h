// The evidence store: imported documents and the claims they make, kept in
// an embedded SQLite database (schema and migrations: src/store/SCHEMA.md).
// Every write is one transaction; re-importing a document id replaces it;
// a crash or kill at any point leaves the previous or the new content.
// Covered by tests/store/store_test.cc.
#ifndef CLAIMCHECK_STORE_H_
#define CLAIMCHECK_STORE_H_

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/claims.h"
#include "claimcheck/document.h"
#include "claimcheck/status.h"
#include "claimcheck/text.h"

namespace claimcheck {

// A Claim as the store keeps it: concepts by id, the sentence by its text.
struct StoredClaim {
  std::string document_id;  // the document that makes the claim
  ClaimKind kind = ClaimKind::kEffect;
  std::string subject;  // Concept::id, never empty
  std::string relation;
  std::string object;  // Concept::id; empty when the claim has no object
  std::string category;

  std::string population;
  std::string timing;
  std::optional<Quantity> quantity;

  Hedging hedging = Hedging::kPlain;
  bool negated = false;
  std::string denied;
  Attribution attribution = Attribution::kNone;
  bool question = false;

  std::size_t sentence = 0;   // index into the document's Text::sentences()
  std::string section;        // heading or abstract label above the sentence
  std::string sentence_text;  // the sentence itself
  std::size_t trigger_start = 0;
  std::size_t trigger_end = 0;
  std::string subject_from = "text";
  std::vector<std::string> cues;
};

// `claim` flattened for the store. `text` is the Text the claim was extracted
// from (for the sentence text; empty when claim.sentence is out of range).
StoredClaim FromClaim(const Claim& claim, const Text& text,
                      std::string document_id);

// A substance an imported record names: a MeSH Supplementary Concept Record
// (PubMed ChemicalList / SupplMeshList) such as C008305 "theanine".
struct Substance {
  std::string ui;    // "C008305"
  std::string name;  // as the record writes it
  std::string type;  // "Chemical", "Disease", "Organism", "Protocol"
  bool operator==(const Substance&) const = default;
};

// One document and every claim it makes, the unit PutDocuments replaces.
struct DocumentWithClaims {
  Document document;
  // In the order the document makes them; that order is kept. Each claim's
  // document_id must be empty or document.id.
  std::vector<StoredClaim> claims;
  // The substances the record names (docs/vocabulary.md, "Harvested
  // concepts"); one per UI.
  std::vector<Substance> substances;
};

struct StoreStats {
  long long documents = 0;
  long long claims = 0;
  // Documents per design; designs without documents are absent.
  std::map<Design, long long> documents_by_design;
};

// How many documents of one design make one claim (Store::EdgeCounts).
struct EdgeCount {
  std::string subject;
  std::string relation;
  std::string object;
  Design design = Design::kUnknown;
  long long documents = 0;
};

enum class OpenMode {
  kReadWrite,  // creates the file when missing, migrates an older schema
  kReadOnly,   // for queries: never creates, migrates or writes anything
};

struct StoreOptions {
  OpenMode mode = OpenMode::kReadWrite;
  // How long a call waits for another process's write lock before it fails
  // with IOError ("locked").
  int busy_timeout_ms = 5000;
};

// The schema version this build reads and writes.
inline constexpr int kStoreSchemaVersion = 4;

// An open store. Not thread-safe: use one Store per thread (several Stores,
// in one or many processes, may share a file). Every call returns a Status
// naming the file on failure; none throws.
class Store {
 public:
  // Opens the store at `path`.
  //  - kReadWrite: creates `path` when missing (not its directory) and
  //    migrates an older schema, after copying the file to PATH.bak-vN
  //    (N the old version). IOError when the file is read-only.
  //  - kReadOnly: NotFound when `path` does not exist (nothing is created);
  //    NotSupported when the store needs a migration.
  // Both: InvalidArgument for a file that is not a SQLite database or a
  // SQLite database that is not a claimcheck store (the file is left as it
  // was); NotSupported for a store of a newer schema version; IOError when
  // the file cannot be opened or is locked past the busy timeout.
  static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                             const StoreOptions& options);
  static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                             OpenMode mode);

  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Adds `documents` in one transaction: all of them or, on any failure,
  // none (the store keeps its previous content). A document whose id is
  // already stored is replaced with its claims and citations; a later entry
  // of the batch replaces an earlier one with the same id. Except: when
  // both the stored and the new version have a Document::revised date and
  // the stored one is later, the stored one is kept and the entry skipped
  // (an older efetch of a record never overwrites a newer one).
  // InvalidArgument for a document or claim the schema rejects (empty id or
  // subject, a NaN quantity, a claim of another document), naming the
  // document and claim; IOError for a read-only store, a lock, a full disk.
  Status PutDocuments(const std::vector<DocumentWithClaims>& documents);

  // One write transaction filled a document at a time, for imports too big
  // to hold in memory (PutDocuments needs the whole batch): memory stays at
  // one document whatever the number of Puts. Until Commit nothing is
  // visible to other connections; a Writer destroyed uncommitted, or a
  // process killed at any point, leaves the store as it was before
  // BeginWrite. Not thread-safe; it may be used from another thread than
  // the one that began it, one thread at a time.
  class Writer {
   public:
    ~Writer();  // rolls back unless committed
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    // Adds or replaces one document with its claims and citations, with
    // PutDocuments' rules (including the revision rule). `stored`, when not
    // null, says whether the entry was written (false: a newer revision is
    // kept). A failed Put leaves the transaction open with the Puts before
    // it; the caller may go on or drop the Writer to roll everything back.
    // InvalidArgument / IOError as PutDocuments; Internal after Commit.
    Status Put(const DocumentWithClaims& entry, bool* stored = nullptr);

    // Makes every Put durable and visible at once. After Commit (successful
    // or not) the Writer accepts no more Puts.
    Status Commit();

   private:
    friend class Store;
    struct Impl;
    explicit Writer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
  };

  // Begins a Writer's transaction, taking the store's write lock now
  // (waiting up to StoreOptions::busy_timeout_ms for another writer).
  // The Store must outlive the Writer, and no other call may be made on
  // this Store while the Writer is open (reads would fail: one connection
  // holds one transaction). IOError for a read-only store or a lock.
  Result<std::unique_ptr<Writer>> BeginWrite();

  // The document with `id`, with its citations; nullopt when not stored.
  Result<std::optional<Document>> GetDocument(std::string_view id);

  // The claims of one document, in the order it makes them. Empty when the
  // document is not stored.
  Status ClaimsOfDocument(std::string_view document_id,
                          std::vector<StoredClaim>* out);

  // GetDocument for many documents in one read (a verdict lists a few
  // dozen): the stored ones among `ids` by id, with their citations (an id
  // not stored is absent).
  Status GetDocuments(const std::vector<std::string>& ids,
                      std::map<std::string, Document>* out);
  // What a verdict reads of its listed documents, in one read: the claims
  // of each of `document_ids` whose subject is one of `subjects` and whose
  // object is one of `objects` ("" stands for no object), in the
  // document's order, by document id (one with no such claim is absent).
  Status ClaimsOfDocumentsOn(
      const std::vector<std::string>& document_ids,
      const std::vector<std::string>& subjects,
      const std::vector<std::string>& objects,
      std::map<std::string, std::vector<StoredClaim>>* out);

  // Claims with this subject and object; an empty string matches any (both
  // empty: every claim, a full scan). Ordered by subject, object (claims
  // without an object first), document id, position in the document.
  // Replaces the contents of `out`.
  Status ClaimsAbout(std::string_view subject, std::string_view object,
                     std::vector<StoredClaim>* out);

  // Claims whose object is one of `object_ids` (duplicates ignored).
  // Ordered by object, subject, document id, position in the document.
  // Replaces the contents of `out`.
  Status ClaimsWithObjects(const std::vector<std::string>& object_ids,
                           std::vector<StoredClaim>* out);

  // One read snapshot held across many calls (all the lookups of one
  // query): the reads made while it lives see one state of the store and
  // skip their own BEGIN and COMMIT. No write may be made on this Store
  // while one lives. Ends when destroyed.
  class ReadSnapshot {
   public:
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

   private:
    friend class Store;
    explicit ReadSnapshot(Store* store) : store_(store) {}
    Store* store_;
  };
  Result<std::unique_ptr<ReadSnapshot>> BeginReadSnapshot();

  // The claim graph as the store keeps it (schema version 3): per edge
  // (subject, relation, object) and design, how many documents make the
  // claim — documents, not sentences. For every pair of `subjects` x
  // `objects`; one index lookup per pair. Ordered by subject, object,
  // relation, design.
  Status EdgeCounts(const std::vector<std::string>& subjects,
                    const std::vector<std::string>& objects,
                    std::vector<EdgeCount>* out);
  // The ids of at most `limit` documents of one design that make the claim
  // (subject, relation, object), the largest studies (n) first, then by id.
  // Reads one index range of `limit` rows.
  Status StrongestDocuments(std::string_view subject, std::string_view relation,
                            std::string_view object, Design design, int limit,
                            std::vector<std::string>* out);

  Result<StoreStats> Stats();

  // Every substance stored documents name, each (ui, name, type) once, by
  // UI then name.
  Status Substances(std::vector<Substance>* out);

  // OK when SQLite's integrity_check and foreign_key_check find nothing;
  // Corruption listing the first problems otherwise.
  Status IntegrityCheck();

  // The schema version of the open store (kStoreSchemaVersion once open).
  int schema_version() const;
  const std::string& path() const;
  OpenMode mode() const;

 private:
  friend class StoreOpener;  // src/store: builds a Store around an open db
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_STORE_H_
