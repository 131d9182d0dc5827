// ParseJson: what it accepts, and where it says the text went wrong.
#include "base/json_util.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace claimcheck {
namespace {

struct Parsed {
  bool ok = false;
  rapidjson::Document doc;
  Diagnostics problems;
};

Parsed Parse(const std::string& text) {
  Parsed p;
  p.ok = ParseJson(text, "t.json", &p.doc, &p.problems);
  return p;
}

// The one problem's place and message, as "where: message".
std::string Problem(const Parsed& p) {
  REQUIRE(p.problems.size() == 1);
  CHECK(p.problems[0].file == "t.json");
  return p.problems[0].where + ": " + p.problems[0].message;
}

}  // namespace

TEST_CASE("ParseJson keeps every string whole, escapes and UTF-8 included",
          "[json]") {
  // Strings of every length around the 16-byte blocks the reader scans,
  // with an escape or a multi-byte character at each place in them.
  const std::string pieces[] = {
      "a",       "\\\"",     "\\\\",         "\\n",
      "\\u00e9", "\xC2\xB5", "\xE2\x80\x93", "\xF0\x9F\x98\x80"};
  const std::string decoded[] = {
      "a",        "\"",       "\\",           "\n",
      "\xC3\xA9", "\xC2\xB5", "\xE2\x80\x93", "\xF0\x9F\x98\x80"};
  for (std::size_t length = 0; length < 40; ++length) {
    for (std::size_t k = 0; k < std::size(pieces); ++k) {
      for (std::size_t at = 0; at <= length; at += 7) {
        const std::string before(at, 'x');
        const std::string after(length - at, 'y');
        // Pad the front so that the string starts at every offset mod 16.
        const std::string lead(length % 16, ' ');
        const std::string text =
            lead + "{\"s\": \"" + before + pieces[k] + after + "\"}";
        INFO("text: " << text);
        Parsed p = Parse(text);
        REQUIRE(p.ok);
        REQUIRE(p.doc["s"].IsString());
        CHECK(
            std::string(p.doc["s"].GetString(), p.doc["s"].GetStringLength()) ==
            before + decoded[k] + after);
      }
    }
  }
}

TEST_CASE("ParseJson names the line and column of what it refuses", "[json]") {
  CHECK(Problem(Parse("{\"a\": 1,\n \"b\" 2}"))
            .find("line 2, column 6: "
                  "invalid JSON") == 0);
  // A NUL byte, in a string or between values, is refused where it is
  // (a reader that stops at it would take "{}" for the whole file).
  CHECK(Problem(Parse(std::string("{\"a\": \"x\0y\"}", 12))) ==
        "line 1, column 9: invalid JSON: a control character (0x00)");
  CHECK(Problem(Parse(std::string("{}\n\0 junk", 9))) ==
        "line 2, column 1: invalid JSON: a control character (0x00)");
  // Ill-formed UTF-8: a stray continuation byte, an overlong form, a
  // surrogate, a code point past U+10FFFF, a sequence cut short at the end.
  CHECK(Problem(Parse("{\"a\": \"ok \x80\"}")) ==
        "line 1, column 11: invalid JSON: invalid UTF-8");
  CHECK(Problem(Parse("{\"a\": \"\xC0\xAF\"}")) ==
        "line 1, column 8: invalid JSON: invalid UTF-8");
  CHECK(Problem(Parse("{\"a\": \"\xED\xA0\x80\"}")) ==
        "line 1, column 8: invalid JSON: invalid UTF-8");
  CHECK(Problem(Parse("{\"a\": \"\xF4\x90\x80\x80\"}")) ==
        "line 1, column 8: invalid JSON: invalid UTF-8");
  CHECK(Problem(Parse("{\"a\": 1}\n\xE2\x80")) ==
        "line 2, column 1: invalid JSON: invalid UTF-8");
  // Outside a string too (the reader would call it a syntax error).
  CHECK(Problem(Parse("{\"a\": \xFF}")) ==
        "line 1, column 7: invalid JSON: invalid UTF-8");
  // Nothing after the root value but white space.
  CHECK(Problem(Parse("{} {}")).find("line 1, column 4: invalid JSON") == 0);
  CHECK(Parse("  {\"a\": [1, 2.5, true, null]}  \n").ok);
}

