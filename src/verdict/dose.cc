// A dose claim's amount against the kb's reference values: docs/verdicts.md,
// "8. Doses against reference values". Covered by
// tests/verdict/curated_verdicts_test.cc and tests/report/audit_test.cc.
#include "verdict/dose.h"

#include <set>
#include <string>

#include "claimcheck/verdict.h"

namespace claimcheck {

namespace {

bool IsDailyMgLimit(const ReferenceValue& r, const std::string& concept_id) {
  return r.kind == ReferenceKind::kUpperLimit && r.concept_id == concept_id &&
         r.amount && r.amount->max && r.amount->unit == "mg" &&
         r.amount->per == "day";
}

}  // namespace

std::optional<DoseReading> ReadDose(const Vocabulary& vocabulary,
                                    const Knowledge& knowledge,
                                    std::string_view subject,
                                    const Quantity& q) {
  const Concept* named = vocabulary.Find(subject);
  if (named == nullptr) return std::nullopt;
  DoseReading out;
  out.amount = (q.min != q.max ? FormatNumber(q.min) + "-" : std::string()) +
               FormatNumber(q.max) + " " + q.unit +
               (q.per.empty() ? "" : "/" + q.per);
  double scale = 0;
  if (q.unit == "mg") scale = 1;
  if (q.unit == "g") scale = 1000;
  if (q.unit == "mcg") scale = 0.001;
  if (scale > 0 && (q.per.empty() || q.per == "day" || q.per == "dose")) {
    out.daily_mg = q.max * scale;
    out.per_day_assumed = q.per != "day";
  }
  // The subject's own limit, else its nearest ancestor's (the first is-a
  // parent, as a salt hangs under its mineral).
  std::set<std::string> seen;
  for (const Concept* c = named; c != nullptr && seen.insert(c->id).second;
       c = c->is_a.empty() ? nullptr : vocabulary.Find(c->is_a.front())) {
    for (const ReferenceValue& r : knowledge.reference_values()) {
      if (!IsDailyMgLimit(r, c->id)) continue;
      if (out.upper_limit == nullptr ||
          *r.amount->max < *out.upper_limit->amount->max) {
        out.upper_limit = &r;
        out.limit_of = c->id;
      }
    }
    if (out.upper_limit != nullptr) break;
  }
  if (out.upper_limit != nullptr) {
    for (const ReferenceValue& r : knowledge.reference_values()) {
      if (r.kind == ReferenceKind::kRda && r.concept_id == out.limit_of) {
        out.intakes.push_back(&r);
      }
    }
    out.above = out.daily_mg >= 0 && q.basis != "compound" &&
                out.daily_mg > *out.upper_limit->amount->max;
  }
  return out;
}

namespace verdict_internal {

namespace {

// "IOM 1997" for a reference value's source study, its id when unknown.
std::string SourceName(const Knowledge& knowledge, const std::string& id) {
  const Study* s = knowledge.FindStudy(id);
  if (s == nullptr) return id;
  std::string name = s->first_author;
  if (s->year) name += " " + std::to_string(*s->year);
  if (!s->pmid.empty()) name += ", PMID " + s->pmid;
  return name;
}

}  // namespace

void WeighDose(const Vocabulary& vocabulary, const Knowledge& knowledge,
               Judgement* j) {
  const ClaimQuery& q = j->claim;
  if (q.kind != ClaimKind::kDose || !q.quantity) return;
  j->dose = ReadDose(vocabulary, knowledge, q.subject, *q.quantity);
  if (!j->dose || !j->dose->above || q.relation != "safe_dose") return;
  const DoseReading& d = *j->dose;
  const ReferenceValue& ul = *d.upper_limit;
  std::string sources = SourceName(knowledge, ul.source);
  for (const std::string& s : ul.also_sources) {
    sources += "; " + SourceName(knowledge, s);
  }
  j->verdict = VerdictWord::kRefuted;
  j->certainty = Certainty::kModerate;
  // The limit answers the claim: "no study tests it" no longer holds.
  std::erase_if(j->reasons, [](const std::string& r) {
    return r.starts_with("no study in the knowledge base tests it");
  });
  j->reasons.push_back(
      FormatNumber(d.daily_mg) + " mg a day" +
      (d.per_day_assumed ? " (read as a daily amount)" : "") +
      " is above the tolerable upper intake level of " +
      FormatNumber(*ul.amount->max) + " mg/day for " +
      (ul.intake_source.empty() ? "" : ul.intake_source + " ") +
      vocabulary.LabelOf(d.limit_of) + " (" + ul.population + "; " + sources +
      "): a dose above the upper limit is not established as safe -> "
      "refuted, whatever single studies found; certainty moderate (an "
      "expert body's limit, set with a margin of safety, not a trial of "
      "this dose)");
}

}  // namespace verdict_internal

}  // namespace claimcheck
