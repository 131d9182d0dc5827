// Reads claims.json, studies.json and reference_values.json into Knowledge,
// and holds the word tables of the evidence enums (see knowledge.h).
// Covered by tests/kb/knowledge_test.cc.
#include "claimcheck/knowledge.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <utility>

#include "base/word_table.h"
#include "claimcheck/kb.h"
#include "kb/evidence_file.h"

namespace claimcheck {

namespace {

constexpr WordTable<Stance, 5> kStanceWords{{{
    {Stance::kSupports, "supports"},
    {Stance::kRefutes, "refutes"},
    {Stance::kNullResult, "no_effect"},
    {Stance::kMixed, "mixed"},
    {Stance::kContext, "context"},
}}};
static_assert(kStanceWords.InEnumOrder());

constexpr WordTable<Directness, 7> kDirectnessWords{{{
    {Directness::kDirect, "direct"},
    {Directness::kOtherForm, "other_form"},
    {Directness::kOtherPopulation, "other_population"},
    {Directness::kSurrogateOutcome, "surrogate_outcome"},
    {Directness::kAnimal, "animal"},
    {Directness::kInVitro, "in_vitro"},
    {Directness::kMechanistic, "mechanistic"},
}}};
static_assert(kDirectnessWords.InEnumOrder());

constexpr WordTable<ReferenceKind, 6> kReferenceKindWords{{{
    {ReferenceKind::kRda, "rda"},
    {ReferenceKind::kUpperLimit, "upper_limit"},
    {ReferenceKind::kAdvice, "advice"},
    {ReferenceKind::kLabel, "label"},
    {ReferenceKind::kCaution, "caution"},
    {ReferenceKind::kUnitConversion, "unit_conversion"},
}}};
static_assert(kReferenceKindWords.InEnumOrder());

using Value = rapidjson::Value;

enum class Need { kOptional, kRequired };

// Typed reads of one item's members. A member that is absent or null reads
// as empty (a problem when it is required); one of the wrong type is a
// problem. Checks beyond the type are kb check's (evidence_check.cc).
class ItemReader {
 public:
  explicit ItemReader(EvidenceFile* file) : file_(file) {}

  std::string String(const Value& object, const char* name, Need need) {
    const Value* v = Member(object, name, need);
    if (v == nullptr) return {};
    if (!v->IsString()) {
      Expected(name, need == Need::kRequired ? "a string" : "a string or null");
      return {};
    }
    return std::string(v->GetString(), v->GetStringLength());
  }

  std::vector<std::string> Strings(const Value& object, const char* name) {
    std::vector<std::string> out;
    const Value* v = Member(object, name, Need::kOptional);
    if (v == nullptr) return out;
    bool strings = v->IsArray();
    for (std::size_t i = 0; strings && i < v->Size(); ++i) {
      const Value& s = (*v)[static_cast<rapidjson::SizeType>(i)];
      strings = s.IsString();
      if (strings) out.emplace_back(s.GetString(), s.GetStringLength());
    }
    if (!strings) Expected(name, "a list of strings");
    return out;
  }

  std::optional<std::uint64_t> Whole(const Value& object, const char* name) {
    const Value* v = Member(object, name, Need::kOptional);
    if (v == nullptr) return std::nullopt;
    if (!v->IsUint64()) {
      Expected(name, "a whole number or null");
      return std::nullopt;
    }
    return v->GetUint64();
  }

  bool Bool(const Value& object, const char* name) {
    const Value* v = Member(object, name, Need::kOptional);
    if (v == nullptr) return false;
    if (!v->IsBool()) Expected(name, "true or false");
    return v->IsBool() && v->GetBool();
  }

  // An object member; nullptr when it is absent, null or not an object.
  const Value* Object(const Value& object, const char* name, Need need) {
    const Value* v = Member(object, name, need);
    if (v != nullptr && !v->IsObject()) {
      Expected(name, "an object");
      return nullptr;
    }
    return v;
  }

  // An array member; nullptr when it is absent, null or not an array.
  const Value* Array(const Value& object, const char* name, Need need) {
    const Value* v = Member(object, name, need);
    if (v != nullptr && !v->IsArray()) {
      Expected(name, "a list");
      return nullptr;
    }
    return v;
  }

  // {min, max, unit, per, basis}; nullopt when absent or null.
  std::optional<Amount> ReadAmount(const Value& object, const char* name) {
    const Value* v = Object(object, name, Need::kOptional);
    if (v == nullptr) return std::nullopt;
    Amount amount;
    amount.min = Number(*v, "min");
    amount.max = Number(*v, "max");
    amount.unit = String(*v, "unit", Need::kOptional);
    amount.per = String(*v, "per", Need::kOptional);
    amount.basis = String(*v, "basis", Need::kOptional);
    return amount;
  }

