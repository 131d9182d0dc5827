// `claimcheck extract FILE`: the document and the claims it makes, without
// verdicts (../shared/CLI.md). Covered by tests/cli/cli_test.sh.
#include <cstdio>
#include <sstream>

#include "claimcheck/claims.h"
#include "claimcheck/concepts.h"
#include "claimcheck/document.h"
#include "claimcheck/text.h"
#include "cli.h"

namespace claimcheck::cli {

namespace {

// "400", "0.5": the shortest form that reads back the same.
std::string Number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", v);
  return buffer;
}

// At most `max` bytes of `s`, cut at a character boundary, "..." when cut.
std::string Excerpt(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string(s);
  std::size_t cut = max - 3;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "...";
}

void JsonConcept(JsonWriter& w, const Concept* c) {
  w.StartObject();
  w.Key("id");
  JsonString(w, c->id);
  w.Key("label");
  JsonString(w, c->label);
  w.Key("kind");
  w.String(ConceptKindName(c->kind));
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
    line << " " << (q.bound.empty() ? "" : q.bound + " ") << Number(q.min);
    if (q.max != q.min) line << "-" << Number(q.max);
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
  if (c.subject_from != "text") line << ", subject from " << c.subject_from;
  line << "}";
  line << "  \"" << Excerpt(sentence, 70) << "\"";
  return line.str();
}

int RunExtract(Context& context) {
  std::string format;
  if (!context.Format({"text", "json"}, "text", &format)) return kExitUsage;
  int code = kExitOk;
  DocumentInput in;
  if (!ReadDocumentInput(context, &in, &code)) return code;
  const std::string& file = in.file;
  const Text& text = in.text;
  ClaimExtractor extractor(in.vocabulary);
  const std::vector<Mention> mentions = extractor.matcher().Match(text);
  const std::vector<Claim> claims = extractor.Extract(text, mentions, {});
  const Concept* main_subject = extractor.MainSubject(mentions);
  std::string title;
  if (!text.sentences().empty() &&
      text.sentences()[0].kind != Sentence::Kind::kListItem) {
    title = std::string(text.SentenceText(0));
  }
  const std::string id = LocalDocumentId(in.bytes);

  if (format == "text") {
    std::ostringstream out;
    out << file << ": " << claims.size() << " claims in "
        << text.sentences().size() << " sentences";
    if (main_subject) out << " (main subject: " << main_subject->label << ")";
    out << "\n";
    for (const Claim& c : claims) out << ClaimLine(text, c) << "\n";
    return context.Emit(out.str());
  }
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("document");
  w.StartObject();
  w.Key("id");
  JsonString(w, id);
  w.Key("kind");
  w.String("article");
  w.Key("file");
  JsonString(w, file);
  w.Key("title");
  JsonString(w, title);
  w.Key("authors");
  w.StartArray();
  w.EndArray();
  w.Key("date");
  w.String("");
  w.Key("url");
  w.String("");
  w.Key("main_subject");
  if (main_subject) {
    JsonConcept(w, main_subject);
  } else {
    w.Null();
  }
  w.Key("citations");
  w.StartArray();
  w.EndArray();
  w.EndObject();
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
