// The answer to `claimcheck query` for a terminal: docs/reports.md, "Query
// answers". Covered by tests/cli/cli_test.sh (the query goldens).
#include <sstream>
#include <string>

#include "claimcheck/report.h"
#include "report/audit_common.h"
#include "report/text_wrap.h"

namespace claimcheck {

namespace {

// "310-420 mg/day (adults)".
std::string AmountWords(const ReferenceValue& r) {
  std::string out = claimcheck::AmountWords(*r.amount);
  if (!r.population.empty()) out += " (" + r.population + ")";
  return out;
}

// The amount a dose claim names, against the upper limit and intakes.
std::string DoseWords(const DoseReading& d, const Vocabulary& v) {
  std::string out = "Amount read: " + d.amount;
  if (!d.converted.empty()) out += "; " + d.converted;
  if (d.per_day_assumed && d.daily_mg >= 0) out += " (read as a daily amount)";
  if (!d.basis_note.empty()) out += "; " + d.basis_note;
  if (!d.group_note.empty()) out += "; " + d.group_note;
  if (d.upper_limit == nullptr) {
    out += "; the knowledge base has no upper limit for it";
  } else {
    const ReferenceValue& ul = *d.upper_limit;
    out += std::string("; ") +
           (!d.compared ? "not compared with"
            : d.above   ? "above"
                        : "within") +
           " the upper limit of " + AmountWords(ul) + " for " +
           (ul.intake_source.empty() ? "" : ul.intake_source + " ") +
           v.LabelOf(d.limit_of) + " (kb " + ul.source;
    for (const std::string& s : ul.also_sources) out += ", " + s;
    out += ")";
    if (d.daily_mg < 0) out += ", which is a mass a day";
  }
  for (std::size_t i = 0; i < d.intakes.size() && i < 2; ++i) {
    out += (i == 0 ? "; recommended intake" +
                         (d.intakes_of != d.limit_of
                              ? " of " + v.LabelOf(d.intakes_of)
                              : std::string()) +
                         " "
                   : ", ") +
           AmountWords(*d.intakes[i]);
  }
  return out + ".";
}

// "advises against it" and the like, for a guideline's stance.
const char* GuidelinePosition(Stance stance) {
  switch (stance) {
    case Stance::kSupports:
      return "supports it";
    case Stance::kRefutes:
      return "advises against it";
    case Stance::kNullResult:
      return "advises against it (no benefit found)";
    case Stance::kMixed:
      return "is mixed";
    case Stance::kContext:
      break;
  }
  return nullptr;
}

void Source(std::ostream& out, std::size_t number, const Evidence& e) {
  const report::SourceParts parts = report::SourceWordParts(e.source);
  const std::string head = "  " + std::to_string(number) + ". ";
  // The id and its link on a line of their own, never wrapped or cut.
  std::string before = parts.before;
  if (before.ends_with(", ")) before.resize(before.size() - 2);
  out << head
      << Wrap(std::string(StanceName(e.stance)) + ": " + before + parts.after +
                  "; " +
                  (e.weighed ? std::string(CertaintyName(e.level))
                             : "not weighed: " + e.not_weighed),
              Columns(head), head.size());
  const std::string indent(head.size(), ' ');
  out << indent << parts.id << (parts.url.empty() ? "" : "  " + parts.url)
      << "\n";
  std::string finding = e.finding;
  if (!e.source.first_author.empty()) {
    finding = e.source.first_author + ": " + finding;
  }
  if (!finding.empty())
    out << indent << Wrap(finding, head.size(), head.size());
  for (const std::string& s : e.indirect) {
    out << indent << Wrap("indirect: " + s, head.size(), head.size() + 2);
  }
}

}  // namespace

std::string QueryText(const Judgement& j, const Vocabulary& v, bool colour) {
  std::ostringstream out;
  std::string claim = v.LabelOf(j.claim.subject) + " " +
                      (j.claim.negated ? "not " : "") + j.claim.relation;
  if (!j.claim.object.empty()) claim += " " + v.LabelOf(j.claim.object);
  out << Wrap(claim + "  (" + ClaimKindName(j.claim.kind) + " claim)", 0, 2);
  out << AnsiPaint(colour, VerdictCapitals(j.verdict),
                   VerdictAnsiColour(j.verdict))
      << "  certainty: " << CertaintyName(j.certainty);
  if (j.plausible_mechanism) out << "  (plausible mechanism)";
  for (const std::string& f : j.flags) out << "  [" << f << "]";
  out << "\n";
  if (OutsideKnowledgeBase(j)) {
    out << Wrap(
        "Not in the knowledge base: no study or stored record links these "
        "concepts, so this says nothing about whether it works.",
        0, 2);
  }
  if (j.dose) out << Wrap(DoseWords(*j.dose, v), 0, 2);
  for (const Evidence& e : j.evidence) {
    if (e.source.design != Design::kGuideline) continue;
    const char* position = GuidelinePosition(e.stance);
    if (position == nullptr) continue;
    const report::SourceParts parts = report::SourceWordParts(e.source);
    std::string who = e.source.first_author;
    if (e.source.year) who += " " + std::to_string(*e.source.year);
    out << Wrap("Guideline: " + who + " (" + parts.id + ") " + position + ".",
                0, 2);
  }

  std::size_t weighed = 0;
  for (const Evidence& e : j.evidence) weighed += e.weighed;
  if (j.evidence.empty()) {
    out << "\nEvidence: none\n";
  } else {
    out << "\nEvidence: " << j.evidence.size() << " source"
        << (j.evidence.size() == 1 ? "" : "s") << ", " << weighed
        << " weighed, strongest first\n";
  }
  std::size_t number = 0;
  for (const Evidence& e : j.evidence) Source(out, ++number, e);
  long long unlisted = 0;
  for (const EvidenceTally& t : j.unlisted) unlisted += t.documents;
  if (unlisted > 0) {
    out << Wrap("and " + std::to_string(unlisted) +
                    " more stored records, counted on their side "
                    "(--format json lists them by design)",
                2, 2);
  }
  if (!j.chains.empty()) {
    out << "\nMechanism chains (never stronger than their weakest link):\n";
    for (const Chain& c : j.chains) {
      std::string path;
      for (std::size_t i = 0; i < c.path.size(); ++i) {
        path += (i ? " -> " : "") + v.LabelOf(c.path[i]);
      }
      out << "  "
          << Wrap(path + ": " + VerdictName(c.verdict) + " (" +
                      CertaintyName(c.certainty) + ")",
                  2, 4);
      for (const ChainLink& l : c.links) {
        out << "      "
            << Wrap(v.LabelOf(l.subject) + " " + l.relation + " " +
                        v.LabelOf(l.object) + ": " + VerdictName(l.verdict) +
                        " (" + CertaintyName(l.certainty) + ")",
                    6, 8);
      }
    }
  }
  out << "\nWhy:\n";
  for (const std::string& r : j.reasons) out << "  - " << Wrap(r, 4, 4);
  return out.str();
}

}  // namespace claimcheck
