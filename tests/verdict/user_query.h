// The claim a user's free text makes, as `claimcheck query` reads it
// (tools/claimcheck/cmd_query.cc, QueryFromText): the first claim that is
// not a composition claim. For tests that ask the real kb in users' words.
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

inline std::optional<ClaimQuery> UserQuery(std::string text) {
  if (!text.empty() && !std::ispunct(static_cast<unsigned char>(text.back())))
    text += '.';
  Diagnostics warnings;
  Result<Text> t = Text::FromBytes(text, "query", &warnings);
  if (!t.ok()) return std::nullopt;
  for (const Claim& c : RealKb().extractor->Extract(t.value())) {
    if (c.kind == ClaimKind::kComposition) continue;
    ClaimQuery q;
    q.kind = c.kind;
    q.subject = c.subject->id;
    q.relation = c.relation;
    q.object = c.object != nullptr ? c.object->id : "";
    q.quantity = c.quantity;
    return q;
  }
  return std::nullopt;
}

}  // namespace claimcheck::testing

#endif  // CLAIMCHECK_TESTS_VERDICT_USER_QUERY_H_
