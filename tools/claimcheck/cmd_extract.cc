// `claimcheck extract FILE`: the document and the claims it makes, without
// verdicts (../shared/CLI.md). Covered by tests/cli/cli_test.sh.
#include <set>
#include <sstream>
#include <utility>

#include "claimcheck/claims.h"
#include "claimcheck/concepts.h"
#include "claimcheck/document.h"
#include "claimcheck/importer.h"
#include "claimcheck/text.h"
#include "cli.h"

namespace claimcheck::cli {

namespace {

void JsonConcept(JsonWriter& w, const Concept* c) {
  w.StartObject();
  w.Key("id");
  JsonString(w, c->id);
  w.Key("label");
  JsonString(w, c->label);
  w.Key("kind");
  w.String(ConceptKindName(c->kind));
  if (IsLiteral(c)) {
    // Words the vocabulary does not know (docs/claims.md).
    w.Key("literal");
    w.Bool(true);
  }
  w.EndObject();
}

void JsonQuantity(JsonWriter& w, const Quantity& q) {
  w.StartObject();
  w.Key("min");
  w.Double(q.min);
  w.Key("max");
  w.Double(q.max);
  w.Key("unit");
  JsonString(w, q.unit);
  if (!q.per.empty()) {
    w.Key("per");
    JsonString(w, q.per);
  }
  if (!q.basis.empty()) {
    w.Key("basis");
    JsonString(w, q.basis);
  }
  if (!q.bound.empty()) {
    w.Key("bound");
    JsonString(w, q.bound);
  }
  w.EndObject();
}

}  // namespace

// Shared with `audit`: a citation's identifiers, offsets and sentence.
void JsonCitationFields(JsonWriter& w, const Citation& c,
                        std::size_t sentence) {
  for (const auto& [key, value] :
       {std::pair<const char*, const std::string*>{"pmid", &c.pmid},
        {"doi", &c.doi},
        {"pmcid", &c.pmcid},
        {"url", &c.url},
        {"text", &c.text}}) {
    if (value->empty()) continue;
    w.Key(key);
    JsonString(w, *value);
  }
  if (c.end > c.start) {
    w.Key("start");
    w.Uint64(c.start);
    w.Key("end");
    w.Uint64(c.end);
  }
  if (sentence != DocumentText::kNoSentence) {
    w.Key("sentence");
    w.Uint64(sentence);
  }
}

// Shared with `audit` and `query`: one claim's extract fields.
void JsonClaimFields(JsonWriter& w, const Text& text, const Claim& c) {
  const Sentence& s = text.sentences()[c.sentence];
  w.Key("sentence");
  JsonString(w, text.SentenceText(c.sentence));
  w.Key("sentence_index");
  w.Uint64(c.sentence);
  w.Key("start");
  w.Uint64(s.start);
  w.Key("end");
  w.Uint64(s.end);
  if (!c.section.empty()) {
    w.Key("section");
    JsonString(w, c.section);
  }
  w.Key("kind");
  w.String(ClaimKindName(c.kind));
  w.Key("subject");
  JsonConcept(w, c.subject);
  w.Key("subject_from");
  JsonString(w, c.subject_from);
  w.Key("relation");
  JsonString(w, c.relation);
  w.Key("object");
  if (c.object) {
    JsonConcept(w, c.object);
  } else if (!c.category.empty()) {
    w.StartObject();
    w.Key("id");
    JsonString(w, "category:" + c.category);
    w.Key("label");
    JsonString(w, c.category);
    w.Key("kind");
    w.String("category");
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("hedging");
  w.String(HedgingName(c.hedging));
  w.Key("negated");
  w.Bool(c.negated);
  if (c.negated) {
    w.Key("denied");
    JsonString(w, c.denied);
  }
  w.Key("attribution");
  w.String(AttributionName(c.attribution));
  w.Key("question");
  w.Bool(c.question);
  if (!c.reported_by.empty()) {
    w.Key("reported_by");
    JsonString(w, c.reported_by);
  }
  if (c.quantity) {
    w.Key("quantity");
    JsonQuantity(w, *c.quantity);
  }
  if (!c.population.empty()) {
    w.Key("population");
    JsonString(w, c.population);
  }
  if (!c.timing.empty()) {
    w.Key("timing");
    JsonString(w, c.timing);
  }
  w.Key("trigger");
  JsonString(w, std::string_view(text.str())
                    .substr(c.trigger_start, c.trigger_end - c.trigger_start));
  w.Key("cues");
  w.StartArray();
  for (const std::string& cue : c.cues) JsonString(w, cue);
  w.EndArray();
}

void JsonDocument(JsonWriter& w, const DocumentInput& in,
                  const Concept* main_subject) {
  const Document& doc = in.imported.document;
  w.StartObject();
  w.Key("id");
  JsonString(w, doc.id.empty() ? LocalDocumentId(in.bytes) : doc.id);
  w.Key("kind");
  JsonString(w, doc.kind.empty() ? "article" : doc.kind);
  w.Key("file");
  JsonString(w, in.file);
  w.Key("format");
  w.String(InputFormatName(in.format));
  w.Key("title");
  JsonString(w, doc.title);
  w.Key("authors");
  w.StartArray();
  for (const std::string& a : doc.authors) JsonString(w, a);
  w.EndArray();
  w.Key("date");
  JsonString(w, doc.date);
  w.Key("url");
  JsonString(w, doc.url);
  if (!in.imported.article.publisher.empty()) {
    w.Key("publisher");
    JsonString(w, in.imported.article.publisher);
  }
  if (!doc.language.empty()) {
    w.Key("language");
    JsonString(w, doc.language);
  }
  w.Key("main_subject");
  if (main_subject) {
    JsonConcept(w, main_subject);
  } else {
    w.Null();
  }
  w.Key("citations");
  w.StartArray();
  for (std::size_t i = 0; i < in.citations.size(); ++i) {
    w.StartObject();
    JsonCitationFields(w, in.citations[i],
                       i < in.citation_sentences.size()
                           ? in.citation_sentences[i]
                           : DocumentText::kNoSentence);
    w.EndObject();
  }
  w.EndArray();
  w.Key("links");
  w.Uint64(in.imported.article.links.size());
  w.EndObject();
}

// One line per claim: "kind  subject relation object  [how]  «sentence»".
std::string ClaimLine(const Text& text, const Claim& c) {
  std::ostringstream line;
  std::string_view sentence = text.SentenceText(c.sentence);
  line << "s" << c.sentence << "  " << ClaimKindName(c.kind) << ": "
       << c.subject->label << " " << c.relation;
  if (c.object) line << " " << c.object->label;
  if (!c.category.empty()) line << " " << c.category;
  if (c.quantity) {
    const Quantity& q = *c.quantity;
    line << " " << (q.bound.empty() ? "" : q.bound + " ")
         << FormatNumber(q.min);
    if (q.max != q.min) line << "-" << FormatNumber(q.max);
    line << " " << q.unit;
    if (!q.per.empty()) line << "/" << q.per;
    if (!q.basis.empty() && q.basis != "unspecified") line << " " << q.basis;
  }
  if (!c.population.empty()) line << " (" << c.population << ")";
  if (!c.timing.empty()) line << " [" << c.timing << "]";
  line << "  {" << HedgingName(c.hedging);
  if (c.negated) line << ", negated";
  if (c.attribution != Attribution::kNone) {
    line << ", " << AttributionName(c.attribution);
  }
  if (c.question) line << ", question";
  if (!c.reported_by.empty()) line << ", reported";
  if (c.subject_from != "text") line << ", subject from " << c.subject_from;
  line << "}";
  line << "  \"" << Excerpt(sentence, 70) << "\"";
  return line.str();
}

namespace {

// The document lines of the text report: title, byline, date, citations.
std::string TextDocument(const DocumentInput& in) {
  const Document& doc = in.imported.document;
  std::ostringstream out;
  if (!doc.title.empty()) out << "title: " << doc.title << "\n";
  if (!doc.authors.empty()) {
    out << "by:";
    for (std::size_t i = 0; i < doc.authors.size(); ++i) {
      out << (i ? "; " : " ") << doc.authors[i];
    }
    out << "\n";
  }
  if (!doc.date.empty()) out << "date: " << doc.date << "\n";
  if (!doc.url.empty()) out << "url: " << doc.url << "\n";
  if (!in.citations.empty()) {
    std::set<std::string> pmids, dois;
    for (const Citation& c : in.citations) {
      if (!c.pmid.empty()) pmids.insert(c.pmid);
      if (!c.doi.empty()) dois.insert(c.doi);
    }
    out << "citations: " << in.citations.size() << " (" << pmids.size()
        << " PMIDs, " << dois.size() << " DOIs)\n";
  }
  return out.str();
}

}  // namespace

int RunExtract(Context& context) {
  std::string format;
  if (!context.Format({"text", "json"}, "text", &format)) return kExitUsage;
  int code = kExitOk;
  DocumentInput in;
  if (!ReadDocumentInput(context, &in, &code)) return code;
  const std::string& file = in.file;
  const Text& text = in.text;
  const ClaimExtractor* extractor = &in.loaded.kb->extractor();
  const std::vector<Mention> mentions = extractor->matcher().Match(text);
  const std::vector<Claim> claims =
      extractor->Extract(text, mentions, in.context);
  const Concept* main_subject = extractor->MainSubject(mentions);

  if (format == "text") {
    std::ostringstream out;
    out << file << ": " << claims.size() << " claims in "
        << text.sentences().size() << " sentences";
    if (main_subject) out << " (main subject: " << main_subject->label << ")";
    out << "\n" << TextDocument(in);
    for (const Claim& c : claims) out << ClaimLine(text, c) << "\n";
    return context.Emit(out.str());
  }
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("document");
  JsonDocument(w, in, main_subject);
  w.Key("claims");
  w.StartArray();
  for (const Claim& c : claims) {
    w.StartObject();
    JsonClaimFields(w, text, c);
    w.EndObject();
  }
  w.EndArray();
  w.Key("warnings");
  JsonDiagnostics(w, in.warnings);
  w.EndObject();
  return context.Emit(std::string(buffer.GetString(), buffer.GetSize()) + "\n");
}

}  // namespace claimcheck::cli
