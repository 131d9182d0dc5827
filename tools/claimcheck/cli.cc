// Shared plumbing of the claimcheck command (see cli.h).
#include "cli.h"

#include <link.h>
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string_view>
#include <utility>
#include <vector>

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22  // Linux 5.14; older headers lack it
#endif
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

// An AddressSanitizer build (GCC defines __SANITIZE_ADDRESS__, clang
// answers __has_feature): the heap is the sanitizer's, and the leak checker
// must run at exit.
#if defined(__SANITIZE_ADDRESS__)
#define CLAIMCHECK_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CLAIMCHECK_ASAN 1
#endif
#endif
// ThreadSanitizer and MemorySanitizer bring their own allocators too.
#if defined(__SANITIZE_THREAD__)
#define CLAIMCHECK_SANITIZER_HEAP 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define CLAIMCHECK_SANITIZER_HEAP 1
#endif
#endif
// glibc 2.33 or later (mallinfo2), where the heap is prepared (cli.cc).
#if defined(__GLIBC__) && !defined(CLAIMCHECK_ASAN) && \
    !defined(CLAIMCHECK_SANITIZER_HEAP)
#if __GLIBC_PREREQ(2, 33)
#define CLAIMCHECK_PREPARE_HEAP 1
#endif
#endif

#include "claimcheck/concepts.h"
#include "claimcheck/io.h"
#include "claimcheck/pipeline.h"
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

int Context::Finish(int exit_code) const {
#if !defined(CLAIMCHECK_ASAN)
  if (end_process) {
    std::fflush(nullptr);
    std::cout.flush();
    std::cerr.flush();
    std::_Exit(exit_code);
  }
#endif
  return exit_code;
}

namespace {

// The commands that judge (query, audit, summary, graph) run for a few
// milliseconds, and on the benchmark machine (a VM) a page fault costs
// ~11-14 us: their first touches of heap and code pages were a good part of
// a query (tools/bench/RESULTS.md has the figures). So before anything is
// loaded they ask the kernel, in two calls each, for what they will touch.
// With another allocator, without THP, on an older kernel or under a
// sanitizer this does less or nothing; it never changes what a command
// computes.

// The heap. A page the kernel fills ahead (MADV_POPULATE_WRITE) still costs
// ~2 us at its first touch; a transparent huge page, filled ahead, ~0.2 ms
// for all 512 pages of its 2 MB. So the heap grows once by 64 MB of
// address space, its new part starting on a 2 MB boundary and marked
// MADV_HUGEPAGE (the default "madvise" THP setting honours it); the first 2
// or 4 MB, which every such command uses, are filled at once, the rest is
// faulted in 2 MB at a time as it is used (an audit with a store: ~4,600
// faults -> ~140, 105 -> 54 ms; resident memory rounds up to 2 MB).
// glibc's malloc takes memory from the break (sbrk) and accepts a break
// moved by someone else ("foreign sbrk"): the break is moved so that the
// block that makes malloc grow the heap ends just below the boundary and
// stays allocated, so that nothing in the huge pages is touched before they
// are filled (one small page touched inside a 2 MB range and the kernel
// maps small pages there). The malloc settings stay for the process (these
// commands are one-shot).
#if defined(CLAIMCHECK_PREPARE_HEAP)
constexpr std::size_t kReadHeap = std::size_t{4} << 20;
constexpr std::size_t kKbHeap = std::size_t{2} << 20;
// Address space the heap takes at once, marked for huge pages.
constexpr std::size_t kHeapReserve = std::size_t{64} << 20;

void* heap_gap = nullptr;  // the block below the boundary, never freed

void PrefaultHeap(std::size_t bytes, std::uintptr_t page) {
  if (heap_gap != nullptr) return;
  constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
  const auto align_up = [](std::uintptr_t a, std::uintptr_t to) {
    return (a + to - 1) & ~(to - 1);
  };
  const auto break_now = [] {
    return reinterpret_cast<std::uintptr_t>(sbrk(0));
  };
  const std::uintptr_t top = break_now();
  if (top == static_cast<std::uintptr_t>(-1)) return;
  // Served from the heap (blocks up to 32 MB: glibc's largest mmap
  // threshold); the top pad makes malloc's next growth reserve kHeapReserve
  // past the boundary (address space only), and no trimming gives it back.
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(kHeapReserve / 2));
  mallopt(M_TOP_PAD, static_cast<int>(kHeapReserve));
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(2 * kHeapReserve));
  // A block larger than the free space at the heap's top, so that malloc
  // grows the heap for it.
  const std::size_t keep = mallinfo2().keepcost;
  const std::size_t request = keep + (std::size_t{64} << 10);
  // That free space (tens of KB, mostly never touched) is where the next
  // small blocks go once the break has moved: filled in one call here, not
  // in ~10 faults while the kb snapshot loads.
  // (At most 256 KB: after a large block was freed the top can be MBs.)
  const std::size_t fill = std::min(keep, std::size_t{256} << 10);
  if (fill > 0 && fill < top) {
    const std::uintptr_t from = (top - fill) & ~(page - 1);
    madvise(reinterpret_cast<void*>(from), top - from, MADV_POPULATE_WRITE);
  }
  const std::uintptr_t boundary = align_up(top + request + 2 * page, kHugePage);
  const std::uintptr_t below = boundary - request - 2 * page;
  if (sbrk(static_cast<std::intptr_t>(below - top)) ==
      reinterpret_cast<void*>(-1)) {
    return;
  }
  heap_gap = std::malloc(request);
  const std::uintptr_t after = break_now() & ~(kHugePage - 1);
  if (after > boundary) {
    // All of the reserve in huge pages: those past `bytes` are faulted in
    // as they are first touched, 2 MB at a time (an audit with a store
    // uses ~25 MB). Either call failing (no THP; EINVAL before Linux 5.14)
    // only leaves small pages or the faults to come.
    madvise(reinterpret_cast<void*>(boundary), after - boundary, MADV_HUGEPAGE);
    madvise(reinterpret_cast<void*>(boundary),
            std::min<std::uintptr_t>(after - boundary, bytes),
            MADV_POPULATE_WRITE);
  }
}

