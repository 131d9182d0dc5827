// Vocabulary: concepts read from kb/concepts/*.json (format: kb/FORMAT.md).
// Covered by tests/concepts/vocabulary_test.cc and tests/kb/kb_check_test.cc.
#include <algorithm>
#include <filesystem>
#include <set>

#include "base/ids.h"
#include "base/json_util.h"
#include "claimcheck/concepts.h"
#include "claimcheck/io.h"

namespace claimcheck {

namespace {

const std::set<std::string, std::less<>> kConceptFields = {
    "id",       "kind", "label",  "synonyms", "cased_synonyms",
    "antonyms", "is_a", "better", "note",     "category"};

// What an intervention is, for composition claims ("valerian root is a
// mushroom") and to tell medicines from supplements.
const std::set<std::string, std::less<>> kCategories = {
    "mineral", "salt",     "herb", "hormone", "amino acid",
    "vitamin", "medicine", "food", "compound"};

bool ParseKind(std::string_view s, ConceptKind* kind) {
  if (s == "intervention")
    *kind = ConceptKind::kIntervention;
  else if (s == "mechanism")
    *kind = ConceptKind::kMechanism;
  else if (s == "outcome")
    *kind = ConceptKind::kOutcome;
  else
    return false;
  return true;
}

// Reads one concept object; returns false (with problems added) when it is
// unusable. `where` names it for messages.
bool ReadConcept(
    const rapidjson::Value& v,
    const std::map<std::string, std::size_t, std::less<>>& id_lines,
    const std::string& file, std::size_t index, Concept* c,
    Diagnostics* problems) {
  std::string where = "concepts[" + std::to_string(index) + "]";
  auto problem = [&](const std::string& message) {
    problems->push_back({file, where, message});
  };
  if (!v.IsObject()) {
    problem("a concept must be a JSON object");
    return false;
  }
  std::optional<std::string> id;
  if (!ReadString(v, "id", &id) || !id || !IsValidId(*id)) {
    problem("\"id\" must be a string of lower-case letters, digits and _");
    return false;
  }
  c->id = *id;
  c->file = file;
  c->line = LineOf(id_lines, *id);
  where = (c->line ? "line " + std::to_string(c->line) + ", " : "") +
          "concept '" + c->id + "'";
  bool ok = true;
  for (const auto& member : v.GetObject()) {
    const std::string name(member.name.GetString(),
                           member.name.GetStringLength());
    if (!kConceptFields.count(name)) problem("unknown field \"" + name + "\"");
  }
  std::optional<std::string> kind;
  if (!ReadString(v, "kind", &kind) || !kind || !ParseKind(*kind, &c->kind)) {
    problem("\"kind\" must be intervention, mechanism or outcome");
    ok = false;
  }
  std::optional<std::string> label;
  if (!ReadString(v, "label", &label) || !label || label->empty()) {
    problem("\"label\" must be a non-empty string");
    ok = false;
  } else {
    c->label = *label;
  }
  const std::pair<const char*, std::vector<std::string>*> arrays[] = {
      {"synonyms", &c->synonyms},
      {"cased_synonyms", &c->cased_synonyms},
      {"antonyms", &c->antonyms},
      {"is_a", &c->is_a}};
  for (const auto& [name, out] : arrays) {
    if (!ReadStringArray(v, name, out)) {
      problem(std::string("\"") + name + "\" must be an array of strings");
      ok = false;
    }
  }
  std::optional<std::string> better;
  if (!ReadString(v, "better", &better)) {
    problem("\"better\" must be \"higher\" or \"lower\"");
    ok = false;
  } else if (better) {
    if (*better == "higher")
      c->better = Better::kHigher;
    else if (*better == "lower")
      c->better = Better::kLower;
    else {
      problem("\"better\" must be \"higher\" or \"lower\", not \"" + *better +
              "\"");
      ok = false;
    }
  }
  if (ok && c->kind == ConceptKind::kOutcome && c->better == Better::kNone) {
    problem("an outcome needs \"better\": \"higher\" or \"lower\"");
  }
  if (ok && c->kind != ConceptKind::kOutcome && c->better != Better::kNone) {
    problem("only outcomes have \"better\"");
  }
  std::optional<std::string> category;
  if (!ReadString(v, "category", &category) ||
      (category && !kCategories.count(*category))) {
    problem(
        "\"category\" must be one of mineral, salt, herb, hormone, amino "
        "acid, vitamin, medicine, food, compound");
    ok = false;
  } else if (category) {
    if (c->kind != ConceptKind::kIntervention) {
      problem("only interventions have \"category\"");
      ok = false;
    }
    c->category = *category;
  }
  std::optional<std::string> note;
  if (!ReadString(v, "note", &note)) problem("\"note\" must be a string");
  return ok;
}

void LoadFile(const std::string& path, Vocabulary* vocab,
              Diagnostics* problems) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) {
    problems->push_back({path, "", text.status().message()});
    return;
  }
  rapidjson::Document doc;
  if (!ParseJson(text.value(), path, &doc, problems)) return;
  if (!doc.IsObject() || !doc.HasMember("concepts") ||
      !doc["concepts"].IsArray()) {
    problems->push_back(
        {path, "line 1", "expected an object with a \"concepts\" array"});
    return;
  }
  const auto id_lines = KeyValueLines(text.value(), "id");
  std::size_t index = 0;
  for (const auto& v : doc["concepts"].GetArray()) {
    Concept entry;
    if (ReadConcept(v, id_lines, path, index++, &entry, problems)) {
      const std::string id = entry.id;
      const std::size_t line = entry.line;
      Status added = vocab->Add(std::move(entry));
      if (!added.ok()) {
        const Concept* first = vocab->Find(id);
        problems->push_back(
            {path,
             (line ? "line " + std::to_string(line) + ", " : "") + "concept '" +
                 id + "'",
             "duplicate id; first defined in " + first->file +
                 (first->line ? " line " + std::to_string(first->line) : "")});
      }
    }
  }
}

}  // namespace

