// The rubric items a machine can check (docs/audit.md, "Rubric"): from the
// document's metadata, its claims and citations, and cue phrases looked up
// in its sentences. Each answer names what decided it.
#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <string_view>

#include "audit/audit_internal.h"
#include "claimcheck/citations.h"
#include "claimcheck/report.h"

namespace claimcheck::audit_internal {

namespace {

// The text and each of its sentences lower-cased, once for every item.
struct LoweredText {
  explicit LoweredText(const Text& t) : text(t) {
    for (std::size_t i = 0; i < t.sentences().size(); ++i) {
      sentences.push_back(Lower(t.SentenceText(i)));
    }
  }
  const Text& text;
  std::vector<std::string> sentences;
};

// The first sentence holding one of `cues`: its index and the cue, or
// {npos, ""}.
std::pair<std::size_t, std::string_view> FindCue(
    const LoweredText& lowered, const std::vector<std::string>& cues) {
  for (std::size_t i = 0; i < lowered.sentences.size(); ++i) {
    for (std::string_view cue : cues) {
      if (HasCue(lowered.sentences[i], cue)) return {i, cue};
    }
  }
  return {std::string::npos, ""};
}

std::string Quote(const Text& text, std::size_t sentence) {
  const std::string s = Excerpt(text.SentenceText(sentence), 120);
  return "sentence " + std::to_string(sentence) + ": \"" + s + "\"";
}

RubricItem Item(const char* id, const char* question, const char* rubrics,
                bool yes, bool yes_is_good, std::string evidence) {
  RubricItem item;
  item.id = id;
  item.question = question;
  item.rubrics = rubrics;
  item.answer = yes ? RubricAnswer::kYes : RubricAnswer::kNo;
  item.good = yes == yes_is_good;
  item.evidence = std::move(evidence);
  return item;
}

// A cue item: yes when a sentence holds one of `cues`.
RubricItem CueItem(const LoweredText& lowered, const char* id,
                   const char* question, const char* rubrics, bool yes_is_good,
                   const std::vector<std::string>& cues,
                   const std::string& none) {
  auto [sentence, cue] = FindCue(lowered, cues);
  if (sentence == std::string::npos) {
    return Item(id, question, rubrics, false, yes_is_good, none);
  }
  return Item(id, question, rubrics, true, yes_is_good,
              "'" + std::string(cue) + "' in " + Quote(lowered.text, sentence));
}

}  // namespace

std::vector<RubricItem> CheckRubric(const AuditInput& input,
                                    const Vocabulary& vocabulary,
                                    const AuditCues& cues, const Audit& audit) {
  const Document& doc = *input.document;
  const Text& text = *input.text;
  const LoweredText lowered(text);
  std::vector<RubricItem> items;

  // Authorship and currency: the metadata the importer found.
  {
    std::string names;
    for (const std::string& a : doc.authors) {
      names += (names.empty() ? "" : "; ") + a;
    }
    items.push_back(Item("named_author", "Does it name its author?",
                         "JAMA benchmark 1 (authorship)", !names.empty(), true,
                         names.empty() ? "no byline or author in the page's "
                                         "metadata"
                                       : "by " + names));
    items.push_back(
        Item("date", "Does it say when it was written or updated?",
             "JAMA benchmark 4 (currency); DISCERN 5", !doc.date.empty(), true,
             doc.date.empty() ? "no date in the text or the page's metadata"
                              : "dated " + doc.date));
  }

  // Attribution: studies a reader can find.
  {
    std::size_t identified = 0, in_kb = 0, words_only = 0;
    std::set<std::string> seen;
    for (const CitedSource& s : audit.citations) {
      if (s.study != nullptr) {
        if (seen.insert(s.study->id).second) ++in_kb;
      }
      if (IsIdentified(s.citation)) {
        ++identified;
      } else if (s.study == nullptr) {
        ++words_only;
      }
    }
    std::size_t unnamed = 0;
    for (const AuditedClaim& a : audit.claims) {
      unnamed += a.claim.attribution == Attribution::kUnnamed;
    }
    std::string evidence =
        std::to_string(identified) + " linked or identified source" +
        (identified == 1 ? "" : "s") + ", " + std::to_string(in_kb) +
        " of them studies the knowledge base holds";
    if (words_only > 0) {
      evidence +=
          "; " + std::to_string(words_only) + " reference(s) in words only";
    }
    if (unnamed > 0) {
      evidence += "; " + std::to_string(unnamed) +
                  " claim(s) refer to research without naming it";
    }
    items.push_back(Item("cited_sources",
                         "Does it name the studies behind its claims?",
                         "JAMA benchmark 2 (attribution); DISCERN 4",
                         identified + in_kb > 0, true, evidence));
  }

  // Harms: a safety claim, else a cue.
  {
    const AuditedClaim* safety = nullptr;
    for (const AuditedClaim& a : audit.claims) {
      if (a.claim.kind == ClaimKind::kSafety && !a.claim.question) {
        safety = &a;
        break;
      }
    }
    if (safety != nullptr) {
      items.push_back(
          Item("harms", "Does it mention harms or side effects?",
               "HealthNewsReview 3; DISCERN 11", true, true,
               "a safety claim in " + Quote(text, safety->claim.sentence)));
    } else {
      items.push_back(
          CueItem(lowered, "harms", "Does it mention harms or side effects?",
                  "HealthNewsReview 3; DISCERN 11", true, cues.CuesOf("harms"),
                  "no safety claim and no word of side effects, risks or "
                  "interactions"));
    }
  }

  // Benefits quantified: an effect claim's sentence with a number of
  // effect (a percentage, minutes, points), not an onset or a dose.
  {
    std::size_t found = std::string::npos;
    std::string cue;
    for (const AuditedClaim& a : audit.claims) {
      if (a.claim.kind != ClaimKind::kEffect || a.claim.question) continue;
      const std::string& lower = lowered.sentences[a.claim.sentence];
      bool has_digit = std::any_of(lower.begin(), lower.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      });
      if (!has_digit) continue;
      bool onset = false;
      for (const AuditedClaim& b : audit.claims) {
        onset |= b.claim.sentence == a.claim.sentence &&
                 (b.claim.kind == ClaimKind::kOnset ||
                  b.claim.kind == ClaimKind::kDose);
      }
      if (onset) continue;
      for (const std::string& c : cues.CuesOf("benefit_size")) {
        if (lower.find(c) != std::string::npos) {
          found = a.claim.sentence;
          cue = c;
          break;
        }
      }
      if (found != std::string::npos) break;
    }
    items.push_back(Item(
        "benefits_quantified", "Does it say how large the benefit is?",
        "HealthNewsReview 2; DISCERN 10", found != std::string::npos, true,
        found != std::string::npos
            ? "'" + cue + "' with a number in " + Quote(text, found)
            : "no effect claim gives a size (a percentage, minutes, points)"));
  }

