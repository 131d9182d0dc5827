// JSON pieces that the library's JSON writers (summary) and the command's
// (query, audit) share, written through RapidJSON's pretty writer.
#ifndef CLAIMCHECK_REPORT_JSON_H_
#define CLAIMCHECK_REPORT_JSON_H_

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <vector>

#include "claimcheck/verdict.h"

namespace claimcheck {

using JsonOut = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

// The array [{path, verdict, certainty, links: [{subject, relation, object,
// verdict, certainty}]}] of mechanism chains (CLI.md's "chains").
void WriteChainsJson(JsonOut& w, const std::vector<Chain>& chains);

}  // namespace claimcheck

#endif  // CLAIMCHECK_REPORT_JSON_H_
