// docs/verdicts.md, "5. Weighing the body of evidence" (rules.h): the
// sides for and against, which outweighs, and the certainty of the whole.
#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "verdict/grade.h"
#include "verdict/rules.h"

namespace claimcheck::verdict_internal {

namespace {

// The strongest weighed evidence of one side.
struct Side {
  const Evidence* best = nullptr;
  int count = 0;
  void Add(const Evidence& e) {
    ++count;
    if (best == nullptr || Level(e.level) > Level(best->level) ||
        (Level(e.level) == Level(best->level) &&
         std::make_tuple(!IsReview(e.source.design),
                         !Controlled(e.source.design),
                         DirectnessRank(e.directness)) <
             std::make_tuple(!IsReview(best->source.design),
                             !Controlled(best->source.design),
                             DirectnessRank(best->directness)))) {
      best = &e;
    }
  }
  explicit operator bool() const { return best != nullptr; }
  int level() const { return best ? Level(best->level) : -1; }
  // Ordering for "outweighs": level, then directness, then a controlled
  // design over an uncontrolled one, then a review over a single study.
  std::tuple<int, int, int, int> Weight() const {
    if (!best) return {-1, 0, 0, 0};
    return {Level(best->level), -DirectnessRank(best->directness),
            Controlled(best->source.design) ? 1 : 0,
            IsReview(best->source.design) ? 1 : 0};
  }
};

std::string SideLine(const char* name, const Side& side) {
  std::string s = std::string(name) + ": " + std::to_string(side.count) +
                  (side.count == 1 ? " source" : " sources") + "; strongest " +
                  Describe(*side.best) + ", " + CertaintyName(side.best->level);
  if (side.best->steps.size() > 1) {
    s += " (";
    for (std::size_t i = 0; i < side.best->steps.size(); ++i) {
      if (i) s += "; ";
      s += side.best->steps[i];
    }
    s += ")";
  }
  return s;
}

}  // namespace

void WeighBody(ClaimKind kind, Judgement* j) {
  Side pro, con, mixed;
  std::map<Design, int> designs;
  int mechanistic_support = 0;
  std::map<std::string, int> unweighed;
  for (const Evidence& e : j->evidence) {
    if (!e.weighed) {
      ++unweighed[e.not_weighed.substr(0, e.not_weighed.find(' ')) == "included"
                      ? "counted within a review"
                      : e.not_weighed];
      if (e.not_weighed == "mechanistic" && e.stance == Stance::kSupports) {
        ++mechanistic_support;
      }
      continue;
    }
    ++designs[e.source.design];
    if (e.stance == Stance::kSupports) {
      pro.Add(e);
    } else if (e.stance == Stance::kMixed) {
      mixed.Add(e);
    } else {
      con.Add(e);
    }
  }
  long long unlisted = 0;
  std::map<Design, long long> unlisted_designs;
  for (const EvidenceTally& t : j->unlisted) {
    if (!CanBeEvidence(t.design) ||
        (kind != ClaimKind::kMechanism && IsLabWork(t.design))) {
      continue;
    }
    unlisted += t.documents;
    unlisted_designs[t.design] += t.documents;
    Side& side = t.stance == Stance::kSupports ? pro
                 : t.stance == Stance::kMixed  ? mixed
                                               : con;
    side.count += static_cast<int>(t.documents);
  }
  std::string line = "weighed: ";
  int weighed = 0;
  for (const auto& [d, n] : designs) {
    line += (weighed ? ", " : "") + Counted(n, d);
    weighed += n;
  }
  if (!weighed) line += "nothing";
  if (unlisted > 0) {
    line += "; and " + std::to_string(unlisted) +
            " more imported documents on the same claims, counted, not "
            "listed (";
    bool first = true;
    for (const auto& [d, n] : unlisted_designs) {
      line += (first ? "" : ", ") + Counted(static_cast<int>(n), d);
      first = false;
    }
    line += ")";
  }
  if (!unweighed.empty()) {
    line += "; listed, not weighed:";
    bool first = true;
    for (const auto& [why, n] : unweighed) {
      line += (first ? " " : ", ") + std::to_string(n) + " " + why;
      first = false;
    }
  }
  j->reasons.push_back(line);

  if (!weighed) {
    j->verdict = VerdictWord::kUnsourced;
    j->certainty = Certainty::kVeryLow;
    if (mechanistic_support > 0 && kind != ClaimKind::kMechanism) {
      j->plausible_mechanism = true;
      j->reasons.push_back(
          "only animal, in vitro or mechanism evidence supports it: a "
          "plausible mechanism, not shown in people");
    } else if (!j->evidence.empty()) {
      // docs/verdicts.md section 5: say which unsourced it is.
      j->reasons.push_back(
          "no evidence among the " + std::to_string(j->evidence.size()) +
          (j->evidence.size() == 1 ? " source" : " sources") +
          " read on it: each is listed with why it is not weighed; "
          "unsourced, which is not 'no effect'");
    } else {
      j->reasons.push_back(
          "no study in the knowledge base tests it: claims made elsewhere "
          "are not evidence");
    }
    return;
  }
  if (pro) j->reasons.push_back(SideLine("for", pro));
  if (con)
    j->reasons.push_back(SideLine("against (no effect or the opposite)", con));
  if (mixed) j->reasons.push_back(SideLine("mixed", mixed));

  // Certainty of a contested claim: the second strongest side's level (the
  // disagreement is only as solid as that), down one for the inconsistency.
  auto contested = [&](const char* why) {
    j->verdict = VerdictWord::kContested;
    std::vector<int> levels;
    for (const Side* side : {&pro, &con, &mixed}) {
      if (*side) levels.push_back(side->level());
    }
    std::sort(levels.rbegin(), levels.rend());
    j->certainty = FromLevel(levels[levels.size() > 1 ? 1 : 0] - 1);
    j->reasons.push_back(std::string(why) + " -> contested; certainty " +
                         CertaintyName(j->certainty) +
                         ": the level of the weaker of the two strongest "
                         "sides, down one for the inconsistency");
  };
  // One side wins; down one when the other side, or mixed findings, come
  // within a level of it — unless that evidence is itself very low, too
  // uncertain to make the body inconsistent.
  auto wins = [&](VerdictWord verdict, const Side& winner, const Side& other,
                  const char* why) {
    j->verdict = verdict;
    int level = winner.level();
    std::string said = std::string(why) + " -> " + VerdictName(verdict);
    const Side* close = nullptr;
    for (const Side* side : {&other, static_cast<const Side*>(&mixed)}) {
      if (*side && side->level() >= winner.level() - 1 &&
          side->level() > Level(Certainty::kVeryLow) && close == nullptr) {
        close = side;
      }
    }
    if (close != nullptr) {
      --level;
      said +=
          "; down one for inconsistency (" + Describe(*close->best) +
          (close == &mixed ? " has mixed findings)" : " points the other way)");
    }
    j->certainty = FromLevel(level);
    j->reasons.push_back(said + "; certainty " + CertaintyName(j->certainty));
  };

  if (pro && !con) {
    if (mixed && mixed.Weight() >= pro.Weight()) {
      contested("mixed findings at least as strong as the support");
    } else {
      wins(VerdictWord::kSupported, pro, con,
           "evidence for it, nothing of comparable weight against");
    }
  } else if (con && !pro) {
    if (mixed && mixed.Weight() >= con.Weight()) {
      contested("mixed findings at least as strong as the null results");
    } else {
      wins(VerdictWord::kRefuted, con, pro,
           "evidence of no effect or of the opposite, nothing of "
           "comparable weight for it");
    }
  } else if (pro && con) {
    const auto wp = pro.Weight();
    const auto wc = con.Weight();
    const Side& stronger = wp > wc ? pro : con;
    const bool clear = std::get<0>(wp) != std::get<0>(wc) ||
                       (wp != wc && (IsReview(stronger.best->source.design) ||
                                     std::get<2>(wp) != std::get<2>(wc)));
    if (!clear || (mixed && mixed.Weight() >= stronger.Weight())) {
      contested("real evidence on both sides");
    } else if (wp > wc) {
      wins(VerdictWord::kSupported, pro, con,
           "the evidence for it outweighs the evidence against");
    } else {
      wins(VerdictWord::kRefuted, con, pro,
           "the evidence against it outweighs the evidence for it");
    }
  } else {  // mixed only
    contested("only mixed findings");
  }
}

}  // namespace claimcheck::verdict_internal