// The code and data. The program's executable segment (~6 MB) is mapped in
// one MADV_POPULATE_READ instead of ~100 faults of 64 KB each, when all of
// it is in the page cache already (mincore): a program not read since boot
// would be read whole from disk, so then it is left to the faults. Its
// writable data (.data and .bss, ~80 KB) is filled in one
// MADV_POPULATE_WRITE.
int PopulateProgram(dl_phdr_info* info, std::size_t, void* page_size) {
  const std::uintptr_t page = *static_cast<std::uintptr_t*>(page_size);
  // The writable data past what relocation already wrote (the RELRO part):
  // .data and .bss, whose pages SQLite's and ICU's first calls would
  // otherwise fault in one at a time.
  std::uintptr_t relro_end = 0;
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type == PT_GNU_RELRO) {
      relro_end = info->dlpi_addr + ph.p_vaddr + ph.p_memsz;
    }
  }
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type == PT_LOAD && (ph.p_flags & PF_W) != 0) {
      const std::uintptr_t seg = info->dlpi_addr + ph.p_vaddr;
      const std::uintptr_t start =
          (std::max(seg, relro_end) + page - 1) & ~(page - 1);
      const std::uintptr_t end = seg + ph.p_memsz;
      if (end > start) {
        madvise(reinterpret_cast<void*>(start), end - start,
                MADV_POPULATE_WRITE);
      }
    }
  }
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_LOAD || (ph.p_flags & PF_X) == 0) continue;
    const std::uintptr_t start = (info->dlpi_addr + ph.p_vaddr) & ~(page - 1);
    const std::uintptr_t end = info->dlpi_addr + ph.p_vaddr + ph.p_memsz;
    std::vector<unsigned char> resident((end - start + page - 1) / page);
    if (mincore(reinterpret_cast<void*>(start), end - start, resident.data()) !=
        0) {
      continue;
    }
    const bool cached = std::all_of(resident.begin(), resident.end(),
                                    [](unsigned char r) { return r & 1; });
    if (cached) {
      madvise(reinterpret_cast<void*>(start), end - start, MADV_POPULATE_READ);
    }
  }
  return 1;  // the first object is the program: stop there
}
#endif  // CLAIMCHECK_PREPARE_HEAP

