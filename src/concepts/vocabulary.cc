// Vocabulary: concepts read from kb/concepts/*.json (format: kb/FORMAT.md).
// Covered by tests/concepts/vocabulary_test.cc and tests/kb/kb_check_test.cc.
#include <algorithm>
#include <filesystem>
#include <mutex>
#include <set>

#include "base/ids.h"
#include "base/json_util.h"
#include "claimcheck/concepts.h"
#include "claimcheck/io.h"
#include "concepts/mesh_table.h"

namespace claimcheck {

namespace {

// Each concept's MeSH lists in mesh_spans_: (start, size) for its terms,
// abbreviations and pharmacological actions.
constexpr std::size_t kSpansPerConcept = 6;

const std::set<std::string, std::less<>> kConceptFields = {
    "id",   "kind",   "label", "synonyms", "cased_synonyms", "antonyms",
    "is_a", "better", "note",  "category", "mesh",           "taken_as"};

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
  std::optional<std::string> taken_as;
  if (!ReadString(v, "taken_as", &taken_as)) {
    problem("\"taken_as\" must be a concept id");
    ok = false;
  } else if (taken_as) {
    if (c->kind != ConceptKind::kMechanism) {
      problem("only mechanisms have \"taken_as\"");
      ok = false;
    }
    c->taken_as = *taken_as;
  }
  std::optional<std::string> note;
  if (!ReadString(v, "note", &note)) problem("\"note\" must be a string");
  std::optional<std::string> mesh;
  if (!ReadString(v, "mesh", &mesh) ||
      (mesh && !concepts_internal::IsDescriptorUi(*mesh))) {
    problem("\"mesh\" must be a MeSH descriptor UI such as \"D008274\"");
  } else if (mesh) {
    c->mesh = *mesh;
  }
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

struct Vocabulary::ChildIndex {
  std::once_flag once;
  bool adopted = false;  // set before any reader: no call_once needed
  // Children of concept i: list[begin[i], begin[i+1]), in index order.
  std::vector<std::uint32_t> begin;
  std::vector<std::uint32_t> list;
};

Vocabulary::Vocabulary() : children_(std::make_unique<ChildIndex>()) {}
Vocabulary::~Vocabulary() = default;
Vocabulary::Vocabulary(Vocabulary&&) noexcept = default;
Vocabulary& Vocabulary::operator=(Vocabulary&&) noexcept = default;

namespace {

using concepts_internal::AliasRow;
using concepts_internal::Lower;
using concepts_internal::MeshTable;

// docs/vocabulary.md, "Layers": curated concepts with "mesh" take their
// descriptor's place and names; the alias list adds names to concepts and
// new concepts under them; the other descriptors follow, their parents
// renamed to the overlays that took their place.
void LayMesh(const std::string& mesh_dir, MeshTable table, Vocabulary* vocab,
             Diagnostics* problems) {
  std::map<std::string, std::size_t, std::less<>> row_of;
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    row_of.emplace(table.rows[i].id, i);
  }
  // Overlays: descriptor UI -> curated id.
  std::map<std::string, std::string, std::less<>> overlay;
  std::vector<Concept> curated(vocab->concepts().begin(),
                               vocab->concepts().end());
  std::vector<MeshNames> curated_names(curated.size());
  for (Concept& c : curated) {
    if (c.mesh.empty()) continue;
    auto row = row_of.find(c.mesh);
    const std::string where =
        (c.line ? "line " + std::to_string(c.line) + ", " : "") + "concept '" +
        c.id + "'";
    if (row == row_of.end()) {
      problems->push_back(
          {c.file, where, "unknown MeSH descriptor \"" + c.mesh + "\""});
      continue;
    }
    if (!overlay.emplace(c.mesh, c.id).second) {
      problems->push_back({c.file, where,
                           "MeSH descriptor " + c.mesh +
                               " is already the concept '" + overlay[c.mesh] +
                               "'"});
      continue;
    }
    const Concept& d = table.rows[row->second];
    const MeshNames& n = table.names[row->second];
    // The descriptor's own name is one more of the overlay's names.
    MeshNames& mine =
        curated_names[static_cast<std::size_t>(&c - curated.data())];
    mine.terms = d.label;
    if (!n.terms.empty()) mine.terms += "|" + n.terms;
    mine.abbreviations = n.abbreviations;
    mine.actions = n.actions;
  }
  auto canonical = [&](const std::string& id) -> std::string {
    auto it = overlay.find(id);
    return it == overlay.end() ? id : it->second;
  };
  // A curated mechanism the curator put under nothing keeps its
  // descriptor's place in MeSH: its parents that are mechanisms too (so
  // evidence on the NMDA receptor answers a question on glutamate
  // receptors as narrower evidence, docs/verdicts.md 2). Interventions and
  // outcomes keep the curator's tree only: a form's root is its mineral,
  // not "Metals", and which outcomes answer for sleep is the curator's
  // call.
  for (Concept& c : curated) {
    if (c.mesh.empty() || !c.is_a.empty() ||
        c.kind != ConceptKind::kMechanism || overlay.count(c.mesh) == 0 ||
        overlay.at(c.mesh) != c.id) {
      continue;
    }
    const Concept& d = table.rows[row_of.at(c.mesh)];
    for (const std::string& p : d.is_a) {
      auto parent = row_of.find(p);
      const std::string id = canonical(p);
      if (parent == row_of.end() || id == c.id ||
          table.rows[parent->second].kind != c.kind ||
          std::find(c.is_a.begin(), c.is_a.end(), id) != c.is_a.end()) {
        continue;
      }
      c.is_a.push_back(id);
    }
  }
  // The common-word and alias lists, when there are.
  std::error_code ec;
  std::vector<std::string> common;
  const std::string common_path = mesh_dir + "/common_words.tsv";
  if (std::filesystem::exists(common_path, ec)) {
    concepts_internal::ReadCommonWords(common_path, table, &common, problems);
  }
  std::vector<AliasRow> aliases;
  const std::string alias_path = mesh_dir + "/aliases.tsv";
  if (std::filesystem::exists(alias_path, ec)) {
    concepts_internal::ReadAliases(alias_path, &aliases, problems);
  }
  std::map<std::string, std::size_t, std::less<>> curated_of;
  for (std::size_t i = 0; i < curated.size(); ++i) {
    curated_of.emplace(curated[i].id, i);
  }
  std::vector<Concept> added;  // narrower alias concepts, by first row
  std::map<std::string, std::size_t, std::less<>> added_of;
  // The concept a target names, wherever it lives now.
  auto concept_of = [&](const std::string& id) -> Concept* {
    const std::string c = canonical(id);
    if (auto it = curated_of.find(c); it != curated_of.end()) {
      return &curated[it->second];
    }
    if (auto it = added_of.find(c); it != added_of.end()) {
      return &added[it->second];
    }
    if (auto it = row_of.find(c); it != row_of.end()) {
      return &table.rows[it->second];
    }
    return nullptr;
  };
  for (const AliasRow& a : aliases) {
    const std::string where = "line " + std::to_string(a.line);
    Concept* target = concept_of(a.target);
    if (target == nullptr) {
      problems->push_back(
          {alias_path, where,
           "unknown target \"" + a.target +
               "\" (a MeSH descriptor UI or a curated concept id)"});
      continue;
    }
    if (!a.narrower) {
      target->aliases.push_back(a.name);
      continue;
    }
    if (auto it = added_of.find(a.id); it != added_of.end()) {
      Concept& c = added[it->second];
      if (c.is_a.front() != target->id) {
        problems->push_back(
            {alias_path, where,
             "\"" + a.label + "\" is already under '" + c.is_a.front() + "'"});
        continue;
      }
      if (Lower(a.name) != Lower(c.label)) c.aliases.push_back(a.name);
      continue;
    }
    if (curated_of.count(a.id) || row_of.count(a.id)) {
      problems->push_back(
          {alias_path, where,
           "label \"" + a.label + "\" makes the id '" + a.id +
               "', which a concept already has: use relation same"});
      continue;
    }
    Concept c;
    c.id = a.id;
    c.label = a.label;
    c.kind = target->kind;
    c.scope = target->scope;
    c.source = ConceptSource::kAlias;
    c.is_a = {target->id};
    c.file = alias_path;
    c.line = a.line;
    if (Lower(a.name) != Lower(a.label)) c.aliases.push_back(a.name);
    added_of.emplace(c.id, added.size());
    added.push_back(std::move(c));
  }
  // The vocabulary anew: curated, alias concepts, descriptors.
  Vocabulary out;
  out.set_mesh_year(table.year);
  out.set_common_words(std::move(common));
  for (std::size_t i = 0; i < curated.size(); ++i) {
    out.Add(std::move(curated[i]), curated_names[i]);
  }
  for (Concept& c : added) out.Add(std::move(c));
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    Concept& d = table.rows[r];
    if (overlay.count(d.id)) continue;
    std::vector<std::string> parents;
    for (const std::string& p : d.is_a) {
      const std::string id = canonical(p);
      const Concept* parent = out.Find(id);
      auto in_table = row_of.find(p);
      const Concept* row = parent != nullptr ? parent
                           : in_table != row_of.end()
                               ? &table.rows[in_table->second]
                               : nullptr;
      if (row != nullptr && row->kind == d.kind &&
          std::find(parents.begin(), parents.end(), id) == parents.end()) {
        parents.push_back(id);
      }
    }
    d.is_a = std::move(parents);
    out.Add(std::move(d), table.names[r]);
  }
  for (const auto& [ui, id] : overlay) out.AddAlternateId(ui, id);
  *vocab = std::move(out);
}

}  // namespace

