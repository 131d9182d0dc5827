// The binary form of kb snapshots (kb_snapshot.h) and of what they hold:
// SaveBinary writes values with cereal's binary archive; LoadBinary reads
// them back through ViewInputArchive, a cereal input archive over bytes
// already in memory (a bounds check and a memcpy per value, where
// BinaryInputArchive goes through a std::streambuf call each time: a
// snapshot holds some 30,000 strings).
#ifndef CLAIMCHECK_SRC_BASE_VIEW_ARCHIVE_H_
#define CLAIMCHECK_SRC_BASE_VIEW_ARCHIVE_H_

#include <cereal/archives/binary.hpp>
#include <cereal/cereal.hpp>
#include <cstddef>
#include <cstring>
#include <exception>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>

namespace claimcheck {

class ViewInputArchive
    : public cereal::InputArchive<ViewInputArchive,
                                  cereal::AllowEmptyClassElision> {
 public:
  explicit ViewInputArchive(std::string_view bytes)
      : InputArchive(this), rest_(bytes) {}

  void loadBinary(void* data, std::size_t size) {
    if (rest_.size() < size) {
      throw cereal::Exception("a snapshot ends inside a value");
    }
    std::memcpy(data, rest_.data(), size);
    rest_.remove_prefix(size);
  }
  // True once every byte was read.
  bool done() const { return rest_.empty(); }
  // The bytes not read yet.
  std::size_t remaining() const { return rest_.size(); }

 private:
  std::string_view rest_;
};

template <class T>
std::enable_if_t<std::is_arithmetic_v<T>> CEREAL_LOAD_FUNCTION_NAME(
    ViewInputArchive& ar, T& t) {
  ar.loadBinary(std::addressof(t), sizeof(t));
}
template <class T>
void CEREAL_SERIALIZE_FUNCTION_NAME(ViewInputArchive& ar,
                                    cereal::NameValuePair<T>& t) {
  ar(t.value);
}
// A container's size: each of its elements takes at least one byte, so a
// size beyond the bytes left is damage, refused before cereal allocates
// room for it (a flipped bit in a length must not ask for gigabytes).
template <class T>
void CEREAL_SERIALIZE_FUNCTION_NAME(ViewInputArchive& ar,
                                    cereal::SizeTag<T>& t) {
  ar(t.size);
  if (static_cast<unsigned long long>(t.size) > ar.remaining()) {
    throw cereal::Exception("a snapshot's length runs past its end");
  }
}
template <class T>
void CEREAL_LOAD_FUNCTION_NAME(ViewInputArchive& ar,
                               cereal::BinaryData<T>& bd) {
  ar.loadBinary(bd.data, static_cast<std::size_t>(bd.size));
}

// `values`, in order, as cereal's binary archive writes them. (cereal takes
// non-const references in both directions; saving only reads them.)
template <class... T>
std::string SaveBinary(const T&... values) {
  std::ostringstream out;
  {
    cereal::BinaryOutputArchive archive(out);
    archive(const_cast<T&>(values)...);
  }
  return std::move(out).str();
}

// Reads `values` back from what SaveBinary wrote: false when `bytes` end
// inside a value or hold more than the values (then `values` may hold part
// of what was read: the caller drops them).
template <class... T>
bool LoadBinary(std::string_view bytes, T&... values) {
  try {
    ViewInputArchive archive(bytes);
    archive(values...);
    return archive.done();
  } catch (const std::exception&) {
    return false;  // bytes this build did not write
  }
}

}  // namespace claimcheck

CEREAL_REGISTER_ARCHIVE(claimcheck::ViewInputArchive)

// What CEREAL_SETUP_ARCHIVE_TRAITS would say, one way only: the binary
// output archive is already paired with cereal's own input archive.
namespace cereal::traits::detail {
template <>
struct get_output_from_input<claimcheck::ViewInputArchive> {
  using type = cereal::BinaryOutputArchive;
};
}  // namespace cereal::traits::detail

#endif  // CLAIMCHECK_SRC_BASE_VIEW_ARCHIVE_H_
