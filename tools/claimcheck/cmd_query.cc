// `claimcheck query "CLAIM"` or `--subject ID --relation R --object ID`: one
// claim's verdict, certainty, evidence, chains and reasons
// (../shared/CLI.md). Covered by tests/cli/cli_test.sh and
// tests/verdict/query_cli_test.cc.
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "claimcheck/claims.h"
#include "claimcheck/knowledge.h"
#include "claimcheck/report_json.h"
#include "claimcheck/store.h"
#include "claimcheck/verdict.h"
#include "cli.h"
#include "concept_find.h"

namespace claimcheck::cli {

void JsonEvidence(JsonWriter& w, const Evidence& e) {
  w.StartObject();
  w.Key("source");
  w.StartObject();
  w.Key("id");
  JsonString(w, e.source.id);
  if (!e.source.pmid.empty()) {
    w.Key("pmid");
    JsonString(w, e.source.pmid);
  }
  if (!e.source.doi.empty()) {
    w.Key("doi");
    JsonString(w, e.source.doi);
  }
  if (!e.source.study.empty()) {
    w.Key("study");
    JsonString(w, e.source.study);
  }
  w.Key("design");
  w.String(DesignName(e.source.design));
  if (e.source.n) {
    w.Key("n");
    w.Int64(*e.source.n);
  }
  if (e.source.year) {
    w.Key("year");
    w.Int(*e.source.year);
  }
  if (!e.source.first_author.empty()) {
    w.Key("first_author");
    JsonString(w, e.source.first_author);
  }
  if (!e.source.title.empty()) {
    w.Key("title");
    JsonString(w, e.source.title);
  }
  if (e.source.retracted) {
    w.Key("retracted");
    w.Bool(true);
  }
  w.EndObject();
  w.Key("stance");
  w.String(StanceName(e.stance));
  w.Key("directness");
  w.String(DirectnessName(e.directness));
  w.Key("finding");
  JsonString(w, e.finding);
  w.Key("origin");
  w.String(e.curated ? "curated" : "imported");
  w.Key("on_claim");
  JsonString(w, e.on_claim);
  w.Key("studied");
  w.StartObject();
  w.Key("subject");
  JsonString(w, e.subject);
  w.Key("object");
  JsonString(w, e.object);
  w.EndObject();
  if (!e.note.empty()) {
    w.Key("note");
    JsonString(w, e.note);
  }
  if (!e.section.empty()) {
    w.Key("section");
    JsonString(w, e.section);
  }
  w.Key("indirect");
  w.StartArray();
  for (const std::string& s : e.indirect) JsonString(w, s);
  w.EndArray();
  w.Key("wrong_form");
  w.Bool(e.wrong_form);
  w.Key("weighed");
  w.Bool(e.weighed);
  if (e.weighed) {
    w.Key("level");
    w.String(CertaintyName(e.level));
  } else {
    w.Key("not_weighed");
    JsonString(w, e.not_weighed);
  }
  w.Key("steps");
  w.StartArray();
  for (const std::string& s : e.steps) JsonString(w, s);
  w.EndArray();
  w.EndObject();
}

// "dose": the amount a dose claim names against the reference values
// (docs/verdicts.md, "8. Doses against reference values").
void JsonDose(JsonWriter& w, const DoseReading& d) {
  w.Key("dose");
  w.StartObject();
  w.Key("amount");
  JsonString(w, d.amount);
  w.Key("daily_mg");
  if (d.daily_mg < 0) {
    w.Null();
  } else {
    w.Double(d.daily_mg);
  }
  w.Key("per_day_assumed");
  w.Bool(d.per_day_assumed);
  w.Key("converted");
  JsonString(w, d.converted);
  w.Key("upper_limit");
  if (d.upper_limit == nullptr) {
    w.Null();
  } else {
    const ReferenceValue& ul = *d.upper_limit;
    w.StartObject();
    w.Key("id");
    JsonString(w, ul.id);
    w.Key("concept");
    JsonString(w, d.limit_of);
    w.Key("mg_per_day");
    w.Double(d.limit_mg);
    w.Key("population");
    JsonString(w, ul.population);
    w.Key("sources");
    w.StartArray();
    JsonString(w, ul.source);
    for (const std::string& s : ul.also_sources) JsonString(w, s);
    w.EndArray();
    w.EndObject();
  }
  w.Key("above_upper_limit");
  w.Bool(d.above);
  w.EndObject();
}

void JsonJudgementFields(JsonWriter& w, const Judgement& j, bool with_flags) {
  w.Key("verdict");
  w.String(VerdictName(j.verdict));
  w.Key("certainty");
  w.String(CertaintyName(j.certainty));
  w.Key("plausible_mechanism");
  w.Bool(j.plausible_mechanism);
  if (with_flags) {
    w.Key("flags");
    w.StartArray();
    for (const std::string& f : j.flags) JsonString(w, f);
    w.EndArray();
  }
  w.Key("evidence");
  w.StartArray();
  for (const Evidence& e : j.evidence) JsonEvidence(w, e);
  w.EndArray();
  w.Key("chains");
  WriteChainsJson(w, j.chains);
  if (j.dose) JsonDose(w, *j.dose);
  w.Key("reasons");
  w.StartArray();
  for (const std::string& r : j.reasons) JsonString(w, r);
  w.EndArray();
}

namespace {

struct QueryArgs {
  std::string text;
  ClaimQuery query;
  bool by_ids = false;
  std::vector<VerdictWord> fail_on;
};

// A relation word the claim's kind has (CLI.md, docs/claims.md). Without
// --kind, a relation only another kind has picks that kind ("onset_within":
// onset). A word no kind has ("improves") is a usage error that lists the
// words there are, rather than a verdict on a claim no source can make.
bool CheckRelation(const Context& context, bool kind_unsaid, ClaimQuery* q,
                   int* exit_code) {
  auto has = [&](ClaimKind kind) {
    const std::vector<std::string>& words = RelationsOf(kind);
    return std::find(words.begin(), words.end(), q->relation) != words.end();
  };
  if (has(q->kind)) return true;
  if (kind_unsaid) {
    for (ClaimKind kind : AllClaimKinds()) {
      if (has(kind)) {
        q->kind = kind;
        return true;
      }
    }
  }
  std::string words;
  for (const std::string& w : RelationsOf(q->kind)) {
    words += (words.empty() ? "" : ", ") + w;
  }
  const std::string kind = ClaimKindName(q->kind);
  const bool vowel = kind.find_first_of("aeiou") == 0;
  *exit_code = context.Usage(
      "unknown relation '" + q->relation + "' for " + (vowel ? "an " : "a ") +
      kind + " claim: use one of " + words +
      " (\"improves sleep\" is increases sleep; or say the claim in words: "
      "claimcheck query \"magnesium improves sleep\")");
  return false;
}

bool ParseQueryArgs(const Context& context, QueryArgs* out, int* exit_code) {
  std::string kind;
  for (std::size_t i = 0; i < context.args.size(); ++i) {
    const std::string& a = context.args[i];
    auto value = [&](std::string* v) {
      if (i + 1 >= context.args.size()) {
        *exit_code = context.Usage(a + " needs a value");
        return false;
      }
      *v = context.args[++i];
      return true;
    };
    if (a == "--subject") {
      if (!value(&out->query.subject)) return false;
      out->by_ids = true;
    } else if (a == "--relation") {
      if (!value(&out->query.relation)) return false;
      out->by_ids = true;
    } else if (a == "--object") {
      if (!value(&out->query.object)) return false;
      out->by_ids = true;
    } else if (a == "--kind") {
      if (!value(&kind)) return false;
    } else if (a == "--fail-on") {
      std::string list;
      if (!value(&list)) return false;
      if (!ParseFailOn(context, list, &out->fail_on, exit_code)) return false;
    } else if (a.size() > 1 && a[0] == '-' && a[1] == '-') {
      *exit_code = context.Usage("unknown option '" + a + "'");
      return false;
    } else if (out->text.empty()) {
      out->text = a;
    } else {
      *exit_code = context.Usage("give the claim as one argument, in quotes");
      return false;
    }
  }
  if (out->by_ids == !out->text.empty()) {
    *exit_code = context.Usage(
        out->by_ids ? "give either a claim text or --subject/--relation/"
                      "--object, not both"
                    : "give a claim: \"CLAIM TEXT\" or --subject ID "
                      "--relation R --object ID");
    return false;
  }
  if (out->by_ids) {
    if (out->query.subject.empty() || out->query.relation.empty()) {
      *exit_code = context.Usage("--subject and --relation are required");
      return false;
    }
    if (!kind.empty()) {
      std::optional<ClaimKind> k = ParseClaimKind(kind);
      if (!k) {
        *exit_code = context.Usage("unknown claim kind '" + kind + "'");
        return false;
      }
      out->query.kind = *k;
    }
    if (!CheckRelation(context, kind.empty(), &out->query, exit_code)) {
      return false;
    }
  }
  return true;
}

// Why a query text gave no claim, and what to do (docs/reports.md, "Query
// answers"): the concepts it was read to name, or the words that name
// none, with the vocabulary's nearest names.
std::string NoClaimMessage(const KnowledgeBase& kb, const Text& text,
                           const std::string& asked) {
  const Vocabulary& vocabulary = kb.vocabulary();
  const ClaimExtractor& extractor = kb.extractor();
  const std::vector<Mention> mentions = extractor.matcher().Match(text);
  std::string named;
  bool intervention = false;
  std::vector<bool> covered(text.str().size(), false);
  for (const Mention& m : mentions) {
    if (m.target == nullptr) continue;
    intervention |= m.target->kind == ConceptKind::kIntervention;
    named += (named.empty() ? "" : ", ") + m.target->label + " (" +
             ConceptKindName(m.target->kind) + ")";
    for (std::size_t i = m.start; i < m.end; ++i) covered[i] = true;
  }
  std::string out = "no claim found in \"" + asked + "\"";
  // Words no concept covers that are near a name the vocabulary has.
  std::string unknown;
  if (!intervention) {
    for (const Token& token : Tokenize(text.str())) {
      const std::string_view word =
          std::string_view(text.str())
              .substr(token.start, token.end - token.start);
      if (word.size() < 6 || covered[token.start]) continue;
      const auto near = NearNames(vocabulary, word);
      std::string options;
      for (std::size_t i = 0; i < near.size() && i < 3; ++i) {
        if (near[i].second->kind != ConceptKind::kIntervention) continue;
        options += (options.empty() ? "" : ", ") + near[i].first;
      }
      if (!options.empty()) {
        unknown += "; '" + std::string(word) +
                   "' is not a name claimcheck knows: did you mean " + options +
                   "?";
      }
    }
  }
  if (!unknown.empty()) return out + unknown;
  if (intervention) {
    return out + ": it names " + named +
           " but says nothing the claim extractor reads about what one "
           "does to another; say it as \"magnesium improves sleep\" or "
           "\"does magnesium reduce anxiety?\", or use "
           "--subject/--relation/--object (claimcheck concepts --find TEXT "
           "gives a concept's id)";
  }
  return out +
         (named.empty() ? ": it names no intervention the vocabulary "
                          "knows"
                        : ": it names " + named + " but no intervention") +
         " (claimcheck concepts --find TEXT looks a name up); name one and "
         "what it does (\"magnesium improves sleep\"), or use "
         "--subject/--relation/--object";
}

// The claim a free text makes: the first claim with something to judge,
// its misspelt names read as the names they are near (ReadUserClaim,
// src/claims/user_claim.cc); NoClaimMessage says why there is none.
bool QueryFromText(const Context& context, const KnowledgeBase& kb,
                   const std::string& text, ClaimQuery* query, int* exit_code) {
  std::optional<UserClaim> read =
      ReadUserClaim(kb.extractor(), kb.vocabulary(), text);
  if (read) {
    const Claim& c = read->claim;
    *query = QueryOf(c);
    // How the words were read, as typed to as judged (docs/reports.md).
    const std::pair<const std::vector<std::pair<std::string, std::string>>*,
                    const char*>
        readings[] = {
            {&read->taken_as,
             ": a question about taking it, not the body's own"},
            {&read->respelt, ", the nearest word the claim extractor reads"},
            {&read->forms, ", the form of what the text names"},
            {&read->paraphrased, " (kb/lexicon.tsv, paraphrases)"},
            {&read->corrected, ", the nearest name claimcheck knows"}};
    for (const auto& [pairs, why] : readings) {
      for (const auto& [typed, as] : *pairs) {
        context.Warn("read '" + typed + "' as '" + as + "'" + why);
      }
    }
    if (read->claims > 1) {
      context.Warn("the text makes " + std::to_string(read->claims) +
                   " claims; judging the first: " + ClaimLine(read->text, c));
    }
    return true;
  }
  Diagnostics warnings;
  Result<Text> t = Text::FromBytes(text, "query", &warnings);
  if (!t.ok()) {
    *exit_code = context.Fail(t.status());
    return false;
  }
  *exit_code = context.Usage(NoClaimMessage(kb, t.value(), text));
  return false;
}

// --- JSON and text ---

std::string Json(const Judgement& j) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("claim");
  w.StartObject();
  w.Key("subject");
  JsonString(w, j.claim.subject);
  w.Key("relation");
  JsonString(w, j.claim.relation);
  w.Key("object");
  if (j.claim.object.empty()) {
    w.Null();
  } else {
    JsonString(w, j.claim.object);
  }
  w.Key("kind");
  w.String(ClaimKindName(j.claim.kind));
  if (j.claim.negated) {
    w.Key("negated");
    w.Bool(true);
  }
  w.EndObject();
  JsonJudgementFields(w, j, true);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace

int RunQuery(Context& context) {
  std::string format;
  if (!context.Format({"text", "json"}, "text", &format)) return kExitUsage;
  QueryArgs args;
  int exit_code = kExitOk;
  if (!ParseQueryArgs(context, &args, &exit_code)) return exit_code;

  PrepareToJudge(context);
  Loaded loaded;
  if (!LoadKb(context, /*judging=*/true, &loaded, &exit_code)) {
    return exit_code;
  }
  const Vocabulary& vocabulary = loaded.kb->vocabulary();
  if (!args.by_ids &&
      !QueryFromText(context, *loaded.kb, args.text, &args.query, &exit_code)) {
    return exit_code;
  }
  VerdictEngine engine(vocabulary, loaded.kb->knowledge(), loaded.store.get());
  Result<Judgement> judged = engine.Judge(args.query);
  if (!judged.ok()) return context.Fail(judged.status());
  const Judgement& j = judged.value();

  const bool colour = UseColour(context, format);
  const int emitted = context.Emit(
      format == "json" ? Json(j) : QueryText(j, vocabulary, colour));
  if (emitted != kExitOk) return emitted;
  for (VerdictWord v : args.fail_on) {
    if (v == j.verdict) return context.Finish(kExitFailOn);
  }
  return context.Finish(kExitOk);
}

}  // namespace claimcheck::cli
