// MEDLINE text and .nbib, streamed line by line. A record is a run of
// tagged lines ("TI  - …", the tag padded to four characters) that starts
// with "PMID- "; a value continues on lines indented with spaces (six in
// NLM's output) and records are separated by blank lines. Structured
// abstracts arrive flattened ("BACKGROUND: … RESULTS: …") and are split
// back into labelled parts. Covered by tests/importers/medline_test.cc.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "formats.h"
#include "input_stream.h"
#include "record_common.h"

namespace claimcheck::importers {

namespace {

struct Field {
  std::string tag;
  std::string value;
};

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// "TI  - value": the tag and value, or false for a line that is not one.
bool TagLine(std::string_view line, std::string_view* tag,
             std::string_view* value) {
  if (line.size() < 5 || line[4] != '-') return false;
  std::string_view t = TrimRight(line.substr(0, 4));
  if (t.empty()) return false;
  for (char c : t) {
    if (!std::isupper(static_cast<unsigned char>(c)) &&
        !std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  *tag = t;
  *value = line.size() > 5 ? line.substr(line[5] == ' ' ? 6 : 5) : "";
  return true;
}

std::string DigitsAfter(std::string_view s, std::string_view marker) {
  const std::size_t at = s.rfind(marker);
  if (at == std::string_view::npos) return {};
  std::string out;
  for (std::size_t i = at + marker.size(); i < s.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i]))) {
      out += s[i];
    } else if (!out.empty() || s[i] != ' ') {
      break;
    }
  }
  return out;
}

// MEDLINE's comment and correction tags, by the XML RefType they stand for.
const char* LinkType(std::string_view tag) {
  static constexpr std::pair<const char*, const char*> kLinks[] = {
      {"CIN", "CommentIn"},
      {"CON", "CommentOn"},
      {"EIN", "ErratumIn"},
      {"EFR", "ErratumFor"},
      {"RIN", "RetractionIn"},
      {"ROF", "RetractionOf"},
      {"CRI", "CorrectedandRepublishedIn"},
      {"CRF", "CorrectedandRepublishedFrom"},
      {"UIN", "UpdateIn"},
      {"UOF", "UpdateOf"},
      {"RPI", "RepublishedIn"},
      {"RPF", "RepublishedFrom"},
      {"ECI", "ExpressionOfConcernIn"},
      {"ECF", "ExpressionOfConcernFor"},
      {"SPIN", "SummaryForPatientsIn"},
      {"ORI", "OriginalReportIn"},
  };
  for (const auto& [t, type] : kLinks) {
    if (tag == t) return type;
  }
  return nullptr;
}

// "Information Storage and Retrieval/*methods", "*Software".
MeshHeading ParseMesh(std::string_view value) {
  MeshHeading heading;
  std::size_t start = 0;
  bool first = true;
  while (start <= value.size()) {
    std::size_t slash = value.find('/', start);
    if (slash == std::string_view::npos) slash = value.size();
    std::string_view item = value.substr(start, slash - start);
    const bool star = !item.empty() && item.front() == '*';
    if (star) item.remove_prefix(1);
    heading.major |= star;
    if (first) {
      heading.descriptor = std::string(item);
      first = false;
    } else if (!item.empty()) {
      heading.qualifiers.emplace_back(item);
    }
    start = slash + 1;
  }
  return heading;
}

// "Casbon, James A" -> "Casbon JA" (the AU form), for records with FAU only.
std::string ShortName(std::string_view full) {
  const std::size_t comma = full.find(',');
  if (comma == std::string_view::npos) return std::string(full);
  std::string out(TrimRight(full.substr(0, comma)));
  std::string initials;
  bool start = true;
  for (char c : full.substr(comma + 1)) {
    if (start && std::isalpha(static_cast<unsigned char>(c))) initials += c;
    start = c == ' ' || c == '-';
  }
  if (!initials.empty()) out += " " + initials;
  return out;
}

// A label of a flattened structured abstract at `pos` ("RESULTS: "): its
// length up to and including ": ", or 0. Only upper-case words a known
// section or at least two words long count, so "CI: 1.2" is no label.
std::size_t LabelAt(std::string_view text, std::size_t pos,
                    std::string* label) {
  std::size_t i = pos;
  bool letters = false;
  while (i < text.size() &&
         (std::isupper(static_cast<unsigned char>(text[i])) || text[i] == ' ' ||
          text[i] == '&' || text[i] == ',' || text[i] == '-' ||
          text[i] == '/')) {
    letters |= std::isupper(static_cast<unsigned char>(text[i])) != 0;
    ++i;
  }
  if (!letters || i + 1 >= text.size() || text[i] != ':' ||
      text[i + 1] != ' ' || i - pos < 3 || i - pos > 60) {
    return 0;
  }
  std::string candidate(TrimRight(text.substr(pos, i - pos)));
  // Labels of their own that no NlmCategory names (Bioinformatics' house
  // style and the like).
  static constexpr std::string_view kOther[] = {
      "SUMMARY", "ABSTRACT", "AVAILABILITY", "CONTACT", "MOTIVATION"};
  const bool known = SectionCategory(candidate) != "UNASSIGNED" ||
                     std::find(std::begin(kOther), std::end(kOther),
                               candidate) != std::end(kOther);
  if (!known && candidate.find(' ') == std::string::npos) return 0;
  *label = std::move(candidate);
  return i + 2 - pos;
}