// The store judging reads, or "" when it reads none (no --db and no default
// file).
std::string StoreToRead(const Context& context) {
  bool is_default = false;
  std::string db = context.StorePath(&is_default);
  std::error_code ec;
  if (is_default && !std::filesystem::exists(db, ec)) db.clear();
  return db;
}

}  // namespace

#if defined(CLAIMCHECK_PREPARE_HEAP)
namespace {
bool program_populated = false;

void PopulateProgramOnce(std::uintptr_t page) {
  if (std::exchange(program_populated, true)) return;
  dl_iterate_phdr(PopulateProgram, &page);
}

// Before the static initialisers (priority 101 runs first): for a judging
// command, the code and data they and main's first steps would fault in
// one page at a time (~20 faults of iostream, locale, ICU and pugixml
// set-up). glibc passes init_array functions main's arguments; the command
// table (Command::judges) says which commands judge. A word taken for a
// command by mistake costs one populate, never a result.
__attribute__((constructor(101))) void PopulateEarly(int argc, char** argv,
                                                     char**) {
  const int saved_errno = errno;  // nothing here is worth an errno
  for (int i = 1; i < argc && argv != nullptr; ++i) {
    const std::string_view word = argv[i];
    const auto& commands = Commands();
    if (std::any_of(commands.begin(), commands.end(), [&](const Command& c) {
          return c.judges && word == c.name;
        })) {
      const long page_size = sysconf(_SC_PAGESIZE);
      if (page_size > 0) {
        PopulateProgramOnce(static_cast<std::uintptr_t>(page_size));
      }
      break;
    }
  }
  errno = saved_errno;
}
}  // namespace
#endif

