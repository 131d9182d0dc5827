// libFuzzer target: the E-utilities responses claimcheck pubmed reads
// (docs/pubmed.md): every input goes through ParseEsearch (JSON or XML by
// its first byte), CheckEfetchBody and IsRateLimitBody; one that passes as
// an efetch body is imported as PubMed XML (ImportBytes, then
// BuildDocumentText), and one that opens like JSON is read as a state file
// (ReadPubmedState). Checks what eutils.h promises of a parsed esearch.
#include "claimcheck/eutils.h"
#include "fuzz_util.h"

namespace {

bool AllDigits(const std::string& s) {
  if (s.empty() || s.size() > 19) return false;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace claimcheck;
  const std::string_view bytes = fuzz::Bytes(data, size);
  const Result<EsearchResult> search = ParseEsearch(bytes);
  if (search.ok()) {
    for (const std::string& id : search.value().ids) FUZZ_CHECK(AllDigits(id));
  } else {
    FUZZ_CHECK(search.status().code() == Status::Code::kInvalidArgument);
    FUZZ_CHECK(!search.status().message().empty());
  }
  IsRateLimitBody(bytes);
  const Status efetch = CheckEfetchBody(bytes);
  if (efetch.ok()) {
    fuzz::Import(bytes, "efetch.xml");
  } else {
    FUZZ_CHECK(!efetch.message().empty());
  }
  if (size > 0 && data[0] == '{') {
    const std::filesystem::path file =
        fuzz::ScratchDir("fuzz_eutils", {}) / "state.json";
    fuzz::WriteBytes(file, bytes);
    const Result<std::optional<PubmedFetchState>> state =
        ReadPubmedState(file.string());
    if (state.ok() && state.value()) {
      FUZZ_CHECK(state.value()->done <= state.value()->pmids.size());
    }
  }
  return 0;
}
