// ClaimExtractor: sentence -> claims, by rules over concept mentions and the
// cue words of claims/lexicon.cc. docs/claims.md describes the rules; the
// comments here say how each is carried out.
//
// Per sentence:
//   1. tokens, with the mention each belongs to and the punctuation before it
//   2. clauses: split at ; : ( ) and spaced dashes, at "which", "but",
//      "while", "because" …; a relative clause remembers its antecedent
//   3. predicates (triggers) with their effect; a weak one ("helps") gives way
//      to the predicate right after it ("helps reduce")
//   4. for each predicate: its objects (the mentions after it, with
//      coordination), or the mention before it when it has none ("serum
//      melatonin increased"); its subject (an intervention before it in the
//      clause, the antecedent, an anaphor, the sentence's earlier subject, or
//      the document's focus); negation, hedging, attribution; the relation
//      from the effect, the object's polarity and better-direction
//   5. the other kinds: dose and onset (amounts with units), comparison
//      (bioavailability, tolerance, synergy), safety (contraindications and
//      interactions), composition ("X is a mushroom").
#include <algorithm>
#include <map>
#include <set>

#include "claimcheck/claims.h"
#include "claims/lexicon.h"
#include "claims/quantity.h"

namespace claimcheck {

using claims_internal::Anaphor;
using claims_internal::Boundary;
using claims_internal::Dimension;
using claims_internal::DoseRelation;
using claims_internal::Effect;
using claims_internal::FindQuantities;
using claims_internal::FoundQuantity;
using claims_internal::Gap;
using claims_internal::Lexicon;
using claims_internal::Tok;
using claims_internal::Trigger;

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

bool IsMedicine(const Concept* c) { return c && c->category == "medicine"; }

// An intervention that can be an article's subject (not a medicine).
bool IsSupplement(const Concept* c) {
  return c && c->kind == ConceptKind::kIntervention && !IsMedicine(c) &&
         !IsLiteral(c);
}

// A folded word ending in `suffix` with more than `stem` letters before
// it: an adverb ("significantly": "ly", 2), a gerund ("reducing": "ing", 2).
bool EndsIn(const std::string& fold, std::string_view suffix,
            std::size_t stem = 2) {
  return fold.size() > suffix.size() + stem - 1 &&
         fold.compare(fold.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The topmost ancestor of `c` through its first is_a parents.
const Concept* Root(const Vocabulary& vocabulary, const Concept* c) {
  for (int guard = 0; c && !c->is_a.empty() && guard < 16; ++guard) {
    const Concept* parent = vocabulary.Find(c->is_a.front());
    if (!parent) break;
    c = parent;
  }
  return c;
}

// A mention in one sentence, with its token range.
struct SMention {
  const Mention* m = nullptr;
  std::size_t t0 = 0;  // first token
  std::size_t t1 = 0;  // one past the last token
  const Concept* c() const { return m->target; }
};

struct Clause {
  std::size_t begin = 0;  // tokens [begin, end)
  std::size_t end = 0;
  bool has_boundary = false;
  Boundary boundary = Boundary::kSubordinate;
  int antecedent = -1;  // mention index for a relative clause
};

struct Pred {
  std::size_t t0 = 0;
  std::size_t t1 = 0;
  Effect effect = Effect::kModulate;
  bool weak = false;
  std::size_t group_start = 0;  // first token of the predicate group
  int postfix_object = -1;      // "NMDA receptor antagonist"
  bool implicit = false;        // the object's own words ("calm the …")
};

// Everything known about one sentence while it is read.
struct SentenceWork {
  const Text* text = nullptr;
  std::size_t index = 0;
  const Sentence* sentence = nullptr;
  std::vector<Tok> toks;
  std::vector<SMention> mentions;
  std::vector<Clause> clauses;
  std::vector<std::size_t> clause_of;  // token -> clause
  std::vector<bool> negation_at;       // token starts a negation cue
  std::vector<bool> pseudo_at;         // token is inside a pseudo-negation
  std::vector<std::pair<std::size_t, int>>
      hedges;  // token, +1 hedge / -1 assertive
  std::vector<std::string> hedge_words;
  Attribution attribution = Attribution::kNone;
  std::vector<std::string> attribution_cues;
  bool question = false;
  std::string section;
  // Qualifiers said once for the whole sentence (Qualify copies them).
  std::string population;
  std::string timing;
  // Reported speech (FindCues): claims whose predicate starts at or after
  // this offset are `reported_by`'s, not the article's.
  std::size_t reported_after = std::string::npos;
  std::string reported_by;

  std::string_view Str(std::size_t t0, std::size_t t1) const {
    if (t0 >= t1 || t1 > toks.size()) return {};
    return std::string_view(text->str())
        .substr(toks[t0].start, toks[t1 - 1].end - toks[t0].start);
  }
  int MentionAt(std::size_t t) const {
    return t < toks.size() ? toks[t].mention : -1;
  }
  // The mention at token t when it names a supplement, else -1.
  int SupplementAt(std::size_t t) const {
    const int m = MentionAt(t);
    return m >= 0 && IsSupplement(mentions[static_cast<std::size_t>(m)].c())
               ? m
               : -1;
  }
};

Gap GapBetween(std::string_view s) {
  Gap gap = Gap::kSpace;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ';' || c == ':' || c == '(' || c == ')' || c == '[' || c == ']' ||
        c == '!' || c == '?') {
      return Gap::kStrong;
    }
    if (c == ',') gap = Gap::kComma;
  }
  // A spaced dash (" - ", " – ", " — ") or any em dash ends a clause.
  if (s.find("\xE2\x80\x94") != std::string_view::npos) return Gap::kStrong;
  for (std::string_view dash : {" - ", " \xE2\x80\x93 "}) {
    if (s.find(dash) != std::string_view::npos) return Gap::kStrong;
  }
  return gap;
}

// The word tokens of str[begin, end), with what lies between each and the
// one before it.
std::vector<Tok> Toks(const std::string& str, std::size_t begin,
                      std::size_t end) {
  std::vector<Tok> toks;
  std::size_t prev_end = begin;
  for (Token& t : Tokenize(str, begin, end)) {
    Tok tok;
    tok.start = t.start;
    tok.end = t.end;
    tok.fold = std::move(t.fold);
    tok.cased = std::move(t.cased);
    tok.gap = toks.empty() ? Gap::kSpace
                           : GapBetween(std::string_view(str).substr(
                                 prev_end, t.start - prev_end));
    prev_end = t.end;
    toks.push_back(std::move(tok));
  }
  return toks;
}

}  // namespace

struct ClaimExtractor::Impl {
  const Vocabulary& vocabulary;
  ConceptMatcher matcher;
  ClaimLexicon lexicon;  // shared, immutable
  const Lexicon& lex = lexicon.tables();

  Impl(const Vocabulary& v, ClaimLexicon l, ConceptMatcher m)
      : vocabulary(v), matcher(std::move(m)), lexicon(std::move(l)) {}

  // The running discourse state of one document.
  struct Focus {
    const Concept* main = nullptr;
    const Concept* current = nullptr;
    const Concept* form = nullptr;  // the last specific form (citrate …)
    void Set(const Concept* c) {
      if (!IsSupplement(c)) return;
      current = c;
      if (!c->is_a.empty()) form = c;
    }
    // What an anaphor of `kind` stands for: "this form" the last specific
    // form, "high doses" the article's own subject, any other the focus.
    const Concept* Referent(Anaphor kind) const {
      if (kind == Anaphor::kForm && form) return form;
      if (kind == Anaphor::kDose && main) return main;
      return current;
    }
  };

  // ---- step 1 and 2: tokens, mentions, clauses, cues ----

  // docs/claims.md, "From a sentence to claims" (5): "this amino acid",
  // "these herbs", "the mineral": a determiner and a category word stand for
  // the subject, even where the category is itself a concept ("Amino
  // Acids"), unless a name follows ("the amino acid tyrosine").
  // The length of such a phrase at toks[t] (0 when none).
  std::size_t CategoryAnaphor(const std::vector<Tok>& toks,
                              std::size_t t) const {
    if (t + 1 >= toks.size() || !lex.anaphor_determiners.Has(toks[t].fold)) {
      return 0;
    }
    std::string category;
    const std::size_t n = lex.categories.Match(toks, t + 1, &category,
                                               /*skip_mentions=*/false);
    // "the amino acid tyrosine": an apposition names the subject itself.
    const std::size_t after = t + 1 + n;
    if (n == 0 || (after < toks.size() && toks[after].mention >= 0 &&
                   toks[after].mention != toks[t + 1].mention)) {
      return 0;
    }
    return n + 1;
  }

  // docs/claims.md, "From a sentence to claims" (5): a mention right after a
  // supplement's whose words are all forms a supplement is sold as (the
  // lexicon's form_words: powder, berry, root, extract) names that
  // supplement's product, not a concept of its own ("Powders").
  bool FormOfPrevious(const SentenceWork& w, const SMention& previous,
                      const SMention& sm) const {
    if (sm.t0 != previous.t1 || !IsSupplement(previous.c()) ||
        w.toks[sm.t0].gap != Gap::kSpace) {
      return false;
    }
    for (std::size_t t = sm.t0; t < sm.t1; ++t) {
      if (!lex.form_words.Has(w.toks[t].fold)) return false;
    }
    return true;
  }

  // An anaphor at toks[t]: the lexicon's ("it", "this form", "high doses")
  // or a demonstrative and a category word (kAny). Its length, or 0.
  std::size_t MatchAnaphor(const std::vector<Tok>& toks, std::size_t t,
                           Anaphor* a) const {
    if (const std::size_t n = lex.anaphors.Match(toks, t, a)) return n;
    if (const std::size_t n = CategoryAnaphor(toks, t)) {
      *a = Anaphor::kAny;
      return n;
    }
    return 0;
  }

  void Prepare(SentenceWork* w, const std::vector<const Mention*>& ms) const {
    w->toks = Toks(w->text->str(), w->sentence->start, w->sentence->end);
    for (const Mention* m : ms) {
      SMention sm;
      sm.m = m;
      sm.t0 = kNone;
      // The tokens overlapping the mention: tokens are in text order and do
      // not overlap, so find the first that ends after the mention starts
      // (a sentence of ten thousand tokens with a thousand mentions must
      // not cost ten million steps).
      const auto first = std::partition_point(
          w->toks.begin(), w->toks.end(),
          [&](const Tok& tok) { return tok.end <= m->start; });
      for (auto it = first; it != w->toks.end() && it->start < m->end; ++it) {
        const auto t = static_cast<std::size_t>(it - w->toks.begin());
        if (sm.t0 == kNone) sm.t0 = t;
        sm.t1 = t + 1;
      }
      if (sm.t0 == kNone) continue;
      const int idx = static_cast<int>(w->mentions.size());
      for (std::size_t t = sm.t0; t < sm.t1; ++t) w->toks[t].mention = idx;
      w->mentions.push_back(sm);
    }
    // "this amino acid", "the herb": an anaphor (CategoryAnaphor), not a
    // mention of the category; "turmeric powder", "schisandra berry": the
    // part or form a supplement is sold as, not a mention of its own
    // (FormOfPrevious). Their tokens belong to no mention.
    std::vector<SMention> kept;
    for (const SMention& sm : w->mentions) {
      if ((sm.t0 > 0 &&
           CategoryAnaphor(w->toks, sm.t0 - 1) == sm.t1 - sm.t0 + 1) ||
          (!kept.empty() && FormOfPrevious(*w, kept.back(), sm))) {
        for (std::size_t t = sm.t0; t < sm.t1; ++t) w->toks[t].mention = -1;
        continue;
      }
      for (std::size_t t = sm.t0; t < sm.t1; ++t) {
        w->toks[t].mention = static_cast<int>(kept.size());
      }
      kept.push_back(sm);
    }
    w->mentions = std::move(kept);
    SplitClauses(w);
    FindCues(w);
    FindQualifiers(w);
  }

