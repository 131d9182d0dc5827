// `claimcheck kb check`: lint the curated knowledge base; `claimcheck kb
// stats`: count what it holds.
// Covered by tests/cli/cli_test.sh and tests/kb/kb_check_test.cc.
#include <algorithm>
#include <iomanip>
#include <sstream>
#include <utility>

#include "claimcheck/kb.h"
#include "claimcheck/knowledge.h"
#include "cli.h"

namespace claimcheck::cli {

namespace {

int RunKbCheck(Context& context, const std::string& format) {
  const std::string kb = context.KbDir();
  Diagnostics problems;
  CheckKnowledgeBase(kb, &problems);
  Vocabulary vocabulary;
  Diagnostics ignored;
  Vocabulary::Load(kb, &vocabulary, &ignored);
  std::string report;
  if (format == "json") {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.SetIndent(' ', 2);
    w.StartObject();
    w.Key("kb");
    JsonString(w, kb);
    w.Key("concepts");
    w.Uint64(vocabulary.concepts().size());
    w.Key("ok");
    w.Bool(problems.empty());
    w.Key("problems");
    JsonDiagnostics(w, problems);
    w.EndObject();
    report = std::string(buffer.GetString(), buffer.GetSize()) + "\n";
  } else {
    std::ostringstream out;
    for (const Diagnostic& d : problems) out << d.ToString() << "\n";
    out << kb << ": " << vocabulary.concepts().size() << " concepts, "
        << problems.size() << (problems.size() == 1 ? " problem" : " problems")
        << "\n";
    report = out.str();
  }
  const int emitted = context.Emit(report);
  if (emitted != kExitOk) return emitted;
  return problems.empty() ? kExitOk : kExitUsage;
}

// One breakdown of a count: (word, count) in enum order, zeros included.
using Breakdown = std::vector<std::pair<std::string, std::size_t>>;

template <typename E, typename Items, typename Key>
Breakdown CountBy(const std::vector<E>& all, const char* (*name)(E),
                  const Items& items, Key key) {
  Breakdown counts;
  for (E value : all) {
    const auto n =
        std::count_if(items.begin(), items.end(),
                      [&](const auto& i) { return key(i) == value; });
    counts.emplace_back(name(value), static_cast<std::size_t>(n));
  }
  return counts;
}

struct KbStats {
  std::size_t concepts = 0;
  Breakdown concepts_by_kind;
  Breakdown concepts_by_source;
  Breakdown concepts_by_scope;
  std::string mesh_year;
  std::size_t claims = 0;
  Breakdown claims_by_kind;
  std::size_t studies = 0;
  Breakdown studies_by_design;
  std::size_t retracted = 0;
  std::size_t evidence = 0;
  Breakdown evidence_by_stance;
  Breakdown evidence_by_directness;
  std::size_t studies_per_claim_min = 0;
  std::size_t studies_per_claim_max = 0;
  std::size_t claims_without_evidence = 0;
  std::size_t reference_values = 0;
  Breakdown reference_values_by_kind;
};

KbStats Count(const Vocabulary& vocabulary, const Knowledge& knowledge) {
  KbStats s;
  s.concepts = vocabulary.concepts().size();
  static const std::vector<ConceptKind> kConceptKinds = {
      ConceptKind::kIntervention, ConceptKind::kMechanism,
      ConceptKind::kOutcome};
  s.concepts_by_kind =
      CountBy(kConceptKinds, ConceptKindName, vocabulary.concepts(),
              [](const Concept& c) { return c.kind; });
  s.concepts_by_source =
      CountBy({ConceptSource::kCurated, ConceptSource::kAlias,
               ConceptSource::kMesh, ConceptSource::kHarvested},
              ConceptSourceName, vocabulary.concepts(),
              [](const Concept& c) { return c.source; });
  s.concepts_by_scope =
      CountBy({ConceptScope::kArgument, ConceptScope::kClass,
               ConceptScope::kPopulation, ConceptScope::kOther},
              ConceptScopeName, vocabulary.concepts(),
              [](const Concept& c) { return c.scope; });
  s.mesh_year = vocabulary.mesh_year();
  s.claims = knowledge.claims().size();
  s.claims_by_kind = CountBy(AllClaimKinds(), ClaimKindName, knowledge.claims(),
                             [](const CuratedClaim& c) { return c.kind; });
  s.studies = knowledge.studies().size();
  s.studies_by_design = CountBy(AllDesigns(), DesignName, knowledge.studies(),
                                [](const Study& st) { return st.design; });
  std::vector<CuratedEvidence> evidence;
  for (const Study& study : knowledge.studies()) {
    if (study.retracted) ++s.retracted;
    evidence.insert(evidence.end(), study.evidence.begin(),
                    study.evidence.end());
  }
  s.evidence = evidence.size();
  s.evidence_by_stance =
      CountBy(AllStances(), StanceName, evidence,
              [](const CuratedEvidence& e) { return e.stance; });
  s.evidence_by_directness =
      CountBy(AllDirectness(), DirectnessName, evidence,
              [](const CuratedEvidence& e) { return e.directness; });
  for (std::size_t i = 0; i < knowledge.claims().size(); ++i) {
    const std::size_t n =
        knowledge.StudiesForClaim(knowledge.claims()[i].id).size();
    if (n == 0) ++s.claims_without_evidence;
    s.studies_per_claim_min = i == 0 ? n : std::min(s.studies_per_claim_min, n);
    s.studies_per_claim_max = std::max(s.studies_per_claim_max, n);
  }
  s.reference_values = knowledge.reference_values().size();
  s.reference_values_by_kind = CountBy(
      AllReferenceKinds(), ReferenceKindName, knowledge.reference_values(),
      [](const ReferenceValue& r) { return r.kind; });
  return s;
}

void JsonUint(JsonWriter& w, const char* key, std::size_t n) {
  w.Key(key);
  w.Uint64(n);
}

void JsonBreakdown(JsonWriter& w, const char* key, const Breakdown& counts) {
  w.Key(key);
  w.StartObject();
  for (const auto& [word, n] : counts) JsonUint(w, word.c_str(), n);
  w.EndObject();
}

// "key": {"total": N, "<by>": {…}}, the object left open for more members.
void JsonOpenCount(JsonWriter& w, const char* key, std::size_t total,
                   const char* by, const Breakdown& counts) {
  w.Key(key);
  w.StartObject();
  JsonUint(w, "total", total);
  JsonBreakdown(w, by, counts);
}

std::string StatsJson(const KbStats& s) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  JsonOpenCount(w, "concepts", s.concepts, "by_kind", s.concepts_by_kind);
  JsonBreakdown(w, "by_source", s.concepts_by_source);
  JsonBreakdown(w, "by_scope", s.concepts_by_scope);
  w.Key("mesh_year");
  JsonString(w, s.mesh_year);
  w.EndObject();
  JsonOpenCount(w, "claims", s.claims, "by_kind", s.claims_by_kind);
  w.EndObject();
  JsonOpenCount(w, "studies", s.studies, "by_design", s.studies_by_design);
  JsonUint(w, "retracted", s.retracted);
  w.EndObject();
  JsonOpenCount(w, "evidence", s.evidence, "by_stance", s.evidence_by_stance);
  JsonBreakdown(w, "by_directness", s.evidence_by_directness);
  w.EndObject();
  w.Key("studies_per_claim");
  w.StartObject();
  JsonUint(w, "min", s.studies_per_claim_min);
  JsonUint(w, "max", s.studies_per_claim_max);
  JsonUint(w, "claims_without_evidence", s.claims_without_evidence);
  w.EndObject();
  JsonOpenCount(w, "reference_values", s.reference_values, "by_kind",
                s.reference_values_by_kind);
  w.EndObject();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

// "label   N" with the numbers right-aligned in one column.
void TextRow(std::ostream& out, int indent, const std::string& label,
             std::size_t n) {
  const std::string left = std::string(indent, ' ') + label;
  out << left << std::string(left.size() < 26 ? 26 - left.size() : 1, ' ')
      << std::setw(5) << n << "\n";
}

// A total and its non-zero parts.
void TextCount(std::ostream& out, const std::string& label, std::size_t total,
               const Breakdown& breakdown) {
  TextRow(out, 0, label, total);
  for (const auto& [word, n] : breakdown) {
    if (n > 0) TextRow(out, 2, word, n);
  }
}

std::string StatsText(const KbStats& s) {
  std::ostringstream out;
  TextCount(out, "concepts", s.concepts, s.concepts_by_kind);
  TextCount(out, "concepts by source", s.concepts, s.concepts_by_source);
  TextCount(out, "concepts by scope", s.concepts, s.concepts_by_scope);
  if (!s.mesh_year.empty()) {
    out << "MeSH year" << std::string(17, ' ') << std::setw(5) << s.mesh_year
        << "\n";
  }
  TextCount(out, "claims", s.claims, s.claims_by_kind);
  TextCount(out, "studies", s.studies, s.studies_by_design);
  TextRow(out, 0, "retracted studies", s.retracted);
  TextCount(out, "evidence by stance", s.evidence, s.evidence_by_stance);
  TextCount(out, "evidence by directness", s.evidence,
            s.evidence_by_directness);
  out << "studies per claim\n";
  TextRow(out, 2, "min", s.studies_per_claim_min);
  TextRow(out, 2, "max", s.studies_per_claim_max);
  TextRow(out, 2, "claims without evidence", s.claims_without_evidence);
  TextCount(out, "reference values", s.reference_values,
            s.reference_values_by_kind);
  return out.str();
}

int RunKbStats(Context& context, const std::string& format) {
  const std::string kb = context.KbDir();
  Vocabulary vocabulary;
  Diagnostics problems;
  Status loaded = Vocabulary::Load(kb, &vocabulary, &problems);
  Knowledge knowledge;
  if (loaded.ok()) {
    loaded = Knowledge::Load(kb, vocabulary, &knowledge, &problems);
  }
  for (const Diagnostic& d : problems) context.Error(d.ToString());
  if (!loaded.ok()) return context.Fail(loaded);
  const KbStats stats = Count(vocabulary, knowledge);
  return context.Emit(format == "json" ? StatsJson(stats) : StatsText(stats));
}

}  // namespace

int RunKb(Context& context) {
  if (context.args.empty()) {
    return context.Usage("expects a subcommand: check, stats or coverage");
  }
  const std::string sub = context.args[0];
  context.command = "kb " + sub;
  if (context.args.size() > 1) {
    return context.Usage("unexpected argument " + context.args[1]);
  }
  std::string format;
  if (!context.Format({"text", "json"}, "text", &format)) return kExitUsage;
  if (sub == "check") return RunKbCheck(context, format);
  if (sub == "stats") return RunKbStats(context, format);
  if (sub == "coverage") return RunKbCoverage(context, format);
  return context.Usage("no such subcommand '" + sub +
                       "' (try: check, stats, coverage)");
}

}  // namespace claimcheck::cli