const char* ConceptScopeName(ConceptScope scope) {
  switch (scope) {
    case ConceptScope::kArgument:
      return "argument";
    case ConceptScope::kClass:
      return "class";
    case ConceptScope::kPopulation:
      return "population";
    case ConceptScope::kOther:
      return "other";
  }
  return "argument";
}

bool IsLiteral(const Concept* c) {
  return c != nullptr && c->source == ConceptSource::kLiteral;
}

bool IsLiteralId(std::string_view id) {
  return id.substr(0, kLiteralPrefix.size()) == kLiteralPrefix;
}

const char* ConceptSourceName(ConceptSource source) {
  switch (source) {
    case ConceptSource::kCurated:
      return "curated";
    case ConceptSource::kAlias:
      return "alias";
    case ConceptSource::kMesh:
      return "mesh";
    case ConceptSource::kHarvested:
      return "harvested";
    case ConceptSource::kLiteral:
      return "literal";
  }
  return "curated";
}

const char* MatchHowName(MatchHow how) {
  switch (how) {
    case MatchHow::kExact:
      return "exact";
    case MatchHow::kSynonym:
      return "synonym";
    case MatchHow::kAbbreviation:
      return "abbreviation";
    case MatchHow::kAlias:
      return "alias";
    case MatchHow::kHarvested:
      return "harvested";
  }
  return "exact";
}

