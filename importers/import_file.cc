// ImportFile and ImportBytes: open, gunzip when the bytes say gzip, detect
// the format from the first 64 KB, and hand the stream to its reader.
// Bibliographic formats stream record by record; articles are read whole.
// Covered by tests/importers/pubmed_xml_test.cc and medline_test.cc.
#include <memory>
#include <string>
#include <utility>

#include "claimcheck/importer.h"
#include "formats.h"
#include "input_stream.h"

namespace claimcheck {

namespace {

constexpr std::size_t kDetectBytes = 65536;

Status Dispatch(std::unique_ptr<importers::InputStream> stream,
                const std::string& name, const ImportOptions& options,
                const DocumentSink& sink, Diagnostics* problems) {
  importers::BufferedInput in(std::move(stream));
  in.FillTo(kDetectBytes);
  if (!in.status().ok() && in.view().empty()) return in.status();
  if (in.view().empty()) {
    return Status::InvalidArgument(name + ": " +
                                   UnknownFormatReason(name, in.view()));
  }
  const InputFormat format =
      DetectFormat(name, in.view().substr(0, kDetectBytes));
  switch (format) {
    case InputFormat::kPubmedXml:
      return importers::ImportPubmedXml(&in, options, sink, problems);
    case InputFormat::kMedline:
      return importers::ImportMedline(&in, options, sink, problems);
    case InputFormat::kText:
    case InputFormat::kMarkdown:
    case InputFormat::kHtml:
      // Nothing is consumed, so the window grows to hold the whole file.
      while (in.More()) {
      }
      if (!in.status().ok()) return in.status();
      return importers::ImportArticleBytes(format, in.view(), name, sink,
                                           problems);
    case InputFormat::kUnknown:
      break;
  }
  return Status::InvalidArgument(
      name + ": " +
      UnknownFormatReason(name, in.view().substr(0, kDetectBytes)));
}

}  // namespace

Status ImportBytes(std::string_view bytes, const std::string& name,
                   const ImportOptions& options, const DocumentSink& sink,
                   Diagnostics* problems) {
  return Dispatch(importers::InputStream::FromMemory(
                      bytes, name, options.max_expanded_bytes),
                  name, options, sink, problems);
}

Status ImportFile(const std::string& path, const ImportOptions& options,
                  const DocumentSink& sink, Diagnostics* problems) {
  Result<std::unique_ptr<importers::InputStream>> stream =
      importers::InputStream::OpenFile(path, options.max_expanded_bytes);
  if (!stream.ok()) return stream.status();
  return Dispatch(std::move(stream).value(), path, options, sink, problems);
}

}  // namespace claimcheck
