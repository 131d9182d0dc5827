#include "report/summary_words.h"

#include <algorithm>

#include "report/verdict_words.h"

namespace claimcheck::report {

std::string SummaryTitle(const EvidenceSummary& summary,
                         const Vocabulary& vocabulary) {
  return "Evidence summary: " + vocabulary.LabelOf(summary.concept_id);
}

std::string SummaryIntro(const EvidenceSummary& summary,
                         const Vocabulary& vocabulary) {
  const Concept* c = vocabulary.Find(summary.concept_id);
  const bool intervention =
      c != nullptr && c->kind == ConceptKind::kIntervention;
  const std::string label = vocabulary.LabelOf(summary.concept_id);
  std::string out = "Claims about " + label + " (" +
                    (c != nullptr ? ConceptKindName(c->kind) : "concept");
  if (label != summary.concept_id) out += ", id " + summary.concept_id;
  out += ")";
  std::vector<std::string> forms;
  for (const std::vector<SummaryRow>* rows :
       {&summary.outcomes, &summary.mechanisms, &summary.other}) {
    for (const SummaryRow& row : *rows) {
      for (const std::string& id : {row.claim.subject, row.claim.object}) {
        if (id != summary.concept_id &&
            std::find(summary.forms.begin(), summary.forms.end(), id) !=
                summary.forms.end() &&
            std::find(forms.begin(), forms.end(), id) == forms.end()) {
          forms.push_back(id);
        }
      }
    }
  }
  std::sort(forms.begin(), forms.end());
  if (!forms.empty()) {
    out += intervention ? " and its forms " : " and its narrower concepts ";
    for (std::size_t i = 0; i < forms.size(); ++i) {
      out += (i == 0                  ? ""
              : i + 1 == forms.size() ? " and "
                                      : ", ") +
             vocabulary.LabelOf(forms[i]);
    }
  }
  out += summary.with_store
             ? ", from the curated knowledge base and the store of imported "
               "documents."
             : ", from the curated knowledge base.";
  out +=
      " Each claim is judged as claimcheck query judges it: a verdict "
      "(supported, contested, refuted or unsourced) with a GRADE certainty "
      "(high \u2295\u2295\u2295\u2295 to very low \u2295\u25EF\u25EF\u25EF). "
      "Studies and participants count the weighed sources, each once: a "
      "review counts for the trials it pools.";
  return out;
}

bool Empty(const EvidenceSummary& summary) {
  return summary.outcomes.empty() && summary.mechanisms.empty() &&
         summary.other.empty();
}

std::string NoClaimNote(const EvidenceSummary& summary,
                        const Vocabulary& vocabulary) {
  std::string out = "The knowledge base makes no claim about " +
                    vocabulary.LabelOf(summary.concept_id) + ".";
  const Concept* c = vocabulary.Find(summary.concept_id);
  if (c == nullptr || c->is_a.empty()) return out;
  std::vector<std::string> parents = c->is_a;
  std::sort(parents.begin(), parents.end());
  out += " See the summary of ";
  for (std::size_t i = 0; i < parents.size(); ++i) {
    out += (i == 0 ? "" : " and of ") + vocabulary.LabelOf(parents[i]);
  }
  return out +
         (parents.size() == 1 ? ", the broader concept"
                              : ", the broader concepts") +
         " it belongs to.";
}

std::string RowClaim(const SummaryRow& row, const Vocabulary& vocabulary) {
  const ClaimQuery& q = row.claim;
  const bool verb = q.relation == "increases" || q.relation == "decreases" ||
                    q.relation == "modulates";
  if (!verb && !row.text.empty()) return row.text;
  std::string relation = q.relation;
  std::replace(relation.begin(), relation.end(), '_', ' ');
  std::string out = vocabulary.LabelOf(q.subject) + " " + relation;
  if (!q.object.empty()) out += " " + vocabulary.LabelOf(q.object);
  return out;
}

std::string RowTopic(const SummaryRow& row, const Vocabulary& vocabulary) {
  return vocabulary.LabelOf(row.claim.object.empty() ? row.claim.subject
                                                     : row.claim.object);
}

std::string RowVerdict(const SummaryRow& row) {
  std::string out = VerdictName(row.verdict);
  std::vector<std::string> notes;
  if (row.plausible_mechanism) notes.push_back("plausible mechanism");
  for (const std::string& f : row.flags) {
    if (f == "wrong_form") notes.push_back("wrong form");
  }
  for (std::size_t i = 0; i < notes.size(); ++i) {
    out += (i == 0 ? " (" : ", ") + notes[i];
  }
  return notes.empty() ? out : out + ")";
}

std::string RowCertainty(const SummaryRow& row) {
  return std::string(CertaintyName(row.certainty)) + " " +
         CertaintySymbols(row.certainty);
}

std::string RowStudies(const SummaryRow& row) {
  std::string out = std::to_string(row.studies);
  if (row.unlisted > 0) out += " (+" + Thousands(row.unlisted) + ")";
  return out;
}

std::string RowParticipants(const SummaryRow& row) {
  if (row.studies == row.studies_without_n) return "\u2014";
  return (row.studies_without_n > 0 ? "\u2265 " : "") +
         Thousands(row.participants);
}

std::string Citations(const std::vector<std::size_t>& numbers) {
  if (numbers.empty()) return "\u2014";
  std::string out = "[";
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    out += (i == 0 ? "" : ", ") + std::to_string(numbers[i]);
  }
  return out + "]";
}

std::vector<std::string> TableNotes(const std::vector<SummaryRow>& rows) {
  bool without_n = false, unlisted = false;
  for (const SummaryRow& row : rows) {
    without_n |=
        row.studies_without_n > 0 && row.studies_without_n < row.studies;
    unlisted |= row.unlisted > 0;
  }
  std::vector<std::string> notes;
  if (without_n) {
    notes.push_back(
        "\u2265: some weighed studies do not give their number of "
        "participants.");
  }
  if (unlisted) {
    notes.push_back(
        "(+N): imported documents on the claim, counted on their side but "
        "not listed.");
  }
  return notes;
}

std::string ChainPath(const Chain& chain, const Vocabulary& vocabulary) {
  std::string out;
  for (std::size_t i = 0; i < chain.path.size(); ++i) {
    out += (i == 0 ? "" : " \u2192 ") + vocabulary.LabelOf(chain.path[i]);
  }
  return out;
}

std::string LinkWords(const ChainLink& link, const Vocabulary& vocabulary) {
  return vocabulary.LabelOf(link.subject) + " " + link.relation + " " +
         vocabulary.LabelOf(link.object);
}

std::string DesignWords(Design design) {
  if (design == Design::kRct) return "RCT";
  std::string out = DesignName(design);
  std::replace(out.begin(), out.end(), '_', out == "meta_analysis" ? '-' : ' ');
  return out;
}

ReferenceParts PartsOf(const EvidenceSource& source) {
  ReferenceParts parts;
  parts.who = source.first_author;
  if (source.year) {
    parts.who +=
        (parts.who.empty() ? "(" : " (") + std::to_string(*source.year) + ")";
  }
  parts.title = source.title;
  while (!parts.title.empty() && parts.title.back() == '.') {
    parts.title.pop_back();
  }
  parts.what = DesignWords(source.design);
  if (source.n) parts.what += ", n = " + Thousands(*source.n);
  if (source.retracted) parts.what += ", retracted";
  parts.pmid = source.pmid;
  parts.doi = source.doi;
  if (parts.pmid.empty() && parts.doi.empty()) parts.other_id = source.id;
  return parts;
}

}  // namespace claimcheck::report
