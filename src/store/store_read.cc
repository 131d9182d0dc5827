// The store's reads: a document with its citations, and claims by document,
// by concept pair and by object, each in a fixed order. Also FromClaim.
// Covered by tests/store/store_test.cc.
#include <algorithm>
#include <functional>
#include <string>

#include "claimcheck/store.h"
#include "store/columns.h"
#include "store/schema.h"
#include "store/store_impl.h"

namespace claimcheck {

using store_internal::Database;
using store_internal::Statement;
using store_internal::Transaction;

namespace {

// A document and its citations, for a JSON array of ids (?1).
constexpr const char* kSelectDocuments =
    "SELECT id, kind, design, title, authors, date, url, journal, language, "
    "pmid, doi, pmcid, n, retracted, publication_types, revised "
    "FROM documents WHERE id IN (SELECT value FROM json_each(?1))";

constexpr const char* kSelectCitationsOfDocuments =
    "SELECT pmid, doi, pmcid, url, text, text_start, text_end, document_id "
    "FROM citations WHERE document_id IN (SELECT value FROM json_each(?1)) "
    "ORDER BY document_id, ordinal";

std::size_t Size(long long value) {
  return value < 0 ? 0 : static_cast<std::size_t>(value);
}

Status Damaged(const Database& db, const std::string& document_id,
               const std::string& what) {
  return Status::Corruption(db.path() + ": document '" + document_id +
                            "': " + what);
}

// The document in the current row of kSelectDocuments.
Status ReadDocument(const Database& db, const Statement& s, Document* d) {
  d->id = s.Text(0);
  d->kind = s.Text(1);
  const std::string design = s.Text(2);
  std::optional<Design> parsed = ParseDesign(design);
  if (!parsed) return Damaged(db, d->id, "unknown design '" + design + "'");
  d->design = *parsed;
  d->title = s.Text(3);
  if (!store_internal::DecodeStrings(s.Text(4), &d->authors)) {
    return Damaged(db, d->id, "authors are not a JSON list of strings");
  }
  d->date = s.Text(5);
  d->url = s.Text(6);
  d->journal = s.Text(7);
  d->language = s.Text(8);
  d->pmid = s.Text(9);
  d->doi = s.Text(10);
  d->pmcid = s.Text(11);
  if (!s.IsNull(12)) d->n = s.Int(12);
  d->retracted = s.Int(13) != 0;
  if (!store_internal::DecodeStrings(s.Text(14), &d->publication_types)) {
    return Damaged(db, d->id,
                   "publication types are not a JSON list of strings");
  }
  d->revised = s.Text(15);
  return Status::OK();
}

// The citation in the current row of kSelectCitationsOfDocuments.
Citation ReadCitation(const Statement& s) {
  Citation c;
  c.pmid = s.Text(0);
  c.doi = s.Text(1);
  c.pmcid = s.Text(2);
  c.url = s.Text(3);
  c.text = s.Text(4);
  c.start = Size(s.Int(5));
  c.end = Size(s.Int(6));
  return c;
}

Quantity ReadQuantity(const Statement& s) {
  using namespace store_internal;  // NOLINT: the ClaimColumn names
  Quantity q;
  q.min = s.Double(kQuantityMin);
  q.max = s.Double(kQuantityMax);
  q.unit = s.Text(kQuantityUnit);
  q.per = s.Text(kQuantityPer);
  q.basis = s.Text(kQuantityBasis);
  q.bound = s.Text(kQuantityBound);
  q.start = Size(s.Int(kQuantityStart));
  q.end = Size(s.Int(kQuantityEnd));
  return q;
}

// The claim in the current row of a kSelectClaims… statement.
Status ReadClaim(const Database& db, const Statement& s, StoredClaim* c) {
  using namespace store_internal;  // NOLINT: the ClaimColumn names
  c->document_id = s.Text(kDocumentId);
  const std::string kind = s.Text(kKind);
  const std::string hedging = s.Text(kHedging);
  const std::string attribution = s.Text(kAttribution);
  auto parsed_kind = ParseClaimKind(kind);
  auto parsed_hedging = ParseHedging(hedging);
  auto parsed_attribution = ParseAttribution(attribution);
  if (!parsed_kind || !parsed_hedging || !parsed_attribution) {
    return Damaged(db, c->document_id,
                   "a claim with unknown words (kind '" + kind +
                       "', hedging '" + hedging + "', attribution '" +
                       attribution + "')");
  }
  c->kind = *parsed_kind;
  c->subject = s.Text(kSubject);
  c->relation = s.Text(kRelation);
  c->object = s.Text(kObject);
  c->category = s.Text(kCategory);
  c->population = s.Text(kPopulation);
  c->timing = s.Text(kTiming);
  c->quantity.reset();
  if (!s.IsNull(kQuantityMin)) c->quantity = ReadQuantity(s);
  c->hedging = *parsed_hedging;
  c->negated = s.Int(kNegated) != 0;
  c->denied = s.Text(kDenied);
  c->attribution = *parsed_attribution;
  c->question = s.Int(kQuestion) != 0;
  c->sentence = Size(s.Int(kSentence));
  c->section = s.Text(kSection);
  c->sentence_text = s.Text(kSentenceText);
  c->trigger_start = Size(s.Int(kTriggerStart));
  c->trigger_end = Size(s.Int(kTriggerEnd));
  c->subject_from = s.Text(kSubjectFrom);
  if (!DecodeStrings(s.Text(kCues), &c->cues)) {
    return Damaged(db, c->document_id, "cues are not a JSON list of strings");
  }
  return Status::OK();
}

// Runs a claim query, prepared and bound, appending its rows to `out`.
// `keep`, when given, sees each row's subject and object ("" for none)
// before the row is decoded; a row it refuses is neither decoded nor
// checked (a corrupt claim off the asked edges is not reported).
using KeepClaim = std::function<bool(std::string_view, std::string_view)>;

Status AppendClaims(const Database& db, Statement* s,
                    std::vector<StoredClaim>* out,
                    const KeepClaim& keep = nullptr) {
  for (;;) {
    Result<bool> row = s->Step();
    if (!row.ok()) return row.status();
    if (!row.value()) return Status::OK();
    if (keep && !keep(s->View(store_internal::kSubject),
                      s->View(store_internal::kObject))) {
      continue;
    }
    StoredClaim claim;
    Status status = ReadClaim(db, *s, &claim);
    if (!status.ok()) return status;
    out->push_back(std::move(claim));
  }
}

// Runs `sql` with text parameters `params` and appends the claims to `out`.
Status QueryClaims(Database* db, const char* sql,
                   std::initializer_list<std::string_view> params,
                   std::vector<StoredClaim>* out,
                   const KeepClaim& keep = nullptr) {
  Statement s;
  Status status = s.Prepare(db, sql, "reading claims");
  if (!status.ok()) return status;
  int index = 1;
  for (std::string_view param : params) s.BindText(index++, param);
  status = AppendClaims(*db, &s, out, keep);
  if (!status.ok()) out->clear();
  return status;
}

}  // namespace

Result<std::optional<Document>> Store::GetDocument(std::string_view id) {
  std::map<std::string, Document> got;
  Status status = GetDocuments({std::string(id)}, &got);
  if (!status.ok()) return status;
  if (got.empty()) return std::optional<Document>();
  return std::optional<Document>(std::move(got.begin()->second));
}

Status Store::GetDocuments(const std::vector<std::string>& ids,
                           std::map<std::string, Document>* out) {
  out->clear();
  if (ids.empty()) return Status::OK();
  Database* db = &impl_->db;
  Transaction transaction(db);
  Status status = transaction.BeginRead();
  if (!status.ok()) return status;
  const std::string listed =
      store_internal::EncodeStrings(store_internal::SortedUnique(ids));
  Statement s;
  status = s.Prepare(db, kSelectDocuments, "reading documents");
  if (!status.ok()) return status;
  s.BindText(1, listed);
  for (;;) {
    Result<bool> row = s.Step();
    if (!row.ok()) status = row.status();
    if (!status.ok() || !row.value()) break;
    Document doc;
    status = ReadDocument(*db, s, &doc);
    if (!status.ok()) break;
    std::string id = doc.id;
    out->emplace(std::move(id), std::move(doc));
  }
  Statement citations;
  if (status.ok()) {
    status =
        citations.Prepare(db, kSelectCitationsOfDocuments, "reading citations");
  }
  if (status.ok()) citations.BindText(1, listed);
  while (status.ok()) {
    Result<bool> row = citations.Step();
    if (!row.ok()) status = row.status();
    if (!status.ok() || !row.value()) break;
    auto it = out->find(std::string(citations.View(7)));
    // A citation row always has its document (a foreign key); one that
    // would not is left out rather than given to no one.
    if (it != out->end())
      it->second.citations.push_back(ReadCitation(citations));
  }
  if (!status.ok()) out->clear();
  return status;
}

Status Store::ClaimsOfDocument(std::string_view document_id,
                               std::vector<StoredClaim>* out) {
  out->clear();
  return QueryClaims(&impl_->db, store_internal::kSelectClaimsOfDocument,
                     {document_id}, out);
}

Status Store::ClaimsOfDocumentsOn(
    const std::vector<std::string>& document_ids,
    const std::vector<std::string>& subjects,
    const std::vector<std::string>& objects,
    std::map<std::string, std::vector<StoredClaim>>* out) {
  out->clear();
  if (document_ids.empty()) return Status::OK();
  // A document holds a few claims: reading them by the document's key and
  // decoding only those on the edges beats any index on subject and object.
  auto among = [](const std::vector<std::string>& ids, std::string_view id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  std::vector<StoredClaim> claims;  // by document id, then ordinal
  Status status = QueryClaims(
      &impl_->db, store_internal::kSelectClaimsOfDocuments,
      {store_internal::EncodeStrings(
          store_internal::SortedUnique(document_ids))},
      &claims, [&](std::string_view subject, std::string_view object) {
        return among(subjects, subject) && among(objects, object);
      });
  if (!status.ok()) return status;
  for (StoredClaim& c : claims) {
    (*out)[c.document_id].push_back(std::move(c));
  }
  return Status::OK();
}

Status Store::ClaimsAbout(std::string_view subject, std::string_view object,
                          std::vector<StoredClaim>* out) {
  out->clear();
  Database* db = &impl_->db;
  if (!subject.empty() && !object.empty()) {
    return QueryClaims(db, store_internal::kSelectClaimsBySubjectAndObject,
                       {subject, object}, out);
  }
  if (!subject.empty()) {
    return QueryClaims(db, store_internal::kSelectClaimsBySubject, {subject},
                       out);
  }
  if (!object.empty()) {
    return QueryClaims(db, store_internal::kSelectClaimsByObject, {object},
                       out);
  }
  return QueryClaims(db, store_internal::kSelectAllClaims, {}, out);
}

Status Store::ClaimsWithObjects(const std::vector<std::string>& object_ids,
                                std::vector<StoredClaim>* out) {
  out->clear();
  const std::vector<std::string> ids = store_internal::SortedUnique(object_ids);
  Database* db = &impl_->db;
  Transaction transaction(db);  // one snapshot for every lookup
  Status status = transaction.BeginRead();
  if (!status.ok()) return status;
  Statement s;
  status =
      s.Prepare(db, store_internal::kSelectClaimsByObject, "reading claims");
  for (const std::string& id : ids) {
    if (!status.ok()) break;
    if (id.empty()) continue;  // no claim has an empty object
    s.BindText(1, id);
    status = AppendClaims(*db, &s, out);
    s.Reset();
  }
  if (!status.ok()) out->clear();
  return status;
}

namespace store_internal {

std::vector<std::string> SortedUnique(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  ids.erase(std::remove(ids.begin(), ids.end(), std::string()), ids.end());
  return ids;
}

}  // namespace store_internal

StoredClaim FromClaim(const Claim& claim, const Text& text,
                      std::string document_id) {
  StoredClaim c;
  c.document_id = std::move(document_id);
  c.kind = claim.kind;
  if (claim.subject != nullptr) c.subject = claim.subject->id;
  c.relation = claim.relation;
  if (claim.object != nullptr) c.object = claim.object->id;
  c.category = claim.category;
  c.population = claim.population;
  c.timing = claim.timing;
  c.quantity = claim.quantity;
  c.hedging = claim.hedging;
  c.negated = claim.negated;
  c.denied = claim.denied;
  c.attribution = claim.attribution;
  c.question = claim.question;
  c.sentence = claim.sentence;
  c.section = claim.section;
  if (claim.sentence < text.sentences().size()) {
    c.sentence_text = std::string(text.SentenceText(claim.sentence));
  }
  c.trigger_start = claim.trigger_start;
  c.trigger_end = claim.trigger_end;
  c.subject_from = claim.subject_from;
  c.cues = claim.cues;
  return c;
}

}  // namespace claimcheck
