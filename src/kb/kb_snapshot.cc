// KbSnapshot: the loaded knowledge base in a binary file (cereal's binary
// archive), keyed by XXH3-128 over the program's build id and what stat says
// of the kb's files, with an XXH3-64 checksum over the payload. Covered by
// tests/kb/kb_snapshot_test.cc.
#include "claimcheck/kb_snapshot.h"

#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unicode/uversion.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <string_view>
#include <utility>
#include <vector>

#include "base/view_archive.h"
#include "claimcheck/io.h"
#include "kb/snapshot_members.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace claimcheck {

namespace {

// The file: "CCKBSNP3"; the manifest (the kb files' paths, each ended by a
// NUL); the 16-byte key; the payload's XXH3-64; the payload: the kb (cereal),
// the concept matcher's phrases and the extractor's lexicon (their own
// Save). The manifest, the payload and each of its parts are sections: an
// 8-byte size, then the bytes. Sizes are in this machine's order: a
// snapshot never leaves the machine that wrote it.
constexpr char kMagic[8] = {'C', 'C', 'K', 'B', 'S', 'N', 'P', '3'};
constexpr std::size_t kKeySize = 16;

// The GNU build ids of the program and of every shared object it has
// loaded (a build with ICU as a shared library folds words with that
// library), and ICU's own version: a new build may read kb/ differently, so
// its snapshots are its own. Empty when the program has no build id.
int FindBuildIds(dl_phdr_info* info, std::size_t, void* data) {
  auto* out = static_cast<std::string*>(data);
  const std::size_t before = out->size();
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
    const char* const end = p + ph.p_memsz;
    while (end - p >= static_cast<std::ptrdiff_t>(sizeof(ElfW(Nhdr)))) {
      ElfW(Nhdr) note;
      std::memcpy(&note, p, sizeof note);
      const std::size_t name_size = (note.n_namesz + 3) & ~std::size_t{3};
      const std::size_t desc_size = (note.n_descsz + 3) & ~std::size_t{3};
      const char* const name = p + sizeof note;
      const char* const desc = name + name_size;
      if (static_cast<std::size_t>(end - name) < name_size + desc_size) break;
      if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 &&
          std::memcmp(name, "GNU", 4) == 0) {
        out->append(desc, note.n_descsz);
        out->push_back('\0');
        break;
      }
      p = desc + desc_size;
    }
  }
  // The program comes first: without an id of its own, none is trusted.
  return before == 0 && out->empty() ? 1 : 0;
}

const std::string& BuildId() {
  static const std::string id = [] {
    std::string found;
    dl_iterate_phdr(FindBuildIds, &found);
    if (found.empty()) return found;
    UVersionInfo icu;
    u_getVersion(icu);
    found.append(reinterpret_cast<const char*>(icu), sizeof icu);
    return found;
  }();
  return id;
}

// The entries of concepts/ named *.json, whatever they are, in name order,
// then the three evidence files: what Vocabulary::Load and Knowledge::Load
// read, and the entries they pass over (a dangling link may get a target);
// false when the concepts directory cannot be listed.
bool ListKbFiles(const std::string& kb_dir, std::vector<std::string>* files) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const auto& entry :
       fs::directory_iterator(fs::path(kb_dir) / "concepts", ec)) {
    if (entry.path().extension() == ".json") {
      files->push_back(entry.path().string());
    }
  }
  if (ec) return false;
  std::sort(files->begin(), files->end());
  for (const char* name :
       {"/mesh/descriptors.tsv", "/mesh/aliases.tsv", "/mesh/common_words.tsv",
        "/lexicon.tsv", "/rubric_cues.tsv", "/languages.tsv", "/claims.json",
        "/studies.json", "/reference_values.json"}) {
    files->push_back(kb_dir + name);
  }
  return true;
}

void HashBytes(XXH3_state_t* state, std::string_view bytes) {
  const std::uint64_t size = bytes.size();
  XXH3_128bits_update(state, &size, sizeof size);
  XXH3_128bits_update(state, bytes.data(), bytes.size());
}

