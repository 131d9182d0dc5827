// PubMed XML, streamed: the file is scanned for record boundaries
// (<PubmedArticle>…</PubmedArticle>, <PubmedBookArticle>…) in a sliding
// window, and each record alone is parsed with pugixml, so memory is one
// record plus one read chunk whatever the file's size. A damaged record is
// reported (byte, line, PMID) and the scan resumes at the next record.
// Covered by tests/importers/pubmed_xml_test.cc.
#include <algorithm>
#include <cctype>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "formats.h"
#include "input_stream.h"
#include "pubmed_record.h"
#include "record_common.h"

namespace claimcheck::importers {

namespace {

constexpr std::string_view kArticle = "PubmedArticle";
constexpr std::string_view kBook = "PubmedBookArticle";

bool IsNameEnd(char c) {
  return c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
         c == '/';
}

// True when `view` at `pos` is the start tag `<name` followed by the end of
// the name.
bool StartTagAt(std::string_view view, std::size_t pos, std::string_view name) {
  return view.size() > pos + 1 + name.size() &&
         view.compare(pos + 1, name.size(), name) == 0 &&
         IsNameEnd(view[pos + 1 + name.size()]);
}

// The next record start tag in view[from, to), or npos.
std::size_t FindRecordStart(std::string_view view, std::size_t from,
                            std::size_t to) {
  for (std::size_t at = view.find("<Pubmed", from); at < to;
       at = view.find("<Pubmed", at + 1)) {
    if (StartTagAt(view, at, kArticle) || StartTagAt(view, at, kBook)) {
      return at;
    }
  }
  return std::string_view::npos;
}

// The PMID a damaged record names in its first <PMID> element, if any.
std::string PmidIn(std::string_view record) {
  const std::size_t tag = record.find("<PMID");
  if (tag == std::string_view::npos) return {};
  const std::size_t close = record.find('>', tag);
  if (close == std::string_view::npos) return {};
  std::string pmid;
  for (std::size_t i = close + 1;
       i < record.size() && std::isdigit(static_cast<unsigned char>(record[i]));
       ++i) {
    pmid += record[i];
  }
  return pmid;
}

class PubmedReader {
 public:
  PubmedReader(BufferedInput* in, const ImportOptions& options,
               const DocumentSink& sink, Diagnostics* problems)
      : in_(in),
        options_(options),
        sink_(sink),
        file_(in->stream().name()),
        problems_(file_, problems) {}

  Status Run() {
    Status status = Scan();
    problems_.Finish();
    return status;
  }

 private:
  Status Scan() {
    in_->FillTo(3);
    if (in_->view().starts_with("\xEF\xBB\xBF")) in_->Consume(3);  // a BOM
    for (;;) {
      if (!NextTag()) break;
      Status status = AtTag();
      if (!status.ok()) return status;
    }
    if (!in_->status().ok()) return in_->status();
    if (set_open_ && !set_closed_) {
      problems_.Add(Where(in_->position()),
                    "truncated: the file ends before </PubmedArticleSet>");
    }
    if (!set_open_ && records_ == 0 && problems_.count() == 0) {
      return Status::InvalidArgument(file_ +
                                     ": no PubmedArticleSet and no records");
    }
    return Status::OK();
  }

  std::string Where(std::uint64_t offset, std::string_view pmid = {}) {
    return RecordWhere(offset, in_->LineAt(offset), pmid);
  }

  // Skips to the next '<', reporting text between tags (there should be
  // only white space). False at the end of the input.
  bool NextTag() {
    for (;;) {
      std::string_view view = in_->view();
      const std::size_t lt = view.find('<');
      const std::size_t text_end = std::min(lt, view.size());
      const std::size_t stray =
          view.substr(0, text_end).find_first_not_of(" \t\r\n");
      if (stray != std::string_view::npos) {
        if (!in_stray_) {
          problems_.Add(Where(in_->position() + stray),
                        "text outside any record; skipped");
        }
        in_stray_ = true;
      }
      if (lt != std::string_view::npos) {
        in_->Consume(lt);
        in_stray_ = false;
        return true;
      }
      in_->Consume(view.size());
      if (!in_->More()) return false;
    }
  }

  // Makes view() reach `needle` from `from`; its offset, or npos when the
  // input ends first (or the window would pass `limit` bytes).
  std::size_t FindInWindow(std::string_view needle, std::size_t from,
                           std::size_t limit) {
    for (;;) {
      std::string_view view = in_->view();
      const std::size_t at = view.find(needle, from);
      if (at != std::string_view::npos) return at;
      if (view.size() > limit || !in_->More()) return std::string_view::npos;
      from = view.size() >= needle.size() ? view.size() - needle.size() + 1 : 0;
    }
  }

  // Consumes up to and including `needle`; false when the input ends first.
  bool SkipPast(std::string_view needle) {
    for (;;) {
      std::string_view view = in_->view();
      const std::size_t at = view.find(needle);
      if (at != std::string_view::npos) {
        in_->Consume(at + needle.size());
        return true;
      }
      if (view.size() >= needle.size()) {
        in_->Consume(view.size() - needle.size() + 1);
      }
      if (!in_->More()) {
        in_->Consume(in_->view().size());
        return false;
      }
    }
  }

