// Claim extraction on Check-COVID's claims (issue 22): how many of the
// 1,275 train+dev claims (../shared/bench/check-covid) the extractor reads
// as a claim with both arguments, per half (docs/splits.md: by cord_id).
#include <rapidjson/document.h>

#include <fstream>
#include <map>

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
  // guards what held when it was set (session 11: 7.8 %).
  CHECK(100.0 * score["all"].first / score["all"].second >= 7.5);
}

}  // namespace
}  // namespace claimcheck::testing
