// The fields of one PubMed XML record. Element names are the DTD's
// (pubmed_120101 to pubmed_250101 read alike: newer ones only add
// elements). Covered by tests/importers/pubmed_xml_test.cc.
#include "pubmed_record.h"

#include <cctype>
#include <cstring>

#include "record_common.h"
#include "xml_text.h"

namespace claimcheck::importers {

namespace {

std::string Text(const pugi::xml_node& node) {
  return CollapseSpace(node.child_value());
}

std::string Digits(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c))) out += c;
  }
  return out;
}

// <PubDate>: Year/Month/Day, or Year and a Season (no month then), or a
// MedlineDate ("1998 Dec-1999 Jan").
std::string DateOf(const pugi::xml_node& date) {
  if (!date) return {};
  if (pugi::xml_node medline = date.child("MedlineDate")) {
    return FreeFormDate(medline.child_value());
  }
  return DateFromParts(Text(date.child("Year")), Text(date.child("Month")),
                       Text(date.child("Day")));
}

// "Bao Y" as MEDLINE's AU field writes it; a collective name as it is.
std::string AuthorName(const pugi::xml_node& author) {
  if (pugi::xml_node collective = author.child("CollectiveName")) {
    return InlineText(collective);
  }
  std::string name = Text(author.child("LastName"));
  std::string initials = Text(author.child("Initials"));
  if (initials.empty()) {
    // Older records may lack Initials: take them from the fore name.
    const std::string fore = Text(author.child("ForeName"));
    bool start = true;
    for (char c : fore) {
      if (start && std::isalpha(static_cast<unsigned char>(c))) initials += c;
      start = c == ' ' || c == '-';
    }
  }
  if (name.empty()) return initials;
  if (!initials.empty()) name += " " + initials;
  return name;
}

void ReadAuthors(const pugi::xml_node& list, std::vector<std::string>* out) {
  for (pugi::xml_node a : list.children("Author")) {
    std::string name = AuthorName(a);
    if (!name.empty()) out->push_back(std::move(name));
  }
}

// A book has an authors list and an editors list; the authors are the
// document's, the editors only when there are no authors.
void ReadBookAuthors(const pugi::xml_node& node,
                     std::vector<std::string>* out) {
  pugi::xml_node editors;
  for (pugi::xml_node list : node.children("AuthorList")) {
    if (std::strcmp(list.attribute("Type").value(), "editors") == 0) {
      editors = list;
    } else {
      ReadAuthors(list, out);
    }
  }
  if (out->empty() && editors) ReadAuthors(editors, out);
}

void ReadAbstract(const pugi::xml_node& abstract,
                  std::vector<DocumentPart>* parts) {
  for (pugi::xml_node t : abstract.children("AbstractText")) {
    DocumentPart part;
    part.label = CollapseSpace(t.attribute("Label").value());
    part.category = CollapseSpace(t.attribute("NlmCategory").value());
    if (part.category.empty() && !part.label.empty()) {
      part.category = SectionCategory(part.label);
    }
    part.text = InlineText(t);
    if (!part.text.empty()) parts->push_back(std::move(part));
  }
}

void ReadIds(const pugi::xml_node& ids, Document* d) {
  for (pugi::xml_node id : ids.children("ArticleId")) {
    const std::string type = id.attribute("IdType").value();
    if (type == "doi" && d->doi.empty()) {
      d->doi = NormaliseDoi(id.child_value());
    } else if (type == "pmc" && d->pmcid.empty()) {
      d->pmcid = CollapseSpace(id.child_value());
    }
  }
}

void ReadMesh(const pugi::xml_node& list, std::vector<MeshHeading>* out) {
  for (pugi::xml_node h : list.children("MeshHeading")) {
    MeshHeading heading;
    pugi::xml_node descriptor = h.child("DescriptorName");
    heading.descriptor = Text(descriptor);
    heading.major =
        std::strcmp(descriptor.attribute("MajorTopicYN").value(), "Y") == 0;
    for (pugi::xml_node q : h.children("QualifierName")) {
      heading.qualifiers.push_back(Text(q));
      heading.major |=
          std::strcmp(q.attribute("MajorTopicYN").value(), "Y") == 0;
    }
    if (!heading.descriptor.empty()) out->push_back(std::move(heading));
  }
}

void ReadLinks(const pugi::xml_node& list, std::vector<RecordLink>* out) {
  for (pugi::xml_node c : list.children("CommentsCorrections")) {
    RecordLink link;
    link.type = c.attribute("RefType").value();
    link.source = Text(c.child("RefSource"));
    link.pmid = Digits(c.child_value("PMID"));
    out->push_back(std::move(link));
  }
}

void ReadStrings(const pugi::xml_node& list, const char* item,
                 std::vector<std::string>* out) {
  for (pugi::xml_node n : list.children(item)) {
    std::string text = InlineText(n);
    if (!text.empty()) out->push_back(std::move(text));
  }
}

