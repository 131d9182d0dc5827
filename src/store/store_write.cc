// Store::PutDocuments and Store::Writer: documents with their citations and
// claims in one transaction, each replacing any stored one of its id unless
// the stored one is a newer revision. Covered by tests/store/store_test.cc
// and store_writer_test.cc.
#include <cmath>
#include <memory>
#include <string>
#include <utility>

#include "claimcheck/store.h"
#include "store/columns.h"
#include "store/store_impl.h"

namespace claimcheck {

using store_internal::Database;
using store_internal::Statement;
using store_internal::WithContext;

namespace {

// ON DELETE CASCADE takes the document's citations and claims with it.
constexpr const char* kDeleteDocument = "DELETE FROM documents WHERE id = ?1";

constexpr const char* kSelectRevised =
    "SELECT revised FROM documents WHERE id = ?1";

constexpr const char* kInsertDocument =
    "INSERT INTO documents (id, kind, design, title, authors, date, url, "
    "journal, language, pmid, doi, pmcid, n, retracted, publication_types, "
    "revised) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
    "?15, ?16)";

constexpr const char* kInsertSubstance =
    "INSERT OR IGNORE INTO substances (document_id, ui, name, type) "
    "VALUES (?1, ?2, ?3, ?4)";

constexpr const char* kInsertCitation =
    "INSERT INTO citations (document_id, ordinal, pmid, doi, pmcid, url, "
    "text, text_start, text_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

constexpr const char* kInsertClaim =
    "INSERT INTO claims (document_id, ordinal, kind, subject, relation, "
    "object, category, population, timing, quantity_min, quantity_max, "
    "quantity_unit, quantity_per, quantity_basis, quantity_bound, "
    "quantity_start, quantity_end, hedging, negated, denied, attribution, "
    "question, sentence, section, sentence_text, trigger_start, trigger_end, "
    "subject_from, cues) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
    "?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, "
    "?29)";

long long Int(std::size_t value) { return static_cast<long long>(value); }

std::string Where(const std::string& document_id, std::size_t claim) {
  return "document '" + document_id + "', claim " + std::to_string(claim);
}

// The statements of one PutDocuments call, prepared once for the batch.
class DocumentWriter {
 public:
  explicit DocumentWriter(Database* db) : db_(db) {}

  Status Prepare() {
    Status status = delete_.Prepare(db_, kDeleteDocument, "replacing");
    if (status.ok()) {
      status = revised_.Prepare(db_, kSelectRevised, "reading a revision");
    }
    if (status.ok()) {
      status = document_.Prepare(db_, kInsertDocument, "storing a document");
    }
    if (status.ok()) {
      status = citation_.Prepare(db_, kInsertCitation, "storing a citation");
    }
    if (status.ok()) {
      status = claim_.Prepare(db_, kInsertClaim, "storing a claim");
    }
    return status;
  }

  Status Put(const DocumentWithClaims& entry, bool* stored) {
    const Document& doc = entry.document;
    Result<bool> newer = StoredIsNewer(doc);
    if (!newer.ok()) {
      return WithContext(newer.status(), "document '" + doc.id + "'");
    }
    if (stored != nullptr) *stored = !newer.value();
    if (newer.value()) return Status::OK();
    Status status = Run(&delete_, [&] { delete_.BindText(1, doc.id); });
    if (status.ok()) status = PutDocument(doc);
    for (std::size_t i = 0; status.ok() && i < doc.citations.size(); ++i) {
      status = PutCitation(doc.id, i, doc.citations[i]);
    }
    if (!status.ok()) {
      return WithContext(status, "document '" + doc.id + "'");
    }
    for (std::size_t i = 0; i < entry.claims.size(); ++i) {
      status = Check(doc.id, entry.claims[i]);
      if (status.ok()) status = PutClaim(doc.id, i, entry.claims[i]);
      if (!status.ok()) return WithContext(status, Where(doc.id, i));
    }
    // Prepared at the first document that names a substance (a store of
    // an older schema opened by a test has no table for them).
    if (!entry.substances.empty() && !substance_prepared_) {
      status = substance_.Prepare(db_, kInsertSubstance, "storing a substance");
      if (!status.ok()) return WithContext(status, "document '" + doc.id + "'");
      substance_prepared_ = true;
    }
    for (const Substance& s : entry.substances) {
      if (s.ui.empty() || s.name.empty()) continue;
      status = Run(&substance_, [&] {
        substance_.BindText(1, doc.id);
        substance_.BindText(2, s.ui);
        substance_.BindText(3, s.name);
        substance_.BindText(4, s.type);
      });
      if (!status.ok()) {
        return WithContext(status,
                           "document '" + doc.id + "', substance " + s.ui);
      }
    }
    return Status::OK();
  }

 private:
  // Binds with `bind`, runs `statement` to the end and makes it reusable.
  template <typename Bind>
  static Status Run(Statement* statement, Bind bind) {
    bind();
    Status status = statement->Run();
    statement->Reset();
    return status;
  }

  // True when the stored version of `doc` has a later revision date.
  Result<bool> StoredIsNewer(const Document& doc) {
    if (doc.revised.empty()) return false;
    revised_.BindText(1, doc.id);
    Result<bool> row = revised_.Step();
    bool newer = false;
    if (row.ok() && row.value()) {
      const std::string stored = revised_.Text(0);
      // ISO 8601 dates of one precision compare as strings.
      newer = !stored.empty() && stored > doc.revised;
    }
    revised_.Reset();
    if (!row.ok()) return row.status();
    return newer;
  }

