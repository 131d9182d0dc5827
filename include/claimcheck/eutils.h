// eutils.h: fetching PubMed records from NCBI's E-utilities. esearch finds
// the PMIDs of a query, efetch returns their PubMed XML in batches; the
// client keeps NCBI's rate limits, retries what is worth retrying, and
// FetchPubmed resumes an interrupted run from a small state file. How and
// why: docs/pubmed.md. No libcurl type appears here (the transport is
// behind HttpClient). Covered by tests/eutils/.
#ifndef CLAIMCHECK_EUTILS_H_
#define CLAIMCHECK_EUTILS_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "claimcheck/status.h"

namespace claimcheck {

// NCBI's service; $CLAIMCHECK_EUTILS_URL replaces it (the tests point it at
// a server on loopback).
inline constexpr const char* kEutilsDefaultUrl =
    "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/";

// PubMed's esearch returns at most the first 10,000 PMIDs of a query
// (docs/pubmed.md, "Limits").
inline constexpr std::uint64_t kEsearchMaxIds = 10000;

// ---------------------------------------------------------------------------
// Responses, parsed as pure functions over bytes (no I/O; fuzzed by
// tests/fuzz/fuzz_eutils.cc).

// What an esearch response says.
struct EsearchResult {
  std::uint64_t count = 0;       // Count: the records the query matches
  std::uint64_t retmax = 0;      // RetMax: how many ids this response lists
  std::uint64_t retstart = 0;    // RetStart: the index of the first listed
  std::vector<std::string> ids;  // IdList, each all digits, in NCBI's order
  std::string webenv;            // WebEnv (usehistory=y only), else empty
  std::string query_key;         // QueryKey (usehistory=y only), else empty
  // What NCBI notes about the query without failing it: "phrase not
  // found: fleegle[MeSH Terms]", "No items found." …
  std::vector<std::string> warnings;
};

// Parses an esearch response: JSON (retmode=json, "esearchresult") or XML
// (retmode=xml, <eSearchResult>), told apart by the first byte that is not
// white space. InvalidArgument, quoting NCBI's own words where it gave
// some, for: an error the response reports (an ERROR element or field, a
// top-level "error" such as "API rate limit exceeded"); malformed JSON or
// XML (with line and column, or byte offset); a response without a Count
// or an IdList, or with an id that is not all digits. Never throws.
Result<EsearchResult> ParseEsearch(std::string_view body);

// OK when `body` is an efetch PubmedArticleSet (possibly empty);
// otherwise InvalidArgument with the error NCBI put in the body (an
// <ERROR> element, a JSON "error") or, for anything else (an HTML error
// page, a truncated body), its first bytes.
Status CheckEfetchBody(std::string_view body);

// True when `body` is NCBI's answer to a client over its rate limit,
// {"error":"API rate limit exceeded",…}, which may come with HTTP 200.
bool IsRateLimitBody(std::string_view body);

// ---------------------------------------------------------------------------
// HTTP, behind an interface so that no transport type is public.

struct HttpRequest {
  std::string url;
  // Non-empty: sent as a POST of application/x-www-form-urlencoded data;
  // empty: a GET.
  std::string form;
};

struct HttpResponse {
  long status = 0;     // 200, 429, 503 …
  std::string reason;  // the status line's reason phrase ("Not Found")
  // Every header of the final response (after redirects), names as sent.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // decoded (gzip undone)
  // The value of the first header called `name` (ignoring case).
  std::optional<std::string> Header(std::string_view name) const;
};

struct HttpOptions {
  // Giving up on a connection not made in this long.
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(30)};
  // Giving up on a stalled transfer: under one byte a second for this
  // long (whole seconds; at least one). libcurl averages the speed over
  // the last few seconds, so a transfer that stops dead after sending
  // something is given up up to 5 s later than this.
  std::chrono::seconds stall_timeout{60};
  // A body larger than this is refused (IOError).
  std::size_t max_body_bytes = std::size_t{512} << 20;
};

// One HTTP exchange at a time. Implementations need not be thread-safe.
class HttpClient {
 public:
  virtual ~HttpClient() = default;
  // The response, whatever its status (a 404 is a response). A failure of
  // the transport (no connection, a timeout, a stalled or oversized
  // transfer, TLS) is IOError with the transport's reason; the message
  // does not repeat the URL.
  virtual Result<HttpResponse> Send(const HttpRequest& request) = 0;
};

