#include "report/audit_common.h"

#include <cstdio>

#include "report/links.h"

namespace claimcheck {

std::string Excerpt(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string(s);
  std::size_t cut = max - 3;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "...";
}

std::string VerdictCapitals(VerdictWord verdict) {
  std::string s = VerdictName(verdict);
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

std::string AnsiPaint(bool on, std::string_view s, const char* code) {
  if (!on) return std::string(s);
  return std::string("\033[") + code + "m" + std::string(s) + "\033[0m";
}

const char* VerdictAnsiColour(VerdictWord v) {
  switch (v) {
    case VerdictWord::kSupported:
      return "1;32";
    case VerdictWord::kContested:
      return "1;33";
    case VerdictWord::kRefuted:
      return "1;31";
    case VerdictWord::kUnsourced:
      break;
  }
  return "1;35";
}

std::string ClaimWords(const Vocabulary& vocabulary, const Claim& claim) {
  std::string relation = claim.relation;
  for (char& c : relation) {
    if (c == '_') c = ' ';
  }
  if (claim.kind == ClaimKind::kComposition && relation == "is a") {
    return claim.subject->label + " is a " + claim.category;
  }
  std::string out = claim.subject->label + " " + relation;
  if (claim.object != nullptr) {
    out += " " + vocabulary.LabelOf(claim.object->id);
  } else if (!claim.category.empty()) {
    out += " " + claim.category;
  }
  if (claim.quantity) {
    const Quantity& q = *claim.quantity;
    char buffer[64];
    if (q.min != q.max) {
      std::snprintf(buffer, sizeof buffer, "%g-%g", q.min, q.max);
    } else {
      std::snprintf(buffer, sizeof buffer, "%g", q.max);
    }
    out += " ";
    if (!q.bound.empty()) {
      std::string bound = q.bound;
      for (char& c : bound) {
        if (c == '_') c = ' ';
      }
      out += bound + " ";
    }
    out += buffer;
    out += " " + q.unit;
    if (!q.per.empty()) out += "/" + q.per;
    if (q.basis == "elemental") out += " elemental";
  }
  if (!claim.population.empty()) out += " (" + claim.population + ")";
  return out;
}

namespace report {

std::string LanguageLine(const LanguageGuess& language) {
  if (language.english()) return "";
  return (language.name.empty() ? language.code : language.name) + " (" +
         language.code + ", " + language.how() + ")";
}

std::string SourceId(const EvidenceSource& s) {
  if (!s.pmid.empty()) return "PMID " + s.pmid;
  if (!s.doi.empty()) return "doi " + s.doi;
  return s.id;
}

SourceParts SourceWordParts(const EvidenceSource& s) {
  SourceParts out;
  out.before = DesignName(s.design);
  for (char& c : out.before) {
    if (c == '_') c = ' ';
  }
  if (out.before == "rct") out.before = "RCT";
  std::string who = s.first_author.substr(0, s.first_author.find(' '));
  if (s.year) who += (who.empty() ? "" : " ") + std::to_string(*s.year);
  if (!who.empty()) out.before += ", " + who;
  out.before += ", ";
  out.id = SourceId(s);
  out.url = !s.pmid.empty() ? PubmedUrl(s.pmid) : DoiUrl(s.doi);
  if (s.n) out.after += ", n = " + std::to_string(*s.n);
  if (s.retracted) out.after += ", RETRACTED";
  return out;
}

std::string SourceWords(const EvidenceSource& s) {
  const SourceParts parts = SourceWordParts(s);
  return parts.before + parts.id + parts.after;
}

std::string StanceWords(const Evidence& e) {
  std::string out = StanceName(e.stance);
  if (e.weighed) {
    out += "; ";
    out += CertaintyName(e.level);
  } else {
    out += "; not weighed: " + e.not_weighed;
  }
  return out;
}

std::vector<const Evidence*> TopEvidence(const Judgement& j, std::size_t max) {
  std::vector<const Evidence*> out;
  for (const Evidence& e : j.evidence) {
    if (out.size() >= max) break;
    if (e.weighed) out.push_back(&e);
  }
  return out;
}

std::string EvidenceCount(const Judgement& j) {
  if (OutsideKnowledgeBase(j)) return kOutsideWords;
  std::size_t weighed = 0;
  for (const Evidence& e : j.evidence) weighed += e.weighed;
  long long unlisted = 0;
  for (const EvidenceTally& t : j.unlisted) unlisted += t.documents;
  std::string out = std::to_string(weighed) + " of " +
                    std::to_string(j.evidence.size()) + " source" +
                    (j.evidence.size() == 1 ? "" : "s") + " weighed";
  if (unlisted > 0) {
    out += ", " + std::to_string(unlisted) + " more not listed";
  }
  return out;
}

std::string HowSaid(const Claim& c) {
  std::string out = HedgingName(c.hedging);
  if (c.hedging != Hedging::kPlain && !c.cues.empty()) {
    out += " ('" + c.cues.front() + "')";
  }
  if (c.negated) out += ", negated";
  if (c.question) out += ", question";
  if (!c.reported_by.empty()) out += ", reported ('" + c.reported_by + "')";
  if (c.attribution != Attribution::kNone) {
    out += ", attribution ";
    out += AttributionName(c.attribution);
  }
  return out;
}

std::string UnscoredWords(const AuditSummary& s) {
  std::string out;
  if (s.questions > 0) {
    out += std::to_string(s.questions) + " asked as questions";
  }
  if (s.reported > 0) {
    out += std::string(out.empty() ? "" : ", ") + std::to_string(s.reported) +
           " reported from others";
  }
  if (s.outside > 0) {
    out += std::string(out.empty() ? "" : ", ") + std::to_string(s.outside) +
           " outside the knowledge base";
  }
  return out.empty() ? out : " (" + out + ")";
}

namespace {

int Badness(VerdictWord v) {
  switch (v) {
    case VerdictWord::kRefuted:
      return 3;
    case VerdictWord::kContested:
      return 2;
    case VerdictWord::kUnsourced:
      return 1;
    case VerdictWord::kSupported:
      break;
  }
  return 0;
}

}  // namespace

std::vector<SentenceClaims> GroupBySentence(const Audit& audit) {
  std::vector<SentenceClaims> out;
  for (std::size_t i = 0; i < audit.claims.size(); ++i) {
    const AuditedClaim& a = audit.claims[i];
    if (out.empty() || out.back().sentence != a.claim.sentence) {
      out.push_back({a.claim.sentence, {}, a.judgement.verdict});
    }
    SentenceClaims& s = out.back();
    s.claims.push_back(i);
    if (Badness(a.judgement.verdict) > Badness(s.verdict)) {
      s.verdict = a.judgement.verdict;
    }
  }
  return out;
}

std::string VerdictClass(VerdictWord verdict) {
  return std::string("v-") + VerdictName(verdict);
}

}  // namespace report
}  // namespace claimcheck
