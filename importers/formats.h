// The per-format readers behind ImportFile (include/claimcheck/importer.h).
// Internal to importers/.
#ifndef CLAIMCHECK_IMPORTERS_FORMATS_H_
#define CLAIMCHECK_IMPORTERS_FORMATS_H_

#include <string>
#include <string_view>

#include "claimcheck/importer.h"

namespace claimcheck::importers {

// An article (kText, kMarkdown or kHtml) already in memory: one document.
// `name` is the file name as the user gave it. Defined in article.cc.
Status ImportArticleBytes(InputFormat format, std::string_view bytes,
                          const std::string& name, const DocumentSink& sink,
                          Diagnostics* problems);

class BufferedInput;

// PubMed XML (a PubmedArticleSet, or bare records) read record by record
// from `in`. Defined in pubmed_xml.cc.
Status ImportPubmedXml(BufferedInput* in, const ImportOptions& options,
                       const DocumentSink& sink, Diagnostics* problems);

// MEDLINE text / .nbib read record by record from `in`. Defined in
// medline.cc.
Status ImportMedline(BufferedInput* in, const ImportOptions& options,
                     const DocumentSink& sink, Diagnostics* problems);

}  // namespace claimcheck::importers

#endif  // CLAIMCHECK_IMPORTERS_FORMATS_H_
