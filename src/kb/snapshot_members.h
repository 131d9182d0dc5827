// What a kb snapshot (kb_snapshot.h) holds of each item: cereal serialize()
// functions naming every member. Shared by src/kb/kb_snapshot.cc and its
// test, which compares loads member for member through them.
#ifndef CLAIMCHECK_SRC_KB_SNAPSHOT_MEMBERS_H_
#define CLAIMCHECK_SRC_KB_SNAPSHOT_MEMBERS_H_

#include <cereal/types/map.hpp>
#include <cereal/types/optional.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include "base/member_count.h"
#include "claimcheck/concepts.h"
#include "claimcheck/knowledge.h"

namespace claimcheck {

// Every member of each item. A member added to one of these structs must be
// added here too; the member counts below fail the build until it is.
template <class Archive>
void serialize(Archive& ar, Concept& c) {
  ar(c.id, c.kind, c.label, c.synonyms, c.cased_synonyms, c.antonyms, c.is_a,
     c.better, c.category, c.mesh, c.scope, c.source, c.aliases, c.file,
     c.line);
}
template <class Archive>
void serialize(Archive& ar, Amount& a) {
  ar(a.min, a.max, a.unit, a.per, a.basis);
}
template <class Archive>
void serialize(Archive& ar, ClaimQualifiers& q) {
  ar(q.form, q.population, q.timing, q.dose, q.onset, q.outcome, q.comparators,
     q.other);
}
template <class Archive>
void serialize(Archive& ar, ClaimTriple& t) {
  ar(t.relation, t.object);
}
template <class Archive>
void serialize(Archive& ar, CuratedClaim& c) {
  ar(c.id, c.text, c.sheet_claim, c.kind, c.subject, c.relation, c.object,
     c.qualifiers, c.also, c.note, c.line);
}
template <class Archive>
void serialize(Archive& ar, Intervention& i) {
  ar(i.concept_id, i.concepts, i.form, i.dose);
}
template <class Archive>
void serialize(Archive& ar, CuratedEvidence& e) {
  ar(e.claim, e.stance, e.directness, e.note);
}
template <class Archive>
void serialize(Archive& ar, Study& s) {
  ar(s.id, s.pmid, s.pmcid, s.doi, s.first_author, s.year, s.journal, s.title,
     s.design, s.design_detail, s.population, s.n, s.intervention, s.comparator,
     s.outcome, s.finding, s.authors_certainty, s.authors_grade, s.risk_of_bias,
     s.funding_or_coi, s.includes, s.secondary_analysis_of, s.retracted,
     s.uncertain, s.read_via, s.urls, s.evidence, s.line);
}
template <class Archive>
void serialize(Archive& ar, ReferenceValue& r) {
  ar(r.id, r.kind, r.concept_id, r.amount, r.population, r.source, r.note,
     r.also_sources, r.intake_source, r.condition, r.group, r.line);
}

static_assert(MemberCount<Concept>() == 16, "serialize every member");
static_assert(MemberCount<Amount>() == 5, "serialize every member");
static_assert(MemberCount<ClaimQualifiers>() == 8, "serialize every member");
static_assert(MemberCount<ClaimTriple>() == 2, "serialize every member");
static_assert(MemberCount<CuratedClaim>() == 11, "serialize every member");
static_assert(MemberCount<Intervention>() == 4, "serialize every member");
static_assert(MemberCount<CuratedEvidence>() == 4, "serialize every member");
static_assert(MemberCount<Study>() == 28, "serialize every member");
static_assert(MemberCount<ReferenceValue>() == 12, "serialize every member");

}  // namespace claimcheck

#endif  // CLAIMCHECK_SRC_KB_SNAPSHOT_MEMBERS_H_
