// The claim a user's free text makes, as `claimcheck query` reads it
// (ReadUserClaim, src/claims/user_claim.cc). For tests that ask the real kb in
// users' words.
#ifndef CLAIMCHECK_TESTS_VERDICT_USER_QUERY_H_
#define CLAIMCHECK_TESTS_VERDICT_USER_QUERY_H_

#include <cctype>
#include <optional>
#include <string>

#include "claimcheck/claims.h"
#include "claimcheck/knowledge.h"
#include "claimcheck/text.h"
#include "claimcheck/verdict.h"
#include "real_kb.h"

namespace claimcheck::testing {

inline std::optional<ClaimQuery> UserQuery(const std::string& text) {
  std::optional<UserClaim> read =
      ReadUserClaim(*RealKb().extractor, RealKb().vocabulary, text);
  if (!read) return std::nullopt;
  return QueryOf(read->claim);
}

// The curated claim's own triple, with its dose as a quantity.
inline ClaimQuery CuratedQuery(const CuratedClaim& c) {
  ClaimQuery q;
  q.kind = c.kind;
  q.subject = c.subject;
  q.relation = c.relation;
  q.object = c.object;
  q.population = c.qualifiers.population;
  if (c.qualifiers.dose && c.qualifiers.dose->max) {
    const Amount& a = *c.qualifiers.dose;
    Quantity quantity;
    quantity.max = *a.max;
    quantity.min = a.min.value_or(*a.max);
    quantity.unit = a.unit;
    quantity.per = a.per;
    quantity.basis = a.basis;
    q.quantity = quantity;
  }
  return q;
}

}  // namespace claimcheck::testing

#endif  // CLAIMCHECK_TESTS_VERDICT_USER_QUERY_H_
