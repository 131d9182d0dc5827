// JSON string lists of the store's columns.
// Covered by tests/store/store_test.cc.
#include "store/columns.h"

#include <rapidjson/encodedstream.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <utility>

namespace claimcheck::store_internal {

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

namespace {

// Reads a JSON array of strings straight into a vector (SAX): no document
// tree and no memory pool, which cost more than the parse for lists of a
// few names read once per stored document. Anything but strings directly
// inside one array is refused.
class StringListHandler
    : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>,
                                          StringListHandler> {
 public:
  explicit StringListHandler(std::vector<std::string>* items) : items_(items) {}

  bool Default() { return false; }
  bool StartArray() { return !std::exchange(started_, true); }
  bool EndArray(rapidjson::SizeType) { return true; }
  bool String(const char* text, rapidjson::SizeType length, bool) {
    if (!started_) return false;  // a string, not a list of them
    items_->emplace_back(text, length);
    return true;
  }

 private:
  std::vector<std::string>* items_;
  bool started_ = false;
};

}  // namespace

bool DecodeStrings(std::string_view json, std::vector<std::string>* items) {
  items->clear();
  // rapidjson's streams take a NUL byte for the end of the input: one inside
  // the column would hide what follows it. JSON text never holds one raw.
  if (json.find('\0') != std::string_view::npos) return false;
  StringListHandler handler(items);
  rapidjson::MemoryStream bytes(json.data(), json.size());
  rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream>
      stream(bytes);
  rapidjson::Reader reader;
  if (!reader.Parse(stream, handler)) {
    items->clear();
    return false;
  }
  return true;
}

}  // namespace claimcheck::store_internal
