// A dose claim's amount against the kb's reference values: docs/verdicts.md,
// "8. Doses against reference values". Covered by
// tests/verdict/curated_verdicts_test.cc and tests/report/audit_test.cc.
#include "verdict/dose.h"

#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "claimcheck/verdict.h"

namespace claimcheck {

namespace {

// The concept and its first-parent ancestors, nearest first.
std::vector<const Concept*> Lineage(const Vocabulary& vocabulary,
                                    const Concept* c) {
  std::vector<const Concept*> out;
  std::set<std::string> seen;
  for (; c != nullptr && seen.insert(c->id).second;
       c = c->is_a.empty() ? nullptr : vocabulary.Find(c->is_a.front())) {
    out.push_back(c);
  }
  return out;
}

// mg in one `unit` of the concept: a mass directly, or through a
// `unit_conversion` value of the concept or an ancestor ("40 IU per mcg").
double MgPerUnit(const Knowledge& knowledge,
                 const std::vector<const Concept*>& lineage,
                 std::string_view unit, const ReferenceValue** via) {
  if (const double mg = verdict_internal::MgIn(unit); mg > 0) return mg;
  for (const Concept* c : lineage) {
    for (const ReferenceValue& r : knowledge.reference_values()) {
      if (r.kind != ReferenceKind::kUnitConversion || r.concept_id != c->id ||
          !r.amount || r.amount->unit != unit || !r.amount->max ||
          *r.amount->max <= 0 || verdict_internal::MgIn(r.amount->per) <= 0) {
        continue;
      }
      *via = &r;
      return verdict_internal::MgIn(r.amount->per) / *r.amount->max;
    }
  }
  return 0;
}

bool ForAdults(const ReferenceValue& r) {
  return r.group == "adults" || r.group == "general";
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
  const std::vector<const Concept*> lineage = Lineage(vocabulary, named);
  const ReferenceValue* via = nullptr;
  const double scale = MgPerUnit(knowledge, lineage, q.unit, &via);
  if (scale > 0 && (q.per.empty() || q.per == "day" || q.per == "dose")) {
    out.daily_mg = q.max * scale;
    // Only a range said as one ("200-400 mg"); "up to 800 mg" claims its
    // top.
    if (q.bound.empty() && q.min > 0) out.daily_mg_min = q.min * scale;
    out.per_day_assumed = q.per != "day";
    if (via != nullptr) {
      out.converted = FormatNumber(q.max) + " " + q.unit + " is " +
                      FormatNumber(q.max * scale /
                                   verdict_internal::MgIn(via->amount->per)) +
                      " " + via->amount->per + " (" +
                      FormatNumber(*via->amount->max) + " " + q.unit + " per " +
                      via->amount->per + ", kb " + via->id + ")";
    }
  }
  // The nearest concept of the lineage with a daily limit in a mass: its
  // limits for adults (or everyone) when it has some, the lowest of them.
  for (const Concept* c : lineage) {
    const ReferenceValue* best = nullptr;
    double best_mg = 0;
    bool best_adult = false;
    for (const ReferenceValue& r : knowledge.reference_values()) {
      if ((r.kind != ReferenceKind::kUpperLimit &&
           r.kind != ReferenceKind::kAdvice) ||
          r.concept_id != c->id || !r.amount || !r.amount->max ||
          r.amount->per != "day") {
        continue;
      }
      const ReferenceValue* unused = nullptr;
      const double per = MgPerUnit(knowledge, lineage, r.amount->unit, &unused);
      if (per <= 0) continue;
      const double mg = *r.amount->max * per;
      const bool adult = ForAdults(r);
      // An upper limit before another body's advice, adults first, then
      // the lowest.
      const auto key = [](const ReferenceValue& v, bool a, double m) {
        return std::make_tuple(!a, v.kind != ReferenceKind::kUpperLimit, m);
      };
      if (best == nullptr ||
          key(r, adult, mg) < key(*best, best_adult, best_mg)) {
        best = &r;
        best_mg = mg;
        best_adult = adult;
      }
    }
    if (best != nullptr) {
      out.upper_limit = best;
      out.limit_of = c->id;
      out.limit_mg = best_mg;
      break;
    }
  }
  if (out.upper_limit != nullptr) {
    for (const ReferenceValue& r : knowledge.reference_values()) {
      if (r.kind == ReferenceKind::kRda && r.concept_id == out.limit_of &&
          (ForAdults(r) || r.group.empty())) {
        out.intakes.push_back(&r);
      }
    }
    out.above = out.daily_mg >= 0 && q.basis != "compound" &&
                out.daily_mg > out.limit_mg;
  }
  return out;
}

namespace verdict_internal {

double MgIn(std::string_view unit) {
  if (unit == "mg") return 1;
  if (unit == "g") return 1000;
  if (unit == "mcg" || unit == "ug" || unit == "\u00b5g") return 0.001;
  return 0;
}

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
  if (!j->dose || q.relation != "safe_dose") return;
  const DoseReading& d = *j->dose;
  if (d.upper_limit == nullptr || d.daily_mg < 0 || d.limit_mg <= 0) return;
  const ReferenceValue& ul = *d.upper_limit;
  const bool within = d.daily_mg <= d.limit_mg;
  if (!d.above && !within) return;  // said of the compound: not compared
  // Within the limit, a study that shows harm at that dose still decides.
  if (within && j->verdict == VerdictWord::kRefuted) return;
  std::string sources = SourceName(knowledge, ul.source);
  for (const std::string& s : ul.also_sources) {
    sources += "; " + SourceName(knowledge, s);
  }
  // The amounts in the limit's own unit (mcg for vitamin D).
  const double mg_per_unit = d.limit_mg / *ul.amount->max;
  const std::string unit = ul.amount->unit;
  const std::string limit_words =
      std::string(ul.kind == ReferenceKind::kUpperLimit
                      ? "tolerable upper intake level"
                      : "advised maximum") +
      " of " + FormatNumber(*ul.amount->max) + " " + unit + "/day for " +
      (ul.intake_source.empty() ? "" : ul.intake_source + " ") +
      vocabulary.LabelOf(d.limit_of) + " (" + ul.population + "; " + sources +
      ")";
  const std::string amount =
      FormatNumber(d.daily_mg / mg_per_unit) + " " + unit + " a day" +
      (d.converted.empty() ? "" : " (" + d.converted + ")") +
      (d.per_day_assumed ? " (read as a daily amount)" : "");
  // The limit answers the claim: "no study tests it" no longer holds.
  std::erase_if(j->reasons, [](const std::string& r) {
    return r.starts_with("no study in the knowledge base tests it") ||
           r.starts_with("no evidence among the");
  });
  if (d.above) {
    j->certainty = Certainty::kModerate;
    // A range that starts within the limit: only its lower part holds.
    if (d.daily_mg_min >= 0 && d.daily_mg_min <= d.limit_mg) {
      j->verdict = VerdictWord::kContested;
      j->reasons.push_back(
          amount + " reaches above the " + limit_words + ", while " +
          FormatNumber(d.daily_mg_min / mg_per_unit) + " " + unit +
          " is within it: only the lower part of the range is established "
          "as safe -> contested; certainty moderate");
      return;
    }
    j->verdict = VerdictWord::kRefuted;
    j->reasons.push_back(
        amount + " is above the " + limit_words +
        ": a dose above the upper limit is not established as safe -> "
        "refuted, whatever single studies found; certainty moderate (an "
        "expert body's limit, set with a margin of safety, not a trial of "
        "this dose)");
    return;
  }
  // Studies that already support it at a higher certainty keep it.
  if (j->verdict != VerdictWord::kSupported ||
      j->certainty < Certainty::kModerate) {
    j->certainty = Certainty::kModerate;
  }
  j->verdict = VerdictWord::kSupported;
  j->reasons.push_back(
      amount + " is within the " + limit_words +
      ": the highest daily intake an expert body judged likely to pose no "
      "risk for almost everyone in that group -> supported; certainty " +
      std::string(CertaintyName(j->certainty)) +
      " (the limit is a judgement over all the evidence, not a trial of "
      "this dose; it says nothing of whether the dose works)");
}

}  // namespace verdict_internal

}  // namespace claimcheck
