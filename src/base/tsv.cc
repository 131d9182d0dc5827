// ReadTsvRows: src/base/tsv.h.
#include "base/tsv.h"

#include <fstream>

namespace claimcheck {

Status ReadTsvRows(
    const std::string& path, std::string_view header, Diagnostics* problems,
    const std::function<void(std::size_t, std::vector<std::string>)>& row) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot be read");
  bool seen_header = false;
  std::string text;
  for (std::size_t n = 1; std::getline(in, text); ++n) {
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.empty() || text[0] == '#') continue;
    if (!seen_header) {
      if (text != header) {
        std::string shown(header);
        for (std::size_t tab; (tab = shown.find('\t')) != std::string::npos;) {
          shown.replace(tab, 1, "<TAB>");
        }
        problems->push_back(
            {path, "line " + std::to_string(n),
             "the first row must be the header \"" + shown + "\""});
        return Status::Corruption(path + ": no header");
      }
      seen_header = true;
      continue;
    }
    std::vector<std::string> fields;
    std::size_t at = 0;
    for (std::size_t tab; (tab = text.find('\t', at)) != std::string::npos;
         at = tab + 1) {
      fields.push_back(text.substr(at, tab - at));
    }
    fields.push_back(text.substr(at));
    row(n, std::move(fields));
  }
  if (!seen_header) {
    problems->push_back({path, "", "no header row"});
    return Status::Corruption(path + ": no header");
  }
  return Status::OK();
}

}  // namespace claimcheck
