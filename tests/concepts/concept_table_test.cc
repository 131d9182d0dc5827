// ConceptTable (concepts.h): the real vocabulary through its columns and
// back, concepts built on first use from several threads at once, and
// damaged columns refused.
#include <thread>

#include "claimcheck/concepts.h"
#include "real_kb.h"

namespace claimcheck {
namespace {

std::optional<ConceptTable> RealTable() {
  return ConceptTable::FromColumns(
      testing::RealKb().vocabulary.concepts().ToColumns());
}

bool Same(const Concept& a, const Concept& b) {
  return a.id == b.id && a.kind == b.kind && a.label == b.label &&
         a.synonyms == b.synonyms && a.cased_synonyms == b.cased_synonyms &&
         a.antonyms == b.antonyms && a.is_a == b.is_a && a.better == b.better &&
         a.category == b.category && a.mesh == b.mesh && a.scope == b.scope &&
         a.source == b.source && a.aliases == b.aliases && a.file == b.file &&
         a.line == b.line;
}

TEST_CASE("a table from columns holds every concept, member for member",
          "[concepts][table]") {
  const ConceptTable& real = testing::RealKb().vocabulary.concepts();
  std::optional<ConceptTable> table = RealTable();
  REQUIRE(table.has_value());
  REQUIRE(table->size() == real.size());
  REQUIRE(real.size() > 30000);
  for (std::size_t i = 0; i < real.size(); ++i) {
    // What is read without building agrees with what is built.
    REQUIRE(table->IdAt(i) == real[i].id);
    REQUIRE(table->KindAt(i) == real[i].kind);
    REQUIRE(table->SourceAt(i) == real[i].source);
    REQUIRE(Same((*table)[i], real[i]));
    REQUIRE(&(*table)[i] == &(*table)[i]);  // built once, then kept
  }
  CHECK(table->ToColumns().text == real.ToColumns().text);
}

TEST_CASE("concepts built from several threads at once are one each",
          "[concepts][table]") {
  std::optional<ConceptTable> table = RealTable();
  REQUIRE(table.has_value());
  const std::size_t n = table->size();
  std::vector<std::vector<const Concept*>> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([&, t] {
      seen[t].resize(n);
      // Each thread starts elsewhere, so that they race on every concept.
      for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = (k + t * n / 4) % n;
        seen[t][i] = &(*table)[i];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t t = 1; t < seen.size(); ++t) {
      REQUIRE(seen[t][i] == seen[0][i]);
    }
  }
  // A move keeps every address.
  const Concept* first = &(*table)[0];
  ConceptTable moved = std::move(*table);
  CHECK(&moved[0] == first);
}

TEST_CASE("damaged columns are refused, not read out of range",
          "[concepts][table]") {
  const ConceptColumns good =
      testing::RealKb().vocabulary.concepts().ToColumns();
  REQUIRE(ConceptTable::FromColumns(good).has_value());
  SECTION("a span past the text") {
    ConceptColumns bad = good;
    bad.spans[bad.spans.size() - 2] =
        static_cast<std::uint32_t>(bad.text.size());
    bad.spans.back() = 1;
    CHECK_FALSE(ConceptTable::FromColumns(bad).has_value());
  }
  SECTION("a list longer than the spans left") {
    ConceptColumns bad = good;
    bad.counts.back() += 1;
    CHECK_FALSE(ConceptTable::FromColumns(bad).has_value());
  }
  SECTION("spans left over") {
    ConceptColumns bad = good;
    bad.spans.push_back(0);
    bad.spans.push_back(0);
    CHECK_FALSE(ConceptTable::FromColumns(bad).has_value());
  }
  SECTION("an unknown kind") {
    ConceptColumns bad = good;
    bad.enums[0] = 7;
    CHECK_FALSE(ConceptTable::FromColumns(bad).has_value());
  }
  SECTION("one line too few") {
    ConceptColumns bad = good;
    bad.lines.pop_back();
    CHECK_FALSE(ConceptTable::FromColumns(bad).has_value());
  }
}

TEST_CASE("a table grows by built concepts after its columns",
          "[concepts][table]") {
  std::optional<ConceptTable> table = RealTable();
  REQUIRE(table.has_value());
  const std::size_t n = table->size();
  Concept extra;
  extra.id = "C000001";
  extra.label = "an added substance";
  extra.source = ConceptSource::kHarvested;
  table->push_back(extra);
  REQUIRE(table->size() == n + 1);
  CHECK(table->IdAt(n) == "C000001");
  CHECK(table->SourceAt(n) == ConceptSource::kHarvested);
  CHECK(table->back().label == "an added substance");
}

}  // namespace
}  // namespace claimcheck
