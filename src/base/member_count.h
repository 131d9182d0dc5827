// MemberCount<T>(): how many members an aggregate has, found by trying
// brace initialisers of one more element until one does not compile. The
// snapshot code asserts it next to every member list it serializes, so that
// a member added to a struct (anywhere, padding included) fails the build
// until it is serialized too.
#ifndef CLAIMCHECK_SRC_BASE_MEMBER_COUNT_H_
#define CLAIMCHECK_SRC_BASE_MEMBER_COUNT_H_

#include <cstddef>
#include <utility>

namespace claimcheck {

// Converts to any member type (only in unevaluated contexts).
struct AnyMember {
  template <class T>
  operator T&() const&&;
  template <class T>
  operator T&&() const&&;
};

template <class T, class... Members>
constexpr std::size_t MemberCount() {
  if constexpr (requires { T{std::declval<Members>()..., AnyMember{}}; }) {
    return MemberCount<T, Members..., AnyMember>();
  } else {
    return sizeof...(Members);
  }
}

}  // namespace claimcheck

#endif  // CLAIMCHECK_SRC_BASE_MEMBER_COUNT_H_
