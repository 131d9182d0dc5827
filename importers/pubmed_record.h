// One PubMed XML record (a <PubmedArticle> or <PubmedBookArticle> element,
// every DTD from 2012 to 2025) read into an ImportedDocument. Internal to
// importers/. Covered by tests/importers/pubmed_xml_test.cc.
#ifndef CLAIMCHECK_IMPORTERS_PUBMED_RECORD_H_
#define CLAIMCHECK_IMPORTERS_PUBMED_RECORD_H_

#include <pugixml.hpp>
#include <string>

#include "claimcheck/importer.h"

namespace claimcheck::importers {

// Fills `out` (document, parts, record metadata; not the id, origin or
// design, which FinishRecord sets) from `record`. False, with `out`
// partly filled, when the record has no PMID.
bool ReadPubmedRecord(const pugi::xml_node& record, ImportedDocument* out);

}  // namespace claimcheck::importers

#endif  // CLAIMCHECK_IMPORTERS_PUBMED_RECORD_H_
