// JSON string lists of the store's columns.
// Covered by tests/store/store_test.cc.
#include "store/columns.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

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