  // A required enum word, parsed with `parse`; E{} after a problem.
  template <typename E>
  E Word(const Value& object, const char* name,
         std::optional<E> (*parse)(std::string_view)) {
    const char* word = file_->Word(
        object, name, [&](std::string_view w) { return parse(w).has_value(); });
    return word ? *parse(word) : E{};
  }

  void Problem(const std::string& message) { file_->Problem(message); }

 private:
  const Value* Member(const Value& object, const char* name, Need need) {
    auto it = object.FindMember(name);
    if (it == object.MemberEnd() || it->value.IsNull()) {
      if (need == Need::kRequired) {
        file_->Problem(std::string("\"") + name + "\" is missing");
      }
      return nullptr;
    }
    return &it->value;
  }

  std::optional<double> Number(const Value& object, const char* name) {
    const Value* v = Member(object, name, Need::kOptional);
    if (v == nullptr) return std::nullopt;
    if (!v->IsNumber()) {
      Expected(name, "a number or null");
      return std::nullopt;
    }
    return v->GetDouble();
  }

  void Expected(const char* name, const char* what) {
    file_->Problem(std::string("\"") + name + "\" must be " + what);
  }

  EvidenceFile* file_;
};

void ReadQualifiers(ItemReader& r, const Value& q, ClaimQualifiers* out) {
  const std::pair<const char*, std::string ClaimQualifiers::*> named[] = {
      {"form", &ClaimQualifiers::form},
      {"population", &ClaimQualifiers::population},
      {"timing", &ClaimQualifiers::timing},
      {"outcome", &ClaimQualifiers::outcome},
  };
  for (const auto& member : q.GetObject()) {
    const std::string key(member.name.GetString(),
                          member.name.GetStringLength());
    if (key == "dose") {
      out->dose = r.ReadAmount(q, "dose");
    } else if (key == "onset") {
      out->onset = r.ReadAmount(q, "onset");
    } else if (key == "comparators") {
      out->comparators = r.Strings(q, "comparators");
    } else {
      std::string value = r.String(q, key.c_str(), Need::kOptional);
      std::string* target = member.value.IsNull() ? nullptr : &out->other[key];
      for (const auto& [name, field] : named) {
        if (key == name) target = &(out->*field);
      }
      if (target != nullptr) *target = std::move(value);
    }
  }
}

CuratedClaim ReadClaim(ItemReader& r, const Value& v) {
  CuratedClaim c;
  c.id = r.String(v, "id", Need::kRequired);
  c.text = r.String(v, "text", Need::kRequired);
  c.sheet_claim = r.String(v, "sheet_claim", Need::kOptional);
  c.kind = r.Word(v, "kind", ParseClaimKind);
  c.subject = r.String(v, "subject", Need::kRequired);
  c.relation = r.String(v, "relation", Need::kRequired);
  c.object = r.String(v, "object", Need::kOptional);
  if (const Value* q = r.Object(v, "qualifiers", Need::kRequired)) {
    ReadQualifiers(r, *q, &c.qualifiers);
  }
  if (const Value* also = r.Array(v, "also", Need::kOptional)) {
    for (const Value& triple : also->GetArray()) {
      if (!triple.IsObject()) {
        r.Problem("\"also\" entries must be objects");
        continue;
      }
      c.also.push_back({r.String(triple, "relation", Need::kRequired),
                        r.String(triple, "object", Need::kRequired)});
    }
  }
  c.note = r.String(v, "note", Need::kOptional);
  return c;
}

Intervention ReadIntervention(ItemReader& r, const Value& v) {
  Intervention i;
  i.concept_id = r.String(v, "concept", Need::kOptional);
  i.concepts = r.Strings(v, "concepts");
  i.form = r.String(v, "form", Need::kOptional);
  i.dose = r.String(v, "dose", Need::kOptional);
  return i;
}

std::vector<CuratedEvidence> ReadEvidenceList(ItemReader& r, const Value& v) {
  std::vector<CuratedEvidence> list;
  const Value* entries = r.Array(v, "evidence", Need::kRequired);
  if (entries == nullptr) return list;
  for (const Value& e : entries->GetArray()) {
    if (!e.IsObject()) {
      r.Problem("evidence entries must be objects");
      continue;
    }
    CuratedEvidence entry;
    entry.claim = r.String(e, "claim", Need::kRequired);
    entry.stance = r.Word(e, "stance", ParseStance);
    entry.directness = r.Word(e, "directness", ParseDirectness);
    entry.note = r.String(e, "note", Need::kOptional);
    list.push_back(std::move(entry));
  }
  return list;
}

// The bibliographic and descriptive string members of a study, all nullable.
constexpr std::pair<const char*, std::string Study::*> kStudyStrings[] = {
    {"pmid", &Study::pmid},
    {"pmcid", &Study::pmcid},
    {"doi", &Study::doi},
    {"first_author", &Study::first_author},
    {"journal", &Study::journal},
    {"title", &Study::title},
    {"design_detail", &Study::design_detail},
    {"population", &Study::population},
    {"comparator", &Study::comparator},
    {"outcome", &Study::outcome},
    {"finding", &Study::finding},
    {"authors_certainty", &Study::authors_certainty},
    {"authors_grade", &Study::authors_grade},
    {"risk_of_bias", &Study::risk_of_bias},
    {"funding_or_coi", &Study::funding_or_coi},
    {"secondary_analysis_of", &Study::secondary_analysis_of},
    {"uncertain", &Study::uncertain},
    {"read_via", &Study::read_via},
};

Study ReadStudy(ItemReader& r, const Value& v) {
  Study s;
  s.id = r.String(v, "id", Need::kRequired);
  for (const auto& [name, field] : kStudyStrings) {
    s.*field = r.String(v, name, Need::kOptional);
  }
  if (auto year = r.Whole(v, "year")) s.year = static_cast<int>(*year);
  s.design = r.Word(v, "design", ParseDesign);
  if (auto n = r.Whole(v, "n")) s.n = static_cast<long long>(*n);
  if (const Value* i = r.Object(v, "intervention", Need::kOptional)) {
    s.intervention = ReadIntervention(r, *i);
  }
  s.includes = r.Strings(v, "includes");
  s.retracted = r.Bool(v, "retracted");
  s.urls = r.Strings(v, "urls");
  s.evidence = ReadEvidenceList(r, v);
  return s;
}

ReferenceValue ReadReferenceValue(ItemReader& r, const Value& v) {
  ReferenceValue value;
  value.id = r.String(v, "id", Need::kRequired);
  value.kind = r.Word(v, "kind", ParseReferenceKind);
  value.concept_id = r.String(v, "concept", Need::kRequired);
  value.amount = r.ReadAmount(v, "amount");
  value.population = r.String(v, "population", Need::kOptional);
  value.source = r.String(v, "source", Need::kRequired);
  value.note = r.String(v, "note", Need::kOptional);
  value.also_sources = r.Strings(v, "also_sources");
  value.intake_source = r.String(v, "intake_source", Need::kOptional);
  value.condition = r.String(v, "condition", Need::kOptional);
  value.group = r.String(v, "group", Need::kOptional);
  return value;
}

// Reads every item of an opened file with `read`; an item with a problem is
// left out.
template <typename T>
void ReadItems(EvidenceFile* file, const char* what,
               T (*read)(ItemReader&, const Value&), std::vector<T>* out) {
  ItemReader reader(file);
  std::size_t index = 0;
  for (const Value& item : file->Items().GetArray()) {
    file->At(what, index++, item);
    if (!item.IsObject()) {
      file->Problem(std::string("a ") + what + " must be a JSON object");
      continue;
    }
    const std::size_t before = file->problem_count();
    T value = read(reader, item);
    value.line = file->line();
    if (file->problem_count() == before) out->push_back(std::move(value));
  }
}

template <typename T>
const T* FindIn(const std::vector<T>& items,
                const std::map<std::string, std::size_t, std::less<>>& index,
                std::string_view id) {
  auto it = index.find(id);
  return it == index.end() ? nullptr : &items[it->second];
}

template <typename T>
std::map<std::string, std::size_t, std::less<>> IndexOf(
    const std::vector<T>& items) {
  std::map<std::string, std::size_t, std::less<>> index;
  for (std::size_t i = 0; i < items.size(); ++i) index.emplace(items[i].id, i);
  return index;
}

}  // namespace

const char* StanceName(Stance stance) { return kStanceWords.Name(stance, "?"); }
std::optional<Stance> ParseStance(std::string_view name) {
  return kStanceWords.Parse(name);
}
const std::vector<Stance>& AllStances() {
  static const std::vector<Stance> all = kStanceWords.All();
  return all;
}

const char* DirectnessName(Directness directness) {
  return kDirectnessWords.Name(directness, "?");
}
std::optional<Directness> ParseDirectness(std::string_view name) {
  return kDirectnessWords.Parse(name);
}
const std::vector<Directness>& AllDirectness() {
  static const std::vector<Directness> all = kDirectnessWords.All();
  return all;
}

std::string FormatNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

std::string AmountWords(const Amount& a) {
  if (!a.min && !a.max) return "";
  std::string out;
  if (a.min && a.max && *a.min != *a.max) out = FormatNumber(*a.min) + "-";
  out += FormatNumber(a.max ? *a.max : *a.min) + " " + a.unit;
  if (!a.per.empty()) out += "/" + a.per;
  return out;
}

const char* ReferenceKindName(ReferenceKind kind) {
  return kReferenceKindWords.Name(kind, "?");
}
std::optional<ReferenceKind> ParseReferenceKind(std::string_view name) {
  return kReferenceKindWords.Parse(name);
}
const std::vector<ReferenceKind>& AllReferenceKinds() {
  static const std::vector<ReferenceKind> all = kReferenceKindWords.All();
  return all;
}

Knowledge::Knowledge() = default;
Knowledge::~Knowledge() = default;
Knowledge::Knowledge(Knowledge&&) noexcept = default;
Knowledge& Knowledge::operator=(Knowledge&&) noexcept = default;

Status Knowledge::Load(const std::string& kb_dir, const Vocabulary& vocabulary,
                       Knowledge* out, Diagnostics* problems) {
  const std::string claims_path = kb_dir + "/claims.json";
  const std::string studies_path = kb_dir + "/studies.json";
  const std::string references_path = kb_dir + "/reference_values.json";
  // A missing file is the caller's mistake (a wrong --kb), not a problem of
  // the data, so it is reported alone and before anything is read.
  for (const std::string* path :
       {&claims_path, &studies_path, &references_path}) {
    std::error_code ec;
    if (!std::filesystem::exists(*path, ec)) {
      return Status::NotFound(*path +
                              ": no such file (is --kb a knowledge base?)");
    }
  }
  Knowledge k;
  const std::size_t before = problems->size();
  EvidenceFile claims(claims_path, problems);
  EvidenceFile studies(studies_path, problems);
  EvidenceFile references(references_path, problems);
  const Status read[] = {claims.Open("claims"), studies.Open("studies"),
                         references.Open("reference_values")};
  if (read[0].ok()) ReadItems(&claims, "claim", ReadClaim, &k.claims_);
  if (read[1].ok()) ReadItems(&studies, "study", ReadStudy, &k.studies_);
  if (read[2].ok()) {
    ReadItems(&references, "reference value", ReadReferenceValue,
              &k.reference_values_);
  }
  // The invariants between items and files, on the documents just parsed.
  if (problems->size() == before) {
    CheckEvidenceFiles(
        {read[0].ok() ? &claims : nullptr, read[1].ok() ? &studies : nullptr,
         read[2].ok() ? &references : nullptr},
        vocabulary);
  }
  k.Index();
  *out = std::move(k);
  for (const Status& status : read) {
    if (!status.ok() && status.code() != Status::Code::kCorruption) {
      return status;
    }
  }
  if (problems->size() > before) {
    return Status::Corruption(kb_dir + ": " +
                              std::to_string(problems->size() - before) +
                              " problem(s) in the curated evidence");
  }
  return Status::OK();
}

Knowledge Knowledge::Assemble(std::vector<CuratedClaim> claims,
                              std::vector<Study> studies,
                              std::vector<ReferenceValue> reference_values) {
  Knowledge k;
  k.claims_ = std::move(claims);
  k.studies_ = std::move(studies);
  k.reference_values_ = std::move(reference_values);
  k.Index();
  return k;
}

void Knowledge::Index() {
  claim_index_ = IndexOf(claims_);
  study_index_ = IndexOf(studies_);
  reference_index_ = IndexOf(reference_values_);
  by_claim_.clear();
  for (const Study& study : studies_) {
    for (const CuratedEvidence& entry : study.evidence) {
      by_claim_[entry.claim].push_back({&study, &entry});
    }
  }
}

const CuratedClaim* Knowledge::FindClaim(std::string_view id) const {
  return FindIn(claims_, claim_index_, id);
}

const Study* Knowledge::FindStudy(std::string_view id) const {
  return FindIn(studies_, study_index_, id);
}

const ReferenceValue* Knowledge::FindReferenceValue(std::string_view id) const {
  return FindIn(reference_values_, reference_index_, id);
}

const std::vector<ClaimEvidence>& Knowledge::StudiesForClaim(
    std::string_view claim_id) const {
  static const std::vector<ClaimEvidence> kNone;
  auto it = by_claim_.find(claim_id);
  return it == by_claim_.end() ? kNone : it->second;
}

}  // namespace claimcheck