const char* ConceptKindName(ConceptKind kind) {
  switch (kind) {
    case ConceptKind::kIntervention:
      return "intervention";
    case ConceptKind::kMechanism:
      return "mechanism";
    case ConceptKind::kOutcome:
      return "outcome";
  }
  return "intervention";
}

const char* BetterName(Better better) {
  switch (better) {
    case Better::kNone:
      return "none";
    case Better::kHigher:
      return "higher";
    case Better::kLower:
      return "lower";
  }
  return "none";
}

Vocabulary::Vocabulary() = default;
Vocabulary::~Vocabulary() = default;
Vocabulary::Vocabulary(Vocabulary&&) noexcept = default;
Vocabulary& Vocabulary::operator=(Vocabulary&&) noexcept = default;

Status Vocabulary::Load(const std::string& kb_dir, Vocabulary* out,
                        Diagnostics* problems) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(kb_dir) / "concepts";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status::NotFound(dir.string() +
                            ": no such directory (is --kb a knowledge base?)");
  }
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      files.push_back(entry.path().string());
    }
  }
  if (ec) return Status::IOError(dir.string() + ": " + ec.message());
  std::sort(files.begin(), files.end());
  const std::size_t before = problems->size();
  for (const std::string& file : files) LoadFile(file, out, problems);
  if (problems->size() > before) {
    return Status::Corruption(kb_dir + ": " +
                              std::to_string(problems->size() - before) +
                              " problem(s) in the concept vocabulary");
  }
  return Status::OK();
}

Status Vocabulary::Add(Concept entry) {
  if (entry.id.empty()) return Status::InvalidArgument("empty concept id");
  if (index_.count(entry.id)) {
    return Status::InvalidArgument("duplicate concept id '" + entry.id + "'");
  }
  index_.emplace(entry.id, concepts_.size());
  concepts_.push_back(std::move(entry));
  return Status::OK();
}

const Concept* Vocabulary::Find(std::string_view id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &concepts_[it->second];
}

std::string Vocabulary::LabelOf(std::string_view id) const {
  const Concept* c = Find(id);
  return c != nullptr ? c->label : std::string(id);
}

bool Vocabulary::IsA(std::string_view id, std::string_view ancestor) const {
  std::vector<std::string_view> stack = {id};
  std::set<std::string_view> seen;
  while (!stack.empty()) {
    const std::string_view current = stack.back();
    stack.pop_back();
    if (current == ancestor) return true;
    if (!seen.insert(current).second) continue;
    if (const Concept* c = Find(current)) {
      for (const std::string& parent : c->is_a) stack.push_back(parent);
    }
  }
  return false;
}

}  // namespace claimcheck