// A flattened abstract split at its labels: before the first label (if any
// text) an unlabelled part.
void SplitAbstract(std::string_view text, std::vector<DocumentPart>* parts) {
  std::string label;
  std::size_t body_start = 0;
  std::string current_label;
  auto flush = [&](std::size_t end) {
    std::string body(TrimRight(text.substr(body_start, end - body_start)));
    while (!body.empty() && body.front() == ' ') body.erase(0, 1);
    if (body.empty()) return;
    DocumentPart part;
    part.label = current_label;
    if (!part.label.empty()) part.category = SectionCategory(part.label);
    part.text = std::move(body);
    parts->push_back(std::move(part));
  };
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    const bool boundary =
        pos == 0 || (pos >= 2 && text[pos - 1] == ' ' &&
                     (text[pos - 2] == '.' || text[pos - 2] == '?' ||
                      text[pos - 2] == ')'));
    if (!boundary) continue;
    const std::size_t length = LabelAt(text, pos, &label);
    if (length == 0) continue;
    flush(pos);
    current_label = label;
    body_start = pos + length;
    pos += length - 1;
  }
  flush(text.size());
}

class MedlineReader {
 public:
  MedlineReader(BufferedInput* in, const ImportOptions& options,
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
    std::string_view line;
    while (NextLine(&line)) {
      Status status = Line(line);
      if (!status.ok()) return status;
    }
    Status status = Flush();
    if (!status.ok()) return status;
    if (!in_->status().ok()) return in_->status();
    if (records_ == 0) {
      return Status::InvalidArgument(file_ + ": no MEDLINE record (PMID- )");
    }
    return Status::OK();
  }

  // The next line, without its line end; valid until the next call.
  bool NextLine(std::string_view* line) {
    in_->Consume(consumed_);
    consumed_ = 0;
    for (;;) {
      std::string_view view = in_->view();
      const std::size_t nl = view.find('\n', searched_);
      if (nl != std::string_view::npos) {
        line_offset_ = in_->position();
        ++line_number_;
        *line = view.substr(0, nl);
        consumed_ = nl + 1;
        searched_ = 0;
        return true;
      }
      searched_ = view.size();
      if (view.size() > options_.max_record_bytes) {
        problems_.Add(RecordWhere(in_->position(), line_number_ + 1, pmid()),
                      "line longer than " +
                          std::to_string(options_.max_record_bytes) +
                          " bytes; skipped");
        in_->Consume(view.size());
        searched_ = 0;
        skip_rest_of_line_ = true;
        DropRecord();
        continue;
      }
      if (!in_->More()) {
        view = in_->view();
        if (view.empty()) return false;
        line_offset_ = in_->position();
        ++line_number_;
        *line = view;
        consumed_ = view.size();
        searched_ = 0;
        return true;
      }
    }
  }

  std::string pmid() const {
    return fields_.empty() || fields_[0].tag != "PMID" ? std::string()
                                                       : fields_[0].value;
  }

  void DropRecord() {
    fields_.clear();
    dropped_ = true;
    record_bytes_ = 0;
  }

  Status Line(std::string_view raw) {
    if (skip_rest_of_line_) {
      skip_rest_of_line_ = false;
      return Status::OK();
    }
    std::string_view line = TrimRight(raw);
    if (line_number_ == 1 && line.starts_with("\xEF\xBB\xBF")) {
      line.remove_prefix(3);
    }
    std::string_view tag;
    std::string_view value;
    if (line.empty()) return Flush();
    if (TagLine(line, &tag, &value)) {
      if (tag == "PMID") {
        Status status = Flush();
        if (!status.ok()) return status;
        record_offset_ = line_offset_;
        record_line_ = line_number_;
        dropped_ = false;
      } else if (fields_.empty()) {
        // The rest of the record, up to its blank line, goes with it.
        if (!dropped_) {
          problems_.Add(RecordWhere(line_offset_, line_number_, {}),
                        "record without a PMID; skipped");
          dropped_ = true;
        }
        return Status::OK();
      }
      fields_.push_back({std::string(tag), std::string(value)});
    } else if (line.front() == ' ' && !fields_.empty()) {
      std::size_t start = line.find_first_not_of(' ');
      fields_.back().value += ' ';
      fields_.back().value += line.substr(start);
    } else if (!fields_.empty() || !dropped_) {
      problems_.Add(RecordWhere(line_offset_, line_number_, pmid()),
                    "not a MEDLINE line (no 'TAG - ' and not indented); "
                    "skipped");
      return Status::OK();
    }
    record_bytes_ += raw.size() + 1;
    if (record_bytes_ > options_.max_record_bytes) {
      problems_.Add(RecordWhere(record_offset_, record_line_, pmid()),
                    "record larger than " +
                        std::to_string(options_.max_record_bytes) +
                        " bytes; skipped");
      DropRecord();
    }
    return Status::OK();
  }