  // Uncertainty acknowledged.
  {
    std::size_t hedged = 0, asserted = 0;
    for (const AuditedClaim& a : audit.claims) {
      if (a.claim.question) continue;
      ++asserted;
      hedged += a.claim.hedging == Hedging::kHedged;
    }
    RubricItem item = CueItem(
        lowered, "uncertainty", "Does it say where the evidence is uncertain?",
        "DISCERN 8; HealthNewsReview 4", true, cues.CuesOf("uncertainty"),
        "no sentence says the evidence is limited, mixed or uncertain");
    item.evidence += "; " + std::to_string(hedged) + " of " +
                     std::to_string(asserted) + " claims hedged";
    items.push_back(std::move(item));
  }

  items.push_back(CueItem(
      lowered, "conflicts_disclosed",
      "Does it disclose ownership, sponsorship or conflicts of interest?",
      "JAMA benchmark 3 (disclosure); HealthNewsReview 6", true,
      cues.CuesOf("conflicts_disclosed"),
      "no disclosure of ownership, sponsorship or affiliate links"));

  // Alternatives: a claim about another intervention than the article's
  // own (not one of its forms), else a cue.
  {
    const Concept* main = nullptr;
    for (const AuditedClaim& a : audit.claims) {
      if (a.claim.subject->kind == ConceptKind::kIntervention) {
        main = a.claim.subject;
        break;
      }
    }
    // The top of a concept's is-a chain: forms of one thing share it.
    auto root = [&](const Concept* c) {
      std::set<std::string> seen;
      while (c != nullptr && !c->is_a.empty() && seen.insert(c->id).second) {
        const Concept* parent = vocabulary.Find(c->is_a.front());
        if (parent == nullptr) break;
        c = parent;
      }
      return c;
    };
    const AuditedClaim* other = nullptr;
    for (const AuditedClaim& a : audit.claims) {
      const Concept* s = a.claim.subject;
      if (main != nullptr && s->kind == ConceptKind::kIntervention &&
          a.claim.kind == ClaimKind::kEffect && !a.claim.question &&
          !s->category.empty() && root(s) != root(main)) {
        other = &a;
        break;
      }
    }
    if (other != nullptr) {
      items.push_back(Item("alternatives", "Does it mention other options?",
                           "DISCERN 14; HealthNewsReview 7", true, true,
                           other->claim.subject->label + " in " +
                               Quote(text, other->claim.sentence)));
    } else {
      items.push_back(CueItem(
          lowered, "alternatives", "Does it mention other options?",
          "DISCERN 14; HealthNewsReview 7", true, cues.CuesOf("alternatives"),
          "no other treatment or option is named"));
    }
  }

  items.push_back(
      CueItem(lowered, "consult_professional",
              "Does it advise talking to a health professional?",
              "DISCERN 15 (shared decision-making)", true,
              cues.CuesOf("consult_professional"),
              "no advice to ask a doctor, pharmacist or other professional"));

  items.push_back(CueItem(
      lowered, "product_promotion", "Does it promote a product for sale?",
      "HealthNewsReview 10 (news-release variant); JAMA benchmark 3", false,
      cues.CuesOf("product_promotion"),
      "no sales wording (buy, order, discount, our product)"));
  return items;
}

}  // namespace claimcheck::audit_internal