  void SplitClauses(SentenceWork* w) const {
    const auto& toks = w->toks;
    w->clauses.clear();
    w->clause_of.assign(toks.size(), 0);
    Clause current;
    current.begin = 0;
    for (std::size_t t = 0; t < toks.size(); ++t) {
      Boundary b{};
      std::size_t n = lex.boundaries.Match(toks, t, &b);
      bool split = t > 0 && toks[t].gap == Gap::kStrong;
      // "Unlike X that …, Y …": the unlike-phrase ends at its comma.
      if (t > current.begin && toks[t].gap == Gap::kComma &&
          current.has_boundary && current.boundary == Boundary::kUnlike) {
        split = true;
      }
      bool bounded = false;
      if (n > 0) {
        // "so" and "when" only after a comma; the others anywhere.
        const bool weak_word = toks[t].fold == "so" || toks[t].fold == "when";
        if (t == 0 || !weak_word || toks[t].gap != Gap::kSpace) {
          split = split || t > 0;
          bounded = true;
        }
      }
      if (split && t > current.begin) {
        const Clause before = current;
        current.end = t;
        w->clauses.push_back(current);
        current = Clause();
        current.begin = t;
        // "a hormone that, when elevated, contributes to …": a clause
        // inside a relative clause keeps its antecedent.
        if (bounded && b == Boundary::kSubordinate && before.has_boundary &&
            before.boundary == Boundary::kRelative) {
          current.antecedent = before.antecedent;
        }
      }
      if (bounded) {
        current.has_boundary = true;
        current.boundary = b;
        if (b == Boundary::kRelative) {
          // The antecedent: the mention ending just before "which".
          for (std::size_t k = t; k-- > 0 && k + 3 > t;) {
            if (toks[k].mention >= 0) {
              current.antecedent = toks[k].mention;
              break;
            }
          }
        }
      }
    }
    current.end = toks.size();
    if (current.end > current.begin || w->clauses.empty()) {
      w->clauses.push_back(current);
    }
    // "X, a hormone that …" and "X that …": a relative "that" right after a
    // mention (or its apposition) names its antecedent too.
    for (std::size_t t = 1; t < toks.size(); ++t) {
      if (toks[t].fold != "that") continue;
      int antecedent = -1;
      if (toks[t - 1].mention >= 0 && toks[t].gap == Gap::kSpace) {
        antecedent = toks[t - 1].mention;
        // "GABA receptors, the neurotransmitter that …": the apposition's
        // referent.
        const std::size_t head =
            w->mentions[static_cast<std::size_t>(antecedent)].t0;
        if (head >= 2 && toks[head - 1].gap != Gap::kSpace &&
            (toks[head - 1].fold == "the" || toks[head - 1].fold == "a" ||
             toks[head - 1].fold == "an") &&
            toks[head - 2].mention >= 0) {
          antecedent = toks[head - 2].mention;
        }
      } else {
        for (std::size_t k = t; k-- > 0 && k + 4 > t;) {
          if (toks[k].mention >= 0 && toks[k + 1].gap != Gap::kSpace &&
              (toks[k + 1].fold == "a" || toks[k + 1].fold == "an" ||
               toks[k + 1].fold == "the")) {
            antecedent = toks[k].mention;
            break;
          }
        }
      }
      if (antecedent < 0) continue;
      // Split the clause at "that".
      std::size_t c = 0;
      while (w->clauses[c].end <= t) ++c;
      Clause& old = w->clauses[c];
      if (old.begin == t) {
        old.antecedent = antecedent;
        continue;
      }
      if (old.has_boundary && old.boundary == Boundary::kUnlike) continue;
      Clause fresh;
      fresh.begin = t;
      fresh.end = old.end;
      fresh.has_boundary = true;
      fresh.boundary = Boundary::kRelative;
      fresh.antecedent = antecedent;
      old.end = t;
      w->clauses.insert(w->clauses.begin() + static_cast<long>(c) + 1, fresh);
    }
    for (std::size_t c = 0; c < w->clauses.size(); ++c) {
      for (std::size_t t = w->clauses[c].begin; t < w->clauses[c].end; ++t) {
        w->clause_of[t] = c;
      }
    }
  }