// The parts of a journal article or a book: the title first, then the
// abstract's sections.
void SetTitle(std::string title, ImportedDocument* out) {
  if (title.empty()) title = out->record.vernacular_title;
  out->document.title = CleanTitle(std::move(title));
  if (out->document.title.empty()) return;
  DocumentPart part;
  part.text = out->document.title;
  part.title = true;
  out->parts.insert(out->parts.begin(), std::move(part));
}

void ReadLanguages(const pugi::xml_node& node, ImportedDocument* out) {
  ReadStrings(node, "Language", &out->record.languages);
  if (!out->record.languages.empty()) {
    out->document.language = out->record.languages.front();
  }
}

// The publication date: the PubDate, else the electronic
// ArticleDate (records ahead of print).
std::string ArticleDate(const pugi::xml_node& article) {
  std::string date =
      DateOf(article.child("Journal").child("JournalIssue").child("PubDate"));
  if (date.empty()) date = DateOf(article.child("ArticleDate"));
  return date;
}

bool ReadArticle(const pugi::xml_node& record, ImportedDocument* out) {
  pugi::xml_node citation = record.child("MedlineCitation");
  Document& d = out->document;
  d.pmid = Digits(citation.child_value("PMID"));
  d.revised = DateOf(citation.child("DateRevised"));
  pugi::xml_node article = citation.child("Article");
  d.journal = Text(article.child("Journal").child("Title"));
  d.date = ArticleDate(article);
  ReadAuthors(article.child("AuthorList"), &d.authors);
  ReadLanguages(article, out);
  ReadStrings(article.child("PublicationTypeList"), "PublicationType",
              &d.publication_types);
  for (pugi::xml_node e : article.children("ELocationID")) {
    if (std::strcmp(e.attribute("EIdType").value(), "doi") == 0) {
      d.doi = NormaliseDoi(e.child_value());
      break;
    }
  }
  ReadIds(record.child("PubmedData").child("ArticleIdList"), &d);
  ReadAbstract(article.child("Abstract"), &out->parts);
  out->record.vernacular_title = InlineText(article.child("VernacularTitle"));
  SetTitle(InlineText(article.child("ArticleTitle")), out);
  ReadMesh(citation.child("MeshHeadingList"), &out->record.mesh);
  auto add_substance = [&](const pugi::xml_node& n, std::string type) {
    std::string ui = n.attribute("UI").value();
    std::string name = Text(n);
    if (ui.size() < 2 || ui[0] != 'C' || name.empty()) return;
    for (const RecordSubstance& s : out->record.substances) {
      if (s.ui == ui) return;
    }
    out->record.substances.push_back(
        {std::move(ui), std::move(name), std::move(type)});
  };
  for (pugi::xml_node c : citation.child("ChemicalList").children("Chemical")) {
    std::string name = Text(c.child("NameOfSubstance"));
    if (!name.empty()) out->record.chemicals.push_back(std::move(name));
    add_substance(c.child("NameOfSubstance"), "Chemical");
  }
  for (pugi::xml_node s :
       citation.child("SupplMeshList").children("SupplMeshName")) {
    std::string type = s.attribute("Type").value();
    add_substance(s, type.empty() ? "Chemical" : type);
  }
  for (pugi::xml_node list : citation.children("KeywordList")) {
    ReadStrings(list, "Keyword", &out->record.keywords);
  }
  ReadLinks(citation.child("CommentsCorrectionsList"), &out->record.links);
  return !d.pmid.empty();
}

bool ReadBook(const pugi::xml_node& record, ImportedDocument* out) {
  pugi::xml_node book_document = record.child("BookDocument");
  pugi::xml_node book = book_document.child("Book");
  Document& d = out->document;
  out->record.book = true;
  d.pmid = Digits(book_document.child_value("PMID"));
  d.revised = DateOf(book_document.child("DateRevised"));
  d.journal = InlineText(book.child("BookTitle"));
  d.date = DateOf(book.child("PubDate"));
  ReadBookAuthors(book_document, &d.authors);
  if (d.authors.empty()) ReadBookAuthors(book, &d.authors);
  ReadLanguages(book_document, out);
  ReadStrings(book_document.child("PublicationTypeList"), "PublicationType",
              &d.publication_types);
  ReadIds(book_document.child("ArticleIdList"), &d);
  ReadIds(record.child("PubmedBookData").child("ArticleIdList"), &d);
  ReadAbstract(book_document.child("Abstract"), &out->parts);
  for (pugi::xml_node list : book_document.children("KeywordList")) {
    ReadStrings(list, "Keyword", &out->record.keywords);
  }
  // A chapter has its own ArticleTitle; a whole book only its BookTitle.
  std::string title = InlineText(book_document.child("ArticleTitle"));
  if (title.empty()) title = d.journal;
  SetTitle(std::move(title), out);
  return !d.pmid.empty();
}

}  // namespace

bool ReadPubmedRecord(const pugi::xml_node& record, ImportedDocument* out) {
  if (std::strcmp(record.name(), "PubmedBookArticle") == 0) {
    return ReadBook(record, out);
  }
  return ReadArticle(record, out);
}

}  // namespace claimcheck::importers
