// `claimcheck concepts --find TEXT`: what the vocabulary knows of a term
// (docs/vocabulary.md, "Looking things up"): the concept the matcher reads
// it as, every concept that has it as a name, each with id, kind, scope,
// source, MeSH UI, parents and names; and "did you mean" for near misses.
// Covered by tests/cli/cli_test.sh.
#include "concept_find.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "claimcheck/claims.h"
#include "claimcheck/concepts.h"
#include "claimcheck/text.h"
#include "cli.h"

namespace claimcheck::cli {

namespace {

struct Found {
  const Concept* read_as = nullptr;  // what the matcher makes of the text
  MatchHow how = MatchHow::kExact;
  std::vector<const Concept*> named;  // every concept with it as a name
  std::vector<std::pair<std::string, const Concept*>> near;  // did you mean
};

Found Find(const Vocabulary& vocabulary, const ConceptMatcher& matcher,
           const std::string& query) {
  Found f;
  Result<Text> text = Text::FromBytes(query, "query", nullptr);
  if (text.ok()) {
    for (const Mention& m : matcher.Match(text.value())) {
      // Only a mention of the whole text: "magnesium citrate", not "citrate".
      if (m.start == 0 && m.end == text.value().str().size()) {
        f.read_as = m.target;
        f.how = m.how;
      }
    }
  }
  const std::string key = FoldedName(query);
  if (const Concept* by_id = vocabulary.Find(query)) f.named.push_back(by_id);
  // Every name of the vocabulary is read (~70 ms) only when the matcher
  // reads the text as no concept: for the concepts that have it as a name
  // (an ambiguous or common word) and for near misses.
  if (f.read_as != nullptr) return f;
  ScanNames(vocabulary, key, &f.named, &f.near);
  return f;
}

void DescribeText(std::ostream& out, const Vocabulary& vocabulary,
                  const Concept& c) {
  out << "  " << c.id << "  " << c.label << "\n";
  out << "    kind " << ConceptKindName(c.kind) << ", scope "
      << ConceptScopeName(c.scope) << ", from " << ConceptSourceName(c.source);
  if (!c.mesh.empty()) out << ", MeSH " << c.mesh;
  if (c.better != Better::kNone) out << ", better " << BetterName(c.better);
  out << "\n";
  if (!c.is_a.empty()) {
    out << "    is a:";
    for (const std::string& p : c.is_a) {
      out << " " << p << " (" << vocabulary.LabelOf(p) << ")";
    }
    out << "\n";
  }
  const std::vector<std::string> names = NamesOf(vocabulary, c);
  if (names.size() > 1) {
    out << "    names:";
    for (std::size_t i = 1; i < names.size() && i <= 12; ++i) {
      out << (i == 1 ? " " : "; ") << names[i];
    }
    if (names.size() > 13) out << "; … (" << names.size() - 13 << " more)";
    out << "\n";
  }
}

void DescribeJson(JsonWriter& w, const Vocabulary& vocabulary,
                  const Concept& c) {
  w.StartObject();
  w.Key("id");
  JsonString(w, c.id);
  w.Key("label");
  JsonString(w, c.label);
  w.Key("kind");
  w.String(ConceptKindName(c.kind));
  w.Key("scope");
  w.String(ConceptScopeName(c.scope));
  w.Key("source");
  w.String(ConceptSourceName(c.source));
  if (!c.mesh.empty()) {
    w.Key("mesh");
    JsonString(w, c.mesh);
  }
  if (c.better != Better::kNone) {
    w.Key("better");
    w.String(BetterName(c.better));
  }
  w.Key("is_a");
  w.StartArray();
  for (const std::string& p : c.is_a) {
    w.StartObject();
    w.Key("id");
    JsonString(w, p);
    w.Key("label");
    JsonString(w, vocabulary.LabelOf(p));
    w.EndObject();
  }
  w.EndArray();
  w.Key("names");
  w.StartArray();
  for (const std::string& n : NamesOf(vocabulary, c)) JsonString(w, n);
  w.EndArray();
  w.EndObject();
}

}  // namespace

int RunConceptFind(Context& context, const std::string& query,
                   const std::string& format) {
  int code = kExitOk;
  Loaded loaded;
  if (!LoadKb(context, /*judging=*/false, &loaded, &code)) return code;
  const Vocabulary& vocabulary = loaded.kb->vocabulary();
  const Found f = Find(vocabulary, loaded.kb->extractor().matcher(), query);
  const bool known = f.read_as != nullptr || !f.named.empty();
  if (format == "json") {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.SetIndent(' ', 2);
    w.StartObject();
    w.Key("query");
    JsonString(w, query);
    w.Key("read_as");
    if (f.read_as != nullptr) {
      DescribeJson(w, vocabulary, *f.read_as);
      w.Key("how");
      w.String(MatchHowName(f.how));
    } else {
      w.Null();
    }
    w.Key("named_by");
    w.StartArray();
    for (const Concept* c : f.named) DescribeJson(w, vocabulary, *c);
    w.EndArray();
    w.Key("did_you_mean");
    w.StartArray();
    for (const auto& [name, c] : f.near) {
      w.StartObject();
      w.Key("name");
      JsonString(w, name);
      w.Key("id");
      JsonString(w, c->id);
      w.Key("label");
      JsonString(w, c->label);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    code =
        context.Emit(std::string(buffer.GetString(), buffer.GetSize()) + "\n");
  } else {
    std::ostringstream out;
    if (f.read_as != nullptr) {
      out << "\"" << query << "\" is read as (" << MatchHowName(f.how)
          << "):\n";
      DescribeText(out, vocabulary, *f.read_as);
    } else if (!f.named.empty()) {
      out << "\"" << query
          << "\" is not read as one concept (it names several, or is "
             "kept out as an ordinary word); it is a name of:\n";
    } else {
      out << "\"" << query << "\" is not in the vocabulary.\n";
    }
    for (const Concept* c : f.named) {
      if (c == f.read_as) continue;
      if (f.read_as != nullptr) out << "also a name of:\n";
      DescribeText(out, vocabulary, *c);
    }
    if (!f.near.empty()) {
      out << (known ? "see also:" : "did you mean:") << "\n";
      for (const auto& [name, c] : f.near) {
        out << "  " << name << "  -> " << c->id << " (" << c->label << ")\n";
      }
    }
    code = context.Emit(out.str());
  }
  if (code != kExitOk) return code;
  return known ? kExitOk : kExitFailOn;
}

}  // namespace claimcheck::cli
