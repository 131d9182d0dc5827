// ImportFile and ImportBytes: read, detect, dispatch. (Placeholder until the
// PubMed importer lands: articles only, read whole.)
#include <fstream>
#include <iterator>

#include "claimcheck/importer.h"
#include "formats.h"

namespace claimcheck {

Status ImportBytes(std::string_view bytes, const std::string& name,
                   const ImportOptions& /*options*/, const DocumentSink& sink,
                   Diagnostics* problems) {
  const InputFormat format = DetectFormat(name, bytes.substr(0, 65536));
  switch (format) {
    case InputFormat::kText:
    case InputFormat::kMarkdown:
    case InputFormat::kHtml:
      return importers::ImportArticleBytes(format, bytes, name, sink,
                                           problems);
    case InputFormat::kPubmedXml:
    case InputFormat::kMedline:
      return Status::NotSupported(name + ": " + InputFormatName(format) +
                                  " cannot be imported yet");
    case InputFormat::kUnknown:
      break;
  }
  return Status::InvalidArgument(name + ": not a format claimcheck reads");
}

Status ImportFile(const std::string& path, const ImportOptions& options,
                  const DocumentSink& sink, Diagnostics* problems) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::string bytes((std::istreambuf_iterator<char>(in)),
                    std::istreambuf_iterator<char>());
  return ImportBytes(bytes, path, options, sink, problems);
}

}  // namespace claimcheck
