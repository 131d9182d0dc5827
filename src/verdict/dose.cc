// A dose claim's amount against the kb's reference values: docs/verdicts.md,
// "8. Doses against reference values". Covered by
// tests/verdict/curated_verdicts_test.cc and tests/report/audit_test.cc.
#include "verdict/dose.h"

#include <algorithm>
#include <cctype>
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

// Groups for whom the adults' values stand in when the kb has none of
// their own (an older adult, a pregnant woman is an adult; a child is
// not).
bool AdultsStandIn(std::string_view group) {
  return group == "older_adults" || group == "pregnancy" ||
         group == "lactation";
}

// How well `r` answers a question about `group` ("" = adults): 0 its own
// group, 1 everyone ("general") or adults for a group they stand in for,
// 2 adults for another group (children), 3 another group.
int GroupRank(const ReferenceValue& r, const std::string& group) {
  if (group.empty()) return ForAdults(r) ? 0 : 3;
  if (r.group == group) return 0;
  if (r.group == "general") return 1;
  if (r.group == "adults") return AdultsStandIn(group) ? 1 : 2;
  return 3;
}

// True when a value of rank `rank` answers for the group.
bool Answers(int rank) { return rank <= 1; }

}  // namespace

std::string DoseGroup(std::string_view population) {
  std::string p(population);
  for (char& c : p) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  const auto has = [&p](const char* w) {
    return p.find(w) != std::string::npos;
  };
  if (has("pregnan")) return "pregnancy";
  if (has("breastfeed") || has("lactat")) return "lactation";
  if (has("infant") || has("baby") || has("babies")) return "infants";
  if (has("adolescent") || has("teen")) return "adolescents";
  if (has("child") || has("kid")) return "children";
  if (has("older") || has("elderly") || has("senior")) return "older_adults";
  return "";
}