// The libcurl transport (Debian's libcurl): HTTP and HTTPS only, at most 5
// redirects, gzip accepted, proxies from the usual environment variables.
std::unique_ptr<HttpClient> NewCurlHttpClient(const HttpOptions& options);

// ---------------------------------------------------------------------------
// Rate limiting (docs/pubmed.md, "Rate limits").

// Spaces requests at least 1/per_second apart, so that no second holds
// more than `per_second` request starts. The clock is injected so that
// tests need not sleep. Not thread-safe.
class RateLimiter {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  // `per_second` > 0; `clock` empty: std::chrono::steady_clock::now.
  explicit RateLimiter(double per_second, Clock clock = {});

  // Books the next request's slot and returns how long the caller must
  // wait before sending it (zero when it may go now).
  std::chrono::nanoseconds Reserve();

  double per_second() const { return per_second_; }
  std::chrono::nanoseconds interval() const { return interval_; }

 private:
  double per_second_;
  std::chrono::nanoseconds interval_;
  Clock clock_;
  std::optional<std::chrono::steady_clock::time_point> next_;
};

// ---------------------------------------------------------------------------
// The E-utilities client.

struct EutilsOptions {
  std::string base_url = kEutilsDefaultUrl;  // ends with '/'
  std::string tool = "claimcheck";           // sent as tool=
  std::string email;  // sent as email= when set ($NCBI_EMAIL)
  // Sent as api_key= when set ($NCBI_API_KEY): 10 requests a second
  // instead of 3. Never printed: URLs in messages leave it out.
  std::string api_key;
  // Attempts per request (the first and its retries), at least 1.
  int max_attempts = 5;
  // The wait before the first retry, doubled before each next one, at
  // most max_backoff, when the server gives no Retry-After.
  std::chrono::milliseconds first_backoff{1000};
  std::chrono::milliseconds max_backoff{30000};
  // A Retry-After (seconds) is honoured up to this long.
  std::chrono::seconds max_retry_after{120};
  HttpOptions http;
  // For tests: the clock of the rate limiter and the sleep between
  // requests; empty: steady_clock::now and std::this_thread::sleep_for.
  RateLimiter::Clock clock;
  std::function<void(std::chrono::nanoseconds)> sleep;
  // Told of every retry: what failed and how long the client waits
  // ("efetch …: HTTP 503 Service Unavailable; retrying in 2 s (attempt 2
  // of 5)"). Empty: nobody.
  std::function<void(const std::string& note)> on_retry;
};

// The defaults with base_url from $CLAIMCHECK_EUTILS_URL (a '/' added when
// missing), email from $NCBI_EMAIL and api_key from $NCBI_API_KEY, each
// when set and not empty.
EutilsOptions EutilsOptionsFromEnvironment();

// Talks to esearch and efetch for db=pubmed. Each request waits for the
// rate limiter, and is retried (up to max_attempts in all) after a
// transport failure, HTTP 429 or 5xx, or a rate-limit body, waiting what
// Retry-After says or else an exponential backoff; any other 4xx fails at
// once. Failures name the request's URL without api_key. Not thread-safe.
class EutilsClient {
 public:
  // `http` null: NewCurlHttpClient(options.http).
  explicit EutilsClient(EutilsOptions options,
                        std::unique_ptr<HttpClient> http = nullptr);
  ~EutilsClient();
  EutilsClient(const EutilsClient&) = delete;
  EutilsClient& operator=(const EutilsClient&) = delete;

  // 10 with an API key, else 3.
  double requests_per_second() const;

  // esearch.fcgi?db=pubmed&term=TERM&retmax=N&retmode=json (GET). The
  // parsed response; its errors as ParseEsearch's (not retried, except a
  // rate-limit body). IOError when the service fails past the retries,
  // InvalidArgument for a 4xx.
  Result<EsearchResult> Search(const std::string& term, std::uint64_t retmax);

