// `claimcheck kb coverage`: what the curated knowledge base can answer —
// each intervention with its curated claims, their verdicts and how many
// studies speak to each, the reference values, and what the vocabulary
// alone covers (README, "What it covers"). Covered by tests/cli/cli_test.sh.
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "claimcheck/knowledge.h"
#include "claimcheck/report.h"
#include "claimcheck/verdict.h"
#include "cli.h"

namespace claimcheck::cli {

namespace {

struct Row {
  const CuratedClaim* claim = nullptr;
  Judgement judgement;
  std::size_t studies = 0;
};

// "upper limit 350 mg/day (adults)".
std::string ReferenceWords(const ReferenceValue& r) {
  std::string out = ReferenceKindName(r.kind);
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  if (r.amount) out += " " + AmountWords(*r.amount);
  if (!r.population.empty()) out += " (" + r.population + ")";
  return out;
}

std::string ClaimLine(const Vocabulary& v, const CuratedClaim& c) {
  std::string out = v.LabelOf(c.subject) + " " + c.relation;
  if (!c.object.empty()) out += " " + v.LabelOf(c.object);
  return out;
}

std::string Text(const KnowledgeBase& kb,
                 const std::map<std::string, std::vector<Row>>& by_subject,
                 std::size_t mesh, std::size_t curated, std::size_t alias) {
  const Vocabulary& v = kb.vocabulary();
  std::ostringstream out;
  out << "Curated evidence: " << kb.knowledge().claims().size() << " claims, "
      << kb.knowledge().studies().size()
      << " studies (kb/claims.json, kb/studies.json)\n";
  for (const auto& [subject, rows] : by_subject) {
    out << "\n" << v.LabelOf(subject) << " (" << subject << ")\n";
    for (const Row& r : rows) {
      out << "  " << VerdictName(r.judgement.verdict) << " ("
          << CertaintyName(r.judgement.certainty) << ")  "
          << ClaimLine(v, *r.claim) << "  [" << r.studies << " stud"
          << (r.studies == 1 ? "y" : "ies") << "]\n";
    }
  }
  out << "\nReference values (kb/reference_values.json)\n";
  for (const ReferenceValue& r : kb.knowledge().reference_values()) {
    out << "  " << v.LabelOf(r.concept_id) << ": " << ReferenceWords(r) << "  ["
        << r.source << "]\n";
  }
  out << "\nVocabulary: " << v.concepts().size() << " concepts that claims "
      << "can name (" << mesh << " MeSH 2024 descriptors, " << curated
      << " curated, " << alias
      << " consumer and supplement names), plus the substances of imported "
         "records.\nA claim on a concept above without a curated claim is "
         "answered from the store's imported records, or said to be outside "
         "the knowledge base: never guessed.\n";
  return out.str();
}

std::string Json(const KnowledgeBase& kb,
                 const std::map<std::string, std::vector<Row>>& by_subject,
                 std::size_t mesh, std::size_t curated, std::size_t alias) {
  const Vocabulary& v = kb.vocabulary();
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("interventions");
  w.StartArray();
  for (const auto& [subject, rows] : by_subject) {
    w.StartObject();
    w.Key("id");
    JsonString(w, subject);
    w.Key("label");
    JsonString(w, v.LabelOf(subject));
    w.Key("claims");
    w.StartArray();
    for (const Row& r : rows) {
      w.StartObject();
      w.Key("id");
      JsonString(w, r.claim->id);
      w.Key("kind");
      w.String(ClaimKindName(r.claim->kind));
      w.Key("relation");
      JsonString(w, r.claim->relation);
      w.Key("object");
      if (r.claim->object.empty()) {
        w.Null();
      } else {
        JsonString(w, r.claim->object);
      }
      w.Key("verdict");
      w.String(VerdictName(r.judgement.verdict));
      w.Key("certainty");
      w.String(CertaintyName(r.judgement.certainty));
      w.Key("studies");
      w.Uint64(r.studies);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("reference_values");
  w.StartArray();
  for (const ReferenceValue& r : kb.knowledge().reference_values()) {
    w.StartObject();
    w.Key("id");
    JsonString(w, r.id);
    w.Key("concept");
    JsonString(w, r.concept_id);
    w.Key("words");
    JsonString(w, ReferenceWords(r));
    w.Key("source");
    JsonString(w, r.source);
    w.EndObject();
  }
  w.EndArray();
  w.Key("vocabulary");
  w.StartObject();
  w.Key("concepts");
  w.Uint64(v.concepts().size());
  w.Key("mesh");
  w.Uint64(mesh);
  w.Key("curated");
  w.Uint64(curated);
  w.Key("alias");
  w.Uint64(alias);
  w.EndObject();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace

int RunKbCoverage(Context& context, const std::string& format) {
  PrepareToJudge(context);
  Loaded loaded;
  int exit_code = kExitOk;
  if (!LoadKb(context, /*judging=*/true, &loaded, &exit_code)) {
    return exit_code;
  }
  const KnowledgeBase& kb = *loaded.kb;
  // The curated knowledge alone: what a store adds is not "the kb".
  const VerdictEngine engine(kb.vocabulary(), kb.knowledge(), nullptr);
  std::map<std::string, std::vector<Row>> by_subject;
  for (const CuratedClaim& c : kb.knowledge().claims()) {
    ClaimQuery q;
    q.kind = c.kind;
    q.subject = c.subject;
    q.relation = c.relation;
    q.object = c.object;
    q.population = c.qualifiers.population;  // a dose for its own group
    Result<Judgement> j = engine.Judge(q);
    if (!j.ok()) return context.Fail(j.status());
    by_subject[c.subject].push_back(
        {&c, std::move(j).value(),
         kb.knowledge().StudiesForClaim(c.id).size()});
  }
  std::size_t mesh = 0, curated = 0, alias = 0;
  const Vocabulary& v = kb.vocabulary();
  for (std::size_t i = 0; i < v.concepts().size(); ++i) {
    switch (v.concepts().SourceAt(i)) {
      case ConceptSource::kMesh:
        ++mesh;
        break;
      case ConceptSource::kCurated:
        ++curated;
        break;
      case ConceptSource::kAlias:
        ++alias;
        break;
      default:
        break;
    }
  }
  return context.Emit(format == "json"
                          ? Json(kb, by_subject, mesh, curated, alias)
                          : Text(kb, by_subject, mesh, curated, alias));
}

}  // namespace claimcheck::cli
