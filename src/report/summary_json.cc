// SummaryJson: an evidence summary as JSON, through RapidJSON's writer.
// Covered by tests/report/summary_test.cc.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "claimcheck/report_json.h"
#include "claimcheck/summary.h"

namespace claimcheck {

namespace {

using Writer = JsonOut;

void String(Writer& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void WriteConcept(Writer& w, const Vocabulary& vocabulary,
                  const std::string& id) {
  w.StartObject();
  w.Key("id");
  String(w, id);
  w.Key("label");
  String(w, vocabulary.LabelOf(id));
  const claimcheck::Concept* c = vocabulary.Find(id);
  if (c != nullptr) {
    w.Key("kind");
    w.String(ConceptKindName(c->kind));
  }
  w.EndObject();
}

void Numbers(Writer& w, const std::vector<std::size_t>& numbers) {
  w.StartArray();
  for (const std::size_t n : numbers) w.Uint64(n);
  w.EndArray();
}

void Row(Writer& w, const SummaryRow& row) {
  w.StartObject();
  w.Key("claim");
  w.StartObject();
  w.Key("subject");
  String(w, row.claim.subject);
  w.Key("relation");
  String(w, row.claim.relation);
  w.Key("object");
  if (row.claim.object.empty()) {
    w.Null();
  } else {
    String(w, row.claim.object);
  }
  w.Key("kind");
  w.String(ClaimKindName(row.claim.kind));
  w.EndObject();
  if (!row.text.empty()) {
    w.Key("text");
    String(w, row.text);
  }
  w.Key("curated_claims");
  w.StartArray();
  for (const std::string& id : row.curated_claims) String(w, id);
  w.EndArray();
  w.Key("documents");
  w.Int64(row.documents);
  w.Key("verdict");
  w.String(VerdictName(row.verdict));
  w.Key("certainty");
  w.String(CertaintyName(row.certainty));
  w.Key("plausible_mechanism");
  w.Bool(row.plausible_mechanism);
  w.Key("flags");
  w.StartArray();
  for (const std::string& f : row.flags) String(w, f);
  w.EndArray();
  w.Key("studies");
  w.Uint64(row.studies);
  w.Key("supporting");
  w.Uint64(row.supporting);
  w.Key("against");
  w.Uint64(row.against);
  w.Key("mixed");
  w.Uint64(row.mixed);
  w.Key("participants");
  w.Int64(row.participants);
  w.Key("studies_without_n");
  w.Uint64(row.studies_without_n);
  w.Key("unlisted_documents");
  w.Int64(row.unlisted);
  w.Key("key_citations");
  Numbers(w, row.key_citations);
  w.Key("citations");
  Numbers(w, row.citations);
  w.Key("sentence");
  String(w, row.sentence);
  w.EndObject();
}

void Rows(Writer& w, const char* key, const std::vector<SummaryRow>& rows) {
  w.Key(key);
  w.StartArray();
  for (const SummaryRow& row : rows) Row(w, row);
  w.EndArray();
}

void Reference(Writer& w, std::size_t number, const EvidenceSource& s) {
  w.StartObject();
  w.Key("number");
  w.Uint64(number);
  w.Key("id");
  String(w, s.id);
  for (const auto& [key, value] :
       {std::pair<const char*, const std::string*>{"pmid", &s.pmid},
        {"doi", &s.doi},
        {"study", &s.study},
        {"first_author", &s.first_author},
        {"title", &s.title}}) {
    if (value->empty()) continue;
    w.Key(key);
    String(w, *value);
  }
  w.Key("design");
  w.String(DesignName(s.design));
  if (s.n) {
    w.Key("n");
    w.Int64(*s.n);
  }
  if (s.year) {
    w.Key("year");
    w.Int(*s.year);
  }
  if (s.retracted) {
    w.Key("retracted");
    w.Bool(true);
  }
  w.EndObject();
}

}  // namespace

std::string SummaryJson(const EvidenceSummary& summary,
                        const Vocabulary& vocabulary) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("concept");
  WriteConcept(w, vocabulary, summary.concept_id);
  w.Key("forms");
  w.StartArray();
  for (const std::string& id : summary.forms) String(w, id);
  w.EndArray();
  w.Key("with_store");
  w.Bool(summary.with_store);
  Rows(w, "outcomes", summary.outcomes);
  Rows(w, "mechanisms", summary.mechanisms);
  Rows(w, "other", summary.other);
  w.Key("chains");
  WriteChainsJson(w, summary.chains);
  w.Key("references");
  w.StartArray();
  for (std::size_t i = 0; i < summary.references.size(); ++i) {
    Reference(w, i + 1, summary.references[i]);
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

void WriteChainsJson(JsonOut& w, const std::vector<Chain>& chains) {
  w.StartArray();
  for (const Chain& c : chains) {
    w.StartObject();
    w.Key("path");
    w.StartArray();
    for (const std::string& id : c.path) String(w, id);
    w.EndArray();
    w.Key("verdict");
    w.String(VerdictName(c.verdict));
    w.Key("certainty");
    w.String(CertaintyName(c.certainty));
    w.Key("links");
    w.StartArray();
    for (const ChainLink& l : c.links) {
      w.StartObject();
      w.Key("subject");
      String(w, l.subject);
      w.Key("relation");
      String(w, l.relation);
      w.Key("object");
      String(w, l.object);
      w.Key("verdict");
      w.String(VerdictName(l.verdict));
      w.Key("certainty");
      w.String(CertaintyName(l.certainty));
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace claimcheck