  // "May 2021", "in May": the month, not a hedge.
  bool IsMonthMay(const std::vector<Tok>& toks, std::size_t t) const {
    if (toks[t].cased != "May") return false;
    auto digits = [](const std::string& s) {
      return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return c >= '0' && c <= '9';
      });
    };
    if (t + 1 < toks.size() && digits(toks[t + 1].fold)) return true;
    if (t > 0 && digits(toks[t - 1].fold)) return true;
    if (t > 0) {
      if (lex.month_may_before.Has(toks[t - 1].fold)) return true;
    }
    return false;
  }

  // Reported speech: a source that is not evidence, then within three words
  // a verb that hands a claim over ("Social feeds promise that …",
  // "Marketers claim magnesium …"). What follows the verb (and a "that") is
  // the source's claim, which the article reports.
  void FindReportedSpeech(SentenceWork* w) const {
    const auto& toks = w->toks;
    w->reported_after = std::string::npos;
    w->reported_by.clear();
    for (std::size_t t = 0; t < toks.size(); ++t) {
      const std::size_t n = lex.hearsay_sources.Match(toks, t, nullptr, false);
      if (n == 0) continue;
      for (std::size_t v = t + n; v < toks.size() && v <= t + n + 3; ++v) {
        if (toks[v].gap == Gap::kStrong || toks[v].gap == Gap::kComma) break;
        const std::size_t m = lex.hearsay_verbs.Match(toks, v, nullptr, false);
        if (m == 0) continue;
        std::size_t end = v + m;
        if (end < toks.size() && toks[end].fold == "that") ++end;
        w->reported_after = toks[end - 1].end;
        w->reported_by = std::string(w->Str(t, end));
        return;
      }
    }
  }

  void FindCues(SentenceWork* w) const {
    const auto& toks = w->toks;
    w->negation_at.assign(toks.size(), false);
    w->pseudo_at.assign(toks.size(), false);
    w->hedges.clear();
    w->hedge_words.clear();
    for (std::size_t t = 0; t < toks.size(); ++t) {
      if (std::size_t n = lex.pseudo_negations.Match(toks, t, nullptr)) {
        for (std::size_t k = t; k < t + n; ++k) w->pseudo_at[k] = true;
      }
    }
    for (std::size_t t = 0; t < toks.size(); ++t) {
      if (!w->pseudo_at[t] && lex.negations.Match(toks, t, nullptr)) {
        w->negation_at[t] = true;
      }
    }
    for (std::size_t t = 0; t < toks.size();) {
      std::size_t n = lex.assertives.Match(toks, t, nullptr);
      if (n) {
        w->hedges.push_back({t, -1});
        w->hedge_words.emplace_back(w->Str(t, t + n));
        t += n;
        continue;
      }
      n = lex.hedges.Match(toks, t, nullptr);
      if (n && !IsMonthMay(toks, t)) {
        w->hedges.push_back({t, +1});
        w->hedge_words.emplace_back(w->Str(t, t + n));
        t += n;
        continue;
      }
      ++t;
    }
    FindReportedSpeech(w);
    // Attribution: a citation in the sentence, or "studies show"-style words.
    const std::string_view s = w->text->SentenceText(w->index);
    std::string lower(s);
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    w->attribution = Attribution::kNone;
    w->attribution_cues.clear();
    for (const char* cite : {"pmid", "pubmed", "doi.org", "doi:", "http://",
                             "https://", "www.", "pmc", " 10."}) {
      if (lower.find(cite) != std::string::npos) {
        w->attribution = Attribution::kCited;
        w->attribution_cues.push_back(cite);
        return;
      }
    }
    bool noun = false, verb = false;
    std::string cue;
    for (std::size_t t = 0; t < toks.size(); ++t) {
      if (std::size_t n =
              lex.attribution_phrases.Match(toks, t, nullptr, false)) {
        w->attribution = Attribution::kUnnamed;
        w->attribution_cues.emplace_back(w->Str(t, t + n));
        return;
      }
      if (lex.evidence_nouns.Match(toks, t, nullptr, false)) {
        if (!noun) cue = toks[t].fold;
        noun = true;
      } else if (noun && lex.reporting_verbs.Match(toks, t, nullptr, false)) {
        verb = true;
        cue += " … " + toks[t].fold;
      }
    }
    if (noun && verb) {
      w->attribution = Attribution::kUnnamed;
      w->attribution_cues.push_back(cue);
    }
  }

  // ---- step 3: predicates ----

  std::vector<Pred> FindPredicates(const SentenceWork& w) const {
    const auto& toks = w.toks;
    std::vector<Pred> preds;
    for (std::size_t t = 0; t < toks.size();) {
      Trigger trig;
      const std::size_t n = lex.triggers.Match(toks, t, &trig);
      if (n == 0) {
        ++t;
        continue;
      }
      // "lower"/"higher" after have/with/a/the/than is an adjective.
      if ((toks[t].fold == "lower" || toks[t].fold == "low") && t > 0) {
        if (lex.adjective_before_low.Has(toks[t - 1].fold)) {
          t += n;
          continue;
        }
      }
      Pred p;
      p.t0 = t;
      p.t1 = t + n;
      p.effect = trig.effect;
      p.weak = trig.weak;
      p.group_start = t;
      preds.push_back(p);
      t += n;
    }
    // A weak predicate followed within three tokens by another gives way.
    std::vector<Pred> kept;
    for (std::size_t i = 0; i < preds.size(); ++i) {
      const Pred& p = preds[i];
      if (p.weak && i + 1 < preds.size()) {
        const Pred& next = preds[i + 1];
        bool clear =
            next.t0 <= p.t1 + 3 && w.clause_of[next.t0] == w.clause_of[p.t0];
        for (std::size_t k = p.t1; clear && k < next.t0; ++k) {
          clear = toks[k].mention < 0 || k + 1 == next.t0;
          if (toks[k].mention >= 0) clear = false;
        }
        if (clear) {
          preds[i + 1].group_start = p.group_start;
          continue;
        }
      }
      kept.push_back(p);
    }
    // Postfix predicates: "NMDA receptor antagonist", "melatonin precursor".
    for (std::size_t m = 0; m < w.mentions.size(); ++m) {
      Effect e;
      const std::size_t at = w.mentions[m].t1;
      if (at < toks.size() && lex.postfix.Match(toks, at, &e)) {
        Pred p;
        p.t0 = at;
        p.t1 = at + 1;
        p.effect = e;
        p.group_start = w.mentions[m].t0;
        p.postfix_object = static_cast<int>(m);
        kept.push_back(p);
      }
    }
    std::sort(kept.begin(), kept.end(),
              [](const Pred& a, const Pred& b) { return a.t0 < b.t0; });
    // A verb phrase naming the good pole with no predicate before it: "is
    // thought to calm the nervous system", "Magnesium may relax muscles".
    // Its own words carry the claim (read last, only if no predicate took
    // the mention as its object).
    for (std::size_t m = 0; m < w.mentions.size(); ++m) {
      const SMention& sm = w.mentions[m];
      if (sm.m->polarity >= 0 || sm.t0 == 0 ||
          sm.c()->kind == ConceptKind::kIntervention) {
        continue;
      }
      const int before = toks[sm.t0 - 1].mention;
      const bool after_subject =
          before >= 0 &&
          IsSupplement(w.mentions[static_cast<std::size_t>(before)].c());
      if (!after_subject && !lex.verb_phrase_before.Has(toks[sm.t0 - 1].fold))
        continue;
      Pred p;
      p.t0 = sm.t0;
      p.t1 = sm.t1;
      p.effect = Effect::kBetter;
      p.group_start = sm.t0;
      p.postfix_object = static_cast<int>(m);
      p.implicit = true;
      kept.push_back(p);
    }
    return kept;
  }

  bool IsPredicateStart(const std::vector<Pred>& preds, std::size_t t) const {
    for (const Pred& p : preds) {
      if (p.t0 == t) return true;
    }
    return false;
  }

  // ---- step 4: objects and subjects ----

  struct Objects {
    std::vector<int> mentions;
    // Per mention: the direction turns ("leads to a reduction in …",
    // "better rest, reduced anxiety").
    std::vector<bool> flips;
    // Per mention: a participle of its own sets the effect ("reduced
    // anxiety, and an enhanced sense of well-being").
    std::vector<std::optional<Effect>> effects;
    bool flip = false;  // while searching
  };

  // True when toks[t] ends the search for an object.
  bool StopsObject(const SentenceWork& w, const std::vector<Pred>& preds,
                   std::size_t t) const {
    return lex.object_stops.Has(w.toks[t].fold) > 0 ||
           IsPredicateStart(preds, t);
  }

  // "contribute to improved sleep quality", "leading to increased neural
  // activity": a participle after to/a/the describes the object. A lowering
  // one ("to reduced cortisol") turns the direction.
  bool IsModifier(const SentenceWork& w, const std::vector<Pred>& preds,
                  std::size_t t, bool* flip) const {
    const std::string& f = w.toks[t].fold;
    if (t == 0 || !lex.participle_before.Has(w.toks[t - 1].fold) ||
        f.size() < 3 || f.compare(f.size() - 2, 2, "ed") != 0) {
      return false;
    }
    for (const Pred& p : preds) {
      if (p.t0 != t) continue;
      if (p.effect == Effect::kDown || p.effect == Effect::kWorse) {
        *flip = !*flip;
      }
      return true;
    }
    return false;
  }

  // Mentions after the predicate: the first behind at most one word that is
  // not a filler ("the synthesis of melatonin", "you fall asleep faster"),
  // then the ones coordinated with it ("stress and anxiety", "nausea,
  // dizziness, or irregular heartbeat").
  Objects FindObjects(const SentenceWork& w, const std::vector<Pred>& preds,
                      const Pred& p) const {
    Objects out;
    if (p.postfix_object >= 0) {
      out.mentions.push_back(p.postfix_object);
      return out;
    }
    const auto& toks = w.toks;
    const std::size_t clause = w.clause_of[p.t0];
    std::size_t t = p.t1;
    if (p.effect == Effect::kConvert) {
      // "converting tryptophan to serotonin": the mention after to/into.
      for (; t < toks.size() && t < p.t1 + 8; ++t) {
        if ((toks[t].fold == "to" || toks[t].fold == "into") &&
            t + 1 < toks.size() && toks[t + 1].mention >= 0) {
          out.mentions.push_back(toks[t + 1].mention);
          return out;
        }
      }
      return out;
    }
    int found = -1;
    std::size_t strangers = 0;
    for (; t < toks.size() && t < p.t1 + 7; ++t) {
      if (w.clause_of[t] != clause) break;
      if (t > p.t1 && toks[t].gap != Gap::kSpace) break;
      if (toks[t].mention >= 0) {
        found = toks[t].mention;
        break;
      }
      if (IsModifier(w, preds, t, &out.flip)) continue;
      if (StopsObject(w, preds, t)) break;
      if (lex.flips.Match(toks, t, nullptr)) {
        out.flip = !out.flip;
        continue;
      }
      if (!lex.fillers.Match(toks, t, nullptr) && ++strangers > 1) break;
    }
    if (found < 0) return out;
    out.mentions.push_back(found);
    out.flips.push_back(out.flip);
    out.effects.push_back(std::nullopt);
    // Coordination.
    std::size_t end = w.mentions[static_cast<std::size_t>(found)].t1;
    while (end < toks.size()) {
      std::size_t k = end;
      bool linked = toks[k].gap == Gap::kComma;
      std::size_t others = 0;
      int next = -1;
      bool flip = false;
      std::optional<Effect> own;
      while (k < toks.size() && k < end + 6) {
        if (k > end && toks[k].gap == Gap::kStrong) break;
        if (w.clause_of[k] != clause) break;
        if (toks[k].mention >= 0) {
          next = toks[k].mention;
          break;
        }
        if (std::size_t n = lex.linkers.Match(toks, k, nullptr)) {
          linked = true;
          k += n;
          continue;
        }
        bool ignored = false;
        if (IsModifier(w, preds, k, &ignored)) {
          for (const Pred& p2 : preds) {
            if (p2.t0 == k) own = p2.effect;
          }
          ++k;
          continue;
        }
        if (lex.flips.Match(toks, k, nullptr)) {
          flip = !flip;
          ++k;
          continue;
        }
        if (StopsObject(w, preds, k)) break;
        if (!lex.fillers.Match(toks, k, nullptr) && ++others > 1) break;
        ++k;
      }
      if (next < 0 || !linked) break;
      const Concept* c = w.mentions[static_cast<std::size_t>(next)].c();
      if (c->kind == ConceptKind::kIntervention) break;
      out.mentions.push_back(next);
      out.flips.push_back(flip);
      out.effects.push_back(own);
      end = w.mentions[static_cast<std::size_t>(next)].t1;
    }
    return out;
  }

  struct Subject {
    const Concept* c = nullptr;
    std::shared_ptr<const Concept> literal = nullptr;  // owns c if literal
    int mention = -1;
    int polarity = 1;  // -1: "without sufficient X", "low X"
    std::string from = "text";
  };

  // Deficit words right before a mention flip its polarity: "without
  // sufficient magnesium" is magnesium_deficiency's pole, "without" again
  // flips it back to deficiency.
  int DeficitPolarity(const SentenceWork& w, std::size_t t0) const {
    int polarity = 1;
    for (std::size_t k = t0 > 3 ? t0 - 3 : 0; k < t0; ++k) {
      std::size_t n = lex.deficits.Match(w.toks, k, nullptr);
      if (n && k + n == t0) {
        polarity = -polarity;
        break;
      }
    }
    return polarity;
  }

  Subject FromMention(const SentenceWork& w, int mention) const {
    Subject s;
    const SMention& sm = w.mentions[static_cast<std::size_t>(mention)];
    s.c = sm.c();
    s.mention = mention;
    s.polarity = sm.m->polarity * DeficitPolarity(w, sm.t0);
    return s;
  }

  bool Embedded(const SentenceWork& w, int mention) const {
    const std::size_t t0 = w.mentions[static_cast<std::size_t>(mention)].t0;
    for (std::size_t k = t0 > 2 ? t0 - 2 : 0; k < t0; ++k) {
      if (std::size_t n = lex.embedded.Match(w.toks, k, nullptr);
          n && k + n == t0) {
        return true;
      }
    }
    return false;
  }

  Subject FindSubject(const SentenceWork& w, const Pred& p,
                      std::size_t object_t0, const Subject& previous,
                      const Focus& focus, bool abstract_mode,
                      const std::set<int>& used_objects) const {
    const auto& toks = w.toks;
    const std::size_t clause = w.clause_of[p.group_start];
    const Clause& cl = w.clauses[clause];
    const std::size_t limit = std::min(p.group_start, object_t0);
    // (a) the nearest supplement before the predicate in the clause, unless
    // an anaphor stands nearer ("Revered in traditional medicine, this
    // herb combats stress": the herb, not the medicine).
    bool anaphor_nearer = false;
    for (std::size_t t = limit; t-- > cl.begin;) {
      if (const int m = w.SupplementAt(t); m >= 0) return FromMention(w, m);
      Anaphor nearer = Anaphor::kAny;
      if (toks[t].mention < 0 && MatchAnaphor(toks, t, &nearer) &&
          !Expletive(toks, t)) {
        anaphor_nearer = true;
        break;
      }
    }
    // (a') a list item's label: "Rhodiola: reduces fatigue", "Ashwagandha
    // (Withania somnifera): Known for reducing cortisol".
    if (const int m = ListLabel(w, cl.begin); m >= 0) {
      return FromMention(w, m);
    }
    // (b) the antecedent of a relative clause.
    if (cl.antecedent >= 0 && !anaphor_nearer) {
      Subject s = FromMention(w, cl.antecedent);
      s.from = "antecedent";
      return s;
    }
    // (c) an anaphor: "it", "this mineral", "this form", "high doses", or a
    // bare "This" right before the predicate ("This helps regulate …").
    for (std::size_t t = cl.begin; t < limit; ++t) {
      Anaphor a = Anaphor::kAny;
      const bool bare_this =
          (toks[t].fold == "this" || toks[t].fold == "these") &&
          t + 1 == p.group_start;
      if (!bare_this && !MatchAnaphor(toks, t, &a)) continue;
      if (Expletive(toks, t)) continue;
      Subject s;
      s.from = "focus";
      if (a == Anaphor::kForm && focus.form) {
        s.c = focus.form;
      } else if (a == Anaphor::kDose && focus.main) {
        // "High doses may cause …": the article's own subject.
        s.c = focus.main;
      } else {
        // The sentence's own earlier subject, else the document's focus.
        s.c =
            previous.c && IsSupplement(previous.c) ? previous.c : focus.current;
        for (std::size_t k = cl.begin; k-- > 0;) {
          if (const int m = w.SupplementAt(k); m >= 0) {
            s.c = w.mentions[static_cast<std::size_t>(m)].c();
            s.from = "text";
            break;
          }
        }
      }
      if (s.c) return s;
    }
    // (d) the first mention of the clause, when it stands before the
    // predicate and is no predicate's object ("chronic stress leads to").
    // The clause's start, or the start of a "that"-clause in it ("Research
    // has suggested that adequate magnesium levels …").
    std::vector<std::size_t> starts = {cl.begin};
    for (std::size_t t = cl.begin; t < limit; ++t) {
      if (toks[t].fold == "that") starts.push_back(t + 1);
    }
    for (std::size_t t : starts) {
      while (t < limit && toks[t].mention < 0 &&
             lex.subject_openers.Has(toks[t].fold)) {
        ++t;
      }
      const int m = t < limit ? toks[t].mention : -1;
      if (m >= 0 && !used_objects.count(m) &&
          !IsMedicine(w.mentions[static_cast<std::size_t>(m)].c())) {
        return FromMention(w, m);
      }
    }
    // (d') the words that open the clause or its "that"-clause, when the
    // vocabulary knows none of them: a literal subject ("Lockdown
    // restrictions alone can reduce the risk of COVID-19 infection").
    if (Subject s = LiteralSubject(w, starts.back(), limit); s.c) return s;
    // (e) the sentence's earlier subject (coordinated predicates,
    // participles: "…, helping you fall asleep").
    if (previous.c &&
        (!cl.has_boundary || cl.boundary != Boundary::kRelative)) {
      Subject s = previous;
      s.mention = -1;
      return s;
    }
    // (f) a fronted "By promoting relaxation, magnesium …": the first
    // supplement after the predicate; (g) in an abstract, the study's
    // intervention ("There was no significant difference in …").
    if (cl.begin == 0 && !toks.empty() &&
        (toks[0].fold == "by" || p.group_start == 0)) {
      for (std::size_t t = p.t1; t < toks.size(); ++t) {
        if (const int m = w.SupplementAt(t); m >= 0) return FromMention(w, m);
      }
    }
    if (abstract_mode && focus.current) {
      Subject s;
      s.c = focus.current;
      s.from = "focus";
      return s;
    }
    return {};
  }

  // The literal subject in toks [begin, end): at most five words that the
  // vocabulary does not know, with no comma, number, pronoun, preposition
  // or predicate among them, once the openers before ("the", "and") and the
  // adjuncts before the verb ("can", "alone", "significantly") are set
  // aside, and a negation there ("cannot", "no likelier"); not who reports
  // ("researchers", "social feeds").
  // docs/claims.md, "Literal arguments".
  Subject LiteralSubject(const SentenceWork& w, std::size_t begin,
                         std::size_t end) const {
    const auto& toks = w.toks;
    auto adverb = [&](std::size_t t) { return EndsIn(toks[t].fold, "ly"); };
    while (begin < end && lex.literal_openers.Has(toks[begin].fold)) ++begin;
    while (end > begin && (lex.verb_adjuncts.Has(toks[end - 1].fold) ||
                           w.negation_at[end - 1] || adverb(end - 1))) {
      --end;
    }
    Subject s;
    if (begin >= end || end - begin > 5) return s;
    for (std::size_t t = begin; t < end; ++t) {
      const std::string& f = toks[t].fold;
      if (toks[t].mention >= 0 || (t > begin && toks[t].gap != Gap::kSpace) ||
          lex.literal_stops.Has(f) || adverb(t) ||
          lex.triggers.Match(toks, t, nullptr) ||
          f.find_first_of("0123456789") != std::string::npos ||
          lex.evidence_nouns.Match(toks, t, nullptr, false) ||
          lex.hearsay_sources.Match(toks, t, nullptr, false)) {
        return s;
      }
    }
    if (toks[begin].gap == Gap::kSpace && begin > 0 &&
        toks[begin - 1].mention >= 0) {
      return s;  // the tail of a name: "vitamin D supplements"
    }
    s.literal = LiteralConcept(w.Str(begin, end), ConceptKind::kIntervention);
    s.c = s.literal.get();
    return s;
  }

  // The mentions coordinated with mention `m` of the same kind by "and",
  // "or", "as well as" …, before it ("X and Y improve") and after it up to
  // token `limit` ("by X and Y"). Not by commas alone: "Featuring A, B,
  // C, this formula …" lists a product's ingredients.
  std::vector<int> CoordinatedWith(const SentenceWork& w, int m,
                                   std::size_t limit) const {
    const auto& toks = w.toks;
    const SMention& sm = w.mentions[static_cast<std::size_t>(m)];
    const ConceptKind kind = sm.c()->kind;
    std::vector<int> out;
    auto linked = [&](std::size_t from, std::size_t to) {
      // toks [from, to) are only coordinators: "and", "or", "as well as" …
      // (not "like", "such as": those introduce examples).
      for (std::size_t t = from; t < to;) {
        const std::size_t n = lex.coordinators.Match(toks, t, nullptr);
        if (n == 0) return false;
        t += n;
      }
      return true;
    };
    auto same = [&](int other) {
      const Concept* c = w.mentions[static_cast<std::size_t>(other)].c();
      return c->kind == kind && !IsMedicine(c) && c != sm.c();
    };
    {
      std::size_t end = sm.t1;
      for (std::size_t t = end; t < limit && t < end + 4; ++t) {
        if (w.clause_of[t] != w.clause_of[sm.t0] ||
            toks[t].gap == Gap::kStrong) {
          break;
        }
        const int other = toks[t].mention;
        if (other < 0) continue;
        if (t == end || !linked(end, t) || !same(other) ||
            w.mentions[static_cast<std::size_t>(other)].t1 > limit) {
          break;
        }
        out.push_back(other);
        end = w.mentions[static_cast<std::size_t>(other)].t1;
        t = end - 1;
      }
    }
    std::size_t begin = sm.t0;
    for (std::size_t t = begin; t-- > 0 && t + 4 > begin;) {
      if (w.clause_of[t] != w.clause_of[sm.t0] ||
          toks[t + 1].gap == Gap::kStrong) {
        break;
      }
      const int other = toks[t].mention;
      if (other < 0) continue;
      const SMention& om = w.mentions[static_cast<std::size_t>(other)];
      if (om.t1 == begin || !linked(om.t1, begin) || !same(other)) {
        break;
      }
      out.push_back(other);
      begin = om.t0;
      t = begin;
    }
    return out;
  }

  // ---- passives (docs/claims.md, step 5) ----

  struct Agent {
    bool found = false;  // the predicate is a passive with "by"
    Subject subject;     // its agent; no concept when the vocabulary lacks it
  };

  // "is shortened (similarly) by X", "may be improved by taking X",
  // "inflammation caused by X": a predicate after a form of "be" or right
  // after a mention, then an agent marker ("by", "by taking") and its
  // agent. Not a passive when "by" is followed by an amount ("reduced by
  // 20 %") or another gerund ("improved by reducing stress": a means, not
  // an agent).
  Agent PassiveAgent(const SentenceWork& w, const Pred& p,
                     const Focus& focus) const {
    const auto& toks = w.toks;
    Agent a;
    const std::size_t clause = w.clause_of[p.t0];
    std::size_t by = p.t1;
    while (by < toks.size() && by < p.t1 + 2 && w.clause_of[by] == clause &&
           EndsIn(toks[by].fold, "ly")) {
      ++by;
    }
    const std::size_t marker =
        by < toks.size() ? lex.agent_markers.Match(toks, by, nullptr) : 0;
    if (marker == 0 || by + marker >= toks.size() ||
        toks[by + marker].gap != Gap::kSpace) {
      return a;
    }
    // Before the predicate: a form of "be" (adverbs and "not" between) or
    // a mention ending right there.
    bool passive = false;
    for (std::size_t t = p.group_start; t-- > 0;) {
      if (toks[t + 1].gap != Gap::kSpace) break;
      if (toks[t].mention >= 0) {
        passive = t + 1 == p.group_start;
        break;
      }
      if (lex.be_forms.Has(toks[t].fold)) {
        passive = true;
        break;
      }
      const std::string& f = toks[t].fold;
      if (f != "not" && !EndsIn(f, "ly")) {
        break;
      }
    }
    if (!passive) return a;
    std::size_t t = by + marker;
    const std::string& first = toks[t].fold;
    if (first.empty() || std::isdigit(static_cast<unsigned char>(first[0])) ||
        (EndsIn(first, "ing") && toks[t].mention < 0 &&
         !lex.fillers.Match(toks, t, nullptr))) {
      return a;
    }
    a.found = true;
    const std::size_t start = t;
    for (std::size_t strangers = 0; t < toks.size() && t < start + 4; ++t) {
      if (w.clause_of[t] != clause ||
          (t > start && toks[t].gap != Gap::kSpace)) {
        break;
      }
      if (toks[t].mention >= 0) {
        a.subject = FromMention(w, toks[t].mention);
        return a;
      }
      Anaphor kind = Anaphor::kAny;
      if (MatchAnaphor(toks, t, &kind)) {
        a.subject.c = focus.Referent(kind);
        a.subject.from = "focus";
        return a;
      }
      if (!lex.fillers.Match(toks, t, nullptr) && ++strangers > 1) break;
    }
    return a;
  }

  // The mention a passive predicate is said of: the nearest one before it
  // in its clause, with at most four words between and no comma.
  int MentionBefore(const SentenceWork& w, const Pred& p) const {
    const auto& toks = w.toks;
    const std::size_t clause = w.clause_of[p.group_start];
    for (std::size_t t = p.group_start; t-- > 0 && t + 5 > p.group_start;) {
      if (w.clause_of[t] != clause || toks[t + 1].gap != Gap::kSpace) break;
      if (const int m = toks[t].mention; m >= 0) {
        const Concept* c = w.mentions[static_cast<std::size_t>(m)].c();
        return c->kind == ConceptKind::kIntervention ? -1 : m;
      }
    }
    return -1;
  }

  // The supplement a list item's label names, when the clause starting at
  // token `begin` follows the sentence's first colon and the label before
  // it is at most six words whose first mention is an intervention (not a
  // medicine): "Rhodiola: reduces fatigue". -1 otherwise.
  int ListLabel(const SentenceWork& w, std::size_t begin) const {
    const auto& toks = w.toks;
    if (begin == 0 || begin > 6 || begin >= toks.size()) return -1;
    const std::string& str = w.text->str();
    auto colon_before = [&](std::size_t t) {
      return std::string_view(str)
                 .substr(toks[t - 1].end, toks[t].start - toks[t - 1].end)
                 .find(':') != std::string_view::npos;
    };
    if (!colon_before(begin)) return -1;
    for (std::size_t t = 1; t < begin; ++t) {
      if (colon_before(t)) return -1;  // not the first colon
    }
    for (std::size_t t = 0; t < begin; ++t) {
      const int m = toks[t].mention;
      if (m < 0) continue;
      const Concept* c = w.mentions[static_cast<std::size_t>(m)].c();
      return IsSupplement(c) ? m : -1;
    }
    return -1;
  }

  // "it is best to", "it's essential to": a dummy subject.
  bool Expletive(const std::vector<Tok>& toks, std::size_t t) const {
    const std::string& f = toks[t].fold;
    std::size_t next = t + 1;
    if (f == "it") {
      if (next < toks.size() &&
          (toks[next].fold == "is" || toks[next].fold == "was")) {
        ++next;
      } else {
        return false;
      }
    } else if (f != "it's") {
      return false;
    }
    return next < toks.size() &&
           lex.expletive_adjectives.Has(toks[next].fold) > 0;
  }

  // ---- how it is said ----

  bool Negated(const SentenceWork& w, std::size_t from, const Pred& p,
               std::size_t object_end, std::vector<std::string>* cues) const {
    const auto& toks = w.toks;
    const std::size_t clause = w.clause_of[p.group_start];
    const std::size_t begin =
        std::max({from, w.clauses[clause].begin,
                  p.group_start > 4 ? p.group_start - 4 : std::size_t{0}});
    for (std::size_t t = begin; t < p.group_start; ++t) {
      if (w.negation_at[t] && toks[t].mention < 0) {
        // "without" right before a mention is a deficit, not a negation.
        if (toks[t].fold == "without" && t + 1 < toks.size() &&
            toks[t + 1].mention >= 0) {
          continue;
        }
        cues->push_back(toks[t].fold);
        return true;
      }
    }
    // After the object: "improved equally in both groups", "was not
    // significant".
    for (std::size_t t = object_end; t < toks.size() && t < object_end + 6;
         ++t) {
      if (w.clause_of[t] != clause) break;
      if (std::size_t n = lex.null_findings.Match(toks, t, nullptr, false)) {
        cues->emplace_back(w.Str(t, t + n));
        return true;
      }
    }
    return false;
  }

  Hedging HowSaid(const SentenceWork& w, const Pred& p,
                  std::vector<std::string>* cues) const {
    // The window: from the last contrast boundary before the predicate (or
    // the sentence start) to the end of the predicate's clause.
    std::size_t begin = 0;
    for (std::size_t c = 0; c <= w.clause_of[p.group_start]; ++c) {
      const Clause& cl = w.clauses[c];
      if (cl.has_boundary && cl.boundary == Boundary::kContrast) {
        begin = cl.begin;
      }
    }
    const std::size_t end = w.clauses[w.clause_of[p.group_start]].end;
    int best = 0;
    std::size_t best_distance = kNone;
    for (std::size_t i = 0; i < w.hedges.size(); ++i) {
      const auto& [t, kind] = w.hedges[i];
      if (t < begin || t >= end) continue;
      const std::size_t distance =
          t <= p.t0 ? p.t0 - t : (t - p.t0) + 100;  // before it counts more
      if (distance < best_distance) {
        best_distance = distance;
        best = kind;
      }
      cues->push_back(w.hedge_words[i]);
    }
    if (best > 0) return Hedging::kHedged;
    if (best < 0) return Hedging::kAssertive;
    return Hedging::kPlain;
  }

  // Hedging and its cues for a claim whose predicate is at token `at`.
  void SayHow(const SentenceWork& w, std::size_t at, Claim* c) const {
    Pred p;
    p.t0 = p.group_start = at;
    std::vector<std::string> cues;
    c->hedging = HowSaid(w, p, &cues);
    c->cues.insert(c->cues.end(), cues.begin(), cues.end());
  }

  // ---- the relation ----

  static const char* Flip(const char* relation) {
    if (std::string_view(relation) == kIncreases) return kDecreases;
    if (std::string_view(relation) == kDecreases) return kIncreases;
    return relation;
  }

  // nullptr when the effect says nothing about this kind of object.
  static const char* RelationFor(Effect e, const Concept* object,
                                 int polarity) {
    const bool outcome = object->kind == ConceptKind::kOutcome;
    const char* better =
        object->better == Better::kHigher ? kIncreases : kDecreases;
    switch (e) {
      case Effect::kUp:
      case Effect::kConvert:
        return polarity > 0 ? kIncreases : kDecreases;
      case Effect::kDown:
        return polarity > 0 ? kDecreases : kIncreases;
      case Effect::kBetter:
        // "supports melatonin synthesis" says no direction; "supports neural
        // inhibition" names the low pole of excitability. An outcome with no
        // better direction (muscle strength, memory) is improved by more of
        // it.
        if (outcome) {
          return object->better == Better::kNone ? kIncreases : better;
        }
        return polarity > 0 ? kModulates : kDecreases;
      case Effect::kRelieve:
        if (outcome) return better;
        return polarity > 0 ? kDecreases : kIncreases;
      case Effect::kWorse:
        return outcome ? Flip(better) : kDecreases;
      case Effect::kModulate:
        return kModulates;
      case Effect::kNoEffect:
        return kNoEffect;
    }
    return nullptr;
  }

  // ---- putting a claim together ----

  Claim NewClaim(const SentenceWork& w, ClaimKind kind,
                 const Subject& subject) const {
    Claim c;
    c.kind = kind;
    c.subject = subject.c;
    c.literal_subject = subject.literal;
    c.subject_from = subject.from;
    c.sentence = w.index;
    c.section = w.section;
    c.attribution = w.attribution;
    c.question = w.question;
    c.cues = w.attribution_cues;
    return c;
  }

  // The sentence's first population ("adults", "people with kidney
  // disease") and timing ("before bed").
  void FindQualifiers(SentenceWork* w) const {
    const auto& toks = w->toks;
    for (std::size_t t = 0; t < toks.size(); ++t) {
      std::string label;
      if (w->population.empty() &&
          lex.populations.Match(toks, t, &label, false)) {
        w->population = label;
      }
      if (w->timing.empty() && lex.timings.Match(toks, t, &label, false)) {
        w->timing = label;
      }
      if (w->population.empty()) {
        if (std::size_t n = lex.population_with.Match(toks, t, nullptr)) {
          const int m = w->MentionAt(t + n);
          if (m >= 0) {
            const SMention& sm = w->mentions[static_cast<std::size_t>(m)];
            w->population = std::string(w->Str(t, sm.t1));
          }
        }
      }
    }
  }

  // Fills the qualifiers a claim has not set itself.
  static void Qualify(const SentenceWork& w, Claim* c) {
    if (c->population.empty()) c->population = w.population;
    if (c->timing.empty()) c->timing = w.timing;
  }

  // The claims of one predicate.
  void PredicateClaims(const SentenceWork& w, const std::vector<Pred>& preds,
                       const Pred& p, Subject* previous, const Focus& focus,
                       bool abstract_mode, std::set<int>* used_objects,
                       std::vector<Claim>* out) const {
    const auto& toks = w.toks;
    const Clause& cl = w.clauses[w.clause_of[p.group_start]];
    if (cl.has_boundary && cl.boundary == Boundary::kUnlike) return;
    // "sleep-enhancing melatonin", "relaxation-promoting properties": an
    // adjective, not a statement.
    if (p.t0 > 0 && toks[p.t0 - 1].mention >= 0 &&
        w.text->str().compare(toks[p.t0 - 1].end,
                              toks[p.t0].start - toks[p.t0 - 1].end,
                              "-") == 0) {
      return;
    }
    {
      bool ignored = false;
      if (IsModifier(w, preds, p.t0, &ignored)) return;
      if (p.implicit && used_objects->count(p.postfix_object)) return;
    }
    // A passive with its agent: "Common cold duration is shortened … by
    // zinc acetate lozenges", "inflammation caused by microbial
    // imbalances": the agent is the subject, the mention before the
    // predicate its object. An agent the vocabulary lacks makes no claim:
    // the focus or an earlier supplement would be the wrong subject.
    const Agent agent = PassiveAgent(w, p, focus);
    if (agent.found && !agent.subject.c) return;
    Objects found;
    bool object_first = false;
    if (!agent.found) {
      found = FindObjects(w, preds, p);
    } else {
      const int m = MentionBefore(w, p);
      if (m < 0 || m == agent.subject.mention) return;
      found.mentions.push_back(m);
      found.flips.push_back(false);
      found.effects.push_back(std::nullopt);
      object_first = true;
    }
    std::vector<int>& objects = found.mentions;
    if (objects.empty() && !p.weak && p.effect != Effect::kConvert &&
        p.effect != Effect::kModulate) {
      // "Serum melatonin increased", "GABA function is impaired": the
      // mention right before the predicate, with only auxiliaries between
      // (no comma: in "strengthens the immune system, protecting against
      // illness" the participle's object is illness, not the system).
      for (std::size_t t = p.group_start; t-- > cl.begin;) {
        const int m = toks[t].mention;
        if (m >= 0) {
          const Concept* c = w.mentions[static_cast<std::size_t>(m)].c();
          if (c->kind != ConceptKind::kIntervention &&
              toks[w.mentions[static_cast<std::size_t>(m)].t1 - 1].gap !=
                  Gap::kStrong &&
              toks[t + 1].gap == Gap::kSpace) {
            objects.push_back(m);
            object_first = true;
          }
          break;
        }
        if (!lex.auxiliaries.Has(toks[t].fold) ||
            toks[t + 1].gap != Gap::kSpace) {
          break;
        }
      }
    }
    if (objects.empty()) return;
    const SMention& first = w.mentions[static_cast<std::size_t>(objects[0])];
    Subject subject;
    if (agent.found) {
      subject = agent.subject;
    } else if (object_first) {
      // The subject stands before the object, or is the focus.
      for (std::size_t t = first.t0; t-- > cl.begin;) {
        const int m = toks[t].mention;
        if (m >= 0) {
          subject = FromMention(w, m);
          break;
        }
      }
      for (std::size_t t = first.t0; !subject.c && t-- > 0;) {
        if (const int m = w.SupplementAt(t); m >= 0) {
          subject = FromMention(w, m);
        }
      }
      if (!subject.c && abstract_mode && focus.current) {
        subject.c = focus.current;
        subject.from = "focus";
      }
    } else {
      subject = FindSubject(w, p, first.t0, *previous, focus, abstract_mode,
                            *used_objects);
    }
    if (!subject.c) return;
    if (subject.mention >= 0 && Embedded(w, subject.mention)) return;
    if (IsMedicine(subject.c)) return;
    const std::size_t object_end =
        w.mentions[static_cast<std::size_t>(objects.back())].t1;
    std::vector<std::string> negation_cues;
    const std::size_t subject_end =
        subject.mention >= 0 && !object_first
            ? w.mentions[static_cast<std::size_t>(subject.mention)].t1
            : 0;
    const bool negated =
        Negated(w, subject_end, p, object_end, &negation_cues) ||
        p.effect == Effect::kNoEffect;
    std::vector<std::string> hedge_cues;
    const Hedging hedging = HowSaid(w, p, &hedge_cues);
    // Subjects coordinated with the one found ("zinc acetate and zinc
    // gluconate lozenges shorten colds"; a passive's "by X and Y") make the
    // claim too.
    std::vector<Subject> subjects = {subject};
    if (subject.mention >= 0 && subject.from == "text") {
      for (const int m :
           CoordinatedWith(w, subject.mention,
                           agent.found ? w.toks.size() : p.group_start)) {
        subjects.push_back(FromMention(w, m));
      }
    }
    for (const Subject& who : subjects) {
      for (std::size_t oi = 0; oi < objects.size(); ++oi) {
        const int m = objects[oi];
        const SMention& om = w.mentions[static_cast<std::size_t>(m)];
        const Concept* object = om.c();
        if (object == who.c || object->kind == ConceptKind::kIntervention) {
          continue;
        }
        Effect effect = p.effect;
        if (oi < found.effects.size() && found.effects[oi]) {
          effect = *found.effects[oi];
        }
        if (oi < found.flips.size() && found.flips[oi]) {
          if (effect == Effect::kUp) {
            effect = Effect::kDown;
          } else if (effect == Effect::kDown) {
            effect = Effect::kUp;
          }
        }
        const char* relation = RelationFor(effect, object, om.m->polarity);
        if (!relation) continue;
        if (who.polarity < 0) relation = Flip(relation);
        ClaimKind kind = object->kind == ConceptKind::kMechanism
                             ? ClaimKind::kMechanism
                             : ClaimKind::kEffect;
        const bool worsens = object->kind == ConceptKind::kOutcome &&
                             ((object->better == Better::kLower &&
                               std::string_view(relation) == kIncreases) ||
                              (object->better == Better::kHigher &&
                               std::string_view(relation) == kDecreases));
        if (worsens && who.c->kind == ConceptKind::kIntervention) {
          kind = ClaimKind::kSafety;
        }
        Claim c = NewClaim(w, kind, who);
        c.object = object;
        c.hedging = hedging;
        c.trigger_start = toks[p.t0].start;
        c.trigger_end = toks[p.t1 - 1].end;
        if (negated) {
          c.negated = true;
          c.denied =
              std::string_view(relation) == kNoEffect ? kModulates : relation;
          c.relation = kNoEffect;
        } else {
          c.relation = relation;
        }
        c.cues.insert(c.cues.end(), hedge_cues.begin(), hedge_cues.end());
        c.cues.insert(c.cues.end(), negation_cues.begin(), negation_cues.end());
        Qualify(w, &c);
        out->push_back(std::move(c));
        used_objects->insert(m);
      }
    }
    *previous = subject;
  }

  // ---- step 5: the other kinds ----

  // The supplement a sentence-level claim is about: the nearest one before
  // `t` in the sentence, else after it, else an anaphor's referent.
  Subject SentenceSubject(const SentenceWork& w, std::size_t t,
                          const Focus& focus) const {
    for (std::size_t k = std::min(t, w.toks.size()); k-- > 0;) {
      const int m = w.SupplementAt(k);
      if (m >= 0 && !Embedded(w, m) && !IsGenericKind(w, m)) {
        return FromMention(w, m);
      }
    }
    for (std::size_t k = t; k < w.toks.size(); ++k) {
      if (const int m = w.SupplementAt(k); m >= 0) return FromMention(w, m);
    }
    Subject s;
    s.from = "focus";
    for (std::size_t k = 0; k < w.toks.size(); ++k) {
      Anaphor a;
      if (MatchAnaphor(w.toks, k, &a)) {
        s.c = focus.Referent(a);
        return s;
      }
    }
    // An instruction with no subject ("The best time to take it is …",
    // "Take 200 mg …") is about the document's subject.
    s.c = focus.current;
    return s;
  }

  std::size_t TokenAt(const SentenceWork& w, std::size_t offset) const {
    for (std::size_t t = 0; t < w.toks.size(); ++t) {
      if (w.toks[t].end > offset) return t;
    }
    return w.toks.size();
  }

  void AmountClaims(const SentenceWork& w, const Focus& focus,
                    std::vector<Claim>* out) const {
    const auto& toks = w.toks;
    std::vector<FoundQuantity> found =
        FindQuantities(w.text->str(), w.sentence->start, w.sentence->end);
    for (const FoundQuantity& q : found) {
      const std::size_t t = TokenAt(w, q.quantity.start);
      const std::size_t t_end = TokenAt(w, q.quantity.end);
      if (q.dimension == Dimension::kMass) {
        Subject subject = SentenceSubject(w, t, focus);
        if (!subject.c) continue;
        DoseRelation relation = DoseRelation::kDose;
        bool recommended = false;
        // An upper-limit cue shortly before this amount ("the upper limit
        // for supplements is 350 mg") and after any earlier amount.
        std::size_t from = t > 8 ? t - 8 : 0;
        for (const FoundQuantity& other : found) {
          const std::size_t ot = TokenAt(w, other.quantity.end);
          if (other.quantity.end <= q.quantity.start && ot > from) from = ot;
        }
        for (std::size_t k = 0; k < toks.size(); ++k) {
          DoseRelation r;
          const std::size_t n = lex.dose_cues.Match(toks, k, &r, false);
          if (!n) continue;
          if (r == DoseRelation::kUpperLimit) {
            if (k >= from && k < t) relation = r;
          } else if (r == DoseRelation::kRecommendedIntake) {
            // "your individual needs" is a noun, not "adults need".
            recommended |= k == 0 || !lex.need_nouns.Has(toks[k - 1].fold);
          } else if (r == DoseRelation::kSafe &&
                     relation == DoseRelation::kDose) {
            relation = r;
          }
        }
        if (relation == DoseRelation::kDose && recommended) {
          relation = DoseRelation::kRecommendedIntake;
        }
        Claim c = NewClaim(w, ClaimKind::kDose, subject);
        static const char* const kNames[] = {"dose", "recommended_intake",
                                             "upper_limit", "safe_dose"};
        c.relation = kNames[static_cast<int>(relation)];
        c.quantity = q.quantity;
        SayHow(w, std::min(t, toks.size() - 1), &c);
        c.trigger_start = q.quantity.start;
        c.trigger_end = q.quantity.end;
        // The population nearest before the amount ("for women, around
        // 300 mg …, while men need up to 400 mg").
        for (std::size_t k = 0; k < t; ++k) {
          std::string label;
          if (lex.populations.Match(toks, k, &label, false)) {
            c.population = label;
          }
        }
        Qualify(w, &c);
        out->push_back(std::move(c));
      } else if (q.quantity.unit == "min" || q.quantity.unit == "h") {
        // Onset: "30–60 minutes before bed", "within 30–60 minutes".
        const char* relation = nullptr;
        bool bedtime = false;
        for (std::size_t k = t_end; k < toks.size() && k < t_end + 4; ++k) {
          if (lex.bedtime.Match(toks, k, nullptr, false)) {
            // "30–60 minutes before bed" says when it works, like "within".
            relation = "onset_within";
            bedtime = true;
            break;
          }
        }
        for (std::size_t k = t > 3 ? t - 3 : 0; !relation && k < t; ++k) {
          if (lex.onset_cues.Match(toks, k, nullptr, false)) {
            relation = "onset_within";
          }
        }
        for (std::size_t k = 0; !relation && k < toks.size(); ++k) {
          if (std::size_t n = lex.onset_cues.Match(toks, k, nullptr, false);
              n && toks[k].fold != "within") {
            relation = "onset_within";
          }
        }
        if (!relation) continue;
        Subject subject = SentenceSubject(w, t, focus);
        if (!subject.c) continue;
        Claim c = NewClaim(w, ClaimKind::kOnset, subject);
        c.relation = relation;
        c.quantity = q.quantity;
        if (bedtime) c.timing = "before bed";
        SayHow(w, std::min(t, toks.size() - 1), &c);
        c.trigger_start = q.quantity.start;
        c.trigger_end = q.quantity.end;
        Qualify(w, &c);
        out->push_back(std::move(c));
      }
    }
  }

  // The supplement a property is said of: the nearest before `t` in its
  // clause, an anaphor's referent, or the nearest before it in the sentence.
  // "forms of magnesium", "types of magnesium": the kind, not one thing.
  static bool IsGenericKind(const SentenceWork& w, int m) {
    const std::size_t t0 = w.mentions[static_cast<std::size_t>(m)].t0;
    return t0 >= 2 && w.toks[t0 - 1].fold == "of" &&
           (w.toks[t0 - 2].fold == "form" || w.toks[t0 - 2].fold == "type" ||
            w.toks[t0 - 2].fold == "kind");
  }

  Subject PropertyHolder(const SentenceWork& w, std::size_t t,
                         const Focus& focus) const {
    const Clause& cl = w.clauses[w.clause_of[t]];
    for (std::size_t k = t; k-- > cl.begin;) {
      // "…, meaning it is efficiently absorbed": the anaphor is nearer.
      Anaphor a;
      if (w.toks[k].mention < 0 && MatchAnaphor(w.toks, k, &a) &&
          !Expletive(w.toks, k)) {
        return SentenceSubject(w, k, focus);
      }
      const int m = w.SupplementAt(k);
      if (m < 0 || IsGenericKind(w, m)) continue;
      return FromMention(w, m);
    }
    if (cl.antecedent >= 0 &&
        IsSupplement(w.mentions[static_cast<std::size_t>(cl.antecedent)].c())) {
      return FromMention(w, cl.antecedent);
    }
    return SentenceSubject(w, t, focus);
  }

  void ComparisonClaims(const SentenceWork& w, const Focus& focus,
                        std::vector<Claim>* out) const {
    const auto& toks = w.toks;
    for (std::size_t t = 0; t < toks.size(); ++t) {
      const std::size_t nb = lex.bioavailability.Match(toks, t, nullptr, false);
      int tolerance = 0;
      std::size_t nt = nb ? 0 : lex.tolerance.Match(toks, t, &tolerance, false);
      if (!nb && !nt) continue;
      const std::size_t cue_end = t + std::max(nb, nt);
      // Which way: "more/most/highly/well" or "less/lower/poor" near it.
      int direction = nt ? 1 : 0;
      for (std::size_t k = t > 3 ? t - 3 : 0; k < t && nb; ++k) {
        if (lex.more.Match(toks, k, nullptr, false)) direction = 1;
        if (lex.less.Match(toks, k, nullptr, false)) direction = -1;
      }
      // Or right after it: "absorbed better than", "absorbed less".
      for (std::size_t k = cue_end;
           direction == 0 && nb && k < std::min(toks.size(), cue_end + 2);
           ++k) {
        if (lex.more.Match(toks, k, nullptr, false)) direction = 1;
        if (lex.less.Match(toks, k, nullptr, false)) direction = -1;
      }
      if (direction == 0) {
        t = cue_end - 1;
        continue;
      }
      Subject holder = PropertyHolder(w, t, focus);
      if (!holder.c) continue;
      // The other side: a supplement after "than"/"compared to"/"unlike",
      // or any other supplement the sentence names.
      const Concept* other = nullptr;
      for (std::size_t k = 0; k < toks.size(); ++k) {
        const int m = toks[k].mention;
        if (m < 0) continue;
        const Concept* c = w.mentions[static_cast<std::size_t>(m)].c();
        if (IsSupplement(c) && c != holder.c) {
          other = c;
          break;
        }
      }
      const char* relation =
          nb ? "more_bioavailable_than" : "better_tolerated_than";
      const Concept* subject = holder.c;
      const Concept* object = other;
      if (direction < 0) {
        if (!other) continue;
        std::swap(subject, object);
      } else if (tolerance == 2 || !object ||
                 vocabulary.IsA(subject->id, object->id)) {
        // Against the other forms: the root ("magnesium").
        object = Root(vocabulary, subject);
        if (object == subject || tolerance == 2) {
          if (nt) {
            // "magnesium citrate is well tolerated": a safety claim.
            Claim c = NewClaim(w, ClaimKind::kSafety, holder);
            c.relation = "well_tolerated";
            c.trigger_start = toks[t].start;
            c.trigger_end = toks[cue_end - 1].end;
            SayHow(w, t, &c);
            out->push_back(std::move(c));
          }
          t = cue_end - 1;
          continue;
        }
      }
      Subject s = holder;
      s.c = subject;
      if (subject != holder.c) s.from = "text";
      Claim c = NewClaim(w, ClaimKind::kComparison, s);
      c.relation = relation;
      c.object = object;
      c.trigger_start = toks[t].start;
      c.trigger_end = toks[cue_end - 1].end;
      SayHow(w, t, &c);
      // "citrate is not better absorbed than oxide": denied (a negation
      // cue in the clause before the cue, not in a name).
      for (std::size_t k = w.clauses[w.clause_of[t]].begin; k < t; ++k) {
        if (w.negation_at[k] && toks[k].mention < 0) {
          c.negated = true;
          c.denied = relation;
          c.cues.push_back(toks[k].fold);
          break;
        }
      }
      out->push_back(std::move(c));
      t = cue_end - 1;
    }
    // Synergy: "combining magnesium with vitamin B6 … can enhance its
    // effectiveness" is enhances_effect_of(vitamin_b6, magnesium).
    std::size_t combine_at = kNone, synergy_at = kNone;
    for (std::size_t t = 0; t < toks.size(); ++t) {
      if (combine_at == kNone && lex.combinations.Match(toks, t, nullptr)) {
        combine_at = t;
      }
      if (synergy_at == kNone &&
          lex.synergy.Match(toks, t, nullptr, /*skip_mentions=*/false)) {
        synergy_at = t;
      }
    }
    // "Vitamin B6 enhances the effects of magnesium" needs no "combining".
    if (synergy_at != kNone && combine_at == kNone) {
      for (std::size_t t = synergy_at; t + 1 < toks.size(); ++t) {
        if (toks[t].fold == "of" && toks[t + 1].mention >= 0) {
          combine_at = t;
          break;
        }
      }
    }
    if (combine_at != kNone && synergy_at != kNone) {
      std::vector<int> supplements;
      for (std::size_t m = 0; m < w.mentions.size(); ++m) {
        if (IsSupplement(w.mentions[m].c())) {
          supplements.push_back(static_cast<int>(m));
        }
      }
      if (!supplements.empty()) {
        // The main one: the first named, or the one after "the effects
        // of"; the others enhance it.
        // The main one: after "the effects of"; else the first after
        // "combining"/"using both"; else the first after "with"
        // ("Taking B6 together with magnesium boosts its effect").
        const bool combining = toks[combine_at].fold == "combining" ||
                               toks[combine_at].fold == "combine" ||
                               toks[combine_at].fold == "using";
        std::size_t main_index = 0;
        bool chosen = false;
        for (std::size_t i = 0; i < supplements.size(); ++i) {
          const std::size_t t0 =
              w.mentions[static_cast<std::size_t>(supplements[i])].t0;
          if (t0 > synergy_at && t0 > 0 && toks[t0 - 1].fold == "of") {
            main_index = i;
            chosen = true;
          }
        }
        for (std::size_t i = 0; !chosen && !combining && i < supplements.size();
             ++i) {
          const std::size_t t0 =
              w.mentions[static_cast<std::size_t>(supplements[i])].t0;
          if (t0 > combine_at) {
            main_index = i;
            chosen = true;
          }
        }
        std::swap(supplements[0], supplements[main_index]);
        const Subject main = FromMention(w, supplements.front());
        for (std::size_t i = 1; i < supplements.size(); ++i) {
          const Concept* partner =
              w.mentions[static_cast<std::size_t>(supplements[i])].c();
          if (partner == main.c || vocabulary.IsA(partner->id, main.c->id) ||
              vocabulary.IsA(main.c->id, partner->id)) {
            continue;
          }
          Subject s = FromMention(w, supplements[i]);
          Claim c = NewClaim(w, ClaimKind::kComparison, s);
          c.relation = "enhances_effect_of";
          c.object = main.c;
          c.trigger_start = toks[synergy_at].start;
          c.trigger_end = toks[synergy_at].end;
          SayHow(w, synergy_at, &c);
          out->push_back(std::move(c));
        }
      }
    }
  }

  // A condition: an outcome or mechanism mention on its bad pole (kidney
  // impairment; "electrolyte disorders").
  static bool IsCondition(const SMention& sm) {
    const Concept* c = sm.c();
    if (c->kind == ConceptKind::kIntervention) return false;
    if (c->kind == ConceptKind::kMechanism) return sm.m->polarity < 0;
    return (c->better == Better::kLower) == (sm.m->polarity > 0);
  }

  // "a connection between probiotics and mood", "no association between
  // mask wearing and …": an association noun (`between_nouns`), "between",
  // a mention, "and", a mention: the first modulates the second (an
  // intervention first when one of them is), no_effect when a negation cue
  // stands before the noun ("no association", "did not find a link").
  // docs/claims.md, "Associations".
  void BetweenClaims(const SentenceWork& w, std::vector<Claim>* out) const {
    const auto& toks = w.toks;
    for (std::size_t t = 0; t + 1 < toks.size(); ++t) {
      const std::size_t n = lex.between_nouns.Match(toks, t, nullptr);
      if (n == 0 || t + n >= toks.size() || toks[t + n].fold != "between") {
        continue;
      }
      // The two sides: the first mention after "between" (at most two
      // words before it), then "and" and the next within six words.
      const std::size_t after = t + n + 1;
      int first = -1, second = -1;
      for (std::size_t k = after; k < toks.size() && k < after + 3; ++k) {
        if (toks[k].mention >= 0) {
          first = toks[k].mention;
          break;
        }
      }
      if (first < 0) continue;
      const SMention& a = w.mentions[static_cast<std::size_t>(first)];
      bool joined = false;
      for (std::size_t k = a.t1; k < toks.size() && k < a.t1 + 7; ++k) {
        if (toks[k].gap == Gap::kStrong) break;
        if (toks[k].fold == "and") joined = true;
        if (toks[k].mention >= 0 && toks[k].mention != first) {
          if (joined) second = toks[k].mention;
          break;
        }
      }
      if (second < 0) continue;
      Subject subject = FromMention(w, first);
      const Concept* object = w.mentions[static_cast<std::size_t>(second)].c();
      if (object->kind == ConceptKind::kIntervention &&
          subject.c->kind != ConceptKind::kIntervention) {
        std::swap(subject.c, object);
        subject.mention = second;
        subject.polarity = 1;
      }
      if (object->kind == ConceptKind::kIntervention || object == subject.c ||
          IsMedicine(subject.c)) {
        continue;
      }
      Claim c = NewClaim(w,
                         object->kind == ConceptKind::kMechanism
                             ? ClaimKind::kMechanism
                             : ClaimKind::kEffect,
                         subject);
      c.object = object;
      c.relation = kModulates;
      c.trigger_start = toks[t].start;
      c.trigger_end = toks[t + n].end;
      for (std::size_t k = t > 3 ? t - 3 : 0; k < t; ++k) {
        if (w.negation_at[k] && w.clause_of[k] == w.clause_of[t]) {
          c.negated = true;
          c.denied = kModulates;
          c.relation = kNoEffect;
          c.cues.push_back(toks[k].fold);
          break;
        }
      }
      SayHow(w, t, &c);
      Qualify(w, &c);
      out->push_back(std::move(c));
    }
  }

  void SafetyClaims(const SentenceWork& w, const Focus& focus,
                    std::vector<Claim>* out) const {
    const auto& toks = w.toks;
    auto add = [&](const Subject& subject, const char* relation,
                   const Concept* object, std::size_t at) {
      Claim c = NewClaim(w, ClaimKind::kSafety, subject);
      c.relation = relation;
      c.object = object;
      c.trigger_start = toks[at].start;
      c.trigger_end = toks[at].end;
      SayHow(w, at, &c);
      Qualify(w, &c);
      out->push_back(std::move(c));
    };
    // Interactions: "can interact with … diuretics and antibiotics".
    for (std::size_t t = 0; t < toks.size(); ++t) {
      std::size_t n = lex.interactions.Match(toks, t, nullptr);
      if (!n) continue;
      Subject subject = PropertyHolder(w, t, focus);
      if (!subject.c) break;
      // The other side: a medicine, or any other intervention (a MeSH
      // drug has no category: "interacts with sertraline").
      for (std::size_t k = t + n; k < toks.size(); ++k) {
        const int m = toks[k].mention;
        if (m < 0 || (k > 0 && toks[k - 1].mention == m)) continue;
        const Concept* other = w.mentions[static_cast<std::size_t>(m)].c();
        if (IsMedicine(other) ||
            (other->kind == ConceptKind::kIntervention && other != subject.c)) {
          add(subject, "interacts_with", other, t);
        }
      }
      break;
    }
    // A question of taking two together: "Can I take St John's wort with
    // sertraline?", "Is it safe to combine kava and alcohol?". The first
    // intervention after the verb, then "with", "and" or "alongside", then
    // the second: interacts_with(first, second).
    if (w.question) {
      for (std::size_t t = 0; t < toks.size(); ++t) {
        const std::size_t n = lex.co_use.Match(toks, t, nullptr);
        if (!n) continue;
        const SMention* first = nullptr;
        std::size_t k = t + n;
        for (; k < toks.size(); ++k) {
          const int m = toks[k].mention;
          if (m < 0) continue;
          const SMention& sm = w.mentions[static_cast<std::size_t>(m)];
          if (sm.c()->kind == ConceptKind::kIntervention) first = &sm;
          break;
        }
        if (first == nullptr) break;
        k = first->t1;
        if (k + 1 >= toks.size() ||
            (toks[k].fold != "with" && toks[k].fold != "and" &&
             toks[k].fold != "alongside")) {
          break;
        }
        // "with my sertraline": a word or two may come first.
        int m = -1;
        for (std::size_t end = std::min(toks.size(), k + 4); ++k < end;) {
          if ((m = toks[k].mention) >= 0) break;
        }
        if (m < 0) break;
        const Concept* other = w.mentions[static_cast<std::size_t>(m)].c();
        if (other->kind != ConceptKind::kIntervention || other == first->c()) {
          break;
        }
        Subject subject;
        subject.c = first->c();
        subject.mention = static_cast<int>(first - w.mentions.data());
        add(subject, "interacts_with", other, t);
        break;
      }
    }
    // "… to avoid the risk of hypermagnesemia and cardiovascular
    // complications": the subject raises those risks.
    for (std::size_t t = 0; t + 2 < toks.size(); ++t) {
      if (toks[t].fold != "risk" || toks[t + 1].fold != "of") continue;
      const int m = toks[t + 2].mention;
      if (m < 0) continue;
      Subject subject = SentenceSubject(w, t, focus);
      if (!subject.c) break;
      std::size_t k = t + 2;
      while (k < toks.size()) {
        const int mk = toks[k].mention;
        if (mk < 0) break;
        const SMention& sm = w.mentions[static_cast<std::size_t>(mk)];
        if (IsCondition(sm)) {
          Claim c = NewClaim(w, ClaimKind::kSafety, subject);
          c.object = sm.c();
          c.relation = RelationFor(Effect::kUp, sm.c(), sm.m->polarity);
          c.trigger_start = toks[t].start;
          c.trigger_end = toks[t + 1].end;
          SayHow(w, t, &c);
          out->push_back(std::move(c));
        }
        k = sm.t1;
        if (k < toks.size() &&
            (toks[k].fold == "and" || toks[k].fold == "or")) {
          ++k;
        }
      }
      break;
    }
    // Contraindications: "People with renal impairment … or who are taking
    // diuretics should limit their use of magnesium citrate."
    std::size_t caution = kNone, with = kNone;
    for (std::size_t t = 0; t < toks.size(); ++t) {
      if (caution == kNone && lex.cautions.Match(toks, t, nullptr)) caution = t;
      if (with == kNone && lex.population_with.Match(toks, t, nullptr)) {
        with = t;
      }
    }
    if (caution == kNone || with == kNone) return;
    Subject subject;
    for (const SMention& sm : w.mentions) {
      if (IsSupplement(sm.c())) {
        subject.c = sm.c();
        break;
      }
    }
    if (!subject.c) subject = SentenceSubject(w, with, focus);
    if (!subject.c) return;
    std::set<const Concept*> seen;
    for (std::size_t m = 0; m < w.mentions.size(); ++m) {
      const SMention& sm = w.mentions[m];
      if (sm.t0 < with || !seen.insert(sm.c()).second) continue;
      if (IsMedicine(sm.c())) {
        add(subject, "interacts_with", sm.c(), caution);
      } else if (IsCondition(sm) && sm.t0 < caution + 12 &&
                 sm.c()->id != "hypermagnesemia") {
        add(subject, "contraindicated_in", sm.c(), caution);
      }
    }
  }

  void CompositionClaims(const SentenceWork& w, std::vector<Claim>* out) const {
    const auto& toks = w.toks;
    for (std::size_t m = 0; m < w.mentions.size(); ++m) {
      const SMention& sm = w.mentions[m];
      if (!IsSupplement(sm.c())) continue;
      std::size_t t = sm.t1;
      // "X is a …", "Is X a …?", "X, a …".
      std::size_t n = lex.copulas.Match(toks, t, nullptr);
      if (!n && sm.t0 > 0 &&
          (toks[sm.t0 - 1].fold == "is" || toks[sm.t0 - 1].fold == "are") &&
          t < toks.size() && (toks[t].fold == "a" || toks[t].fold == "an")) {
        n = 1;
      }
      if (!n && t < toks.size() && toks[t].gap == Gap::kComma &&
          (toks[t].fold == "a" || toks[t].fold == "an")) {
        n = 1;
      }
      if (!n) continue;
      for (std::size_t k = t + n; k < toks.size() && k < t + n + 4; ++k) {
        if (toks[k].gap != Gap::kSpace && k > t + n) break;
        std::string category;
        if (lex.categories.Match(toks, k, &category)) {
          Claim c = NewClaim(w, ClaimKind::kComposition,
                             FromMention(w, static_cast<int>(m)));
          c.relation = "is_a";
          c.category = category;
          c.trigger_start = toks[t].start;
          c.trigger_end = toks[k].end;
          SayHow(w, t, &c);
          c.negated = false;
          for (std::size_t u = t; u < k; ++u) {
            if (w.negation_at[u]) {
              c.negated = true;
              c.denied = "is_a";
              c.relation = "is_not_a";
            }
          }
          out->push_back(std::move(c));
          break;
        }
        if (toks[k].mention >= 0) break;
      }
    }
  }

  // A keyword line ("sleep aid supplements, natural sleep remedies, …"):
  // many commas, no final punctuation.
  static bool IsKeywordList(const SentenceWork& w) {
    const std::string_view s = w.text->SentenceText(w.index);
    if (s.empty()) return false;
    const char last = s.back();
    if (last == '.' || last == '!' || last == '?') return false;
    std::size_t commas = 0;
    for (const Tok& t : w.toks) commas += t.gap == Gap::kComma;
    return commas >= 4;
  }

  std::vector<Claim> ExtractAll(
      const Text& text, const std::vector<Mention>& all_mentions,
      const std::vector<SentenceContext>& context) const {
    std::vector<Claim> out;
    const auto& sentences = text.sentences();
    // docs/vocabulary.md, "Matching": only concepts of scope argument are
    // claim subjects and objects; a population ("Humans"), a class label or
    // a method ("Placebos") is passed over.
    std::vector<Mention> arguments;
    for (const Mention& m : all_mentions) {
      if (m.target->scope == ConceptScope::kArgument) arguments.push_back(m);
    }
    const std::vector<Mention>& mentions = arguments;
    std::vector<std::vector<const Mention*>> by_sentence(sentences.size());
    for (const Mention& m : mentions) {
      if (m.sentence < by_sentence.size()) {
        by_sentence[m.sentence].push_back(&m);
      }
    }
    // An abstract: the importer labelled its sections. An article's context
    // only marks boilerplate.
    bool abstract_mode = false;
    for (const SentenceContext& c : context) {
      abstract_mode |= !c.section.empty();
    }
    Focus focus;
    focus.main = MainSubjectOf(mentions);
    focus.Set(focus.main);
    std::string section;
    std::vector<Claim> previous_doses;
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      const Sentence& s = sentences[i];
      SentenceWork w;
      w.text = &text;
      w.index = i;
      w.sentence = &s;
      Prepare(&w, by_sentence[i]);
      if (i < context.size() && context[i].attribution > w.attribution) {
        // A link or reference the words do not show (an HTML link's
        // target, a footnote marker) still attributes the sentence.
        w.attribution = context[i].attribution;
        w.attribution_cues.push_back(
            context[i].attribution == Attribution::kCited ? "citation"
                                                          : "reference");
      }
      if (i < context.size() && !context[i].section.empty()) {
        section = context[i].section;
      }
      const bool boilerplate = i < context.size() && context[i].boilerplate;
      if (s.kind == Sentence::Kind::kHeading) {
        section = std::string(text.SentenceText(i));
        const std::string_view title_text = text.SentenceText(i);
        const std::string& opener = w.toks.empty() ? "" : w.toks[0].fold;
        if (i == 0 && !title_text.empty() && title_text.back() != '?' &&
            !(w.toks[0].mention < 0 && EndsIn(opener, "ing"))) {
          // A title that makes a claim ("Vitamin D supplements could help
          // reduce falls in homebound elderly"): its claims whose subject it
          // names itself; no focus stands in for a missing one. Not a
          // question ("Does Magnesium Citrate Help You Sleep?") nor a topic
          // opening with a gerund ("Understanding Magnesium's Role in
          // Sleep").
          std::vector<Claim> title;
          const std::vector<Pred> preds = FindPredicates(w);
          Subject previous;
          std::set<int> used_objects;
          for (const Pred& p : preds) {
            PredicateClaims(w, preds, p, &previous, Focus(), false,
                            &used_objects, &title);
          }
          std::set<std::string> seen;
          for (Claim& c : title) {
            if (c.subject_from != "text" || !seen.insert(ClaimKey(c)).second) {
              continue;
            }
            c.section = section;
            out.push_back(std::move(c));
          }
        }
        for (const SMention& sm : w.mentions) {
          if (IsSupplement(sm.c())) {
            focus.Set(sm.c());
            break;
          }
        }
        continue;
      }
      w.section = section;
      const std::string_view st = text.SentenceText(i);
      w.question = !st.empty() && st.back() == '?';
      if (boilerplate || IsKeywordList(w)) continue;

      std::vector<Claim> claims;
      const std::vector<Pred> preds = FindPredicates(w);
      Subject previous;
      std::set<int> used_objects;
      for (const Pred& p : preds) {
        PredicateClaims(w, preds, p, &previous, focus, abstract_mode,
                        &used_objects, &claims);
      }
      AmountClaims(w, focus, &claims);
      ComparisonClaims(w, focus, &claims);
      SafetyClaims(w, focus, &claims);
      BetweenClaims(w, &claims);
      CompositionClaims(w, &claims);
      if (w.reported_after != std::string::npos) {
        for (Claim& c : claims) {
          if (c.trigger_start >= w.reported_after) {
            c.reported_by = w.reported_by;
          }
        }
      }
      // "This safe dose range has been confirmed …": the doses of the
      // sentence before, said again as safe.
      bool dose_now = false;
      for (const Claim& c : claims) dose_now |= c.kind == ClaimKind::kDose;
      if (!dose_now && !previous_doses.empty()) {
        bool safe = false, dose_word = false;
        for (const Tok& t : w.toks) {
          safe |= t.fold == "safe";
          dose_word |= t.fold == "dose" || t.fold == "dosage";
        }
        if (safe && dose_word) {
          for (const Claim& c : previous_doses) {
            Claim again = NewClaim(w, ClaimKind::kDose, Subject{c.subject});
            again.subject_from = "antecedent";
            again.relation = "safe_dose";
            again.quantity = c.quantity;
            again.population = c.population;
            again.timing = c.timing;
            SayHow(w, 0, &again);
            claims.push_back(std::move(again));
          }
        }
      }
      previous_doses.clear();
      for (const Claim& c : claims) {
        if (c.kind == ClaimKind::kDose) previous_doses.push_back(c);
      }
      // The focus moves to the first supplement this sentence named as a
      // claim's subject.
      for (const Claim& c : claims) {
        if (c.subject_from == "text" && IsSupplement(c.subject)) {
          // Only a subject that opens the sentence ("Magnesium citrate …",
          // "Additionally, magnesium …"), not one named in passing ("a
          // diet rich in tryptophan").
          for (std::size_t t = 0; t < w.toks.size() && t < 3; ++t) {
            const int m = w.toks[t].mention;
            if (m >= 0 &&
                w.mentions[static_cast<std::size_t>(m)].c() == c.subject) {
              focus.Set(c.subject);
            }
          }
          break;
        }
      }
      // One claim per key and sentence; the first wording wins.
      std::set<std::string> seen;
      for (Claim& c : claims) {
        std::string key = ClaimKey(c);
        if (c.quantity) {
          key += "|" + std::to_string(c.quantity->min) + "-" +
                 std::to_string(c.quantity->max) + c.quantity->unit +
                 c.population;
        }
        if (!seen.insert(key).second) continue;
        out.push_back(std::move(c));
      }
    }
    return out;
  }

  const Concept* MainSubjectOf(const std::vector<Mention>& mentions) const {
    // Weight: three for a mention in the first sentence (the title), one
    // elsewhere; ties go to the more specific concept, then to the first.
    std::map<const Concept*, std::pair<int, std::size_t>> score;
    for (std::size_t i = 0; i < mentions.size(); ++i) {
      const Mention& m = mentions[i];
      if (!IsSupplement(m.target)) continue;
      auto [it, fresh] = score.emplace(m.target, std::make_pair(0, i));
      it->second.first += m.sentence == 0 ? 3 : 1;
    }
    const Concept* best = nullptr;
    std::pair<int, std::size_t> best_score{-1, 0};
    for (const auto& [c, s] : score) {
      const bool better =
          s.first > best_score.first ||
          (s.first == best_score.first && s.second < best_score.second);
      if (better) {
        best = c;
        best_score = s;
      }
    }
    return best;
  }
};