std::vector<std::string_view> SplitTerms(std::string_view joined) {
  return concepts_internal::SplitList(joined, '|');
}

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
  const std::string mesh_dir = (fs::path(kb_dir) / "mesh").string();
  const std::string table = mesh_dir + "/descriptors.tsv";
  if (fs::exists(table, ec)) {
    MeshTable mesh;
    concepts_internal::ReadMeshTable(table, &mesh, problems);
    LayMesh(mesh_dir, std::move(mesh), out, problems);
  }
  if (problems->size() > before) {
    return Status::Corruption(kb_dir + ": " +
                              std::to_string(problems->size() - before) +
                              " problem(s) in the concept vocabulary");
  }
  return Status::OK();
}

// docs/vocabulary.md, "Harvested concepts".
std::size_t Vocabulary::AddHarvested(const std::vector<HarvestedName>& names) {
  const std::size_t first = concepts_.size();
  std::map<std::string, std::vector<const HarvestedName*>> by_ui;
  for (const HarvestedName& h : names) {
    if (h.ui.size() < 2 || h.ui[0] != 'C' || h.name.empty()) continue;
    by_ui[h.ui].push_back(&h);
  }
  for (const auto& [ui, list] : by_ui) {
    if (Find(ui) != nullptr) continue;
    Concept c;
    c.id = ui;
    c.mesh = ui;
    c.source = ConceptSource::kHarvested;
    c.kind = list.front()->type == "Disease" ? ConceptKind::kOutcome
                                             : ConceptKind::kIntervention;
    if (c.kind == ConceptKind::kOutcome) c.better = Better::kLower;
    for (const HarvestedName* h : list) {
      // "TERT protein, human": the species after the comma is dropped; a
      // name that keeps a comma stays a label, never matched.
      std::string name = h->name;
      const std::size_t comma = name.find(", ");
      if (comma != std::string::npos &&
          name.find_first_of(", ", comma + 2) == std::string::npos &&
          comma + 2 < name.size() && name[comma + 2] >= 'a' &&
          name[comma + 2] <= 'z') {
        name.resize(comma);
      }
      if (c.label.empty()) {
        c.label = name;
      } else if (std::find(c.aliases.begin(), c.aliases.end(), name) ==
                     c.aliases.end() &&
                 name != c.label) {
        c.aliases.push_back(name);
      }
    }
    Add(std::move(c));
  }
  return first;
}

