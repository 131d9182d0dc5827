// Helpers for the importer tests: import a corpus file or bytes into a
// vector, find a record by PMID, gzip bytes in memory.
#ifndef CLAIMCHECK_TESTS_IMPORTERS_IMPORT_TEST_UTIL_H_
#define CLAIMCHECK_TESTS_IMPORTERS_IMPORT_TEST_UTIL_H_

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/importer.h"
#include "test_util.h"

namespace claimcheck::testing {

struct Imported {
  Status status;
  std::vector<ImportedDocument> docs;
  Diagnostics problems;
};

inline std::string CorpusPath(const std::string& relative) {
  return SharedDir() + "/corpus/" + relative;
}

// The PubMed XML files of the shared corpus, sorted by name.
inline std::vector<std::string> CorpusXmlFiles() {
  std::vector<std::string> files;
  for (const auto& e :
       std::filesystem::directory_iterator(CorpusPath("pubmed"))) {
    if (e.path().extension() == ".xml") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

inline Imported ImportPath(const std::string& path,
                           const ImportOptions& options = {}) {
  Imported out;
  out.status = ImportFile(
      path, options,
      [&](ImportedDocument&& d) {
        out.docs.push_back(std::move(d));
        return Status::OK();
      },
      &out.problems);
  return out;
}

inline Imported ImportText(std::string_view bytes, const std::string& name,
                           const ImportOptions& options = {}) {
  Imported out;
  out.status = ImportBytes(
      bytes, name, options,
      [&](ImportedDocument&& d) {
        out.docs.push_back(std::move(d));
        return Status::OK();
      },
      &out.problems);
  return out;
}

// The one document with `pmid`; fails the test when there is not exactly
// one.
inline const ImportedDocument& ByPmid(const std::vector<ImportedDocument>& docs,
                                      const std::string& pmid) {
  const ImportedDocument* found = nullptr;
  int count = 0;
  for (const ImportedDocument& d : docs) {
    if (d.document.pmid == pmid) {
      found = &d;
      ++count;
    }
  }
  INFO("PMID " << pmid);
  REQUIRE(count == 1);
  return *found;
}

// The text of the first part labelled `label` ("" for the first part that
// is not the title).
inline std::string PartText(const ImportedDocument& d,
                            const std::string& label) {
  for (const DocumentPart& p : d.parts) {
    if (!p.title && p.label == label) return p.text;
  }
  FAIL("no part labelled '" << label << "' in " << d.origin);
  return {};
}

// A fresh directory unique to this process, removed with everything in it
// when the object goes: the test binaries of several build trees may run at
// once on one machine, and TempDir alone names a directory by `name` only.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name)
      : path_(TempDir(name + "_" + std::to_string(::getpid()))) {}
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// `data` as one gzip member.
inline std::string Gzip(std::string_view data) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
                       Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace claimcheck::testing

#endif  // CLAIMCHECK_TESTS_IMPORTERS_IMPORT_TEST_UTIL_H_