  Status Flush() {
    dropped_ = false;
    record_bytes_ = 0;
    if (fields_.empty()) return Status::OK();
    ImportedDocument imported;
    Build(&imported);
    fields_.clear();
    if (imported.document.pmid.empty()) {
      problems_.Add(RecordWhere(record_offset_, record_line_, {}),
                    "record with an empty PMID; skipped");
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

  void Build(ImportedDocument* out) {
    Document& d = out->document;
    RecordMetadata& r = out->record;
    r.offset = record_offset_;
    r.line = record_line_;
    std::string title;
    std::string abstract;
    std::string journal_abbreviation;
    std::vector<std::string> full_names;
    for (Field& f : fields_) {
      const std::string& t = f.tag;
      std::string& v = f.value;
      if (t == "PMID") {
        for (char c : v) {
          if (std::isdigit(static_cast<unsigned char>(c))) d.pmid += c;
        }
      } else if (t == "TI") {
        title = std::move(v);
      } else if (t == "TT") {
        r.vernacular_title = std::move(v);
      } else if (t == "AB") {
        abstract = std::move(v);
      } else if (t == "AU" || t == "CN") {
        d.authors.push_back(std::move(v));
      } else if (t == "FAU") {
        full_names.push_back(ShortName(v));
      } else if (t == "LA") {
        r.languages.push_back(std::move(v));
      } else if (t == "PT") {
        d.publication_types.push_back(std::move(v));
      } else if (t == "MH") {
        r.mesh.push_back(ParseMesh(v));
      } else if (t == "RN") {
        // "0 (Proteins)", "EC 3.4.21.4 (Trypsin)": the name is in brackets.
        const std::size_t open = v.find(" (");
        r.chemicals.push_back(open != std::string::npos && v.back() == ')'
                                  ? v.substr(open + 2, v.size() - open - 3)
                                  : v);
      } else if (t == "OT") {
        r.keywords.push_back(std::move(v));
      } else if (t == "DP") {
        d.date = FreeFormDate(v);
      } else if (t == "LR") {
        d.revised =
            DateFromParts(v.substr(0, 4), v.size() >= 6 ? v.substr(4, 2) : "",
                          v.size() >= 8 ? v.substr(6, 2) : "");
      } else if (t == "JT") {
        d.journal = std::move(v);
      } else if (t == "TA") {
        journal_abbreviation = std::move(v);
      } else if ((t == "LID" || t == "AID") && d.doi.empty() &&
                 v.ends_with(" [doi]")) {
        d.doi = NormaliseDoi(std::string_view(v).substr(0, v.size() - 6));
      } else if (t == "PMC") {
        d.pmcid = std::move(v);
      } else if (const char* type = LinkType(t)) {
        r.links.push_back({type, DigitsAfter(v, "PMID:"), v});
      }
    }
    if (d.authors.empty()) d.authors = std::move(full_names);
    if (d.journal.empty()) d.journal = std::move(journal_abbreviation);
    if (!r.languages.empty()) d.language = r.languages.front();
    SplitAbstract(abstract, &out->parts);
    if (title.empty()) title = r.vernacular_title;
    d.title = CleanTitle(std::move(title));
    if (!d.title.empty()) {
      DocumentPart part;
      part.text = d.title;
      part.title = true;
      out->parts.insert(out->parts.begin(), std::move(part));
    }
  }

  BufferedInput* in_;
  const ImportOptions& options_;
  const DocumentSink& sink_;
  std::string file_;
  ProblemList problems_;
  std::vector<Field> fields_;
  std::size_t consumed_ = 0;
  std::size_t searched_ = 0;
  std::uint64_t line_offset_ = 0;
  std::size_t line_number_ = 0;
  std::uint64_t record_offset_ = 0;
  std::size_t record_line_ = 0;
  std::size_t record_bytes_ = 0;
  std::uint64_t records_ = 0;
  bool dropped_ = false;
  bool skip_rest_of_line_ = false;
};

}  // namespace

Status ImportMedline(BufferedInput* in, const ImportOptions& options,
                     const DocumentSink& sink, Diagnostics* problems) {
  MedlineReader reader(in, options, sink, problems);
  return reader.Run();
}

}  // namespace claimcheck::importers
