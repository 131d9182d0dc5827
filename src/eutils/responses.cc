// The E-utilities' responses as data: esearch in JSON (RapidJSON) or XML
// (pugixml), and the check that an efetch body is a PubmedArticleSet. Pure
// functions over bytes (docs/pubmed.md, "Requests"). Covered by
// tests/eutils/responses_test.cc and tests/fuzz/fuzz_eutils.cc.
#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/json_util.h"
#include "claimcheck/eutils.h"

namespace claimcheck {

namespace {

constexpr std::string_view kWhere = "esearch response";

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The first bytes of `body`, printable, for a message.
std::string Quote(std::string_view body) {
  std::string out;
  for (char c : body.substr(0, 80)) {
    const auto u = static_cast<unsigned char>(c);
    out += u >= 0x20 && u < 0x7F ? c : ' ';
  }
  return "\"" + out + (body.size() > 80 ? "...\"" : "\"");
}

// Digits only, as NCBI writes counts and ids; false on overflow.
bool ParseCount(std::string_view s, std::uint64_t* out) {
  if (s.empty() || s.size() > 19) return false;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

bool IsId(std::string_view s) {
  std::uint64_t ignored = 0;
  return ParseCount(s, &ignored);
}

Status Malformed(const std::string& reason) {
  return Status::InvalidArgument(std::string(kWhere) + ": " + reason);
}

Status NcbiError(std::string_view text) {
  return Status::InvalidArgument("NCBI says: " + std::string(text));
}

// The one adapter from pugixml's parse result to a Status.
Status XmlStatus(const pugi::xml_parse_result& parsed, std::string_view what) {
  if (parsed) return Status::OK();
  return Status::InvalidArgument(
      std::string(what) + ": malformed XML at byte " +
      std::to_string(std::max<std::ptrdiff_t>(0, parsed.offset)) + ": " +
      parsed.description());
}

// ----- JSON (retmode=json) -----

// A count NCBI writes as a string ("15169"); a number is taken too.
bool JsonCount(const rapidjson::Value& v, std::uint64_t* out) {
  if (v.IsString()) {
    return ParseCount({v.GetString(), v.GetStringLength()}, out);
  }
  if (v.IsUint64()) {
    *out = v.GetUint64();
    return true;
  }
  return false;
}

std::string JsonText(const rapidjson::Value& v) {
  return v.IsString() ? std::string(v.GetString(), v.GetStringLength())
                      : std::string();
}

// errorlist.phrasesnotfound / fieldsnotfound, warninglist.* strings.
void JsonNotes(const rapidjson::Value& result, EsearchResult* out) {
  for (const char* list : {"errorlist", "warninglist"}) {
    const auto it = result.FindMember(list);
    if (it == result.MemberEnd() || !it->value.IsObject()) continue;
    for (const auto& m : it->value.GetObject()) {
      if (!m.value.IsArray()) continue;
      const std::string kind(m.name.GetString(), m.name.GetStringLength());
      for (const auto& item : m.value.GetArray()) {
        if (item.IsString() && item.GetStringLength() > 0) {
          out->warnings.push_back(kind + ": " + JsonText(item));
        }
      }
    }
  }
}

Status ReadJsonIds(const rapidjson::Value& list, EsearchResult* out) {
  if (!list.IsArray()) return Malformed("\"idlist\" is not an array");
  out->ids.reserve(list.Size());
  for (const auto& id : list.GetArray()) {
    const std::string text = JsonText(id);
    if (!IsId(text)) {
      return Malformed(
          "\"idlist\" holds " +
          (id.IsString() ? Quote(text) : std::string("a non-string")) +
          ", not a PMID");
    }
    out->ids.push_back(text);
  }
  return Status::OK();
}

Result<EsearchResult> ParseJsonResponse(std::string_view body) {
  rapidjson::Document doc;
  Diagnostics problems;
  if (!ParseJson(body, std::string(kWhere), &doc, &problems)) {
    return Status::InvalidArgument(problems.empty()
                                       ? std::string(kWhere) + ": bad JSON"
                                       : problems.front().ToString());
  }
  // Read through a const reference: its iterators compare unambiguously
  // under C++20 (clang's -Wambiguous-reversed-operator).
  const rapidjson::Value& root = doc;
  if (!root.IsObject()) return Malformed("not a JSON object");
  // {"error":"API rate limit exceeded","count":"11"}
  if (auto e = root.FindMember("error");
      e != root.MemberEnd() && e->value.IsString()) {
    return NcbiError(JsonText(e->value));
  }
  const auto it = root.FindMember("esearchresult");
  if (it == root.MemberEnd() || !it->value.IsObject()) {
    return Malformed("no \"esearchresult\" object");
  }
  const rapidjson::Value& result = it->value;
  if (auto e = result.FindMember("ERROR"); e != result.MemberEnd()) {
    return NcbiError(e->value.IsString() ? JsonText(e->value) : "ERROR");
  }
  EsearchResult out;
  const auto count = result.FindMember("count");
  if (count == result.MemberEnd() || !JsonCount(count->value, &out.count)) {
    return Malformed("no \"count\" of digits");
  }
  for (auto [name, target] : {std::pair{"retmax", &out.retmax},
                              std::pair{"retstart", &out.retstart}}) {
    const auto m = result.FindMember(name);
    if (m != result.MemberEnd() && !JsonCount(m->value, target)) {
      return Malformed(std::string("\"") + name + "\" is not a count");
    }
  }
  const auto ids = result.FindMember("idlist");
  if (ids == result.MemberEnd()) return Malformed("no \"idlist\"");
  if (Status s = ReadJsonIds(ids->value, &out); !s.ok()) return s;
  if (auto m = result.FindMember("webenv"); m != result.MemberEnd()) {
    out.webenv = JsonText(m->value);
  }
  if (auto m = result.FindMember("querykey"); m != result.MemberEnd()) {
    out.query_key = JsonText(m->value);
  }
  JsonNotes(result, &out);
  return out;
}

// ----- XML (retmode=xml) -----

std::string XmlText(const pugi::xml_node& node) { return node.text().get(); }

void XmlNotes(const pugi::xml_node& root, EsearchResult* out) {
  for (const char* list : {"ErrorList", "WarningList"}) {
    for (const pugi::xml_node item : root.child(list).children()) {
      if (item.type() != pugi::node_element) continue;
      const std::string text = XmlText(item);
      if (!text.empty()) out->warnings.push_back(item.name() + (": " + text));
    }
  }
}

Result<EsearchResult> ParseXmlResponse(std::string_view body) {
  pugi::xml_document doc;
  // Copied, not in place: the caller's bytes stay as they are. No DOCTYPE
  // is read and no entity but XML's five is expanded (pugixml's default).
  const pugi::xml_parse_result parsed = doc.load_buffer(
      body.data(), body.size(), pugi::parse_default, pugi::encoding_utf8);
  if (Status s = XmlStatus(parsed, kWhere); !s.ok()) return s;
  const pugi::xml_node root = doc.document_element();
  // A bare <ERROR>…</ERROR> or one inside the result.
  if (std::string_view(root.name()) == "ERROR") return NcbiError(XmlText(root));
  if (std::string_view(root.name()) != "eSearchResult") {
    return Malformed(std::string("root element <") + root.name() +
                     ">, not <eSearchResult>");
  }
  if (const pugi::xml_node e = root.child("ERROR")) {
    return NcbiError(XmlText(e));
  }
  EsearchResult out;
  if (!root.child("Count") ||
      !ParseCount(XmlText(root.child("Count")), &out.count)) {
    return Malformed("no <Count> of digits");
  }
  for (auto [name, target] : {std::pair{"RetMax", &out.retmax},
                              std::pair{"RetStart", &out.retstart}}) {
    const pugi::xml_node n = root.child(name);
    if (n && !ParseCount(XmlText(n), target)) {
      return Malformed(std::string("<") + name + "> is not a count");
    }
  }
  const pugi::xml_node list = root.child("IdList");
  if (!list) return Malformed("no <IdList>");
  for (const pugi::xml_node id : list.children("Id")) {
    const std::string text = XmlText(id);
    if (!IsId(text)) {
      return Malformed("<IdList> holds " + Quote(text) + ", not a PMID");
    }
    out.ids.push_back(text);
  }
  out.webenv = XmlText(root.child("WebEnv"));
  out.query_key = XmlText(root.child("QueryKey"));
  XmlNotes(root, &out);
  return out;
}

std::size_t FirstNonBlank(std::string_view body) {
  std::size_t i = 0;
  while (i < body.size() && IsBlank(body[i])) ++i;
  return i;
}

// The text of the first <ERROR>…</ERROR> in `body`, if any.
std::optional<std::string> ErrorElement(std::string_view body) {
  const std::size_t open = body.find("<ERROR>");
  if (open == std::string_view::npos) return std::nullopt;
  const std::size_t from = open + 7;
  const std::size_t close = body.find("</ERROR>", from);
  if (close == std::string_view::npos) return std::nullopt;
  return std::string(
      body.substr(from, std::min<std::size_t>(close - from, 300)));
}

}  // namespace

Result<EsearchResult> ParseEsearch(std::string_view body) {
  const std::size_t at = FirstNonBlank(body);
  if (at == body.size()) return Malformed("empty");
  if (body[at] == '{' || body[at] == '[') return ParseJsonResponse(body);
  if (body[at] == '<') return ParseXmlResponse(body);
  return Malformed("neither JSON nor XML: " + Quote(body.substr(at)));
}

Status CheckEfetchBody(std::string_view body) {
  // The set opens after at most an XML declaration and a DOCTYPE (a few
  // hundred bytes); a record's text never comes before it.
  const std::string_view head = body.substr(0, 4096);
  const std::size_t set = head.find("<PubmedArticleSet");
  if (set != std::string_view::npos) {
    const char after = set + 17 < head.size() ? head[set + 17] : '>';
    if (after == '>' || after == '/' || IsBlank(after)) return Status::OK();
  }
  if (std::optional<std::string> e = ErrorElement(head)) return NcbiError(*e);
  const std::size_t at = FirstNonBlank(head);
  if (at < head.size() && head[at] == '{') {
    rapidjson::Document doc;
    Diagnostics ignored;
    const rapidjson::Value& root = doc;
    if (ParseJson(body.substr(0, 65536), "efetch", &doc, &ignored) &&
        root.IsObject()) {
      if (auto e = root.FindMember("error");
          e != root.MemberEnd() && e->value.IsString()) {
        return NcbiError(JsonText(e->value));
      }
    }
  }
  if (at == head.size()) {
    return Status::InvalidArgument("efetch response: empty");
  }
  return Status::InvalidArgument("efetch response: not a PubmedArticleSet: " +
                                 Quote(head.substr(at)));
}

bool IsRateLimitBody(std::string_view body) {
  const std::string_view head = body.substr(0, 1024);
  std::string lower(head);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  return lower.find("rate limit exceeded") != std::string::npos;
}

}  // namespace claimcheck