ClaimExtractor::ClaimExtractor(const Vocabulary& vocabulary,
                               ClaimLexicon lexicon)
    : ClaimExtractor(vocabulary, std::move(lexicon),
                     ConceptMatcher(vocabulary)) {}
ClaimExtractor::ClaimExtractor(const Vocabulary& vocabulary,
                               ClaimLexicon lexicon, ConceptMatcher matcher)
    : impl_(std::make_unique<Impl>(vocabulary, std::move(lexicon),
                                   std::move(matcher))) {}
ClaimExtractor::~ClaimExtractor() = default;

std::vector<Claim> ClaimExtractor::Extract(
    const Text& text, const std::vector<Mention>& mentions,
    const std::vector<SentenceContext>& context) const {
  return impl_->ExtractAll(text, mentions, context);
}

std::vector<Claim> ClaimExtractor::Extract(const Text& text) const {
  return impl_->ExtractAll(text, impl_->matcher.Match(text), {});
}

const Concept* ClaimExtractor::MainSubject(
    const std::vector<Mention>& mentions) const {
  return impl_->MainSubjectOf(mentions);
}

const ConceptMatcher& ClaimExtractor::matcher() const { return impl_->matcher; }

std::string ClaimExtractor::Paraphrase(
    const Text& document,
    std::vector<std::pair<std::string, std::string>>* done) const {
  // Concept names play no part: "you sleep longer" holds "sleep".
  const std::string& text = document.str();
  const std::vector<Tok> toks = Toks(text, 0, text.size());
  std::string out;
  std::size_t at = 0;
  for (std::size_t i = 0; i < toks.size();) {
    std::string words;
    const std::size_t n =
        impl_->lex.paraphrases.Match(toks, i, &words, /*skip_mentions=*/false);
    if (n == 0) {
      ++i;
      continue;
    }
    const std::size_t begin = toks[i].start, end = toks[i + n - 1].end;
    out += text.substr(at, begin - at) + words;
    done->emplace_back(text.substr(begin, end - begin), words);
    at = end;
    i += n;
  }
  return out + text.substr(at);
}