std::optional<DoseReading> ReadDose(const Vocabulary& vocabulary,
                                    const Knowledge& knowledge,
                                    std::string_view subject, const Quantity& q,
                                    std::string_view population) {
  const Concept* named = vocabulary.Find(subject);
  if (named == nullptr) return std::nullopt;
  DoseReading out;
  out.group = DoseGroup(population);
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
  // limits for the claim's group (adults when it names none), else for
  // adults or everyone, the lowest of them.
  for (const Concept* c : lineage) {
    const ReferenceValue* best = nullptr;
    double best_mg = 0;
    int best_rank = 3;
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
      const int rank = GroupRank(r, out.group);
      // The group first, an upper limit before another body's advice, then
      // the lowest.
      const auto key = [](const ReferenceValue& v, int g, double m) {
        return std::make_tuple(g, v.kind != ReferenceKind::kUpperLimit, m);
      };
      if (best == nullptr ||
          key(r, rank, mg) < key(*best, best_rank, best_mg)) {
        best = &r;
        best_mg = mg;
        best_rank = rank;
      }
    }
    if (best != nullptr) {
      out.upper_limit = best;
      out.limit_of = c->id;
      out.limit_mg = best_mg;
      out.limit_for_group = Answers(best_rank);
      break;
    }
  }
  // The recommended intakes of the nearest concept that has some: the
  // group's own, else adults' (or everyone's).
  for (const Concept* c : lineage) {
    const auto intake = [&](const ReferenceValue& r) {
      return r.kind == ReferenceKind::kRda && r.concept_id == c->id &&
             r.amount && r.amount->max &&
             (ForAdults(r) || r.group.empty() || r.group == out.group);
    };
    int rank = 4;
    for (const ReferenceValue& r : knowledge.reference_values()) {
      if (intake(r)) rank = std::min(rank, GroupRank(r, out.group));
    }
    for (const ReferenceValue& r : knowledge.reference_values()) {
      if (intake(r) && (GroupRank(r, out.group) == rank || r.group.empty())) {
        out.intakes.push_back(&r);
      }
    }
    if (!out.intakes.empty()) {
      out.intakes_of = c->id;
      out.intakes_for_group = Answers(rank);
      break;
    }
  }
  if (!out.group.empty() || !out.limit_for_group || !out.intakes_for_group) {
    out.group_note =
        "read for " +
        (out.group.empty() ? std::string("adults") : std::string(population));
    if (!out.limit_for_group || !out.intakes_for_group) {
      out.group_note +=
          std::string(": the knowledge base has no ") +
          (out.limit_for_group ? "recommended intake" : "upper limit") +
          " for them" +
          (out.group.empty() ? std::string()
                             : ", and the adults' does not "
                               "answer for them");
    } else if (out.upper_limit != nullptr &&
               out.upper_limit->group == "adults" && out.group != "adults") {
      out.group_note +=
          ": the knowledge base has no upper limit of their own; the "
          "adults' stands in";
    }
  }
  if (out.upper_limit != nullptr) {
    // Not a compound's amount above the limit, nor a limit for another
    // group (the adults' for a child).
    out.compared = out.daily_mg >= 0 && out.limit_for_group &&
                   (q.basis != "compound" || out.daily_mg <= out.limit_mg);
    out.above = out.compared && out.daily_mg > out.limit_mg;
  }
  // A form's amount against its element's values (docs/claims.md, "The
  // other kinds"; docs/verdicts.md section 8).
  const std::string& values_of =
      out.upper_limit != nullptr ? out.limit_of : out.intakes_of;
  if (!values_of.empty() && values_of != named->id && out.daily_mg >= 0) {
    const std::string element = vocabulary.LabelOf(values_of);
    out.basis_note = q.basis == "compound"
                         ? "said of the compound: " + named->label +
                               " holds only part of that as " + element +
                               ", so it is not compared with the values for " +
                               element
                     : q.basis == "elemental"
                         ? "said of elemental " + element
                         : "read as elemental " + element +
                               ", as supplement labels give it; if it is the "
                               "weight of the whole " +
                               named->label + " it holds less " + element;
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

// "IOM 1997, PMID ...; VKM 2016": the sources of `values`, each once.
std::string SourcesOf(const Knowledge& knowledge,
                      const std::vector<const ReferenceValue*>& values) {
  std::string sources;
  std::set<std::string> seen;
  const auto add = [&](const std::string& id) {
    if (!seen.insert(id).second) return;
    sources += (sources.empty() ? "" : "; ") + SourceName(knowledge, id);
  };
  for (const ReferenceValue* r : values) {
    add(r->source);
    for (const std::string& id : r->also_sources) add(id);
  }
  return sources;
}

// Drops the reasons that say nothing answers the claim: a reference value
// does.
void DropNothingAnswers(Judgement* j) {
  std::erase_if(j->reasons, [](const std::string& r) {
    return r.starts_with("no study in the knowledge base tests it") ||
           r.starts_with("no evidence among the");
  });
}

// A claim of what people need ("adults need 1000 mg of magnesium a day")
// against the recommended intakes for adults: docs/verdicts.md, section 8,
// "Recommended intakes".
void WeighIntake(const Vocabulary& vocabulary, const Knowledge& knowledge,
                 Judgement* j) {
  const DoseReading& d = *j->dose;
  // What people need is a total intake: a limit on supplements is not
  // compared with it.
  if (d.upper_limit != nullptr &&
      d.upper_limit->intake_source == "supplemental") {
    j->dose->compared = false;
    j->dose->above = false;
  }
  if (d.intakes.empty() || d.daily_mg < 0) return;
  if (j->claim.quantity->basis == "compound") return;
  if (!d.intakes_for_group) {
    j->reasons.push_back(d.group_note + ": the amount is not judged");
    return;
  }
  const ReferenceValue* via = nullptr;
  const std::vector<const Concept*> lineage{vocabulary.Find(d.intakes_of)};
  double lo = -1, hi = -1;
  std::string values;
  for (const ReferenceValue* r : d.intakes) {
    const double per = MgPerUnit(knowledge, lineage, r->amount->unit, &via);
    if (per <= 0) continue;
    const double rmin = (r->amount->min ? *r->amount->min : *r->amount->max);
    if (lo < 0 || rmin * per < lo) lo = rmin * per;
    hi = std::max(hi, *r->amount->max * per);
    values += (values.empty() ? "" : ", ") + AmountWords(*r->amount) + " (" +
              r->population + ")";
  }
  if (lo <= 0) return;
  // Within a tenth of the range counts as the same advice ("400 mg" for
  // 310-420 mg); wholly outside it is another figure.
  const double claim_min = d.daily_mg_min >= 0 ? d.daily_mg_min : d.daily_mg;
  const double claim_max = d.daily_mg;
  const bool inside = claim_min >= lo * 0.9 && claim_max <= hi * 1.1;
  const bool outside = claim_max < lo * 0.9 || claim_min > hi * 1.1;
  DropNothingAnswers(j);
  const std::string said =
      d.amount + (d.per_day_assumed ? " (read as a daily amount)" : "");
  const std::string against =
      " the recommended intake for " + vocabulary.LabelOf(d.intakes_of) + ": " +
      values + " (" + SourcesOf(knowledge, d.intakes) +
      "; total intake from food and supplements, enough for nearly all "
      "healthy people in the group)";
  if (inside) {
    // Sources that already support it more surely keep their certainty.
    if (j->verdict != VerdictWord::kSupported ||
        j->certainty < Certainty::kModerate) {
      j->certainty = Certainty::kModerate;
    }
    j->verdict = VerdictWord::kSupported;
    j->reasons.push_back(said + " agrees with" + against +
                         " -> supported; certainty " +
                         CertaintyName(j->certainty) +
                         " (an expert body's figure, not a trial)");
    return;
  }
  j->certainty = Certainty::kModerate;
  if (outside) {
    j->verdict = VerdictWord::kRefuted;
    j->reasons.push_back(said + " is not" + against +
                         " -> refuted; certainty moderate (an expert "
                         "body's figure, not a trial)");
  } else {
    j->verdict = VerdictWord::kContested;
    j->reasons.push_back(said + " only partly agrees with" + against +
                         " -> contested; certainty moderate");
  }
}

}  // namespace

