// The E-utilities client: esearch and efetch requests, the rate limiter
// before each, retries with backoff (docs/pubmed.md, "Requests", "Rate
// limits", "Retries"). Covered by tests/eutils/eutils_client_test.cc.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "claimcheck/eutils.h"

namespace claimcheck {

struct EutilsClient::Param {
  std::string name;
  std::string value;
};

namespace {

using std::chrono::milliseconds;
using std::chrono::nanoseconds;
using std::chrono::seconds;

// RFC 3986 percent-encoding of a query value (unreserved bytes stay).
std::string Encode(std::string_view s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

// "a=1&b=2"; with `shown`, api_key is left out (docs/pubmed.md, "Privacy").
template <typename Params>
std::string Join(const Params& params, bool shown) {
  std::string out;
  for (const auto& p : params) {
    if (shown && p.name == "api_key") continue;
    if (!out.empty()) out += '&';
    out += p.name + "=" + Encode(p.value);
  }
  return out;
}

// The one adapter from an HTTP status that is not a success to a Status:
// 4xx other than 429 is the request's fault (InvalidArgument, not
// retried), the rest the service's (IOError, retried).
Status HttpFailure(const HttpResponse& r, const std::string& shown) {
  std::string message = shown + ": HTTP " + std::to_string(r.status);
  if (!r.reason.empty()) message += " " + r.reason;
  // NCBI puts its reason in the body: {"error": …} or <ERROR>.
  if (Status body = CheckEfetchBody(r.body);
      body.message().rfind("NCBI says: ", 0) == 0) {
    message += " (" + body.message() + ")";
  }
  const bool theirs = r.status == 429 || r.status >= 500;
  return theirs ? Status::IOError(message) : Status::InvalidArgument(message);
}

// `failure` after the last attempt, saying so.
Status GaveUp(const Status& failure, int attempts) {
  const std::string message = failure.message() + " (gave up after " +
                              std::to_string(attempts) +
                              (attempts == 1 ? " attempt)" : " attempts)");
  return failure.code() == Status::Code::kInvalidArgument
             ? Status::InvalidArgument(message)
             : Status::IOError(message);
}

bool Retryable(long status) { return status == 429 || status >= 500; }

// Retry-After in seconds; an HTTP date is not read (the backoff serves).
std::optional<seconds> RetryAfter(const HttpResponse& r) {
  const std::optional<std::string> value = r.Header("Retry-After");
  if (!value || value->empty() || value->size() > 9) return std::nullopt;
  if (!std::all_of(value->begin(), value->end(),
                   [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return seconds(std::stol(*value));
}

std::string Seconds(nanoseconds d) {
  const double s = std::chrono::duration<double>(d).count();
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, s < 10 ? "%.1f s" : "%.0f s", s);
  return buffer;
}

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr ? v : "";
}

}  // namespace

std::optional<std::string> HttpResponse::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key.size() == name.size() &&
        std::equal(key.begin(), key.end(), name.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) ==
                 std::tolower(static_cast<unsigned char>(b));
        })) {
      return value;
    }
  }
  return std::nullopt;
}

EutilsOptions EutilsOptionsFromEnvironment() {
  EutilsOptions options;
  if (std::string url = Env("CLAIMCHECK_EUTILS_URL"); !url.empty()) {
    if (url.back() != '/') url += '/';
    options.base_url = url;
  }
  options.email = Env("NCBI_EMAIL");
  options.api_key = Env("NCBI_API_KEY");
  return options;
}

EutilsClient::EutilsClient(EutilsOptions options,
                           std::unique_ptr<HttpClient> http)
    : options_(std::move(options)),
      http_(http ? std::move(http) : NewCurlHttpClient(options_.http)),
      // docs/pubmed.md, "Rate limits": NCBI allows 3 requests a second,
      // 10 with an API key.
      limiter_(options_.api_key.empty() ? 3.0 : 10.0, options_.clock) {
  if (!options_.sleep) {
    options_.sleep = [](nanoseconds d) { std::this_thread::sleep_for(d); };
  }
  options_.max_attempts = std::max(1, options_.max_attempts);
}