Status Vocabulary::AddAlternateId(const std::string& ui,
                                  const std::string& id) {
  if (Find(id) == nullptr || FindId(ui) != nullptr) {
    return Status::InvalidArgument("bad alternate id '" + ui + "'");
  }
  alternate_[ui] = id;
  return Status::OK();
}

std::span<const std::uint32_t> Vocabulary::ChildrenOf(
    std::string_view id) const {
  if (!children_) return {};
  auto build = [this] {
    const std::size_t n = concepts_.size();
    std::vector<std::uint64_t> pairs;  // parent << 32 | child
    for (std::size_t i = 0; i < n; ++i) {
      for (const std::string& parent : concepts_[i].is_a) {
        const std::size_t p = Resolve(parent);
        if (p != n) pairs.push_back(static_cast<std::uint64_t>(p) << 32 | i);
      }
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    children_->begin.assign(n + 1, 0);
    for (std::uint64_t pc : pairs) ++children_->begin[(pc >> 32) + 1];
    for (std::size_t i = 0; i < n; ++i) {
      children_->begin[i + 1] += children_->begin[i];
    }
    children_->list.reserve(pairs.size());
    for (std::uint64_t pc : pairs) {
      children_->list.push_back(static_cast<std::uint32_t>(pc & 0xffffffffu));
    }
  };
  if (!children_->adopted) std::call_once(children_->once, build);
  const std::size_t i = Resolve(id);
  if (i == concepts_.size()) return {};
  return {children_->list.data() + children_->begin[i],
          children_->list.data() + children_->begin[i + 1]};
}

Vocabulary::Index Vocabulary::ExportIndex() const {
  Index index;
  for (std::size_t i = 0; i < concepts_.size(); ++i) {
    index.by_id.push_back(static_cast<std::uint32_t>(i));
  }
  std::sort(index.by_id.begin(), index.by_id.end(),
            [this](std::uint32_t a, std::uint32_t b) {
              return concepts_.IdAt(a) < concepts_.IdAt(b);
            });
  ChildrenOf("");  // builds the child index
  index.child_begin = children_->begin;
  index.children = children_->list;
  index.mesh_names = mesh_names_;
  index.mesh_spans = mesh_spans_;
  index.mesh_spans.resize(kSpansPerConcept * concepts_.size(), 0);
  return index;
}

Status Vocabulary::Adopt(ConceptTable concepts, Index index, Vocabulary* out) {
  const std::size_t n = concepts.size();
  const auto bad = [](const char* what) {
    return Status::InvalidArgument(std::string("vocabulary index: ") + what);
  };
  if (n >= 0xffffffffu || index.by_id.size() != n ||
      index.child_begin.size() != n + 1 || index.child_begin[0] != 0 ||
      index.child_begin[n] != index.children.size()) {
    return bad("lengths do not fit the concepts");
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (index.by_id[i] >= n ||
        (i > 0 && !(concepts.IdAt(index.by_id[i - 1]) <
                    concepts.IdAt(index.by_id[i]))) ||
        index.child_begin[i] > index.child_begin[i + 1] ||
        concepts.IdAt(i).empty()) {
      return bad("ids out of order or out of range");
    }
  }
  for (std::uint32_t child : index.children) {
    if (child >= n) return bad("a child out of range");
  }
  if (index.mesh_spans.size() != kSpansPerConcept * n)
    return bad("MeSH names do not fit");
  for (std::size_t k = 0; k < index.mesh_spans.size(); k += 2) {
    if (index.mesh_spans[k] > index.mesh_names.size() ||
        index.mesh_spans[k + 1] >
            index.mesh_names.size() - index.mesh_spans[k]) {
      return bad("MeSH names out of range");
    }
  }
  Vocabulary v;
  v.concepts_ = std::move(concepts);
  v.by_id_ = std::move(index.by_id);
  v.children_->begin = std::move(index.child_begin);
  v.children_->list = std::move(index.children);
  v.children_->adopted = true;
  v.mesh_names_ = std::move(index.mesh_names);
  v.mesh_spans_ = std::move(index.mesh_spans);
  v.mesh_year_ = std::move(out->mesh_year_);
  v.common_ = std::move(out->common_);
  *out = std::move(v);
  return Status::OK();
}

std::string_view Vocabulary::MeshSpan(const Concept& c, int which) const {
  const std::size_t i = IndexOf(c.id);
  if (i >= concepts_.size() || &concepts_[i] != &c ||
      kSpansPerConcept * (i + 1) > mesh_spans_.size()) {
    return {};
  }
  return std::string_view(mesh_names_)
      .substr(mesh_spans_[kSpansPerConcept * i + 2 * which],
              mesh_spans_[kSpansPerConcept * i + 2 * which + 1]);
}

std::string_view Vocabulary::MeshTerms(const Concept& c) const {
  return MeshSpan(c, 0);
}

std::string_view Vocabulary::MeshAbbreviations(const Concept& c) const {
  return MeshSpan(c, 1);
}

std::string_view Vocabulary::MeshActions(const Concept& c) const {
  return MeshSpan(c, 2);
}

Status Vocabulary::Add(Concept entry, const MeshNames& names) {
  children_ = std::make_unique<ChildIndex>();  // built again when asked
  if (entry.id.empty()) return Status::InvalidArgument("empty concept id");
  if (IndexOf(entry.id) != concepts_.size()) {
    return Status::InvalidArgument("duplicate concept id '" + entry.id + "'");
  }
  index_.emplace(entry.id, concepts_.size());
  mesh_spans_.resize(kSpansPerConcept * concepts_.size(), 0);
  for (const std::string* list :
       {&names.terms, &names.abbreviations, &names.actions}) {
    mesh_spans_.push_back(static_cast<std::uint32_t>(mesh_names_.size()));
    mesh_spans_.push_back(static_cast<std::uint32_t>(list->size()));
    mesh_names_ += *list;
  }
  concepts_.push_back(std::move(entry));
  return Status::OK();
}

std::size_t Vocabulary::IndexOf(std::string_view id) const {
  auto it = std::lower_bound(by_id_.begin(), by_id_.end(), id,
                             [this](std::uint32_t i, std::string_view key) {
                               return concepts_.IdAt(i) < key;
                             });
  if (it != by_id_.end() && concepts_.IdAt(*it) == id) return *it;
  auto hashed = index_.find(id);
  return hashed == index_.end() ? concepts_.size() : hashed->second;
}

const Concept* Vocabulary::FindId(std::string_view id) const {
  const std::size_t i = IndexOf(id);
  return i < concepts_.size() ? &concepts_[i] : nullptr;
}

std::size_t Vocabulary::Resolve(std::string_view id) const {
  const std::size_t i = IndexOf(id);
  if (i != concepts_.size()) return i;
  auto alt = alternate_.find(id);
  return alt == alternate_.end() ? i : IndexOf(alt->second);
}

const Concept* Vocabulary::Find(std::string_view id) const {
  const std::size_t i = Resolve(id);
  return i < concepts_.size() ? &concepts_[i] : nullptr;
}

std::string Vocabulary::LabelOf(std::string_view id) const {
  const Concept* c = Find(id);
  if (c != nullptr) return c->label;
  // A literal argument (claims.h): its words, quoted, as no concept's name.
  if (IsLiteralId(id)) {
    return "\"" + std::string(id.substr(kLiteralPrefix.size())) + "\"";
  }
  return std::string(id);
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
