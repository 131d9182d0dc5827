// A resumable fetch of a PubMed query: esearch once, efetch in batches, a
// state file beside the store saying which batches are done
// (docs/pubmed.md, "Resume"). Covered by tests/eutils/pubmed_fetch_test.cc
// and, killed mid-run, tests/eutils/pubmed_cli_test.cc.
#include <fcntl.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/json_util.h"
#include "claimcheck/document.h"
#include "claimcheck/eutils.h"
#include "claimcheck/io.h"

namespace claimcheck {

namespace {

constexpr int kStateVersion = 1;

Status StateCorrupt(const std::string& path, const std::string& why) {
  return Status::Corruption(path + ": not a pubmed state file: " + why);
}

std::string StateJson(const PubmedFetchState& state) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("version");
  w.Int(kStateVersion);
  w.Key("query");
  w.String(state.query.data(),
           static_cast<rapidjson::SizeType>(state.query.size()));
  w.Key("count");
  w.Uint64(state.count);
  w.Key("done");
  w.Uint64(state.done);
  w.Key("pmids");
  w.StartArray();
  for (const std::string& id : state.pmids) {
    w.String(id.data(), static_cast<rapidjson::SizeType>(id.size()));
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

// Writes all of `data` to `fd`; false on a failure (errno set).
bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// The PMID list esearch gave: each once, at most `max`.
std::vector<std::string> FirstIds(const std::vector<std::string>& ids,
                                  std::uint64_t max) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const std::string& id : ids) {
    if (out.size() >= max) break;
    if (seen.insert(id).second) out.push_back(id);
  }
  return out;
}

std::size_t Batches(std::size_t ids, std::size_t batch) {
  return (ids + batch - 1) / batch;
}

// The state to work from: the interrupted run's (resumed) or a new esearch.
Status Plan(EutilsClient& client, const PubmedFetchOptions& options,
            const PubmedFetchEvents& events, PubmedFetchState* state,
            PubmedFetchSummary* summary) {
  if (!options.restart) {
    Result<std::optional<PubmedFetchState>> old =
        ReadPubmedState(options.state_path);
    if (!old.ok()) {
      if (events.note) {
        events.note(old.status().message() + "; searching again");
      }
    } else if (old.value() && old.value()->query != options.query) {
      if (events.note) {
        events.note(options.state_path + ": the state of another query (\"" +
                    old.value()->query + "\"); searching again");
      }
    } else if (old.value()) {
      *state = std::move(*old.value());
      summary->resumed = true;
      if (state->pmids.size() > options.max) {
        state->pmids.resize(options.max);
        state->done = std::min(state->done, state->pmids.size());
      } else if (state->pmids.size() < options.max &&
                 state->count > state->pmids.size() && events.note) {
        events.note("resuming the interrupted run's " +
                    std::to_string(state->pmids.size()) +
                    " PMIDs; --restart searches again");
      }
      return Status::OK();
    }
  }
  Result<EsearchResult> found =
      client.Search(options.query, std::min(options.max, kEsearchMaxIds));
  if (!found.ok()) return found.status();
  if (events.note) {
    for (const std::string& w : found.value().warnings) {
      events.note("esearch: " + w);
    }
    if (found.value().count > kEsearchMaxIds && options.max >= kEsearchMaxIds) {
      events.note("PubMed matches " + std::to_string(found.value().count) +
                  " records and esearch lists only the first 10000; narrow "
                  "the query (docs/pubmed.md, Limits)");
    }
  }
  state->query = options.query;
  state->count = found.value().count;
  state->pmids = FirstIds(found.value().ids, options.max);
  state->done = 0;
  return Status::OK();
}

}  // namespace

std::string PubmedStatePath(const std::string& store_path,
                            const std::string& query) {
  // LocalDocumentId is "sha256:" and 64 hex digits.
  return store_path + ".pubmed-" + LocalDocumentId(query).substr(7, 16) +
         ".json";
}

