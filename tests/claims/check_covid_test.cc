// Claim extraction on Check-COVID's claims (issue 22): how many of the
// 1,275 train+dev claims (../shared/bench/check-covid) the extractor reads
// as a claim with both arguments, per half (docs/splits.md: by cord_id).
#include <rapidjson/document.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "claims/claims_test_util.h"

namespace claimcheck::testing {
namespace {

TEST_CASE("claims: Check-COVID claims parse into a claim with both arguments",
          "[claims][check-covid]") {
  std::map<std::string, std::pair<int, int>> score;  // half -> parsed, all
  std::string missed;
  for (const char* file : {"train.jsonl", "dev.jsonl"}) {
    std::ifstream in(SharedDir() + "/bench/check-covid/" + file);
    REQUIRE(in);
    for (std::string line; std::getline(in, line);) {
      rapidjson::Document d;
      d.Parse(line.c_str());
      REQUIRE(d.IsObject());
      const std::string claim = d["claim"].GetString();
      const std::string cord = d["cord_id"].GetString();
      const char last = cord.empty() ? ' ' : cord.back();
      const std::string half =
          (last >= '0' && last <= '9') || (last >= 'a' && last <= 'm') ? "dev"
                                                                       : "test";
      const Extracted e = ExtractText(claim);
      bool parsed = false;
      for (const Claim& c : e.claims) {
        parsed |= c.object != nullptr || c.kind == ClaimKind::kDose ||
                  c.kind == ClaimKind::kOnset;
      }
      for (const std::string& key : {half, std::string("all")}) {
        score[key].first += parsed;
        score[key].second += 1;
      }
      if (!parsed && half == "dev" && missed.size() < 3000) {
        missed += claim + "\n";
      }
    }
  }
  std::string report;
  for (const char* key : {"dev", "test", "all"}) {
    const auto& [parsed, all] = score[key];
    report += std::string(key) + ": " + std::to_string(parsed) + "/" +
              std::to_string(all) + " = " +
              std::to_string(100.0 * parsed / all) + "%\n";
  }
  INFO(report << missed);
  WARN(report);
  REQUIRE(score["all"].second == 1275);
  // Issue 22's goal: >= 90 %, far from met (docs/claims.md, "Measured on
  // Check-COVID"): the extractor wants a supplement for a subject, and
  // these claims are about the virus, masks, places and people. The floor
  // guards what held when it was set (session 11: 7.8 %; session 15:
  // 12.4 %, with literal subjects, passives and risk phrases).
  CHECK(100.0 * score["all"].first / score["all"].second >= 12.0);
}

// The gold triples of tests/claims/check_covid_gold.tsv: claim id -> rows
// of (half, subject, relation, object).
struct GoldTriple {
  std::string half, subject, relation, object;
};

std::map<std::string, std::vector<GoldTriple>> ReadCheckCovidGold() {
  std::ifstream in(std::string(CLAIMCHECK_SOURCE_DIR) +
                   "/tests/claims/check_covid_gold.tsv");
  REQUIRE(in);
  std::map<std::string, std::vector<GoldTriple>> gold;
  bool header = false;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string field; std::getline(ss, field, '\t');) f.push_back(field);
    if (!header) {
      REQUIRE(line.rfind("id\thalf\tsubject\trelation\tobject", 0) == 0);
      header = true;
      continue;
    }
    INFO(line);
    REQUIRE(f.size() >= 5);
    gold[f[0]].push_back({f[1], f[2], f[3], f[4]});
  }
  return gold;
}

// Issue 22: "on a labelled sample of 100 of them, the triple is right for
// >= 85 %". A claim is right when one extracted claim has a gold row's
// subject, relation and object (Same(): a concept or the descriptor it
// overlays; a literal whose head word is the gold label's), or, for a claim
// the helper read as no relation ("none"), when no claim with both
// arguments is extracted.
TEST_CASE("claims: Check-COVID sample triples against the helpers' gold",
          "[claims][check-covid]") {
  const auto gold = ReadCheckCovidGold();
  REQUIRE(gold.size() == 100);
  std::map<std::string, std::pair<int, int>> score;  // half -> right, all
  std::string wrong;
  for (const char* file : {"train.jsonl", "dev.jsonl"}) {
    std::ifstream in(SharedDir() + "/bench/check-covid/" + file);
    REQUIRE(in);
    std::set<std::string> done;
    for (std::string line; std::getline(in, line);) {
      rapidjson::Document d;
      d.Parse(line.c_str());
      REQUIRE(d.IsObject());
      const std::string id = d["id"].GetString();
      auto it = gold.find(id);
      if (it == gold.end() || !done.insert(id).second) continue;
      const Extracted e = ExtractText(d["claim"].GetString());
      bool right = false;
      for (const GoldTriple& g : it->second) {
        if (g.relation == "none") {
          bool any = false;
          for (const Claim& c : e.claims) any |= c.object != nullptr;
          right |= !any;
          continue;
        }
        for (const Claim& c : e.claims) {
          right |= Same(c.subject, g.subject) && c.relation == g.relation &&
                   (c.object ? Same(c.object, g.object) : g.object == "-");
        }
      }
      const std::string& half = it->second.front().half;
      for (const std::string& key : {half, std::string("all")}) {
        score[key].first += right;
        score[key].second += 1;
      }
      if (!right && half == "dev") {
        wrong += id + ": gold " + it->second.front().subject + " " +
                 it->second.front().relation + " " + it->second.front().object +
                 "; extracted:\n" + Dump(e);
      }
    }
  }
  std::string report;
  for (const char* key : {"dev", "test", "all"}) {
    const auto& [right, all] = score[key];
    report += std::string("Check-COVID sample triples ") + key + ": " +
              std::to_string(right) + "/" + std::to_string(all) + "\n";
  }
  INFO(report << wrong);
  WARN(report);
  REQUIRE(score["all"].second == 100);
  // The goal is 85 %, not met (docs/claims.md, "Measured on Check-COVID");
  // the floor guards what held when the gold was made.
  CHECK(score["all"].first >= 24);
}

}  // namespace
}  // namespace claimcheck::testing