TEST_CASE("ParseJson refuses a raw control character anywhere in a string",
          "[json]") {
  // RapidJSON 1.1's 16-byte string scan lets 0x1a-0x1f through: each is
  // put at every offset of a string long enough for that scan.
  for (int c = 0x01; c < 0x20; ++c) {
    if (c == '\t' || c == '\n' || c == '\r') continue;
    for (std::size_t at = 0; at < 48; ++at) {
      std::string text = "[\"" + std::string(64, 'a') + "\"]";
      text[2 + at] = static_cast<char>(c);
      INFO("byte " << c << " at " << at);
      Parsed p = Parse(text);
      CHECK_FALSE(p.ok);
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02x", c);
      CHECK(Problem(p) == "line 1, column " + std::to_string(3 + at) +
                              ": invalid JSON: a control character (" + hex +
                              ")");
    }
  }
  // Tab, line feed and carriage return are white space between values,
  // and still refused raw inside a string (by the reader).
  CHECK(Parse("[\t\"a\",\r\n\"b\"]").ok);
  CHECK_FALSE(Parse("[\"a\tb\"]").ok);
}

TEST_CASE("ParseJson reads long runs of white space at any alignment",
          "[json]") {
  for (std::size_t lead = 0; lead < 20; ++lead) {
    for (std::size_t run : {1, 15, 16, 17, 40, 100}) {
      const std::string blank(run, lead % 2 ? ' ' : '\n');
      const std::string text = std::string(lead, ' ') + "{" + blank + "\"a\"" +
                               blank + ":" + blank + "[1," + blank + "2]" +
                               blank + "}" + blank;
      INFO("lead " << lead << ", run " << run);
      Parsed p = Parse(text);
      REQUIRE(p.ok);
      CHECK(p.doc["a"].Size() == 2);
    }
  }
}

TEST_CASE("ParseJson accepts what RapidJSON's checking reader accepts",
          "[json]") {
  // Random texts from JSON's own characters, a few control characters and
  // UTF-8 pieces, well-formed and not: ParseJson and the reader that checks
  // UTF-8 one character at a time (what ParseJson used before) agree on
  // every one, save texts with a NUL byte, which that reader ended at.
  const std::vector<std::string> pieces = {"{",
                                           "}",
                                           "[",
                                           "]",
                                           ",",
                                           ":",
                                           "\"",
                                           "\\",
                                           "\\n",
                                           "\\u00e9",
                                           "a",
                                           "1",
                                           "-2.5e3",
                                           " ",
                                           "\n",
                                           "\t",
                                           "\x1b",
                                           "\x01",
                                           "\x1f",
                                           "true",
                                           "null",
                                           "\xC3\xA9",
                                           "\xE2\x80\x93",
                                           "\xF0\x9F\x98\x80",
                                           "\x80",
                                           "\xC0\xAF",
                                           "\xED\xA0\x80",
                                           "\"k\": ",
                                           std::string(20, 'x')};
  std::mt19937 random(7);
  std::uniform_int_distribution<std::size_t> length(0, 24);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  int accepted = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    // Half of them start as a JSON value, so that some are accepted.
    if (i % 2 == 0) text = "{\"k\": [\"";
    for (std::size_t n = length(random); n > 0; --n)
      text += pieces[pick(random)];
    if (i % 2 == 0) text += "\"]}";
    rapidjson::Document checked;
    checked.Parse<rapidjson::kParseValidateEncodingFlag>(text.data(),
                                                         text.size());
    Parsed p = Parse(text);
    INFO("text: " << text);
    REQUIRE(p.ok == !checked.HasParseError());
    accepted += p.ok ? 1 : 0;
  }
  CHECK(accepted > 1000);  // the comparison saw both answers
}

TEST_CASE("KeyValueLines: the line of each id's first occurrence", "[json]") {
  const std::string text =
      "{\"items\": [\n"                                // line 1
      "  {\"id\": \"a\", \"n\": 1},\n"                 // line 2
      "\n\n"                                           // lines 3, 4
      "  {\"id\" :\r\n  \"b\"},\r\n"                   // line 5 (CR LF)
      "  {\"id\": \"a\"},\n"                           // line 7: a again
      "  {\"x\": \"id\", \"id\": \"esc\\\"aped\"},\n"  // line 8
      "  {\"id\": 3}, {\"id\": \"c\"}]}";              // line 9
  const auto lines = KeyValueLines(text, "id");
  CHECK(LineOf(lines, "a") == 2);
  CHECK(LineOf(lines, "b") == 5);
  CHECK(LineOf(lines, "c") == 9);
  // A value with an escape, a number and a missing id have no line.
  CHECK(LineOf(lines, "esc\\\"aped") == 0);
  CHECK(LineOf(lines, "3") == 0);
  CHECK(LineOf(lines, "zzz") == 0);
  CHECK(lines.size() == 3);
  CHECK(KeyValueLines("", "id").empty());
}

}  // namespace claimcheck