Result<std::optional<PubmedFetchState>> ReadPubmedState(
    const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return std::optional<PubmedFetchState>();
  }
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  rapidjson::Document doc;
  Diagnostics problems;
  if (!ParseJson(text.value(), path, &doc, &problems)) {
    return StateCorrupt(
        path, problems.empty() ? "bad JSON" : problems.front().message);
  }
  if (!doc.IsObject() || !doc.HasMember("version") || !doc["version"].IsInt() ||
      doc["version"].GetInt() != kStateVersion) {
    return StateCorrupt(path, "no version " + std::to_string(kStateVersion));
  }
  PubmedFetchState state;
  if (!doc.HasMember("query") || !doc["query"].IsString() ||
      !doc.HasMember("count") || !doc["count"].IsUint64() ||
      !doc.HasMember("done") || !doc["done"].IsUint64() ||
      !doc.HasMember("pmids") || !doc["pmids"].IsArray()) {
    return StateCorrupt(path, "query, count, done or pmids missing");
  }
  state.query = doc["query"].GetString();
  state.count = doc["count"].GetUint64();
  for (const auto& id : doc["pmids"].GetArray()) {
    if (!id.IsString()) return StateCorrupt(path, "a PMID is not a string");
    state.pmids.emplace_back(id.GetString(), id.GetStringLength());
  }
  if (doc["done"].GetUint64() > state.pmids.size()) {
    return StateCorrupt(path, "more done than PMIDs");
  }
  state.done = static_cast<std::size_t>(doc["done"].GetUint64());
  return std::optional<PubmedFetchState>(std::move(state));
}

Status WritePubmedState(const std::string& path,
                        const PubmedFetchState& state) {
  const std::string tmp = path + ".tmp" + std::to_string(::getpid());
  const int fd =
      ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Status::IOError(tmp + ": cannot create: " + std::strerror(errno));
  }
  // fsync before the rename: after a crash the name holds the old state or
  // the whole new one, never an empty file.
  const bool written = WriteAll(fd, StateJson(state)) && ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  if (!written || std::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = written ? errno : saved;
    std::remove(tmp.c_str());
    return Status::IOError(path + ": cannot write: " + std::strerror(err));
  }
  return Status::OK();
}

Status FetchPubmed(EutilsClient& client, const PubmedFetchOptions& options,
                   const PubmedBatchSink& sink, const PubmedFetchEvents& events,
                   PubmedFetchSummary* summary) {
  const std::size_t batch = std::max<std::size_t>(1, options.batch);
  PubmedFetchState state;
  const std::uint64_t requests_before = client.requests();
  Status planned = Plan(client, options, events, &state, summary);
  summary->requests = client.requests() - requests_before;
  if (!planned.ok()) return planned;
  summary->count = state.count;
  summary->pmids = state.pmids.size();
  summary->batches = Batches(state.pmids.size(), batch);
  summary->skipped = state.done;
  if (events.planned) events.planned(*summary);
  if (state.done >= state.pmids.size()) {
    // Nothing (left) to fetch: no state file stays behind.
    std::remove(options.state_path.c_str());
    return Status::OK();
  }
  // Written before the first efetch, so that a kill from here on resumes
  // without a second esearch.
  if (Status s = WritePubmedState(options.state_path, state); !s.ok()) {
    return s;
  }
  while (state.done < state.pmids.size()) {
    PubmedBatch b;
    b.first = state.done;
    // Numbered over the whole list, also when a resumed run's batch size
    // differs from the interrupted one's.
    b.number = state.done / batch + 1;
    b.batches = b.number - 1 + Batches(state.pmids.size() - state.done, batch);
    const std::size_t end = std::min(state.pmids.size(), state.done + batch);
    b.pmids.assign(state.pmids.begin() + static_cast<std::ptrdiff_t>(b.first),
                   state.pmids.begin() + static_cast<std::ptrdiff_t>(end));
    Result<std::string> xml = client.Fetch(b.pmids);
    summary->requests = client.requests() - requests_before;
    if (!xml.ok()) return xml.status();
    b.xml = std::move(xml).value();
    if (Status s = sink(std::move(b)); !s.ok()) return s;
    // The store has committed the batch; a kill before this write only
    // costs fetching it again, and the store replaces records by PMID.
    summary->fetched += end - state.done;
    state.done = end;
    if (state.done < state.pmids.size()) {
      if (Status s = WritePubmedState(options.state_path, state); !s.ok()) {
        return s;
      }
    }
  }
  if (std::remove(options.state_path.c_str()) != 0 && errno != ENOENT) {
    return Status::IOError(options.state_path +
                           ": cannot remove: " + std::strerror(errno));
  }
  return Status::OK();
}

}  // namespace claimcheck
