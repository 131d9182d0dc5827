// Helpers for the article importer tests: import bytes or a shared file
// through the public ImportBytes, read the parts back, extract claims with
// the importer's sentence context.
#ifndef CLAIMCHECK_TESTS_IMPORTERS_ARTICLE_TEST_UTIL_H_
#define CLAIMCHECK_TESTS_IMPORTERS_ARTICLE_TEST_UTIL_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/importer.h"
#include "claims/claims_test_util.h"
#include "test_util.h"

namespace claimcheck::testing {

struct ArticleImport {
  Status status;
  std::vector<ImportedDocument> docs;
  Diagnostics problems;
};

inline ArticleImport ImportArticle(std::string_view bytes,
                                   const std::string& name) {
  ArticleImport out;
  out.status = ImportBytes(
      bytes, name, ImportOptions(),
      [&](ImportedDocument&& d) {
        out.docs.push_back(std::move(d));
        return Status::OK();
      },
      &out.problems);
  return out;
}

// The one document of `bytes`; fails the test otherwise.
inline ImportedDocument ImportOneArticle(std::string_view bytes,
                                         const std::string& name) {
  ArticleImport r = ImportArticle(bytes, name);
  INFO(name << ": " << r.status.message());
  REQUIRE(r.status.ok());
  REQUIRE(r.docs.size() == 1);
  return std::move(r.docs[0]);
}

inline ImportedDocument ImportArticleFile(const std::string& path) {
  return ImportOneArticle(Slurp(path), path);
}

inline std::string ArticlePath(const std::string& file) {
  return SharedDir() + "/corpus/articles/" + file;
}

// The parts of one kind (body or boilerplate) joined by blank lines.
inline std::string PartsText(const ImportedDocument& d, bool boilerplate) {
  std::string out;
  for (const DocumentPart& p : d.parts) {
    if (p.boilerplate != boilerplate) continue;
    if (!out.empty()) out += "\n\n";
    out += p.text;
  }
  return out;
}

inline std::string AllText(const ImportedDocument& d) {
  std::string out;
  for (const DocumentPart& p : d.parts) out += p.text + "\n\n";
  return out;
}

// Distinct PMIDs the document cites.
inline std::set<std::string> CitedPmids(const Document& d) {
  std::set<std::string> out;
  for (const Citation& c : d.citations) {
    if (!c.pmid.empty()) out.insert(c.pmid);
  }
  return out;
}

inline DocumentText TextOf(const ImportedDocument& d) {
  Result<DocumentText> t = BuildDocumentText(d, nullptr);
  INFO(t.status().message());
  REQUIRE(t.ok());
  return std::move(t).value();
}

// The claims of an imported document, read with its sentence context.
struct ArticleClaims {
  DocumentText doc;
  std::vector<Claim> claims;

  std::string Sentence(const Claim& c) const {
    return std::string(doc.text.SentenceText(c.sentence));
  }
  bool Boilerplate(std::size_t sentence) const {
    return sentence < doc.context.size() && doc.context[sentence].boilerplate;
  }
};

inline ArticleClaims ExtractArticle(const ImportedDocument& d) {
  ArticleClaims out{TextOf(d), {}};
  out.claims = RealExtractor().Extract(
      out.doc.text, RealExtractor().matcher().Match(out.doc.text),
      out.doc.context);
  return out;
}

// The index of the sentence whose text contains `needle`, or
// sentences().size().
inline std::size_t SentenceWith(const Text& text, std::string_view needle) {
  for (std::size_t i = 0; i < text.sentences().size(); ++i) {
    if (text.SentenceText(i).find(needle) != std::string_view::npos) return i;
  }
  return text.sentences().size();
}

}  // namespace claimcheck::testing

#endif  // CLAIMCHECK_TESTS_IMPORTERS_ARTICLE_TEST_UTIL_H_
