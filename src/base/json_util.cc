// RapidJSON adapter: parse errors become diagnostics with line and column.
// Covered by tests/kb/kb_check_test.cc.
#include "base/json_util.h"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>
#include <rapidjson/stream.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>

namespace claimcheck {

namespace {

// Builds the DOM from the reader's events and counts nesting depth on the
// way, so a hostile file nested ten thousand deep is refused rather than
// recursed into (the DOM's destructor and every reader of it recurse), in one
// pass over the text.
class DepthLimitedBuilder {
 public:
  explicit DepthLimitedBuilder(rapidjson::Document* doc) : doc_(doc) {}

  bool Null() { return doc_->Null(); }
  bool Bool(bool b) { return doc_->Bool(b); }
  bool Int(int i) { return doc_->Int(i); }
  bool Uint(unsigned u) { return doc_->Uint(u); }
  bool Int64(std::int64_t i) { return doc_->Int64(i); }
  bool Uint64(std::uint64_t u) { return doc_->Uint64(u); }
  bool Double(double d) { return doc_->Double(d); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool copy) {
    return doc_->RawNumber(s, n, copy);
  }
  bool String(const char* s, rapidjson::SizeType n, bool copy) {
    return doc_->String(s, n, copy);
  }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) {
    return doc_->Key(s, n, copy);
  }
  bool StartObject() { return Push() && doc_->StartObject(); }
  bool EndObject(rapidjson::SizeType n) {
    --depth_;
    return doc_->EndObject(n);
  }
  bool StartArray() { return Push() && doc_->StartArray(); }
  bool EndArray(rapidjson::SizeType n) {
    --depth_;
    return doc_->EndArray(n);
  }

  bool too_deep() const { return too_deep_; }

 private:
  bool Push() {
    if (++depth_ > kMaxJsonDepth) too_deep_ = true;
    return !too_deep_;
  }

  rapidjson::Document* doc_;
  std::size_t depth_ = 0;
  bool too_deep_ = false;
};

// The first byte of `text` a JSON file may not hold, with the reason: a byte
// below 0x20 other than tab, line feed and carriage return (JSON allows none
// raw: in a string it must be escaped, and between values only those three
// are white space), or the start of an ill-formed UTF-8 sequence (ICU's
// U8_NEXT refuses overlong forms, surrogates and code points past U+10FFFF,
// as RapidJSON's own check did). Eight bytes at a time while they are
// printable ASCII.
struct Refused {
  std::size_t offset = 0;
  std::string why;
};

std::optional<Refused> FirstRefusedByte(std::string_view text) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text.size() - i >= 8) {
      std::uint64_t block;
      std::memcpy(&block, text.data() + i, sizeof block);
      // A byte >= 0x80, or a byte < 0x20 (the borrow of x - 0x20 sets its
      // high bit only when x < 0x20, x < 0x80).
      const std::uint64_t below = (block - 0x20 * kOnes) & ~block & kHigh;
      if (((block & kHigh) | below) == 0) {
        i += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20) {
      if (c == '\t' || c == '\n' || c == '\r') {
        ++i;
        continue;
      }
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02x", c);
      return Refused{i, std::string("a control character (") + hex + ")"};
    }
    if (c < 0x80) {
      ++i;
      continue;
    }
    // One sequence is at most 4 bytes: a window of 4 is enough.
    const char* const window = text.data() + i;
    const auto length =
        static_cast<std::int32_t>(std::min<std::size_t>(text.size() - i, 4));
    std::int32_t used = 0;
    UChar32 code_point;
    U8_NEXT(window, used, length, code_point);
    if (code_point < 0) return Refused{i, "invalid UTF-8"};
    i += static_cast<std::size_t>(used);
  }
  return std::nullopt;
}

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
  // RapidJSON reads fastest from a NUL-terminated buffer (StringStream:
  // with RAPIDJSON_SSE2 it scans 16 bytes at a time) and without checking
  // UTF-8 itself, one character at a time. So the text is checked here
  // first, in one pass: a NUL byte would end that buffer early, RapidJSON
  // 1.1's SSE2 string scan lets the control characters 0x1a-0x1f through,
  // and ill-formed UTF-8 is refused anywhere (the reader refused it in a
  // string, and it is a syntax error elsewhere). What is accepted is what
  // the checking reader accepted, except text after a NUL byte, which it
  // ignored.
  if (std::optional<Refused> refused = FirstRefusedByte(text)) {
    return report(refused->offset, "invalid JSON: " + refused->why);
  }
  // The copy ends in 16 NUL bytes, so that no aligned 16-byte read of the
  // scanner leaves it.
  std::string padded;
  padded.reserve(text.size() + 16);
  padded.append(text);
  padded.append(16, '\0');
  rapidjson::ParseResult result;
  DepthLimitedBuilder builder(doc);
  // Populate hands the document to the generator as the reader's handler
  // and keeps the root value only when the generator succeeds.
  auto generate = [&](rapidjson::Document&) {
    rapidjson::Reader reader;
    rapidjson::StringStream stream(padded.c_str());
    result = reader.Parse<rapidjson::kParseDefaultFlags>(stream, builder);
    return !result.IsError();
  };
  doc->Populate(generate);
  if (result.IsError()) {
    doc->SetNull();
    if (builder.too_deep()) {
      return report(result.Offset(), "JSON nested deeper than " +
                                         std::to_string(kMaxJsonDepth) +
                                         " levels");
    }
    return report(result.Offset(),
                  std::string("invalid JSON: ") +
                      rapidjson::GetParseError_En(result.Code()));
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
  // Jump from one "key" to the next and count the newlines in between
  // (memchr jumps from line to line; a test per byte cost more).
  std::size_t line = 1;
  std::size_t counted = 0;  // newlines are counted up to here
  for (std::size_t pos = text.find(quoted_key); pos != std::string_view::npos;
       pos = text.find(quoted_key, pos + 1)) {
    for (const char* nl = static_cast<const char*>(
             std::memchr(text.data() + counted, '\n', pos - counted));
         nl != nullptr;
         nl = static_cast<const char*>(std::memchr(
             nl + 1, '\n',
             static_cast<std::size_t>(text.data() + pos - nl - 1)))) {
      ++line;
    }
    counted = pos;
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