// What stat says of a file, in the key: a file written since, replaced or
// renamed over has another size, inode, or change time (which no program
// can set back). The directory's entry stands for the list of its files.
bool HashFileState(XXH3_state_t* state, const std::string& path,
                   long long* newest) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    if (errno != ENOENT) return false;
    // A dangling link, or a file that is not there: that too is a state.
    HashBytes(state, path);
    HashBytes(state, "(missing)");
    return true;
  }
  const std::int64_t fields[] = {static_cast<std::int64_t>(st.st_dev),
                                 static_cast<std::int64_t>(st.st_ino),
                                 static_cast<std::int64_t>(st.st_mode),
                                 static_cast<std::int64_t>(st.st_size),
                                 st.st_mtim.tv_sec,
                                 st.st_mtim.tv_nsec,
                                 st.st_ctim.tv_sec,
                                 st.st_ctim.tv_nsec};
  HashBytes(state, path);
  XXH3_128bits_update(state, fields, sizeof fields);
  *newest = std::max<long long>(
      *newest, std::max<long long>(st.st_mtim.tv_sec, st.st_ctim.tv_sec));
  return true;
}

// The key of the kb as it stands: the build, the kb directory as given, its
// concepts directory and `files`. Empty when one cannot be stat'ed.
// *newest: the latest modification or change time among them (seconds).
std::string KeyOf(const std::string& kb_dir,
                  const std::vector<std::string>& files, long long* newest) {
  const std::string& build = BuildId();
  if (build.empty()) return "";
  XXH3_state_t state;
  XXH3_128bits_reset(&state);
  HashBytes(&state, std::string_view(kMagic, sizeof kMagic));
  HashBytes(&state, build);
  HashBytes(&state, kb_dir);
  *newest = 0;
  if (!HashFileState(&state, kb_dir + "/concepts", newest)) return "";
  for (const std::string& file : files) {
    if (!HashFileState(&state, file, newest)) return "";
  }
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(&state));
  return std::string(reinterpret_cast<const char*>(canonical.digest),
                     sizeof canonical.digest);
}

// Reads an 8-byte size at *at; false when the bytes end first.
bool TakeSize(std::string_view bytes, std::size_t* at, std::uint64_t* out) {
  if (bytes.size() - *at < 8) return false;
  std::memcpy(out, bytes.data() + *at, 8);
  *at += 8;
  return true;
}

void PutSize(std::string* out, std::uint64_t size) {
  out->append(reinterpret_cast<const char*>(&size), 8);
}

// A section: its size, then its bytes.
bool TakeSection(std::string_view bytes, std::size_t* at,
                 std::string_view* out) {
  std::uint64_t size = 0;
  if (!TakeSize(bytes, at, &size) || bytes.size() - *at < size) return false;
  *out = bytes.substr(*at, static_cast<std::size_t>(size));
  *at += static_cast<std::size_t>(size);
  return true;
}

void PutSection(std::string* out, std::string_view section) {
  PutSize(out, section.size());
  out->append(section);
}

}  // namespace

std::string DefaultCacheDir() {
  if (const char* dir = std::getenv("CLAIMCHECK_CACHE_DIR")) return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    return std::string(xdg) + "/claimcheck";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return std::string(home) + "/.cache/claimcheck";
  }
  return "";
}

KbSnapshot::KbSnapshot(std::string kb_dir, std::string cache_dir,
                       int settle_seconds)
    : kb_dir_(std::move(kb_dir)), settle_seconds_(settle_seconds) {
  if (cache_dir.empty() || BuildId().empty()) return;
  // One file per kb directory, named by its absolute path: editing a kb
  // replaces its snapshot instead of adding one.
  std::error_code ec;
  const std::string absolute =
      std::filesystem::absolute(kb_dir_, ec).lexically_normal().string();
  if (ec) return;
  char name[40];
  std::snprintf(name, sizeof name, "/kb-%016llx.snapshot",
                static_cast<unsigned long long>(
                    XXH3_64bits(absolute.data(), absolute.size())));
  path_ = cache_dir + name;
}

bool KbSnapshot::Load(Vocabulary* vocabulary, Knowledge* knowledge,
                      ClaimLexicon* lexicon, AuditCues* cues) {
  if (!enabled()) return false;
  if (LoadSaved(vocabulary, knowledge, lexicon, cues)) return true;
  // A miss: note the kb's state before the caller reads it (Save). Files
  // changed shortly before now may change again within the same tick of a
  // coarse file clock, unseen: such a kb is not saved (key_ stays empty).
  // The precise clock: the kernel may stamp a file from it (multigrain
  // timestamps), ahead of time()'s coarse second.
  files_.clear();
  key_.clear();
  timespec clock{};
  clock_gettime(CLOCK_REALTIME, &clock);
  const auto now = static_cast<long long>(clock.tv_sec);
  if (!ListKbFiles(kb_dir_, &files_)) return false;
  long long newest = 0;
  std::string key = KeyOf(kb_dir_, files_, &newest);
  if (newest + settle_seconds_ <= now) key_ = std::move(key);
  return false;
}