  // What the schema cannot see: NaN binds as NULL in SQLite.
  Status Check(const std::string& id, const StoredClaim& c) {
    if (!c.document_id.empty() && c.document_id != id) {
      return Status::InvalidArgument(db_->path() + ": the claim belongs to '" +
                                     c.document_id + "'");
    }
    if (c.quantity &&
        (std::isnan(c.quantity->min) || std::isnan(c.quantity->max))) {
      return Status::InvalidArgument(db_->path() +
                                     ": the quantity is not a number");
    }
    return Status::OK();
  }

  Status PutDocument(const Document& d) {
    Statement* s = &document_;
    return Run(s, [&] {
      s->BindText(1, d.id);
      s->BindText(2, d.kind);
      s->BindText(3, DesignName(d.design));
      s->BindText(4, d.title);
      s->BindText(5, store_internal::EncodeStrings(d.authors));
      s->BindText(6, d.date);
      s->BindText(7, d.url);
      s->BindText(8, d.journal);
      s->BindText(9, d.language);
      s->BindText(10, d.pmid);
      s->BindText(11, d.doi);
      s->BindText(12, d.pmcid);
      if (d.n) s->BindInt(13, *d.n);
      s->BindInt(14, d.retracted ? 1 : 0);
      s->BindText(15, store_internal::EncodeStrings(d.publication_types));
      s->BindText(16, d.revised);
    });
  }

  Status PutCitation(const std::string& id, std::size_t ordinal,
                     const Citation& c) {
    Statement* s = &citation_;
    return Run(s, [&] {
      s->BindText(1, id);
      s->BindInt(2, Int(ordinal));
      s->BindText(3, c.pmid);
      s->BindText(4, c.doi);
      s->BindText(5, c.pmcid);
      s->BindText(6, c.url);
      s->BindText(7, c.text);
      s->BindInt(8, Int(c.start));
      s->BindInt(9, Int(c.end));
    });
  }

  Status PutClaim(const std::string& id, std::size_t ordinal,
                  const StoredClaim& c) {
    Statement* s = &claim_;
    return Run(s, [&] {
      s->BindText(1, id);
      s->BindInt(2, Int(ordinal));
      s->BindText(3, ClaimKindName(c.kind));
      s->BindText(4, c.subject);
      s->BindText(5, c.relation);
      s->BindTextOrNull(6, c.object);
      s->BindText(7, c.category);
      s->BindText(8, c.population);
      s->BindText(9, c.timing);
      if (c.quantity) {  // unbound parameters are NULL
        s->BindDouble(10, c.quantity->min);
        s->BindDouble(11, c.quantity->max);
        s->BindText(12, c.quantity->unit);
        s->BindText(13, c.quantity->per);
        s->BindText(14, c.quantity->basis);
        s->BindText(15, c.quantity->bound);
        s->BindInt(16, Int(c.quantity->start));
        s->BindInt(17, Int(c.quantity->end));
      }
      s->BindText(18, HedgingName(c.hedging));
      s->BindInt(19, c.negated ? 1 : 0);
      s->BindText(20, c.denied);
      s->BindText(21, AttributionName(c.attribution));
      s->BindInt(22, c.question ? 1 : 0);
      s->BindInt(23, Int(c.sentence));
      s->BindText(24, c.section);
      s->BindText(25, c.sentence_text);
      s->BindInt(26, Int(c.trigger_start));
      s->BindInt(27, Int(c.trigger_end));
      s->BindText(28, c.subject_from);
      s->BindText(29, store_internal::EncodeStrings(c.cues));
    });
  }

  Database* db_;
  Statement delete_;
  Statement revised_;
  Statement document_;
  Statement citation_;
  Statement claim_;
  Statement substance_;
  bool substance_prepared_ = false;
};

}  // namespace

Status Store::PutDocuments(const std::vector<DocumentWithClaims>& documents) {
  if (impl_->mode == OpenMode::kReadOnly) {
    return Status::IOError(path() + ": the store is open read-only");
  }
  if (documents.empty()) return Status::OK();
  Database* db = &impl_->db;
  DocumentWriter writer(db);
  Status status = writer.Prepare();
  if (!status.ok()) return status;
  store_internal::Transaction transaction(db);
  status = transaction.Begin();
  if (!status.ok()) return status;
  for (const DocumentWithClaims& entry : documents) {
    status = writer.Put(entry, nullptr);
    if (!status.ok()) return status;  // the transaction rolls back
  }
  return transaction.Commit();
}

struct Store::Writer::Impl {
  explicit Impl(Database* db) : writer(db), transaction(db) {}
  DocumentWriter writer;
  store_internal::Transaction transaction;
  bool done = false;
};

Store::Writer::Writer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Store::Writer::~Writer() = default;

Status Store::Writer::Put(const DocumentWithClaims& entry, bool* stored) {
  if (impl_->done) {
    return Status::Internal("Store::Writer::Put after Commit");
  }
  return impl_->writer.Put(entry, stored);
}

Status Store::Writer::Commit() {
  if (impl_->done) {
    return Status::Internal("Store::Writer::Commit called twice");
  }
  impl_->done = true;
  return impl_->transaction.Commit();
}

Result<std::unique_ptr<Store::Writer>> Store::BeginWrite() {
  if (impl_->mode == OpenMode::kReadOnly) {
    return Status::IOError(path() + ": the store is open read-only");
  }
  auto impl = std::make_unique<Writer::Impl>(&impl_->db);
  Status status = impl->writer.Prepare();
  if (!status.ok()) return status;
  status = impl->transaction.Begin();
  if (!status.ok()) return status;
  return std::unique_ptr<Writer>(new Writer(std::move(impl)));
}

}  // namespace claimcheck
