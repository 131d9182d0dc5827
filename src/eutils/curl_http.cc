// HttpClient over libcurl (Debian's, linked dynamically: docs/pubmed.md,
// "Build"). The one place that knows curl; CurlStatus is the one adapter
// from its error codes to a Status. Covered by tests/eutils/ (a server on
// loopback).
#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "claimcheck/eutils.h"

namespace claimcheck {

namespace {

// The one adapter from a CURLcode to a Status: every transport failure is
// an IOError with curl's words, made more precise by its error buffer.
Status CurlStatus(CURLcode code, const char* detail) {
  if (code == CURLE_OK) return Status::OK();
  std::string message = curl_easy_strerror(code);
  if (detail != nullptr && *detail != '\0') {
    std::string d(detail);
    while (!d.empty() && (d.back() == '\n' || d.back() == '\r')) d.pop_back();
    message += " (" + d + ")";
  }
  return Status::IOError(message);
}

// What the callbacks fill while a transfer runs.
struct Transfer {
  HttpResponse response;
  std::size_t max_body = 0;
  bool too_large = false;
};

std::size_t OnBody(char* data, std::size_t size, std::size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t bytes = size * n;
  if (t->response.body.size() + bytes > t->max_body) {
    t->too_large = true;
    return 0;  // curl then fails the transfer with CURLE_WRITE_ERROR
  }
  t->response.body.append(data, bytes);
  return bytes;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
    s.remove_prefix(1);
  }
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) {
    s.remove_suffix(1);
  }
  return std::string(s);
}

// One header line. A status line starts a response afresh: after a
// redirect or a "100 Continue" only the last response's headers count.
std::size_t OnHeader(char* data, std::size_t size, std::size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::string_view line(data, size * n);
  if (line.rfind("HTTP/", 0) == 0) {
    t->response.headers.clear();
    // "HTTP/1.1 503 Service Unavailable": the words after the code.
    const std::size_t code = line.find(' ');
    const std::size_t reason =
        code == std::string_view::npos ? code : line.find(' ', code + 1);
    t->response.reason =
        reason == std::string_view::npos ? "" : Trim(line.substr(reason + 1));
    return line.size();
  }
  const std::size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    t->response.headers.emplace_back(Trim(line.substr(0, colon)),
                                     Trim(line.substr(colon + 1)));
  }
  return line.size();
}

struct CurlCleanup {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};

class CurlHttpClient : public HttpClient {
 public:
  explicit CurlHttpClient(const HttpOptions& options) : options_(options) {
    // curl_global_init is not thread-safe: once per process.
    static std::once_flag initialised;
    std::call_once(initialised, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  }

  Result<HttpResponse> Send(const HttpRequest& request) override {
    // One handle for the client's life: curl keeps the connection to NCBI
    // open between requests.
    if (!handle_) handle_.reset(curl_easy_init());
    CURL* h = handle_.get();
    if (h == nullptr) return Status::IOError("cannot start libcurl");
    curl_easy_reset(h);
    Transfer transfer;
    transfer.max_body = options_.max_body_bytes;
    char detail[CURL_ERROR_SIZE] = {};
    Status set = Configure(h, request, &transfer, detail);
    if (!set.ok()) return set;
    const CURLcode code = curl_easy_perform(h);
    if (transfer.too_large) {
      return Status::IOError("response larger than " +
                             std::to_string(options_.max_body_bytes) +
                             " bytes");
    }
    if (code != CURLE_OK) return CurlStatus(code, detail);
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    transfer.response.status = status;
    return std::move(transfer.response);
  }

 private:
  Status Configure(CURL* h, const HttpRequest& request, Transfer* transfer,
                   char* detail) {
    const long stall =
        std::max<long>(1, static_cast<long>(options_.stall_timeout.count()));
    CURLcode c = CURLE_OK;
    const auto set = [&c](CURLcode r) {
      if (c == CURLE_OK) c = r;
    };
    set(curl_easy_setopt(h, CURLOPT_ERRORBUFFER, detail));
    set(curl_easy_setopt(h, CURLOPT_URL, request.url.c_str()));
    set(curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L));
    set(curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https"));
    set(curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"));
    set(curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L));
    set(curl_easy_setopt(h, CURLOPT_MAXREDIRS, 5L));
    set(curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, ""));
    set(curl_easy_setopt(h, CURLOPT_USERAGENT, "claimcheck (libcurl)"));
    set(curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
                         static_cast<long>(options_.connect_timeout.count())));
    // A stalled transfer: under one byte a second for `stall` seconds,
    // waiting for the response included.
    set(curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L));
    set(curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, stall));
    set(curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, OnBody));
    set(curl_easy_setopt(h, CURLOPT_WRITEDATA, transfer));
    set(curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, OnHeader));
    set(curl_easy_setopt(h, CURLOPT_HEADERDATA, transfer));
    if (request.form.empty()) {
      set(curl_easy_setopt(h, CURLOPT_HTTPGET, 1L));
    } else {
      set(curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE,
                           static_cast<curl_off_t>(request.form.size())));
      set(curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.form.data()));
    }
    return CurlStatus(c, detail);
  }

  HttpOptions options_;
  std::unique_ptr<CURL, CurlCleanup> handle_;
};

}  // namespace

std::unique_ptr<HttpClient> NewCurlHttpClient(const HttpOptions& options) {
  return std::make_unique<CurlHttpClient>(options);
}

}  // namespace claimcheck
