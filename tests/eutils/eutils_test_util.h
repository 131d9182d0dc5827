// What the E-utilities tests serve: the real records of a corpus efetch
// result, split by record and served by PMID (read in place from
// ../shared/corpus/pubmed/); a recorded real esearch JSON response whose id
// list is replaced by the corpus's PMIDs; and a scripted E-utilities for
// the loopback server, where any request can be given another answer (a
// 429, a 503, a stall).
#ifndef CLAIMCHECK_TESTS_EUTILS_EUTILS_TEST_UTIL_H_
#define CLAIMCHECK_TESTS_EUTILS_EUTILS_TEST_UTIL_H_

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "eutils/loopback_server.h"
#include "test_util.h"

namespace claimcheck::testing {

inline std::string FixturePath(const std::string& name) {
  return SourceDir() + "/tests/eutils/fixtures/" + name;
}

// The records of one PubMed XML file, by PMID.
class CorpusRecords {
 public:
  explicit CorpusRecords(
      const std::string& file = "pubmed/pubMR_pubmed_result.xml") {
    const std::string xml = Slurp(SharedDir() + "/corpus/" + file);
    const std::size_t set = xml.find("<PubmedArticleSet>");
    REQUIRE(set != std::string::npos);
    head_ = xml.substr(0, set + 18) + "\n";
    std::size_t at = set;
    for (;;) {
      const std::size_t start = xml.find("<PubmedArticle>", at);
      if (start == std::string::npos) break;
      const std::size_t end = xml.find("</PubmedArticle>", start);
      REQUIRE(end != std::string::npos);
      const std::string record = xml.substr(start, end + 16 - start);
      // The record's own PMID is its first (the others are references).
      const std::size_t pmid = record.find("<PMID");
      const std::size_t open = record.find('>', pmid) + 1;
      const std::string id = record.substr(open, record.find('<', open) - open);
      REQUIRE(records_.emplace(id, record).second);
      pmids_.push_back(id);
      at = end;
    }
  }

  const std::vector<std::string>& pmids() const { return pmids_; }

  // What efetch returns for `ids` ("1,2,3"): their records in that order,
  // unknown ids left out, in the file's own XML declaration and DOCTYPE.
  std::string Efetch(const std::string& ids) const {
    std::string out = head_;
    std::size_t at = 0;
    while (at <= ids.size()) {
      std::size_t end = ids.find(',', at);
      if (end == std::string::npos) end = ids.size();
      const auto it = records_.find(ids.substr(at, end - at));
      if (it != records_.end()) out += it->second + "\n";
      at = end + 1;
    }
    return out + "</PubmedArticleSet>\n";
  }

 private:
  std::string head_;
  std::map<std::string, std::string> records_;
  std::vector<std::string> pmids_;
};

// The recorded esearch response (tests/eutils/fixtures/esearch_pubmed.json)
// with its count, retmax and idlist replaced.
inline std::string EsearchJson(const std::vector<std::string>& ids,
                               std::uint64_t count) {
  rapidjson::Document doc;
  doc.Parse(Slurp(FixturePath("esearch_pubmed.json")).c_str());
  REQUIRE(!doc.HasParseError());
  auto& a = doc.GetAllocator();
  rapidjson::Value& result = doc["esearchresult"];
  result["count"].SetString(std::to_string(count).c_str(), a);
  result["retmax"].SetString(std::to_string(ids.size()).c_str(), a);
  rapidjson::Value& list = result["idlist"];
  list.Clear();
  for (const std::string& id : ids) {
    list.PushBack(rapidjson::Value(id.c_str(), a), a);
  }
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  doc.Accept(w);
  return buffer.GetString();
}

inline std::string Joined(const std::vector<std::string>& ids, std::size_t from,
                          std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to && i < ids.size(); ++i) {
    out += (out.empty() ? "" : ",") + ids[i];
  }
  return out;
}

// A scripted E-utilities over a corpus: esearch lists the corpus's PMIDs
// (at most retmax; Count as set), efetch serves their records. Replace(n,
// r) answers the n-th request (1-based, all requests counted) with r.
class EutilsScript {
 public:
  explicit EutilsScript(const CorpusRecords& corpus) : state_(new State) {
    state_->corpus = &corpus;
    state_->count = corpus.pmids().size();
  }
  void Replace(std::size_t n, LoopbackResponse r) {
    state_->replaced[n] = std::move(r);
  }
  void SetCount(std::uint64_t count) { state_->count = count; }

  LoopbackServer::Handler Handler() const {
    std::shared_ptr<State> s = state_;
    return [s](const LoopbackRequest& request) {
      const std::size_t n = ++s->seen;
      if (auto it = s->replaced.find(n); it != s->replaced.end()) {
        return it->second;
      }
      LoopbackResponse r;
      if (request.Endpoint() == "esearch") {
        const std::vector<std::string>& all = s->corpus->pmids();
        const std::size_t retmax = std::stoul(request.Param("retmax"));
        r.body = EsearchJson(
            {all.begin(), all.begin() + static_cast<std::ptrdiff_t>(
                                            std::min(retmax, all.size()))},
            s->count);
        r.headers = {{"Content-Type", "application/json; charset=UTF-8"}};
      } else if (request.Endpoint() == "efetch") {
        r.body = s->corpus->Efetch(request.Param("id"));
        r.headers = {{"Content-Type", "text/xml; charset=UTF-8"}};
      } else {
        r.status = 404;
        r.reason = "Not Found";
      }
      return r;
    };
  }

 private:
  struct State {
    const CorpusRecords* corpus = nullptr;
    std::uint64_t count = 0;
    std::size_t seen = 0;  // the server's thread only
    std::map<std::size_t, LoopbackResponse> replaced;
  };
  std::shared_ptr<State> state_;
};

// NCBI's answer over the rate limit (the body NCBI documents).
inline LoopbackResponse TooManyRequests(const std::string& retry_after) {
  LoopbackResponse r;
  r.status = 429;
  r.reason = "Too Many Requests";
  if (!retry_after.empty()) r.headers = {{"Retry-After", retry_after}};
  r.body = "{\"error\":\"API rate limit exceeded\",\"count\":\"11\"}";
  return r;
}

inline LoopbackResponse Status5xx(int status, const std::string& reason) {
  LoopbackResponse r;
  r.status = status;
  r.reason = reason;
  r.body = "<html><body>" + reason + "</body></html>";
  return r;
}

}  // namespace claimcheck::testing

#endif  // CLAIMCHECK_TESTS_EUTILS_EUTILS_TEST_UTIL_H_
