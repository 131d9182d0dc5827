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

// The claim a free text makes: the first claim with something to judge.
// `extractor` reads it.
bool QueryFromText(const Context& context, const ClaimExtractor& extractor,
                   const std::string& text, ClaimQuery* query, int* exit_code) {
  // A line without final punctuation would read as a heading.
  std::string sentence = text;
  while (!sentence.empty() &&
         std::isspace(static_cast<unsigned char>(sentence.back()))) {
    sentence.pop_back();
  }
  if (!sentence.empty() &&
      !std::ispunct(static_cast<unsigned char>(sentence.back()))) {
    sentence += '.';
  }
  Diagnostics warnings;
  Result<Text> t = Text::FromBytes(sentence, "query", &warnings);
  if (!t.ok()) {
    *exit_code = context.Fail(t.status());
    return false;
  }
  const std::vector<Claim> claims = extractor.Extract(t.value());
  for (const Claim& c : claims) {
    if (c.kind == ClaimKind::kComposition) continue;
    query->kind = c.kind;
    query->subject = c.subject->id;
    query->relation = c.relation;
    query->object = c.object != nullptr ? c.object->id : "";
    query->quantity = c.quantity;
    if (claims.size() > 1) {
      context.Warn("the text makes " + std::to_string(claims.size()) +
                   " claims; judging the first: " + ClaimLine(t.value(), c));
    }
    return true;
  }
  *exit_code = context.Usage(
      "no claim found in \"" + text +
      "\": name an intervention and what it does (\"magnesium improves "
      "sleep\"), or use --subject/--relation/--object");
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
  w.EndObject();
  JsonJudgementFields(w, j, true);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

// --- Text -----------------------------------------------------------------

std::string Text(const Judgement& j, const Vocabulary& v, bool colour) {
  std::ostringstream out;
  out << v.LabelOf(j.claim.subject) << " " << j.claim.relation;
  if (!j.claim.object.empty()) out << " " << v.LabelOf(j.claim.object);
  out << "  (" << ClaimKindName(j.claim.kind) << " claim)\n";
  out << AnsiPaint(colour, VerdictCapitals(j.verdict),
                   VerdictAnsiColour(j.verdict))
      << "  certainty: " << CertaintyName(j.certainty);
  if (j.plausible_mechanism) out << "  (plausible mechanism)";
  for (const std::string& f : j.flags) out << "  [" << f << "]";
  out << "\n\n";

  std::size_t weighed = 0;
  for (const Evidence& e : j.evidence) weighed += e.weighed;
  out << "Evidence: " << j.evidence.size() << " sources, " << weighed
      << " weighed\n";
  for (const Evidence& e : j.evidence) {
    std::string id = !e.source.pmid.empty()  ? "PMID " + e.source.pmid
                     : !e.source.doi.empty() ? "doi " + e.source.doi
                                             : e.source.id;
    char line[256];
    std::snprintf(
        line, sizeof line, "  %-9s %-18s %-22s %-6s %4s  ",
        StanceName(e.stance), DesignName(e.source.design),
        Excerpt(id, 22).c_str(),
        e.source.n ? ("n=" + std::to_string(*e.source.n)).c_str() : "",
        e.source.year ? std::to_string(*e.source.year).c_str() : "");
    out << line
        << (e.weighed ? CertaintyName(e.level)
                      : "not weighed: " + Excerpt(e.not_weighed, 40))
               .c_str()
        << "\n";
    std::string who =
        e.source.first_author.empty() ? "" : e.source.first_author + ": ";
    out << "            " << Excerpt(who + e.finding, 100) << "\n";
    for (const std::string& s : e.indirect) {
      out << "            indirect: " << s << "\n";
    }
  }
  if (!j.chains.empty()) {
    out << "\nMechanism chains (never stronger than their weakest link):\n";
    for (const Chain& c : j.chains) {
      out << "  ";
      for (std::size_t i = 0; i < c.path.size(); ++i) {
        out << (i ? " -> " : "") << v.LabelOf(c.path[i]);
      }
      out << ": " << VerdictName(c.verdict) << " ("
          << CertaintyName(c.certainty) << ")\n";
      for (const ChainLink& l : c.links) {
        out << "      " << v.LabelOf(l.subject) << " " << l.relation << " "
            << v.LabelOf(l.object) << ": " << VerdictName(l.verdict) << " ("
            << CertaintyName(l.certainty) << ")\n";
      }
    }
  }
  out << "\nWhy:\n";
  for (const std::string& r : j.reasons) out << "  - " << r << "\n";
  return out.str();
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
  if (!args.by_ids && !QueryFromText(context, loaded.kb->extractor(), args.text,
                                     &args.query, &exit_code)) {
    return exit_code;
  }
  VerdictEngine engine(vocabulary, loaded.kb->knowledge(), loaded.store.get());
  Result<Judgement> judged = engine.Judge(args.query);
  if (!judged.ok()) return context.Fail(judged.status());
  const Judgement& j = judged.value();

  const bool colour = UseColour(context, format);
  const int emitted =
      context.Emit(format == "json" ? Json(j) : Text(j, vocabulary, colour));
  if (emitted != kExitOk) return emitted;
  for (VerdictWord v : args.fail_on) {
    if (v == j.verdict) return context.Finish(kExitFailOn);
  }
  return context.Finish(kExitOk);
}

}  // namespace claimcheck::cli
