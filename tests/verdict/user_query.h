// The claim a user's free text makes, as `claimcheck query` reads it
// (ReadUserClaim, src/claims/user_claim.cc). For tests that ask the real kb in users' words.
#ifndef CLAIMCHECK_TESTS_VERDICT_USER_QUERY_H_
#define CLAIMCHECK_TESTS_VERDICT_USER_QUERY_H_

#include <cctype>
#include <optional>
#include <string>

#include "claimcheck/claims.h"
#include "claimcheck/text.h"
#include "claimcheck/verdict.h"
#include "real_kb.h"

namespace claimcheck::testing {

inline std::optional<ClaimQuery> UserQuery(const std::string& text) {
  std::optional<UserClaim> read =
      ReadUserClaim(*RealKb().extractor, RealKb().vocabulary, text);
  if (!read) return std::nullopt;
  const Claim& c = read->claim;
  ClaimQuery q;
  q.kind = c.kind;
  q.subject = c.subject->id;
  q.relation = c.relation;
  q.object = c.object != nullptr ? c.object->id : "";
  q.quantity = c.quantity;
  return q;
}

}  // namespace claimcheck::testing

#endif  // CLAIMCHECK_TESTS_VERDICT_USER_QUERY_H_
