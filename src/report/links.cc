// Links to PubMed and doi.org (docs/reports.md, "Links").
#include "report/links.h"

#include <algorithm>
#include <cctype>

#include "report/html.h"

namespace claimcheck::report {

std::string PubmedUrl(std::string_view pmid) {
  const bool digits = !pmid.empty() && pmid.size() <= 9 &&
                      std::all_of(pmid.begin(), pmid.end(), [](char c) {
                        return std::isdigit(static_cast<unsigned char>(c)) != 0;
                      });
  if (!digits) return "";
  return "https://pubmed.ncbi.nlm.nih.gov/" + std::string(pmid) + "/";
}

std::string DoiUrl(std::string_view doi) {
  if (!doi.starts_with("10.") || doi.find('/') == std::string_view::npos) {
    return "";
  }
  return "https://doi.org/" + UrlPart(doi);
}

std::string UrlPart(std::string_view s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (std::isalnum(b) ||
        std::string_view("-._~/:;=+,@").find(c) != std::string_view::npos) {
      out += c;
    } else {
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 15];
    }
  }
  return out;
}

void AppendHtmlLink(std::string* out, std::string_view url,
                    std::string_view text) {
  if (url.empty()) {
    AppendEscaped(out, text);
    return;
  }
  *out += "<a href=\"";
  AppendEscaped(out, url);
  *out += "\" rel=\"noreferrer noopener\">";
  AppendEscaped(out, text);
  *out += "</a>";
}

std::string MarkdownLink(std::string_view markdown_text, std::string_view url) {
  if (url.empty()) return std::string(markdown_text);
  return "[" + std::string(markdown_text) + "](" + std::string(url) + ")";
}

}  // namespace claimcheck::report
