// Shared by the libFuzzer targets of tests/fuzz: the input as bytes, a
// check that aborts (so libFuzzer saves the input) when a documented
// invariant of the output does not hold, imports that check what they
// produce, and the source tree's real kb/ vocabulary loaded once.
#ifndef CLAIMCHECK_TESTS_FUZZ_FUZZ_UTIL_H_
#define CLAIMCHECK_TESTS_FUZZ_FUZZ_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "claimcheck/claims.h"
#include "claimcheck/concepts.h"
#include "claimcheck/importer.h"
#include "claimcheck/knowledge_base.h"
#include "claimcheck/text.h"
#include "formats.h"  // importers/: ImportArticleBytes

#ifndef CLAIMCHECK_FUZZ_KB_DIR
#error "CLAIMCHECK_FUZZ_KB_DIR must name the source tree's kb/"
#endif

// Aborts naming the broken invariant; libFuzzer then prints the stack and
// writes the input to its crash-<sha1> file.
#define FUZZ_CHECK(condition)                                          \
  do {                                                                 \
    if (!(condition)) {                                                \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, \
                   __LINE__, #condition);                              \
      std::abort();                                                    \
    }                                                                  \
  } while (false)

namespace claimcheck::fuzz {

inline std::string_view Bytes(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// True when `s` is well-formed UTF-8 (no overlong forms, no surrogates).
inline bool IsUtf8(std::string_view s) {
  static constexpr unsigned kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  std::size_t i = 0;
  while (i < s.size()) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t n = lead < 0x80                    ? 1
                          : lead >= 0xC2 && lead <= 0xDF ? 2
                          : lead >= 0xE0 && lead <= 0xEF ? 3
                          : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                         : 0;
    if (n == 0 || n > s.size() - i) return false;
    unsigned cp = n == 1 ? lead : lead & (0x7Fu >> n);
    for (std::size_t k = 1; k < n; ++k) {
      const auto next = static_cast<unsigned char>(s[i + k]);
      if ((next & 0xC0u) != 0x80u) return false;
      cp = (cp << 6) | (next & 0x3Fu);
    }
    if (cp < kMinimum[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += n;
  }
  return true;
}

// Writes `bytes` to `path`, whole (a fuzz input as a file for the loaders
// that read directories).
inline void WriteBytes(const std::filesystem::path& path,
                       std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  FUZZ_CHECK(out.good());
}

// A scratch directory $TMPDIR/PREFIX-XXXXXX holding `subdirs`, made at the
// first call and removed at exit (one per target process).
inline const std::filesystem::path& ScratchDir(
    const char* prefix, std::initializer_list<const char*> subdirs) {
  static const std::filesystem::path* dir = [&] {
    std::string pattern = (std::filesystem::temp_directory_path() /
                           (std::string(prefix) + "-XXXXXX"))
                              .string();
    FUZZ_CHECK(mkdtemp(pattern.data()) != nullptr);
    auto* path = new std::filesystem::path(pattern);
    for (const char* sub : subdirs) {
      std::filesystem::create_directory(*path / sub);
    }
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(*dir, ec);
    });
    return path;
  }();
  return *dir;
}

// What Text promises: valid UTF-8, sentences in order inside the text.
inline void CheckText(const Text& text) {
  const std::string& s = text.str();
  FUZZ_CHECK(IsUtf8(s));
  std::size_t previous_end = 0;
  for (const Sentence& sentence : text.sentences()) {
    FUZZ_CHECK(sentence.start <= sentence.end);
    FUZZ_CHECK(sentence.end <= s.size());
    FUZZ_CHECK(sentence.start >= previous_end);
    previous_end = sentence.end;
  }
}

// What importer.h promises about a document and its DocumentText.
inline void CheckImported(const ImportedDocument& doc) {
  for (const DocumentPart& part : doc.parts) {
    for (const Citation& c : part.citations) {
      FUZZ_CHECK(c.start <= c.end);
      FUZZ_CHECK(c.end <= part.text.size());
    }
  }
  for (const DocumentLink& link : doc.article.links) {
    if (link.part == DocumentLink::kNoPart) continue;
    FUZZ_CHECK(link.part < doc.parts.size());
    FUZZ_CHECK(link.start <= link.end);
    FUZZ_CHECK(link.end <= doc.parts[link.part].text.size());
  }
}

inline void CheckDocumentText(const ImportedDocument& doc,
                              const DocumentText& dt) {
  CheckText(dt.text);
  const std::string& s = dt.text.str();
  const std::size_t sentences = dt.text.sentences().size();
  FUZZ_CHECK(dt.part_ranges.size() == doc.parts.size());
  for (const auto& [start, end] : dt.part_ranges) {
    FUZZ_CHECK(start <= end);
    FUZZ_CHECK(end <= s.size());
  }
  FUZZ_CHECK(dt.context.empty() || dt.context.size() == sentences);
  FUZZ_CHECK(dt.citation_sentences.size() == dt.citations.size());
  for (std::size_t i = 0; i < dt.citations.size(); ++i) {
    FUZZ_CHECK(dt.citations[i].start <= dt.citations[i].end);
    FUZZ_CHECK(dt.citations[i].end <= s.size());
    FUZZ_CHECK(dt.citation_sentences[i] == DocumentText::kNoSentence ||
               dt.citation_sentences[i] < sentences);
  }
}

// Fuzzing-sized limits: a small gzip input may not expand to gigabytes.
inline ImportOptions FuzzImportOptions() {
  ImportOptions options;
  options.max_expanded_bytes = std::uint64_t{16} << 20;
  options.max_record_bytes = std::size_t{4} << 20;
  return options;
}

// A sink that checks each document and builds its text as the claim
// extractor reads it, checking that too.
inline DocumentSink CheckingSink() {
  return [](ImportedDocument&& doc) {
    CheckImported(doc);
    Diagnostics warnings;
    Result<DocumentText> text = BuildDocumentText(doc, &warnings);
    if (text.ok()) CheckDocumentText(doc, text.value());
    return Status::OK();
  };
}

// Imports `bytes` as a file called `name`, the whole way the command line
// does: gunzip by magic bytes, format detection (content first, then the
// name's extension), the record reader.
inline void Import(std::string_view bytes, const std::string& name) {
  Diagnostics problems;
  ImportBytes(bytes, name, FuzzImportOptions(), CheckingSink(), &problems);
}

// Reads `bytes` as an article of `format` (text, Markdown, HTML) whatever
// they look like, skipping ImportBytes' detection and its 1 MB read window
// (which costs a fuzz unit far more than a small article does).
inline void ImportArticle(InputFormat format, std::string_view bytes) {
  Diagnostics problems;
  importers::ImportArticleBytes(format, bytes, "fuzz", CheckingSink(),
                                &problems);
}

// The source tree's kb/ as the CLI loads it (KnowledgeBase, no snapshot),
// on first use. Aborts when it does not load: the targets that need it
// would test nothing.
inline const KnowledgeBase& RealKnowledgeBase() {
  static const KnowledgeBase* kb = [] {
    Diagnostics problems;
    Result<std::unique_ptr<KnowledgeBase>> loaded = KnowledgeBase::Load(
        CLAIMCHECK_FUZZ_KB_DIR, KnowledgeBase::Options(), &problems);
    if (!loaded.ok()) {
      std::fprintf(stderr, "fuzz: cannot load %s: %s\n", CLAIMCHECK_FUZZ_KB_DIR,
                   loaded.status().message().c_str());
      std::abort();
    }
    return std::move(loaded).value().release();
  }();
  return *kb;
}

inline const Vocabulary& RealVocabulary() {
  return RealKnowledgeBase().vocabulary();
}

// What the extractor promises about its mentions and claims.
inline void CheckClaims(const Text& text, const std::vector<Mention>& mentions,
                        const std::vector<Claim>& claims) {
  const std::size_t size = text.str().size();
  const std::size_t sentences = text.sentences().size();
  for (const Mention& m : mentions) {
    FUZZ_CHECK(m.target != nullptr);
    FUZZ_CHECK(m.start <= m.end && m.end <= size);
    FUZZ_CHECK(m.sentence < sentences);
  }
  for (const Claim& c : claims) {
    FUZZ_CHECK(c.subject != nullptr);
    FUZZ_CHECK(c.sentence < sentences);
    FUZZ_CHECK(c.trigger_start <= c.trigger_end && c.trigger_end <= size);
    if (c.quantity) {
      FUZZ_CHECK(c.quantity->start <= c.quantity->end &&
                 c.quantity->end <= size);
    }
  }
}

}  // namespace claimcheck::fuzz

#endif  // CLAIMCHECK_TESTS_FUZZ_FUZZ_UTIL_H_
