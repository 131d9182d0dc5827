// Enum words and JSON string lists of the store's columns.
// Covered by tests/store/store_test.cc.
#include "store/columns.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <utility>

namespace claimcheck::store_internal {

namespace {

template <typename Enum>
using WordTable = std::vector<std::pair<Enum, const char*>>;

// The store keeps its own tables instead of DesignName and friends so that
// its file format changes only through a migration.
const WordTable<Design>& Designs() {
  static const WordTable<Design> kTable = {
      {Design::kMetaAnalysis, "meta_analysis"},
      {Design::kSystematicReview, "systematic_review"},
      {Design::kRct, "rct"},
      {Design::kControlledTrial, "controlled_trial"},
      {Design::kCohort, "cohort"},
      {Design::kCaseControl, "case_control"},
      {Design::kCrossSectional, "cross_sectional"},
      {Design::kCaseSeries, "case_series"},
      {Design::kCaseReport, "case_report"},
      {Design::kAnimal, "animal"},
      {Design::kInVitro, "in_vitro"},
      {Design::kNarrativeReview, "narrative_review"},
      {Design::kGuideline, "guideline"},
      {Design::kEditorial, "editorial"},
      {Design::kLetter, "letter"},
      {Design::kErratum, "erratum"},
      {Design::kRetraction, "retraction"},
      {Design::kWellnessArticle, "wellness_article"},
      {Design::kPressRelease, "press_release"},
      {Design::kUnknown, "unknown"},
  };
  return kTable;
}

const WordTable<ClaimKind>& ClaimKinds() {
  static const WordTable<ClaimKind> kTable = {
      {ClaimKind::kEffect, "effect"},
      {ClaimKind::kMechanism, "mechanism"},
      {ClaimKind::kDose, "dose"},
      {ClaimKind::kComparison, "comparison"},
      {ClaimKind::kSafety, "safety"},
      {ClaimKind::kOnset, "onset"},
      {ClaimKind::kComposition, "composition"},
  };
  return kTable;
}

const WordTable<Hedging>& Hedgings() {
  static const WordTable<Hedging> kTable = {
      {Hedging::kHedged, "hedged"},
      {Hedging::kPlain, "plain"},
      {Hedging::kAssertive, "assertive"},
  };
  return kTable;
}

const WordTable<Attribution>& Attributions() {
  static const WordTable<Attribution> kTable = {
      {Attribution::kNone, "none"},
      {Attribution::kUnnamed, "unnamed"},
      {Attribution::kCited, "cited"},
  };
  return kTable;
}

template <typename Enum>
const char* WordOf(const WordTable<Enum>& table, Enum value) {
  for (const auto& [entry, word] : table) {
    if (entry == value) return word;
  }
  return "";  // unreachable for a valid enum value; the schema rejects ""
}

template <typename Enum>
std::optional<Enum> ValueOf(const WordTable<Enum>& table,
                            std::string_view word) {
  for (const auto& [entry, name] : table) {
    if (word == name) return entry;
  }
  return std::nullopt;
}

}  // namespace

const char* DesignWord(Design design) { return WordOf(Designs(), design); }
std::optional<Design> DesignFromWord(std::string_view word) {
  return ValueOf(Designs(), word);
}
const char* ClaimKindWord(ClaimKind kind) { return WordOf(ClaimKinds(), kind); }
std::optional<ClaimKind> ClaimKindFromWord(std::string_view word) {
  return ValueOf(ClaimKinds(), word);
}
const char* HedgingWord(Hedging hedging) { return WordOf(Hedgings(), hedging); }
std::optional<Hedging> HedgingFromWord(std::string_view word) {
  return ValueOf(Hedgings(), word);
}
const char* AttributionWord(Attribution attribution) {
  return WordOf(Attributions(), attribution);
}
std::optional<Attribution> AttributionFromWord(std::string_view word) {
  return ValueOf(Attributions(), word);
}

std::string EncodeStrings(const std::vector<std::string>& items) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartArray();
  for (const std::string& item : items) {
    writer.String(item.data(), static_cast<rapidjson::SizeType>(item.size()));
  }
  writer.EndArray();
  return std::string(buffer.GetString(), buffer.GetSize());
}

bool DecodeStrings(std::string_view json, std::vector<std::string>* items) {
  items->clear();
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError() || !doc.IsArray()) return false;
  for (const auto& item : doc.GetArray()) {
    if (!item.IsString()) return false;
    items->emplace_back(item.GetString(), item.GetStringLength());
  }
  return true;
}

}  // namespace claimcheck::store_internal