void PrepareToJudge([[maybe_unused]] const Context& context) {
#if defined(CLAIMCHECK_PREPARE_HEAP)
  const long page_size = sysconf(_SC_PAGESIZE);
  if (page_size <= 0) return;
  auto page = static_cast<std::uintptr_t>(page_size);
  PopulateProgramOnce(page);
  PrefaultHeap(StoreToRead(context).empty() ? kKbHeap : kReadHeap, page);
#endif
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

namespace {

// docs/vocabulary.md, "Harvested concepts": the substances the records of
// the store name join the vocabulary.
Status AddStoreSubstances(Store* store, KnowledgeBase* kb) {
  std::vector<Substance> substances;
  Status read = store->Substances(&substances);
  if (!read.ok()) return read;
  std::vector<HarvestedName> names;
  names.reserve(substances.size());
  for (Substance& s : substances) {
    names.push_back({std::move(s.ui), std::move(s.name), std::move(s.type)});
  }
  kb->AddHarvested(names);
  return Status::OK();
}

}  // namespace

bool LoadKb(const Context& context, bool judging, Loaded* out, int* exit_code) {
  Diagnostics problems;
  KnowledgeBase::Options options;
  options.cache_dir = DefaultCacheDir();
  Result<std::unique_ptr<KnowledgeBase>> kb =
      KnowledgeBase::Load(context.KbDir(), options, &problems);
  for (const Diagnostic& d : problems) context.Error(d.ToString());
  if (!kb.ok()) {
    *exit_code = context.Fail(kb.status());
    return false;
  }
  out->kb = std::move(kb).value();
  if (judging && !out->kb->evidence_status().ok()) {
    for (const Diagnostic& d : out->kb->evidence_problems()) {
      context.Error(d.ToString());
    }
    *exit_code = context.Fail(out->kb->evidence_status());
    return false;
  }
  const std::string db = StoreToRead(context);
  if (db.empty()) return true;
  Result<std::unique_ptr<Store>> store = Store::Open(db, OpenMode::kReadOnly);
  Status read = store.ok()
                    ? AddStoreSubstances(store.value().get(), out->kb.get())
                    : store.status();
  if (store.status().code() == Status::Code::kNotFound) {
    // Say how a store comes to be, not only that this one does not.
    read = Status::NotFound(
        store.status().message() +
        " (a store is made by importing into it: claimcheck --db " + db +
        " import FILE...; without --db and $CLAIMCHECK_DB only the curated "
        "knowledge base is read)");
  }
  if (read.ok()) {
    out->store = std::move(store).value();
  } else if (judging) {
    *exit_code = context.Fail(read);
    return false;
  }
  // A command that only reads text passes over a store it cannot read.
  return true;
}

bool LoadDocument(const Context& context, const std::string& file,
                  DocumentInput* input, int* exit_code) {
  Result<std::string> read = ReadFile(file);
  if (!read.ok()) {
    *exit_code = context.Fail(read.status());
    return false;
  }
  ReadDocument document;
  Status status =
      ReadDocumentBytes(read.value(), file, &document, &input->warnings);
  for (const Diagnostic& d : input->warnings) context.Warn(d);
  if (!status.ok()) {
    *exit_code = context.Fail(status);
    return false;
  }
  TakeDocument(std::move(read).value(), std::move(document), input);
  return true;
}

void TakeDocument(std::string bytes, ReadDocument&& document,
                  DocumentInput* input) {
  input->bytes = std::move(bytes);
  input->format = document.format;
  input->imported = std::move(document.imported);
  input->text = std::move(document.text.text);
  input->context = std::move(document.text.context);
  input->citations = std::move(document.text.citations);
  input->citation_sentences = std::move(document.text.citation_sentences);
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
         LoadKb(context, /*judging=*/false, &input->loaded, exit_code) &&
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

namespace {

// Takes the value of an option that needs one; false at the end of argv.
bool TakeValue(int argc, char** argv, int* i, std::string* value) {
  if (*i + 1 >= argc) return false;
  *value = argv[++*i];
  return true;
}

}  // namespace

bool ParseCommandLine(int argc, char** argv, bool fixed_command,
                      Context* context, CommandLine* line, int* exit_code) {
  bool options_done = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (!options_done && arg.size() > 1 && arg[0] == '-') {
      std::string* value = nullptr;
      if (arg == "--") {
        options_done = true;
        continue;
      } else if (arg == "--kb") {
        value = &context->options.kb;
      } else if (arg == "--db") {
        value = &context->options.db;
      } else if (arg == "--format") {
        value = &context->options.format;
      } else if (arg == "-o" || arg == "--output") {
        value = &context->options.output;
      } else if (arg == "-q" || arg == "--quiet") {
        context->options.verbosity = 0;
        continue;
      } else if (arg == "-v" || arg == "--verbose") {
        context->options.verbosity = 2;
        continue;
      } else if (arg == "--help" || arg == "-h") {
        context->options.help = true;
        continue;
      } else if (arg == "--version") {
        line->version = true;
        continue;
      } else if (arg.rfind("--", 0) == 0 &&
                 arg.find('=') != std::string::npos) {
        // --format=json is --format json.
        const std::string name = arg.substr(0, arg.find('='));
        if (name == "--kb" || name == "--db" || name == "--format" ||
            name == "--output") {
          std::string& target = name == "--kb"       ? context->options.kb
                                : name == "--db"     ? context->options.db
                                : name == "--format" ? context->options.format
                                                     : context->options.output;
          target = arg.substr(arg.find('=') + 1);
          continue;
        }
      }
      if (value != nullptr) {
        if (!TakeValue(argc, argv, &i, value)) {
          std::cerr << "claimcheck: " << arg << " needs a value\n";
          *exit_code = kExitUsage;
          return false;
        }
        continue;
      }
      if (line->command.empty() && !fixed_command) {
        std::cerr << "claimcheck: unknown option " << arg
                  << "\nRun 'claimcheck help' for usage.\n";
        *exit_code = kExitUsage;
        return false;
      }
      context->args.push_back(arg);  // the command's own option
      continue;
    }
    if (line->command.empty() && !fixed_command) {
      line->command = arg;
    } else {
      context->args.push_back(arg);
    }
  }
  return true;
}

const Command* FindCommand(std::string_view name) {
  for (const Command& c : Commands()) {
    if (name == c.name) return &c;
  }
  return nullptr;
}

int GuardedMain(const char* program, int (*run)(int, char**), int argc,
                char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << program << ": internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << program << ": internal error\n";
  }
  return kExitInternal;
}

}  // namespace claimcheck::cli
