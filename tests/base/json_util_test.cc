// ParseJson: what it accepts, and where it says the text went wrong.
#include "base/json_util.h"

#include <catch2/catch.hpp>
#include <string>

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
        "line 1, column 9: invalid JSON: a NUL byte");
  CHECK(Problem(Parse(std::string("{}\n\0 junk", 9))) ==
        "line 2, column 1: invalid JSON: a NUL byte");
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

}  // namespace claimcheck