std::optional<std::string> ClaimExtractor::NearestCueWord(
    std::string_view word) const {
  const std::string key = FoldToken(word);
  if (key.size() < 5) return std::nullopt;
  const Lexicon& lex = impl_->lex;
  std::vector<std::string_view> words;
  for (const auto& table : {lex.triggers.Words(), lex.bioavailability.Words(),
                            lex.tolerance.Words(), lex.cautions.Words(),
                            lex.more.Words(), lex.less.Words()}) {
    words.insert(words.end(), table.begin(), table.end());
  }
  const std::vector<std::string_view> dose = lex.dose_cues.Words();
  words.insert(words.end(), dose.begin(), dose.end());
  const std::size_t limit = key.size() >= 8 ? 2 : 1;
  std::optional<std::string> best;
  std::size_t best_d = limit + 1;
  bool tie = false;
  for (std::string_view w : words) {
    if (w == key) return std::nullopt;  // a cue word already
    const std::size_t d = SpellingDistance(key, w, limit);
    if (d > limit) continue;
    if (d < best_d) {
      best = std::string(w);
      best_d = d;
      tie = false;
    } else if (d == best_d && *best != w) {
      tie = true;
    }
  }
  if (tie) return std::nullopt;
  return best;
}

void ClaimExtractor::MatchAlso(std::size_t first) {
  impl_->matcher.AddConcepts(first);
}

}  // namespace claimcheck
