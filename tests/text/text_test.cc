#include "claimcheck/text.h"

#include "test_util.h"

namespace claimcheck {

TEST_CASE("Text: invalid UTF-8 is repaired with a warning at its offset",
          "[text]") {
  const std::string bytes = "Magnesium \xFF helps.\nSleep \xC3 better.";
  Diagnostics warnings;
  auto text = Text::FromBytes(bytes, "bad.txt", &warnings);
  REQUIRE(text.ok());
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].file == "bad.txt");
  CHECK(warnings[0].where == "byte 10");
  CHECK(warnings[1].where == "byte 25");
  CHECK(warnings[0].message.find("U+FFFD") != std::string::npos);
  CHECK(text.value().str().find("\xEF\xBF\xBD") == 10);
  CHECK(text.value().sentences().size() == 2);
}

TEST_CASE("Text: many bad bytes are listed up to a limit", "[text]") {
  Diagnostics warnings;
  auto text = Text::FromBytes(std::string(100, '\xFE'), "x", &warnings);
  REQUIRE(text.ok());
  REQUIRE(warnings.size() == 21);
  CHECK(warnings.back().message.find("80 more") != std::string::npos);
}

TEST_CASE("Text: overlong and surrogate encodings are invalid", "[text]") {
  std::vector<std::size_t> bad;
  RepairUtf8(
      "a\xC0\xAF"
      "b\xED\xA0\x80"
      "c",
      &bad);
  CHECK(bad.size() >= 2);
  bad.clear();
  CHECK(RepairUtf8("ok \xE2\x80\x93 fine", &bad) == "ok \xE2\x80\x93 fine");
  CHECK(bad.empty());
}

TEST_CASE("Text: a NUL byte means binary data", "[text]") {
  auto text =
      Text::FromBytes(std::string("PK\x03\x04\0\0", 6), "a.zip", nullptr);
  REQUIRE_FALSE(text.ok());
  CHECK(text.status().code() == Status::Code::kInvalidArgument);
  CHECK(text.status().message().find("a.zip: byte 4") != std::string::npos);
}

TEST_CASE("Text: BOM, CR LF and NFC", "[text]") {
  auto text = Text::FromBytes(
      "\xEF\xBB\xBFTitle\r\n\r\nCafe\xCC\x81 helps.\rOk.", "t", nullptr);
  REQUIRE(text.ok());
  CHECK(text.value().str() == "Title\n\nCaf\xC3\xA9 helps.\nOk.");
  REQUIRE(text.value().sentences().size() == 3);
  CHECK(text.value().SentenceText(1) == "Caf\xC3\xA9 helps.");
}

TEST_CASE("Text: empty input is an empty text", "[text]") {
  auto text = Text::FromBytes("", "empty.txt", nullptr);
  REQUIRE(text.ok());
  CHECK(text.value().str().empty());
  CHECK(text.value().sentences().empty());
}

TEST_CASE("Text: SentenceAt maps offsets to sentences", "[text]") {
  auto text = Text::FromBytes("One. Two.\n\nThree.", "t", nullptr);
  REQUIRE(text.ok());
  const Text& t = text.value();
  CHECK(t.SentenceAt(0) == 0);
  CHECK(t.SentenceAt(5) == 1);
  CHECK(t.SentenceAt(4) == t.sentences().size());  // the space between
  CHECK(t.SentenceAt(11) == 2);
  CHECK(t.SentenceAt(1000) == t.sentences().size());
}

TEST_CASE("Text: a 10 MB single line is read", "[text]") {
  std::string line;
  line.reserve(10 << 20);
  while (line.size() < (10u << 20)) line += "magnesium helps sleep, maybe ";
  auto text = Text::FromBytes(line, "long.txt", nullptr);
  REQUIRE(text.ok());
  CHECK_FALSE(text.value().sentences().empty());
}

}  // namespace claimcheck
