// Articles: plain text, Markdown and HTML, one document per input. The
// bytes are checked and repaired here once (so every reader gets valid
// UTF-8 and diagnostics name offsets into the file as given), then handed
// to the reader of their format. Covered by tests/importers/*_test.cc.
#include <vector>

#include "article_common.h"
#include "formats.h"

namespace claimcheck::importers {

namespace {

// As many repairs as Text::FromBytes lists before it counts the rest.
constexpr std::size_t kMaxListedBadBytes = 20;

void ReportRepairs(const std::string& name, const std::vector<std::size_t>& bad,
                   Diagnostics* problems) {
  if (problems == nullptr) return;
  for (std::size_t k = 0; k < bad.size() && k < kMaxListedBadBytes; ++k) {
    problems->push_back({name, "byte " + std::to_string(bad[k]),
                         "invalid UTF-8 replaced with U+FFFD"});
  }
  if (bad.size() > kMaxListedBadBytes) {
    problems->push_back(
        {name, "",
         std::to_string(bad.size() - kMaxListedBadBytes) +
             " more invalid UTF-8 sequences replaced with U+FFFD"});
  }
}

}  // namespace

Status ImportArticleBytes(InputFormat format, std::string_view bytes,
                          const std::string& name, const DocumentSink& sink,
                          Diagnostics* problems) {
  const std::size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) {
    return Status::InvalidArgument(
        name + ": byte " + std::to_string(nul) +
        ": binary data (a NUL byte); not a text document");
  }
  std::vector<std::size_t> bad;
  const std::string repaired = RepairUtf8(bytes, &bad);
  ReportRepairs(name, bad, problems);

  Result<ImportedDocument> read = Status::NotSupported(
      name + ": " + InputFormatName(format) + " is not an article format");
  switch (format) {
    case InputFormat::kText:
      read = ReadTextArticle(repaired, name, problems);
      break;
    case InputFormat::kMarkdown:
      read = ReadMarkdownArticle(repaired, name, problems);
      break;
    case InputFormat::kHtml:
      read = ReadHtmlArticle(repaired, name, problems);
      break;
    case InputFormat::kPubmedXml:
    case InputFormat::kMedline:
    case InputFormat::kUnknown:
      break;
  }
  if (!read.ok()) return read.status();
  ImportedDocument imported = std::move(read).value();
  if (Status s = FinishArticle(bytes, name, &imported); !s.ok()) return s;
  return sink(std::move(imported));
}

}  // namespace claimcheck::importers
