// ConceptTable: a vocabulary's concepts, built from a snapshot's columns
// when first asked for (docs/scale.md, "The vocabulary in a snapshot").
// Covered by tests/concepts/concept_table_test.cc and
// tests/kb/kb_snapshot_test.cc.
#include <atomic>
#include <utility>

#include "base/member_count.h"
#include "claimcheck/concepts.h"

namespace claimcheck {

// Every member of Concept is a column: the count fails the build when one
// is added.
static_assert(MemberCount<Concept>() == 16, "ConceptColumns: every member");

namespace {

constexpr int kStrings = 6;  // id, label, category, mesh, file, taken_as
constexpr int kLists = 5;  // synonyms, cased_synonyms, antonyms, is_a, aliases
constexpr int kEnums = 4;  // kind, better, scope, source

// The text members of a concept in column order, then its lists: what
// ToColumns writes and Build reads, through this one list.
template <class C, class OnString, class OnList>
void ForEachText(C& c, OnString on_string, OnList on_list) {
  for (auto* s :
       {&c.id, &c.label, &c.category, &c.mesh, &c.file, &c.taken_as}) {
    on_string(*s);
  }
  for (auto* list :
       {&c.synonyms, &c.cased_synonyms, &c.antonyms, &c.is_a, &c.aliases}) {
    on_list(*list);
  }
}

void Put(ConceptColumns* out, const std::string& s) {
  out->spans.push_back(static_cast<std::uint32_t>(out->text.size()));
  out->spans.push_back(static_cast<std::uint32_t>(s.size()));
  out->text += s;
}

}  // namespace

struct ConceptTable::Columns {
  ConceptColumns in;
  // Where concept i's spans start (index of its first start in in.spans).
  std::vector<std::uint32_t> first;

  std::string_view Span(std::size_t k) const {
    return std::string_view(in.text).substr(in.spans[k], in.spans[k + 1]);
  }
};

ConceptTable::ConceptTable() = default;

ConceptTable::~ConceptTable() {
  for (Concept* c : slots_) delete c;
}

ConceptTable::ConceptTable(ConceptTable&& o) noexcept
    : columns_(std::move(o.columns_)), slots_(std::move(o.slots_)) {
  o.slots_.clear();
}

ConceptTable& ConceptTable::operator=(ConceptTable&& o) noexcept {
  if (this != &o) {
    for (Concept* c : slots_) delete c;
    columns_ = std::move(o.columns_);
    slots_ = std::move(o.slots_);
    o.slots_.clear();
  }
  return *this;
}

std::optional<ConceptTable> ConceptTable::FromColumns(ConceptColumns in) {
  const std::size_t n = in.lines.size();
  if (n >= 0xffffffffu || in.counts.size() != kLists * n ||
      in.enums.size() != kEnums * n || in.spans.size() % 2 != 0 ||
      in.spans.size() >= 0xffffffffu) {
    return std::nullopt;
  }
  for (std::size_t k = 0; k < in.spans.size(); k += 2) {
    if (in.spans[k] > in.text.size() ||
        in.spans[k + 1] > in.text.size() - in.spans[k]) {
      return std::nullopt;
    }
  }
  auto columns = std::make_unique<Columns>();
  columns->first.reserve(n);
  std::size_t span = 0;
  for (std::size_t i = 0; i < n; ++i) {
    columns->first.push_back(static_cast<std::uint32_t>(span));
    std::size_t strings = kStrings;
    for (int k = 0; k < kLists; ++k) strings += in.counts[kLists * i + k];
    if (strings > (in.spans.size() - span) / 2) return std::nullopt;
    span += 2 * strings;
    const std::uint8_t* e = &in.enums[kEnums * i];
    if (e[0] > 2 || e[1] > 2 || e[2] > 3 || e[3] > 3) return std::nullopt;
  }
  if (span != in.spans.size()) return std::nullopt;
  columns->in = std::move(in);
  ConceptTable table;
  table.slots_.assign(n, nullptr);
  table.columns_ = std::move(columns);
  return table;
}

ConceptColumns ConceptTable::ToColumns() const {
  ConceptColumns out;
  for (const Concept& c : *this) {
    ForEachText(
        c, [&](const std::string& s) { Put(&out, s); },
        [&](const std::vector<std::string>& list) {
          out.counts.push_back(static_cast<std::uint32_t>(list.size()));
          for (const std::string& s : list) Put(&out, s);
        });
    out.enums.push_back(static_cast<std::uint8_t>(c.kind));
    out.enums.push_back(static_cast<std::uint8_t>(c.better));
    out.enums.push_back(static_cast<std::uint8_t>(c.scope));
    out.enums.push_back(static_cast<std::uint8_t>(c.source));
    out.lines.push_back(c.line);
  }
  return out;
}

const Concept& ConceptTable::operator[](std::size_t i) const {
  const Concept* built =
      std::atomic_ref<Concept*>(slots_[i]).load(std::memory_order_acquire);
  return built != nullptr ? *built : Build(i);
}

// Only concepts of columns_ are ever null (push_back stores built ones).
// Two threads may build the same one: the first to store it wins and the
// other's copy is dropped.
const Concept& ConceptTable::Build(std::size_t i) const {
  const Columns& cols = *columns_;
  const ConceptColumns& in = cols.in;
  auto c = std::make_unique<Concept>();
  std::size_t span = cols.first[i];
  auto take = [&](std::string* s) {
    *s = cols.Span(span);
    span += 2;
  };
  std::size_t k = 0;
  ForEachText(
      *c, [&](std::string& s) { take(&s); },
      [&](std::vector<std::string>& list) {
        list.resize(in.counts[kLists * i + k++]);
        for (std::string& s : list) take(&s);
      });
  const std::uint8_t* e = &in.enums[kEnums * i];
  c->kind = static_cast<ConceptKind>(e[0]);
  c->better = static_cast<Better>(e[1]);
  c->scope = static_cast<ConceptScope>(e[2]);
  c->source = static_cast<ConceptSource>(e[3]);
  c->line = static_cast<std::size_t>(in.lines[i]);
  Concept* expected = nullptr;
  std::atomic_ref<Concept*> slot(slots_[i]);
  if (slot.compare_exchange_strong(expected, c.get(), std::memory_order_acq_rel,
                                   std::memory_order_acquire)) {
    return *c.release();
  }
  return *expected;
}

std::string_view ConceptTable::IdAt(std::size_t i) const {
  if (columns_ != nullptr && i < columns_->first.size()) {
    return columns_->Span(columns_->first[i]);
  }
  return (*this)[i].id;
}

ConceptKind ConceptTable::KindAt(std::size_t i) const {
  if (columns_ != nullptr && i < columns_->first.size()) {
    return static_cast<ConceptKind>(columns_->in.enums[kEnums * i]);
  }
  return (*this)[i].kind;
}

ConceptSource ConceptTable::SourceAt(std::size_t i) const {
  if (columns_ != nullptr && i < columns_->first.size()) {
    return static_cast<ConceptSource>(columns_->in.enums[kEnums * i + 3]);
  }
  return (*this)[i].source;
}

void ConceptTable::push_back(Concept c) {
  auto owned = std::make_unique<Concept>(std::move(c));
  slots_.push_back(owned.get());
  owned.release();
}

}  // namespace claimcheck
