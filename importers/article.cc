// Articles: plain text, Markdown and HTML. (Placeholder until the article
// importer lands: refuses every article format.)
#include "formats.h"

namespace claimcheck::importers {

Status ImportArticleBytes(InputFormat format, std::string_view /*bytes*/,
                          const std::string& name,
                          const DocumentSink& /*sink*/,
                          Diagnostics* /*problems*/) {
  return Status::NotSupported(name + ": " + InputFormatName(format) +
                              " articles cannot be imported yet");
}

}  // namespace claimcheck::importers
