// Shared plumbing of the claimcheck command (see cli.h).
#include "cli.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23  // Linux 5.14; older headers lack it
#endif

#include "claimcheck/concepts.h"
#include "claimcheck/io.h"
#include "claimcheck/text.h"

namespace claimcheck::cli {

namespace {

namespace fs = std::filesystem;

// True when the running binary sits in a CMake build tree (a CMakeCache.txt
// in its directory or up to three levels above it).
bool RunningFromBuildTree() {
  std::error_code ec;
  fs::path dir = fs::read_symlink("/proc/self/exe", ec).parent_path();
  if (ec) return false;
  for (int up = 0; up < 4 && !dir.empty(); ++up) {
    if (fs::exists(dir / "CMakeCache.txt", ec)) return true;
    dir = dir.parent_path();
  }
  return false;
}

}  // namespace

std::string Context::KbDir() const {
  if (!options.kb.empty()) return options.kb;
  if (const char* env = std::getenv("CLAIMCHECK_KB"); env && *env) return env;
  if (RunningFromBuildTree()) return CLAIMCHECK_SOURCE_KB;
  return CLAIMCHECK_INSTALLED_KB;
}

void Context::Error(std::string_view message) const {
  *err << "claimcheck " << command << ": " << message << "\n";
}

void Context::Warn(std::string_view message) const {
  if (options.verbosity > 0) {
    *err << "claimcheck " << command << ": warning: " << message << "\n";
  }
}

int Context::Fail(const Status& status) const {
  Error(status.message());
  return status.ExitCode();
}

int Context::Usage(std::string_view message) const {
  Error(message);
  *err << "Run 'claimcheck help " << command.substr(0, command.find(' '))
       << "' for usage.\n";
  return kExitUsage;
}

bool Context::Format(const std::vector<std::string>& allowed,
                     const std::string& fallback, std::string* format) const {
  *format = options.format.empty() ? fallback : options.format;
  for (const std::string& a : allowed) {
    if (a == *format) return true;
  }
  std::string list;
  for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
  Usage("--format " + *format + " is not available here (choose " + list + ")");
  return false;
}

int Context::Emit(const std::string& data) const {
  if (options.output.empty() || options.output == "-") {
    std::fwrite(data.data(), 1, data.size(), stdout);
    if (std::fflush(stdout) != 0) {
      Error("cannot write to standard output");
      return kExitUsage;
    }
    return kExitOk;
  }
  const fs::path target(options.output);
  const fs::path tmp = target.string() + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.close();
    if (!out) {
      std::error_code ec;
      fs::remove(tmp, ec);
      Error(options.output + ": cannot write");
      return kExitUsage;
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    Error(options.output + ": cannot write: " + ec.message());
    return kExitUsage;
  }
  return kExitOk;
}

namespace {

// The commands that judge (query, audit, summary, graph) allocate a few
// megabytes as they go, and the first touch of each new heap page is a page
// fault: ~11 us each on the benchmark machine (a VM), against ~2 us a page
// for pages the kernel fills in one call. So before loading the knowledge
// the heap grows once (by kReadHeap with a store to read, kKbHeap without)
// and the kernel populates it (MADV_POPULATE_WRITE, Linux 5.14). With
// another allocator, an older kernel or a sanitizer nothing changes.
// tools/bench/RESULTS.md has the figures (query by ids with 1M claims: 926
// -> 212 page faults, 20 -> 14 ms; free text without a store 10 -> 8.5 ms).
// The malloc settings stay for the process (these commands are one-shot).
constexpr int kReadHeap = 4 << 20;
constexpr int kKbHeap = 2 << 20;

void PrefaultHeap([[maybe_unused]] int bytes) {
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
  char* const before = static_cast<char*>(sbrk(0));
  // Served from the heap's top (below the mmap threshold), and kept there
  // when freed (the top pad), so that later allocations land on it.
  mallopt(M_MMAP_THRESHOLD, 2 * bytes);
  mallopt(M_TOP_PAD, bytes);
  void* volatile block = std::malloc(bytes);  // volatile: not elided
  std::free(block);
  char* const after = static_cast<char*>(sbrk(0));
  const long page_size = sysconf(_SC_PAGESIZE);
  if (page_size <= 0) return;
  const auto page = static_cast<std::uintptr_t>(page_size);
  const std::uintptr_t start =
      (reinterpret_cast<std::uintptr_t>(before) + page - 1) & ~(page - 1);
  if (before == reinterpret_cast<char*>(-1) ||
      reinterpret_cast<std::uintptr_t>(after) <= start) {
    return;
  }
  // Failure (EINVAL before Linux 5.14) only leaves the faults to come.
  madvise(reinterpret_cast<void*>(start),
          reinterpret_cast<std::uintptr_t>(after) - start, MADV_POPULATE_WRITE);
#endif
}

}  // namespace

bool LoadEvidence(const Context& context, const Vocabulary& vocabulary,
                  EvidenceBase* base, int* exit_code) {
  bool is_default = false;
  const std::string db = context.StorePath(&is_default);
  std::error_code ec;
  const bool read_store =
      !db.empty() && !(is_default && !std::filesystem::exists(db, ec));
  PrefaultHeap(read_store ? kReadHeap : kKbHeap);
  Diagnostics problems;
  Status loaded =
      Knowledge::Load(context.KbDir(), vocabulary, &base->knowledge, &problems);
  for (const Diagnostic& d : problems) context.Error(d.ToString());
  if (!loaded.ok()) {
    *exit_code = context.Fail(loaded);
    return false;
  }
  if (!read_store) return true;
  Result<std::unique_ptr<Store>> opened = Store::Open(db, OpenMode::kReadOnly);
  if (!opened.ok()) {
    *exit_code = context.Fail(opened.status());
    return false;
  }
  base->store = std::move(opened).value();
  return true;
}

bool ParseFailOn(const Context& context, const std::string& list,
                 std::vector<VerdictWord>* out, int* exit_code) {
  std::stringstream words(list);
  std::string word;
  while (std::getline(words, word, ',')) {
    std::optional<VerdictWord> v = ParseVerdict(word);
    if (!v || *v == VerdictWord::kSupported) {
      *exit_code = context.Usage(
          "--fail-on takes refuted, contested or unsourced (comma-separated), "
          "not '" +
          word + "'");
      return false;
    }
    out->push_back(*v);
  }
  return true;
}

bool UseColour(const Context& context, const std::string& format) {
  return format == "text" && context.options.output.empty() &&
         isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
}

bool LoadVocabulary(const Context& context, Vocabulary* vocabulary,
                    int* exit_code) {
  Diagnostics problems;
  Status loaded = Vocabulary::Load(context.KbDir(), vocabulary, &problems);
  for (const Diagnostic& d : problems) context.Error(d.ToString());
  if (!loaded.ok()) {
    *exit_code = context.Fail(loaded);
    return false;
  }
  return true;
}

bool LoadDocument(const Context& context, const std::string& file,
                  DocumentInput* input, int* exit_code) {
  Result<std::string> read = ReadFile(file);
  if (!read.ok()) {
    *exit_code = context.Fail(read.status());
    return false;
  }
  const std::string_view bytes = read.value();
  const std::string_view head = bytes.substr(0, 65536);
  input->format = DetectFormat(file, head);
  if (input->format == InputFormat::kUnknown) {
    *exit_code = context.Fail(
        Status::InvalidArgument(file + ": " + UnknownFormatReason(file, head)));
    return false;
  }
  std::size_t documents = 0;
  Status imported = ImportBytes(
      bytes, file, ImportOptions(),
      [&](ImportedDocument&& d) {
        if (documents++ == 0) input->imported = std::move(d);
        return Status::OK();
      },
      &input->warnings);
  if (imported.ok() && documents == 0) {
    imported = Status::InvalidArgument(file + ": no document in it");
  }
  Result<DocumentText> text =
      imported.ok() ? BuildDocumentText(input->imported, &input->warnings)
                    : Result<DocumentText>(imported);
  for (const Diagnostic& d : input->warnings) context.Warn(d);
  if (!text.ok()) {
    *exit_code = context.Fail(text.status());
    return false;
  }
  if (documents > 1) {
    context.Warn(file + ": holds " + std::to_string(documents) +
                 " documents; only the first is read");
  }
  if (text.value().text.sentences().empty()) {
    *exit_code = context.Fail(
        Status::InvalidArgument(file + ": empty document (no text to read)"));
    return false;
  }
  input->bytes = std::move(read.value());
  input->text = std::move(text.value().text);
  input->context = std::move(text.value().context);
  input->citations = std::move(text.value().citations);
  input->citation_sentences = std::move(text.value().citation_sentences);
  return true;
}

bool OneFileArgument(const Context& context, std::string* file,
                     int* exit_code) {
  std::vector<std::string> files;
  for (const std::string& arg : context.args) {
    if (arg.size() > 1 && arg[0] == '-') {
      *exit_code = context.Usage("unknown option " + arg);
      return false;
    }
    files.push_back(arg);
  }
  if (files.size() != 1) {
    *exit_code = context.Usage("expects one FILE");
    return false;
  }
  *file = files[0];
  return true;
}

bool ConceptArguments(const Context& context, std::vector<std::string>* names,
                      int* exit_code) {
  for (const std::string& arg : context.args) {
    if (arg.size() > 1 && arg[0] == '-') {
      *exit_code = context.Usage("unknown option " + arg);
      return false;
    }
    names->push_back(arg);
  }
  return true;
}

namespace {

// Lower case, spaces and hyphens as underscores: "Magnesium citrate" and
// "magnesium-citrate" read as magnesium_citrate.
std::string ConceptKey(std::string_view s) {
  std::string out;
  for (const char c : s) {
    out += c == ' ' || c == '-'
               ? '_'
               : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

bool ResolveConcept(const Context& context, const Vocabulary& vocabulary,
                    const std::string& name, std::string* id, int* exit_code) {
  if (vocabulary.Find(name) != nullptr) {
    *id = name;
    return true;
  }
  const std::string key = ConceptKey(name);
  std::vector<std::string> matches, near;
  for (const Concept& c : vocabulary.concepts()) {
    bool match = c.id == key || ConceptKey(c.label) == key;
    for (const std::string& s : c.synonyms) match |= ConceptKey(s) == key;
    if (match) {
      matches.push_back(c.id);
    } else if (!key.empty() && c.id.find(key) != std::string::npos) {
      near.push_back(c.id);
    }
  }
  if (matches.size() == 1) {
    *id = matches.front();
    return true;
  }
  std::string message = "unknown concept '" + name + "'";
  if (matches.size() > 1) {
    message = "'" + name + "' names several concepts:";
    for (const std::string& m : matches) message += " " + m;
    message += "; give an id";
  } else {
    message +=
        " (not an id, label or synonym of " + context.KbDir() + "/concepts)";
    if (!near.empty()) {
      message += "; did you mean";
      for (std::size_t i = 0; i < near.size() && i < 5; ++i) {
        message += (i == 0 ? " " : ", ") + near[i];
      }
      message += "?";
    }
  }
  *exit_code = context.Fail(Status::InvalidArgument(message));
  return false;
}

std::string Context::StorePath(bool* is_default) const {
  *is_default = false;
  if (!options.db.empty()) return options.db;
  if (const char* env = std::getenv("CLAIMCHECK_DB"); env && *env) return env;
  std::string base;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    base = xdg;
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    base = std::string(home) + "/.local/share";
  } else {
    return "";
  }
  *is_default = true;
  return base + "/claimcheck/store.db";
}

bool ReadDocumentInput(const Context& context, DocumentInput* input,
                       int* exit_code) {
  return OneFileArgument(context, &input->file, exit_code) &&
         LoadVocabulary(context, &input->vocabulary, exit_code) &&
         LoadDocument(context, input->file, input, exit_code);
}

void JsonDiagnostics(JsonWriter& w, const Diagnostics& diagnostics) {
  w.StartArray();
  for (const Diagnostic& d : diagnostics) {
    w.StartObject();
    w.Key("file");
    JsonString(w, d.file);
    w.Key("where");
    JsonString(w, d.where);
    w.Key("message");
    JsonString(w, d.message);
    w.EndObject();
  }
  w.EndArray();
}

const Command* FindCommand(std::string_view name) {
  for (const Command& c : Commands()) {
    if (name == c.name) return &c;
  }
  return nullptr;
}

}  // namespace claimcheck::cli