  // efetch.fcgi with db=pubmed&retmode=xml&rettype=abstract&id=P1,P2,…
  // (POST: long id lists do not fit a URL). The PubmedArticleSet bytes; a
  // body that is not one is retried, then InvalidArgument.
  Result<std::string> Fetch(const std::vector<std::string>& pmids);

  // HTTP requests sent so far, retries included.
  std::uint64_t requests() const { return requests_; }

 private:
  struct Param;
  Result<HttpResponse> Call(
      const char* endpoint, std::vector<Param> params, bool post,
      bool retry_bad_body,
      const std::function<Status(std::string_view)>& check_body);

  EutilsOptions options_;
  std::unique_ptr<HttpClient> http_;
  RateLimiter limiter_;
  std::uint64_t requests_ = 0;
};

// ---------------------------------------------------------------------------
// A resumable fetch (docs/pubmed.md, "Resume").

// What an interrupted run left: the query, its PMIDs from esearch and how
// many of them (from the first) are in the store.
struct PubmedFetchState {
  std::string query;
  std::uint64_t count = 0;  // esearch's Count
  std::vector<std::string> pmids;
  std::size_t done = 0;  // pmids[0, done) are in the store
};

// The state file of `query` beside the store at `store_path`:
// "<store_path>.pubmed-<16 hex digits of the query's SHA-256>.json".
std::string PubmedStatePath(const std::string& store_path,
                            const std::string& query);

// Reads a state file. nullopt when there is none; Corruption naming the
// file when it is not one.
Result<std::optional<PubmedFetchState>> ReadPubmedState(
    const std::string& path);
// Writes a state file atomically (a temporary file, fsync, rename): a kill
// leaves the old state or the new one. IOError naming the file.
Status WritePubmedState(const std::string& path, const PubmedFetchState& state);

struct PubmedFetchOptions {
  std::string query;
  std::uint64_t max = kEsearchMaxIds;  // records at most, 1 to 10,000
  std::size_t batch = 200;             // PMIDs per efetch, at least 1
  bool restart = false;                // ignore a state file and search again
  std::string state_path;              // PubmedStatePath of the store and query
};

// One efetch batch, handed to the sink.
struct PubmedBatch {
  std::size_t number = 0;   // 1-based, over the whole PMID list
  std::size_t batches = 0;  // how many the list makes
  std::size_t first = 0;    // index of its first PMID in the list
  std::vector<std::string> pmids;
  std::string xml;  // the PubmedArticleSet efetch returned
};

// Imports a batch; OK marks it done in the state file. A failure stops the
// fetch with that status (the state file keeps what was done before).
using PubmedBatchSink = std::function<Status(PubmedBatch&& batch)>;

struct PubmedFetchSummary {
  std::uint64_t count = 0;     // esearch's Count for the query
  std::size_t pmids = 0;       // PMIDs to fetch (at most max)
  std::size_t batches = 0;     // batches the PMID list makes
  bool resumed = false;        // taken up from a state file
  std::size_t skipped = 0;     // PMIDs already in the store then
  std::size_t fetched = 0;     // PMIDs fetched and imported by this run
  std::uint64_t requests = 0;  // HTTP requests sent, retries included
};

// What FetchPubmed tells as it goes; each may be empty.
struct PubmedFetchEvents {
  // After esearch, or after reading the state file of an interrupted run.
  std::function<void(const PubmedFetchSummary&)> planned;
  // Notes worth a warning: NCBI's warnings about the query, a count past
  // esearch's 10,000, a state file that was not usable.
  std::function<void(const std::string&)> note;
};

// Fetches the query's records into `sink`, batch by batch, and keeps the
// state file at options.state_path up to date: written after esearch,
// after each batch the sink took, and removed once every batch is done. A
// state file of the same query (unless options.restart) is taken up where
// it left off, without a new esearch. Fills `summary` as it goes (also on
// failure). Returns the first failure of esearch, efetch, the sink or the
// state file; the state file then allows a rerun to resume.
Status FetchPubmed(EutilsClient& client, const PubmedFetchOptions& options,
                   const PubmedBatchSink& sink, const PubmedFetchEvents& events,
                   PubmedFetchSummary* summary);

}  // namespace claimcheck

#endif  // CLAIMCHECK_EUTILS_H_
