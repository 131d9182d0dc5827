// WordTable: the one table that names, parses and lists the values of an
// enum written as words in curated files and reports ("rct", "supports").
// Used by document.cc and knowledge.cc; covered by tests/kb/knowledge_test.cc.
#ifndef CLAIMCHECK_SRC_BASE_WORD_TABLE_H_
#define CLAIMCHECK_SRC_BASE_WORD_TABLE_H_

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace claimcheck {

// The words of an enum whose values are 0 … N-1, listed in enum order (check
// with a static_assert on InEnumOrder()).
template <typename E, std::size_t N>
struct WordTable {
  std::array<std::pair<E, const char*>, N> words;

  constexpr bool InEnumOrder() const {
    for (std::size_t i = 0; i < N; ++i) {
      if (static_cast<std::size_t>(words[i].first) != i) return false;
    }
    return true;
  }
  // The word of `value`; `fallback` for a value outside the enum.
  const char* Name(E value, const char* fallback) const {
    const auto index = static_cast<std::size_t>(value);
    return index < N ? words[index].second : fallback;
  }
  // The value of `word`, matched exactly; nullopt for any other word.
  std::optional<E> Parse(std::string_view word) const {
    for (const auto& [value, name] : words) {
      if (word == name) return value;
    }
    return std::nullopt;
  }
  std::vector<E> All() const {
    std::vector<E> all;
    for (const auto& entry : words) all.push_back(entry.first);
    return all;
  }
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_SRC_BASE_WORD_TABLE_H_