  Status AtTag() {
    in_->FillTo(256);
    std::string_view view = in_->view();
    if (view.starts_with("<?")) return Skip("?>");
    if (view.starts_with("<!--")) return Skip("-->");
    if (view.starts_with("<!DOCTYPE")) return SkipDoctype();
    if (StartTagAt(view, 0, "PubmedArticleSet")) {
      set_open_ = true;
      // "<PubmedArticleSet/>" is an empty set, closed as it opens.
      const std::size_t gt = FindInWindow(">", 0, options_.max_record_bytes);
      if (gt != std::string_view::npos && gt > 0 &&
          in_->view()[gt - 1] == '/') {
        set_closed_ = true;
      }
      return Skip(">");
    }
    if (view.starts_with("</PubmedArticleSet")) {
      set_closed_ = true;
      return Skip(">");
    }
    if (StartTagAt(view, 0, kArticle)) return Record(kArticle);
    if (StartTagAt(view, 0, kBook)) return Record(kBook);
    if (StartTagAt(view, 0, "DeleteCitation")) {
      // Baseline update files list PMIDs to delete; deleting is not an
      // import's business, so they are passed over.
      return Skip("</DeleteCitation>");
    }
    const std::size_t name_end = view.find_first_of(" \t\r\n/>", 1);
    problems_.Add(
        Where(in_->position()),
        "unexpected '" +
            std::string(view.substr(0, std::min<std::size_t>(name_end, 40))) +
            "' outside any record; skipped");
    in_->Consume(1);
    return Status::OK();
  }

  Status Skip(std::string_view end) {
    const std::uint64_t at = in_->position();
    if (!SkipPast(end)) {
      problems_.Add(Where(at), "truncated: no '" + std::string(end) + "'");
    }
    return Status::OK();
  }

  Status SkipDoctype() {
    // An internal subset ("[ … ]") may hold '>' characters.
    const std::size_t gt = FindInWindow(">", 0, options_.max_record_bytes);
    const std::size_t bracket = in_->view().find('[');
    if (bracket != std::string_view::npos && bracket < gt) return Skip("]>");
    return Skip(">");
  }

  Status Record(std::string_view name) {
    const std::uint64_t start = in_->position();
    const std::string end_tag = "</" + std::string(name) + ">";
    const std::size_t end =
        FindInWindow(end_tag, 1, options_.max_record_bytes + end_tag.size());
    std::string_view view = in_->view();
    // A record whose end tag is missing runs into the next record: it ends
    // where the next one starts.
    const std::size_t next = FindRecordStart(
        view, 1, end == std::string_view::npos ? view.size() : end);
    if (next != std::string_view::npos) {
      problems_.Add(Where(start, PmidIn(view.substr(0, next))),
                    "malformed record: no </" + std::string(name) +
                        "> before the next record; skipped");
      in_->Consume(next);
      return Status::OK();
    }
    if (end != std::string_view::npos &&
        end + end_tag.size() > options_.max_record_bytes) {
      problems_.Add(Where(start, PmidIn(view.substr(0, 4096))),
                    "record larger than " +
                        std::to_string(options_.max_record_bytes) +
                        " bytes; skipped");
      in_->Consume(end + end_tag.size());
      return Status::OK();
    }
    if (end == std::string_view::npos) {
      if (view.size() > options_.max_record_bytes) {
        problems_.Add(Where(start, PmidIn(view.substr(0, 4096))),
                      "record larger than " +
                          std::to_string(options_.max_record_bytes) +
                          " bytes; skipped");
        SkipPast(end_tag);
        return Status::OK();
      }
      if (in_->status().ok()) {
        problems_.Add(Where(start, PmidIn(view)),
                      "truncated: the file ends inside this record");
      }
      in_->Consume(view.size());
      return Status::OK();
    }
    const std::size_t size = end + end_tag.size();
    Status status = Parse(start, view.substr(0, size));
    in_->Consume(size);
    return status;
  }

  Status Parse(std::uint64_t start, std::string_view bytes) {
    const std::size_t line = in_->LineAt(start);
    // pugixml parses in place: a reused buffer spares an allocation a
    // record. Whitespace-only text is kept, since between two inline
    // elements it is a real space.
    buffer_.assign(bytes);
    doc_.reset();
    const pugi::xml_parse_result parsed = doc_.load_buffer_inplace(
        buffer_.data(), buffer_.size(),
        pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    if (!parsed) {
      const auto offset =
          static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, parsed.offset));
      const std::uint64_t at = start + offset;
      const std::size_t at_line =
          line + static_cast<std::size_t>(std::count(
                     bytes.begin(),
                     bytes.begin() + static_cast<std::ptrdiff_t>(
                                         std::min(offset, bytes.size())),
                     '\n'));
      problems_.Add(RecordWhere(at, at_line, PmidIn(bytes)),
                    std::string("malformed XML: ") + parsed.description() +
                        "; record skipped");
      return Status::OK();
    }
    ImportedDocument imported;
    imported.record.offset = start;
    imported.record.line = line;
    if (!ReadPubmedRecord(doc_.document_element(), &imported)) {
      problems_.Add(RecordWhere(start, line, {}),
                    "record without a PMID; skipped");
      return Status::OK();
    }
    FinishRecord(file_, &imported);
    ++records_;
    Status status = sink_(std::move(imported));
    if (options_.progress) {
      options_.progress(ImportProgress{in_->stream().raw_consumed(),
                                       in_->stream().raw_size(), records_});
    }
    return status;
  }

  BufferedInput* in_;
  const ImportOptions& options_;
  const DocumentSink& sink_;
  std::string file_;
  ProblemList problems_;
  pugi::xml_document doc_;
  std::string buffer_;
  std::uint64_t records_ = 0;
  bool set_open_ = false;
  bool set_closed_ = false;
  bool in_stray_ = false;
};

}  // namespace

Status ImportPubmedXml(BufferedInput* in, const ImportOptions& options,
                       const DocumentSink& sink, Diagnostics* problems) {
  PubmedReader reader(in, options, sink, problems);
  return reader.Run();
}

}  // namespace claimcheck::importers