struct KbSnapshot::Mapping {
  void* data = MAP_FAILED;
  std::size_t size = 0;
  ~Mapping() {
    if (data != MAP_FAILED) munmap(data, size);
  }
  std::string_view view() const {
    return data == MAP_FAILED
               ? std::string_view()
               : std::string_view(static_cast<const char*>(data), size);
  }
};

std::shared_ptr<KbSnapshot::Mapping> KbSnapshot::MapFile(
    const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st;
  auto mapping = std::make_shared<KbSnapshot::Mapping>();
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    mapping->size = static_cast<std::size_t>(st.st_size);
    mapping->data = ::mmap(nullptr, mapping->size, PROT_READ,
                           MAP_PRIVATE | MAP_POPULATE, fd, 0);
  }
  ::close(fd);
  if (mapping->data == MAP_FAILED) return nullptr;
  return mapping;
}

bool KbSnapshot::LoadSaved(Vocabulary* vocabulary, Knowledge* knowledge,
                           ClaimLexicon* lexicon, AuditCues* cues) {
  std::shared_ptr<Mapping> read = MapFile(path_);
  if (read == nullptr) return false;
  const std::string_view bytes = read->view();
  if (bytes.size() < sizeof kMagic ||
      bytes.compare(0, sizeof kMagic,
                    std::string_view(kMagic, sizeof kMagic)) != 0) {
    return false;
  }
  std::size_t at = sizeof kMagic;
  std::string_view manifest;
  if (!TakeSection(bytes, &at, &manifest)) return false;
  std::vector<std::string> files;
  while (!manifest.empty()) {
    const std::size_t nul = manifest.find('\0');
    if (nul == std::string_view::npos) return false;
    files.emplace_back(manifest.substr(0, nul));
    manifest.remove_prefix(nul + 1);
  }
  long long newest = 0;
  const std::string key = KeyOf(kb_dir_, files, &newest);
  std::uint64_t sum = 0;
  if (key.empty() || bytes.size() - at < kKeySize ||
      bytes.compare(at, kKeySize, key) != 0) {
    return false;
  }
  at += kKeySize;
  std::string_view payload;
  if (!TakeSize(bytes, &at, &sum) || !TakeSection(bytes, &at, &payload) ||
      at != bytes.size() ||
      XXH3_64bits(payload.data(), payload.size()) != sum) {
    return false;
  }
  std::string_view kb, matcher, saved_lexicon, saved_cues;
  std::size_t in_payload = 0;
  if (!TakeSection(payload, &in_payload, &kb) ||
      !TakeSection(payload, &in_payload, &matcher) ||
      !TakeSection(payload, &in_payload, &saved_lexicon) ||
      !TakeSection(payload, &in_payload, &saved_cues) ||
      in_payload != payload.size()) {
    return false;
  }
  ConceptColumns columns;
  Vocabulary::Index index;
  std::map<std::string, std::string, std::less<>> alternate;
  std::string mesh_year;
  std::vector<std::string> common_words;
  std::vector<CuratedClaim> claims;
  std::vector<Study> studies;
  std::vector<ReferenceValue> reference_values;
  if (!LoadBinary(kb, columns, index.by_id, index.child_begin, index.children,
                  index.mesh_names, index.mesh_spans, alternate, mesh_year,
                  common_words, claims, studies, reference_values)) {
    return false;
  }
  // The concepts are built from their columns when first asked for.
  std::optional<ConceptTable> concepts =
      ConceptTable::FromColumns(std::move(columns));
  std::optional<ClaimLexicon> words = ClaimLexicon::FromSaved(saved_lexicon);
  std::optional<AuditCues> rubric = AuditCues::FromSaved(saved_cues);
  Vocabulary v;
  if (!concepts || !words || !rubric ||
      !Vocabulary::Adopt(std::move(*concepts), std::move(index), &v).ok()) {
    return false;
  }
  for (const auto& [ui, id] : alternate) {
    if (!v.AddAlternateId(ui, id).ok()) return false;
  }
  v.set_mesh_year(std::move(mesh_year));
  v.set_common_words(std::move(common_words));
  *vocabulary = std::move(v);
  *knowledge = Knowledge::Assemble(std::move(claims), std::move(studies),
                                   std::move(reference_values));
  *lexicon = std::move(*words);
  *cues = std::move(*rubric);
  // The matcher's tables are read when the loader asks (LoadMatcher), with
  // the vocabulary where it will stay.
  const std::size_t matcher_at =
      static_cast<std::size_t>(matcher.data() - bytes.data());
  bytes_ = std::move(read);
  matcher_ = bytes_->view().substr(matcher_at, matcher.size());
  return true;
}