EutilsClient::~EutilsClient() = default;

double EutilsClient::requests_per_second() const {
  return limiter_.per_second();
}

Result<HttpResponse> EutilsClient::Call(
    const char* endpoint, std::vector<Param> params, bool post,
    bool retry_bad_body,
    const std::function<Status(std::string_view)>& check_body) {
  params.push_back({"tool", options_.tool});
  if (!options_.email.empty()) params.push_back({"email", options_.email});
  if (!options_.api_key.empty()) {
    params.push_back({"api_key", options_.api_key});
  }
  const std::string url = options_.base_url + endpoint;
  const std::string query = Join(params, false);
  // How the request is named in messages: never with the API key.
  const std::string name(endpoint);
  const std::string shown =
      name.substr(0, name.find('.')) + " " + url + "?" + Join(params, true);
  const HttpRequest request =
      post ? HttpRequest{url, query} : HttpRequest{url + "?" + query, ""};
  milliseconds backoff = options_.first_backoff;
  for (int attempt = 1;; ++attempt) {
    if (const nanoseconds wait = limiter_.Reserve(); wait.count() > 0) {
      options_.sleep(wait);
    }
    ++requests_;
    Result<HttpResponse> response = http_->Send(request);
    Status failure;
    std::optional<seconds> retry_after;
    if (!response.ok()) {
      failure = Status::IOError(shown + ": " + response.status().message());
    } else if (const HttpResponse& r = response.value();
               r.status < 200 || r.status > 299) {
      failure = HttpFailure(r, shown);
      if (!Retryable(r.status)) return failure;
      retry_after = RetryAfter(r);
    } else if (IsRateLimitBody(r.body)) {
      // docs/pubmed.md, "Retries": over the limit, said with a 200.
      failure = Status::IOError(shown + ": NCBI says: API rate limit exceeded");
    } else if (Status body = check_body(r.body); !body.ok()) {
      failure = Status::InvalidArgument(shown + ": " + body.message());
      if (!retry_bad_body) return failure;
    } else {
      return response;
    }
    if (attempt >= options_.max_attempts) return GaveUp(failure, attempt);
    const nanoseconds wait =
        retry_after
            ? nanoseconds(std::min(*retry_after, options_.max_retry_after))
            : nanoseconds(backoff);
    backoff = std::min(backoff * 2, options_.max_backoff);
    if (options_.on_retry) {
      options_.on_retry(failure.message() + "; retrying in " + Seconds(wait) +
                        " (attempt " + std::to_string(attempt + 1) + " of " +
                        std::to_string(options_.max_attempts) + ")");
    }
    options_.sleep(wait);
  }
}

Result<EsearchResult> EutilsClient::Search(const std::string& term,
                                           std::uint64_t retmax) {
  Result<EsearchResult> parsed = Status::Internal("esearch not parsed");
  Result<HttpResponse> response = Call("esearch.fcgi",
                                       {{"db", "pubmed"},
                                        {"term", term},
                                        {"retmax", std::to_string(retmax)},
                                        {"retmode", "json"}},
                                       /*post=*/false, /*retry_bad_body=*/false,
                                       [&parsed](std::string_view body) {
                                         parsed = ParseEsearch(body);
                                         return parsed.status();
                                       });
  if (!response.ok()) return response.status();
  return parsed;
}

Result<std::string> EutilsClient::Fetch(const std::vector<std::string>& pmids) {
  std::string ids;
  for (const std::string& id : pmids) ids += (ids.empty() ? "" : ",") + id;
  // A body that is not a PubmedArticleSet under a 200 is most often a
  // passing fault of NCBI's back end: retried.
  Result<HttpResponse> response =
      Call("efetch.fcgi",
           {{"db", "pubmed"},
            {"retmode", "xml"},
            {"rettype", "abstract"},
            {"id", ids}},
           /*post=*/true, /*retry_bad_body=*/true, CheckEfetchBody);
  if (!response.ok()) return response.status();
  return std::move(std::move(response).value().body);
}

}  // namespace claimcheck
