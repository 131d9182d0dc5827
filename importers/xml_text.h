// The text of a PubMed XML element with inline markup (<i>, <b>, <u>,
// <sup>, <sub>, MathML) joined as a reader sees it: "the<i>TERT</i>gene"
// is "the TERT gene", "CO<sub>2</sub>" is "CO2", pretty-printing white
// space is one space or none. Internal to importers/. Covered by
// tests/importers/pubmed_xml_test.cc.
#ifndef CLAIMCHECK_IMPORTERS_XML_TEXT_H_
#define CLAIMCHECK_IMPORTERS_XML_TEXT_H_

#include <pugixml.hpp>
#include <string>

namespace claimcheck::importers {

// The text of `node` and everything inside it, white space collapsed and
// trimmed. Elements nested deeper than 64 levels are left out (no real
// record comes close; a hostile one must not exhaust the stack).
std::string InlineText(const pugi::xml_node& node);

}  // namespace claimcheck::importers

#endif  // CLAIMCHECK_IMPORTERS_XML_TEXT_H_