std::optional<ConceptMatcher> KbSnapshot::LoadMatcher(
    const Vocabulary& vocabulary) {
  if (matcher_.empty()) return std::nullopt;
  std::optional<ConceptMatcher> matcher =
      ConceptMatcher::Load(vocabulary, matcher_);
  matcher_ = std::string_view();
  bytes_.reset();
  return matcher;
}

namespace {

// How old a save's temporary file must be before a later save removes it:
// a save takes milliseconds, so one this old was left by a process killed
// between mkstemp and rename.
constexpr std::chrono::minutes kStaleTemporary{10};

// Removes the temporary files (PATH.XXXXXX) of saves of the snapshot at
// `path` that never reached their rename.
void SweepTemporaries(const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const std::string prefix = target.filename().string() + ".";
  const auto now = fs::file_time_type::clock::now();
  std::error_code ec;
  for (fs::directory_iterator it(target.parent_path(), ec), end;
       !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() != prefix.size() + 6 ||
        name.compare(0, prefix.size(), prefix) != 0) {
      continue;
    }
    std::error_code file_ec;
    const fs::file_time_type written = fs::last_write_time(it->path(), file_ec);
    if (file_ec || !it->is_regular_file(file_ec) ||
        now - written < kStaleTemporary) {
      continue;
    }
    fs::remove(it->path(), file_ec);
  }
}

}  // namespace

Status KbSnapshot::Save(const Vocabulary& vocabulary,
                        const Knowledge& knowledge, const ClaimLexicon& lexicon,
                        const AuditCues& cues,
                        const ConceptMatcher& matcher) const {
  if (key_.empty()) return Status::OK();  // no miss noted
  // The kb must be as it was before the loads read it.
  std::vector<std::string> files;
  long long newest = 0;
  if (!ListKbFiles(kb_dir_, &files) || files != files_ ||
      KeyOf(kb_dir_, files, &newest) != key_) {
    return Status::OK();
  }
  std::string payload;
  const Vocabulary::Index index = vocabulary.ExportIndex();
  PutSection(&payload,
             SaveBinary(vocabulary.concepts().ToColumns(), index.by_id,
                        index.child_begin, index.children, index.mesh_names,
                        index.mesh_spans, vocabulary.alternate_ids(),
                        vocabulary.mesh_year(), vocabulary.common_words(),
                        knowledge.claims(), knowledge.studies(),
                        knowledge.reference_values()));
  PutSection(&payload, matcher.Save());
  PutSection(&payload, lexicon.Save());
  PutSection(&payload, cues.Save());
  std::string manifest;
  for (const std::string& file : files_) {
    manifest += file;
    manifest += '\0';
  }
  std::string file(kMagic, sizeof kMagic);
  PutSection(&file, manifest);
  file += key_;
  PutSize(&file, XXH3_64bits(payload.data(), payload.size()));
  PutSection(&file, payload);

  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path target(path_);
  fs::create_directories(target.parent_path(), ec);
  if (ec) {
    return Status::IOError(target.parent_path().string() + ": " + ec.message());
  }
  // A fresh temporary file beside the snapshot (O_EXCL, mode 0600), renamed
  // over it: readers see the old snapshot or the new one, never a part.
  std::string tmp = path_ + ".XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) {
    return Status::IOError(tmp + ": " + std::strerror(errno));
  }
  std::string_view rest = file;
  while (!rest.empty()) {
    const ssize_t n = ::write(fd, rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
  const int saved_errno = errno;
  if (::close(fd) != 0 || !rest.empty()) {
    ::unlink(tmp.c_str());
    return Status::IOError(tmp + ": cannot write the kb snapshot: " +
                           std::strerror(rest.empty() ? errno : saved_errno));
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    ::unlink(tmp.c_str());
    return Status::IOError(path_ + ": " + ec.message());
  }
  SweepTemporaries(path_);
  return Status::OK();
}

}  // namespace claimcheck
