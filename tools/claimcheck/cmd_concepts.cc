// `claimcheck concepts FILE`: the concept mentions of a document.
// Covered by tests/cli/cli_test.cc.
#include <algorithm>
#include <map>
#include <sstream>

#include "claimcheck/claims.h"
#include "claimcheck/concepts.h"
#include "claimcheck/text.h"
#include "cli.h"
#include "concept_find.h"

namespace claimcheck::cli {

namespace {

std::string_view Slice(const std::string& s, std::size_t start,
                       std::size_t end) {
  return std::string_view(s).substr(start, end - start);
}

std::string JsonReport(const std::string& file, const Text& text,
                       const std::vector<Mention>& mentions,
                       const std::vector<Abbreviation>& abbreviations,
                       const Diagnostics& warnings) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("file");
  JsonString(w, file);
  w.Key("mentions");
  w.StartArray();
  for (const Mention& m : mentions) {
    w.StartObject();
    w.Key("concept");
    w.StartObject();
    w.Key("id");
    JsonString(w, m.target->id);
    w.Key("label");
    JsonString(w, m.target->label);
    w.Key("kind");
    w.String(ConceptKindName(m.target->kind));
    if (!m.target->mesh.empty()) {
      w.Key("mesh");
      JsonString(w, m.target->mesh);
    }
    w.Key("scope");
    w.String(ConceptScopeName(m.target->scope));
    w.Key("source");
    w.String(ConceptSourceName(m.target->source));
    w.EndObject();
    w.Key("how");
    w.String(MatchHowName(m.how));
    w.Key("text");
    JsonString(w, Slice(text.str(), m.start, m.end));
    w.Key("start");
    w.Uint64(m.start);
    w.Key("end");
    w.Uint64(m.end);
    w.Key("sentence");
    w.Uint64(m.sentence);
    w.Key("polarity");
    w.Int(m.polarity);
    if (!m.via_abbreviation.empty()) {
      w.Key("via_abbreviation");
      JsonString(w, m.via_abbreviation);
    }
    w.EndObject();
  }
  w.EndArray();
  w.Key("sentences");
  w.StartArray();
  for (std::size_t i = 0; i < text.sentences().size(); ++i) {
    const Sentence& s = text.sentences()[i];
    w.StartObject();
    w.Key("start");
    w.Uint64(s.start);
    w.Key("end");
    w.Uint64(s.end);
    w.Key("kind");
    w.String(SentenceKindName(s.kind));
    w.Key("text");
    JsonString(w, text.SentenceText(i));
    w.EndObject();
  }
  w.EndArray();
  w.Key("abbreviations");
  w.StartArray();
  for (const Abbreviation& a : abbreviations) {
    w.StartObject();
    w.Key("short");
    JsonString(w, a.short_form);
    w.Key("long");
    JsonString(w, a.long_form);
    w.Key("start");
    w.Uint64(a.long_start);
    w.Key("end");
    w.Uint64(a.short_end + 1);
    w.EndObject();
  }
  w.EndArray();
  w.Key("warnings");
  JsonDiagnostics(w, warnings);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::string TextReport(const std::string& file, const Text& text,
                       const std::vector<Mention>& mentions) {
  struct Seen {
    const Concept* target = nullptr;
    std::size_t count = 0;
    std::vector<std::string> forms;
  };
  std::map<std::string, Seen> by_id;
  for (const Mention& m : mentions) {
    Seen& seen = by_id[m.target->id];
    seen.target = m.target;
    ++seen.count;
    std::string form(Slice(text.str(), m.start, m.end));
    if (m.polarity < 0) form = "opposite: " + form;
    if (seen.forms.size() < 4 && std::find(seen.forms.begin(), seen.forms.end(),
                                           form) == seen.forms.end()) {
      seen.forms.push_back(form);
    }
  }
  std::ostringstream out;
  out << file << ": " << text.sentences().size() << " sentences, "
      << mentions.size() << " mentions of " << by_id.size() << " concepts\n";
  // Claim arguments by kind, then what is never a claim argument
  // (docs/vocabulary.md, "Typing by branch").
  for (int group = 0; group < 4; ++group) {
    const auto kind = static_cast<ConceptKind>(group < 3 ? group : 0);
    bool header = false;
    for (const auto& [id, seen] : by_id) {
      const bool argument = seen.target->scope == ConceptScope::kArgument;
      if (group < 3 ? (!argument || seen.target->kind != kind) : argument) {
        continue;
      }
      if (!header) {
        out << "\n"
            << (group < 3 ? std::string(ConceptKindName(kind)) + "s"
                          : std::string("not claim arguments"))
            << ":\n";
        header = true;
      }
      std::string line = "  " + id;
      if (group == 3) {
        line += " (" + seen.target->label + ", " +
                ConceptScopeName(seen.target->scope) + ")";
      }
      line.resize(std::max<std::size_t>(line.size() + 1, 34), ' ');
      line += std::to_string(seen.count) + "x  ";
      for (std::size_t k = 0; k < seen.forms.size(); ++k) {
        line += (k ? ", \"" : "\"") + seen.forms[k] + "\"";
      }
      out << line << "\n";
    }
  }
  return out.str();
}

}  // namespace

int RunConcepts(Context& context) {
  std::string format;
  if (!context.Format({"text", "json"}, "text", &format)) return kExitUsage;
  // It loads the whole vocabulary as a query does (cli.h).
  PrepareToJudge(context);
  if (!context.args.empty() && context.args[0] == "--find") {
    if (context.args.size() != 2 || context.args[1].empty()) {
      return context.Usage("--find takes one TEXT (quote a phrase)");
    }
    return RunConceptFind(context, context.args[1], format);
  }
  int code = kExitOk;
  DocumentInput in;
  if (!ReadDocumentInput(context, &in, &code)) return code;
  const ClaimExtractor* extractor = &in.loaded.kb->extractor();
  std::vector<Abbreviation> abbreviations;
  const std::vector<Mention> mentions =
      extractor->matcher().Match(in.text, &abbreviations);
  return context.Emit(
      format == "json"
          ? JsonReport(in.file, in.text, mentions, abbreviations, in.warnings)
          : TextReport(in.file, in.text, mentions));
}

}  // namespace claimcheck::cli
