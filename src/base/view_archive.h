// A cereal input archive over bytes already in memory, reading what
// cereal::BinaryOutputArchive wrote: a bounds check and a memcpy per value,
// where BinaryInputArchive goes through a std::streambuf call each time (a
// kb snapshot, kb_snapshot.h, holds some 30,000 strings). Reading past the
// end throws cereal::Exception, as BinaryInputArchive does.
#ifndef CLAIMCHECK_SRC_BASE_VIEW_ARCHIVE_H_
#define CLAIMCHECK_SRC_BASE_VIEW_ARCHIVE_H_

#include <cereal/archives/binary.hpp>
#include <cereal/cereal.hpp>
#include <cstddef>
#include <cstring>
#include <memory>
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
template <class T>
void CEREAL_SERIALIZE_FUNCTION_NAME(ViewInputArchive& ar,
                                    cereal::SizeTag<T>& t) {
  ar(t.size);
}
template <class T>
void CEREAL_LOAD_FUNCTION_NAME(ViewInputArchive& ar,
                               cereal::BinaryData<T>& bd) {
  ar.loadBinary(bd.data, static_cast<std::size_t>(bd.size));
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
