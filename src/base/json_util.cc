// RapidJSON adapter: parse errors become diagnostics with line and column.
// Covered by tests/kb/kb_check_test.cc.
#include "base/json_util.h"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

namespace claimcheck {

namespace {

// Counts nesting depth with the SAX interface before building the DOM, so a
// hostile file nested ten thousand deep is refused rather than recursed into.
struct DepthGuard
    : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, DepthGuard> {
  std::size_t depth = 0;
  std::size_t max_seen = 0;
  bool Default() { return true; }
  bool StartObject() { return Push(); }
  bool EndObject(rapidjson::SizeType) { return Pop(); }
  bool StartArray() { return Push(); }
  bool EndArray(rapidjson::SizeType) { return Pop(); }
  bool Push() {
    ++depth;
    if (depth > max_seen) max_seen = depth;
    return depth <= kMaxJsonDepth;
  }
  bool Pop() {
    --depth;
    return true;
  }
};

}  // namespace

LineColumn LineColumnAt(std::string_view text, std::size_t offset) {
  LineColumn lc;
  if (offset > text.size()) offset = text.size();
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++lc.line;
      lc.column = 1;
    } else {
      ++lc.column;
    }
  }
  return lc;
}

bool ParseJson(std::string_view text, const std::string& file,
               rapidjson::Document* doc, Diagnostics* problems) {
  auto report = [&](std::size_t offset, const std::string& why) {
    const LineColumn lc = LineColumnAt(text, offset);
    problems->push_back({file,
                         "line " + std::to_string(lc.line) + ", column " +
                             std::to_string(lc.column),
                         why});
    return false;
  };
  {
    DepthGuard guard;
    rapidjson::Reader reader;
    rapidjson::MemoryStream ms(text.data(), text.size());
    rapidjson::ParseResult ok =
        reader.Parse<rapidjson::kParseValidateEncodingFlag>(ms, guard);
    if (!ok) {
      if (ok.Code() == rapidjson::kParseErrorTermination) {
        return report(ok.Offset(), "JSON nested deeper than " +
                                       std::to_string(kMaxJsonDepth) +
                                       " levels");
      }
      return report(ok.Offset(), std::string("invalid JSON: ") +
                                     rapidjson::GetParseError_En(ok.Code()));
    }
  }
  doc->Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
  if (doc->HasParseError()) {
    return report(doc->GetErrorOffset(),
                  std::string("invalid JSON: ") +
                      rapidjson::GetParseError_En(doc->GetParseError()));
  }
  return true;
}

std::map<std::string, std::size_t, std::less<>> KeyValueLines(
    std::string_view text, std::string_view key) {
  std::map<std::string, std::size_t, std::less<>> lines;
  const std::string quoted_key = "\"" + std::string(key) + "\"";
  auto skip_blanks = [&](std::size_t i) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' ||
                               text[i] == '\n' || text[i] == '\r')) {
      ++i;
    }
    return i;
  };
  std::size_t line = 1;
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (text[pos] == '\n') {
      ++line;
      continue;
    }
    if (text[pos] != '"' || text.compare(pos, quoted_key.size(), quoted_key)) {
      continue;
    }
    std::size_t i = skip_blanks(pos + quoted_key.size());
    if (i >= text.size() || text[i] != ':') continue;
    i = skip_blanks(i + 1);
    if (i >= text.size() || text[i] != '"') continue;
    const std::size_t close = text.find_first_of("\"\\", i + 1);
    if (close == std::string_view::npos || text[close] != '"') continue;
    lines.emplace(std::string(text.substr(i + 1, close - i - 1)), line);
  }
  return lines;
}

std::size_t LineOf(const std::map<std::string, std::size_t, std::less<>>& lines,
                   std::string_view value) {
  auto it = lines.find(value);
  return it == lines.end() ? 0 : it->second;
}

bool ReadStringArray(const rapidjson::Value& object, const char* name,
                     std::vector<std::string>* out) {
  auto it = object.FindMember(name);
  if (it == object.MemberEnd()) return true;
  if (!it->value.IsArray()) return false;
  std::vector<std::string> values;
  for (const auto& v : it->value.GetArray()) {
    if (!v.IsString()) return false;
    values.emplace_back(v.GetString(), v.GetStringLength());
  }
  *out = std::move(values);
  return true;
}

bool ReadString(const rapidjson::Value& object, const char* name,
                std::optional<std::string>* out) {
  auto it = object.FindMember(name);
  if (it == object.MemberEnd()) {
    out->reset();
    return true;
  }
  if (!it->value.IsString()) return false;
  *out = std::string(it->value.GetString(), it->value.GetStringLength());
  return true;
}

}  // namespace claimcheck