void WeighDose(const Vocabulary& vocabulary, const Knowledge& knowledge,
               Judgement* j) {
  const ClaimQuery& q = j->claim;
  if (q.kind != ClaimKind::kDose || !q.quantity) return;
  j->dose =
      ReadDose(vocabulary, knowledge, q.subject, *q.quantity, q.population);
  if (!j->dose) return;
  if (q.relation == "recommended_intake") {
    WeighIntake(vocabulary, knowledge, j);
    return;
  }
  // A safe dose, or advice to take an amount ("take 1000 mg"), which
  // claims it safe to take.
  const bool advice = q.relation == "dose";
  if (q.relation != "safe_dose" && !advice) return;
  const DoseReading& d = *j->dose;
  if (d.upper_limit == nullptr || d.daily_mg < 0 || d.limit_mg <= 0) return;
  if (!d.limit_for_group) {
    j->reasons.push_back(d.group_note + ": the amount is not judged");
    return;
  }
  const ReferenceValue& ul = *d.upper_limit;
  const bool within = d.daily_mg <= d.limit_mg;
  if (!d.above && !within) return;  // said of the compound: not compared
  // Advice within the limit: the limit says nothing of whether it works.
  if (advice && within) return;
  // Within the limit, a study that shows harm at that dose still decides.
  if (within && j->verdict == VerdictWord::kRefuted) return;
  const std::string sources = SourcesOf(knowledge, {&ul});
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
      (advice ? "advice to take " : "") +
      FormatNumber(d.daily_mg / mg_per_unit) + " " + unit + " a day" +
      (d.converted.empty() ? "" : " (" + d.converted + ")") +
      (d.per_day_assumed ? " (read as a daily amount)" : "") +
      (d.basis_note.empty() ? "" : " (" + d.basis_note + ")");
  // The limit answers the claim: "no study tests it" no longer holds.
  DropNothingAnswers(j);
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
