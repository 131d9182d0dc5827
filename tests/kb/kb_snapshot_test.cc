// KbSnapshot (kb_snapshot.h): a snapshot holds exactly what loading the JSON
// builds, is read only while the kb's files are as they were, and any
// damaged, stale or unwritable snapshot falls back to the JSON in silence.
#include "claimcheck/kb_snapshot.h"

#include <stdlib.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <sstream>
#include <string>
#include <thread>

#include "base/view_archive.h"
#include "claims/claims_test_util.h"
#include "claims/lexicon.h"
#include "kb/snapshot_members.h"
#include "test_util.h"

namespace claimcheck::testing {
namespace {

namespace fs = std::filesystem;

struct Loaded {
  Vocabulary vocabulary;
  Knowledge knowledge;
  ClaimLexicon lexicon;
  AuditCues cues;
};

Loaded LoadJson(const std::string& kb) {
  Loaded out;
  Diagnostics problems;
  REQUIRE(Vocabulary::Load(kb, &out.vocabulary, &problems).ok());
  REQUIRE(Knowledge::Load(kb, out.vocabulary, &out.knowledge, &problems).ok());
  REQUIRE(ClaimLexicon::Load(kb, &out.lexicon, &problems).ok());
  REQUIRE(AuditCues::Load(kb, &out.cues, &problems).ok());
  REQUIRE(problems.empty());
  return out;
}

// Saves what `l` holds, with a matcher made for its vocabulary.
Status Save(const KbSnapshot& snapshot, const Loaded& l) {
  return snapshot.Save(l.vocabulary, l.knowledge, l.lexicon, l.cues,
                       ConceptMatcher(l.vocabulary));
}

// A miss that loads the JSON and saves it (settled at once: tests do not
// wait), as the commands do.
Loaded MissAndSave(const fs::path& kb, const fs::path& cache) {
  KbSnapshot snapshot(kb.string(), cache.string(), 0);
  REQUIRE(snapshot.enabled());
  Loaded unused;
  REQUIRE_FALSE(snapshot.Load(&unused.vocabulary, &unused.knowledge,
                              &unused.lexicon, &unused.cues));
  Loaded json = LoadJson(kb.string());
  REQUIRE(Save(snapshot, json).ok());
  REQUIRE(fs::exists(snapshot.path()));
  return json;
}

bool Hits(const fs::path& kb, const fs::path& cache, Loaded* out) {
  KbSnapshot snapshot(kb.string(), cache.string(), 0);
  return snapshot.Load(&out->vocabulary, &out->knowledge, &out->lexicon,
                       &out->cues);
}

// Every member of everything loaded, as bytes (the snapshot's own member
// lists, which member counts in snapshot_members.h keep complete).
std::string Bytes(const Loaded& l) {
  std::string mesh_names;
  for (const Concept& c : l.vocabulary.concepts()) {
    mesh_names += std::string(l.vocabulary.MeshTerms(c)) + "\t" +
                  std::string(l.vocabulary.MeshAbbreviations(c)) + "\n";
  }
  const std::vector<Concept> concepts(l.vocabulary.concepts().begin(),
                                      l.vocabulary.concepts().end());
  return SaveBinary(concepts, l.knowledge.claims(), l.knowledge.studies(),
                    l.knowledge.reference_values()) +
         mesh_names + l.vocabulary.mesh_year() + l.lexicon.Save() +
         l.cues.Save();
}

// The claim -> evidence index, which Assemble rebuilds.
std::string Index(const Loaded& l) {
  std::string out;
  for (const CuratedClaim& c : l.knowledge.claims()) {
    out += c.id + ":";
    for (const ClaimEvidence& e : l.knowledge.StudiesForClaim(c.id)) {
      out += e.study->id + "/" + e.evidence->claim + ",";
    }
    out += "\n";
  }
  for (const Concept& c : l.vocabulary.concepts()) {
    REQUIRE(l.vocabulary.Find(c.id) == &c);
  }
  return out;
}

// A bare outcome concept for tests that need one.
Concept OutcomeConcept(const std::string& id, const std::string& label) {
  Concept c;
  c.id = id;
  c.kind = ConceptKind::kOutcome;
  c.label = label;
  return c;
}

TEST_CASE("a snapshot holds what the JSON loads, member for member",
          "[kb][snapshot]") {
  const fs::path kb = CopyKb("snap_same");
  const fs::path cache = kb.parent_path() / "cache";
  const Loaded json = MissAndSave(kb, cache);
  Loaded snap;
  REQUIRE(Hits(kb, cache, &snap));
  CHECK(snap.vocabulary.concepts().size() == json.vocabulary.concepts().size());
  CHECK(snap.knowledge.studies().size() == json.knowledge.studies().size());
  CHECK(snap.knowledge.studies().size() > 50);
  CHECK(Bytes(snap) == Bytes(json));
  CHECK(Index(snap) == Index(json));
  CHECK(snap.vocabulary.IsA("magnesium_citrate", "magnesium"));
}

TEST_CASE("a changed, added or removed kb file is read from its JSON",
          "[kb][snapshot]") {
  const fs::path kb = CopyKb("snap_stale");
  const fs::path cache = kb.parent_path() / "cache";
  MissAndSave(kb, cache);
  Loaded snap;
  REQUIRE(Hits(kb, cache, &snap));

  SECTION("an edited concept label") {
    const fs::path file = kb / "concepts" / "outcomes.json";
    WriteFile(file, ReplaceOnce(Slurp(file.string()), "\"label\": \"sleep\"",
                                "\"label\": \"sleep (edited)\""));
    Loaded stale;
    CHECK_FALSE(Hits(kb, cache, &stale));
    const Loaded json = MissAndSave(kb, cache);
    CHECK(json.vocabulary.Find("sleep")->label == "sleep (edited)");
    Loaded again;
    REQUIRE(Hits(kb, cache, &again));
    CHECK(again.vocabulary.Find("sleep")->label == "sleep (edited)");
  }
  SECTION("the same bytes written again (a new change time)") {
    // File times come from the kernel's coarse clock (a tick is 1-10 ms):
    // a write in the tick of the save would look the same. Commands never
    // save a kb changed in the last two seconds; this test waits a tick.
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    const fs::path file = kb / "studies.json";
    WriteFile(file, Slurp(file.string()));
    CHECK_FALSE(Hits(kb, cache, &snap));
  }
  SECTION("a concepts file added") {
    fs::copy_file(kb / "concepts" / "mechanisms.json",
                  kb / "concepts" / "zz_extra.json");
    CHECK_FALSE(Hits(kb, cache, &snap));
  }
  SECTION("a concepts file removed") {
    fs::remove(kb / "concepts" / "mechanisms.json");
    CHECK_FALSE(Hits(kb, cache, &snap));
  }
  SECTION("a dangling link in concepts/ whose target appears") {
    // Vocabulary::Load passes over the link while it dangles, and reads
    // the target once it is there; concepts/ itself does not change then.
    const fs::path target = kb.parent_path() / "elsewhere.json";
    const fs::path kb2 = CopyKb("snap_link");
    const fs::path cache2 = kb2.parent_path() / "cache";
    fs::create_symlink(target, kb2 / "concepts" / "zz_link.json");
    MissAndSave(kb2, cache2);
    Loaded hit;
    REQUIRE(Hits(kb2, cache2, &hit));
    WriteFile(target, "{ not json");
    Loaded stale;
    CHECK_FALSE(Hits(kb2, cache2, &stale));
  }
  SECTION("the same kb reached by another path") {
    // The kb directory as given is part of the key (concepts remember
    // their file's path).
    Loaded other;
    CHECK_FALSE(Hits(kb / ".", cache, &other));
  }
}

TEST_CASE("a kb broken after its snapshot was saved reports its problems",
          "[kb][snapshot]") {
  const fs::path kb = CopyKb("snap_broken");
  const fs::path cache = kb.parent_path() / "cache";
  MissAndSave(kb, cache);
  const fs::path file = kb / "studies.json";
  WriteFile(file, ReplaceOnce(Slurp(file.string()), "\"design\": \"rct\"",
                              "\"design\": \"hearsay\""));
  Loaded l;
  CHECK_FALSE(Hits(kb, cache, &l));
  Diagnostics problems;
  REQUIRE(Vocabulary::Load(kb.string(), &l.vocabulary, &problems).ok());
  CHECK_FALSE(
      Knowledge::Load(kb.string(), l.vocabulary, &l.knowledge, &problems).ok());
  CHECK_FALSE(problems.empty());
}

TEST_CASE("a damaged snapshot is passed over and changes nothing",
          "[kb][snapshot]") {
  const fs::path kb = CopyKb("snap_damaged");
  const fs::path cache = kb.parent_path() / "cache";
  const Loaded json = MissAndSave(kb, cache);
  const std::string path = KbSnapshot(kb.string(), cache.string()).path();
  const std::string good = Slurp(path);
  // Cuts, and flipped bytes, at some 1,500 places spread over the whole
  // file (every 97th byte of a small one), header included.
  const std::size_t step = std::max<std::size_t>(97, good.size() / 1500) | 1;
  std::size_t checked = 0;
  for (std::size_t at = 0; at < good.size(); at += step) {
    for (int damage = 0; damage < 2; ++damage) {
      std::string bad = good;
      if (damage == 0) {
        bad.resize(at);
      } else {
        bad[at] = static_cast<char>(bad[at] ^ 0x5a);
      }
      WriteFile(path, bad);
      KbSnapshot snapshot(kb.string(), cache.string(), 0);
      Loaded l;
      l.vocabulary.Add(OutcomeConcept("marker", "Marker"));
      REQUIRE_FALSE(
          snapshot.Load(&l.vocabulary, &l.knowledge, &l.lexicon, &l.cues));
      REQUIRE(l.vocabulary.concepts().size() == 1);  // left as it was
      REQUIRE(l.knowledge.studies().empty());
      ++checked;
    }
  }
  CHECK(checked > 2000);
  // The good bytes read again: the damage was all that stopped them.
  WriteFile(path, good);
  Loaded l;
  REQUIRE(Hits(kb, cache, &l));
  CHECK(Bytes(l) == Bytes(json));
}

TEST_CASE(
    "snapshots are saved only after a miss, of a settled kb, where the "
    "cache can be written",
    "[kb][snapshot]") {
  const fs::path kb = CopyKb("snap_save");
  const fs::path cache = kb.parent_path() / "cache";
  const Loaded json = LoadJson(kb.string());

  SECTION("no miss noted: nothing to save") {
    KbSnapshot snapshot(kb.string(), cache.string(), 0);
    REQUIRE(Save(snapshot, json).ok());
    CHECK_FALSE(fs::exists(snapshot.path()));
  }
  SECTION("files changed in the last two seconds are not trusted yet") {
    // Stamped an hour ahead: loading the JSON above may have taken longer
    // than the two seconds on a loaded machine (ASan under a parallel build).
    fs::last_write_time(kb / "claims.json", fs::file_time_type::clock::now() +
                                                std::chrono::hours(1));
    KbSnapshot snapshot(kb.string(), cache.string());  // settle: 2 s
    Loaded unused;
    REQUIRE_FALSE(snapshot.Load(&unused.vocabulary, &unused.knowledge,
                                &unused.lexicon, &unused.cues));
    REQUIRE(Save(snapshot, json).ok());
    CHECK_FALSE(fs::exists(snapshot.path()));
  }
  SECTION("a kb file changed between Load and Save") {
    KbSnapshot snapshot(kb.string(), cache.string(), 0);
    Loaded unused;
    REQUIRE_FALSE(snapshot.Load(&unused.vocabulary, &unused.knowledge,
                                &unused.lexicon, &unused.cues));
    const fs::path file = kb / "claims.json";
    WriteFile(file, Slurp(file.string()) + "\n");
    REQUIRE(Save(snapshot, json).ok());
    CHECK_FALSE(fs::exists(snapshot.path()));
  }
  SECTION("a cache that cannot be made") {
    WriteFile(cache, "a file where the cache directory should be");
    KbSnapshot snapshot(kb.string(), (cache / "sub").string(), 0);
    Loaded unused;
    REQUIRE_FALSE(snapshot.Load(&unused.vocabulary, &unused.knowledge,
                                &unused.lexicon, &unused.cues));
    CHECK_FALSE(Save(snapshot, json).ok());
  }
  SECTION("a snapshot that cannot be put in place leaves no file behind") {
    KbSnapshot snapshot(kb.string(), cache.string(), 0);
    fs::create_directories(snapshot.path());  // a directory in its way
    Loaded unused;
    REQUIRE_FALSE(snapshot.Load(&unused.vocabulary, &unused.knowledge,
                                &unused.lexicon, &unused.cues));
    CHECK_FALSE(Save(snapshot, json).ok());
    std::size_t entries = 0;
    for (const auto& e : fs::directory_iterator(cache)) {
      ++entries;
      CHECK(e.path() == fs::path(snapshot.path()));
    }
    CHECK(entries == 1);
  }
  SECTION("a save removes what killed saves left, once it is stale") {
    KbSnapshot snapshot(kb.string(), cache.string(), 0);
    fs::create_directories(cache);
    const std::string base = snapshot.path();
    const auto hour_ago =
        fs::file_time_type::clock::now() - std::chrono::hours(1);
    auto make = [&](const std::string& path, bool old) {
      WriteFile(path, "part of a snapshot");
      if (old) fs::last_write_time(path, hour_ago);
    };
    make(base + ".a1B2c3", true);   // a killed save's: removed
    make(base + ".Zz9Yy8", false);  // a save in progress maybe: kept
    make(base + ".toolong", true);  // not mkstemp's: kept
    make(base + "x.a1B2c3", true);  // another file's: kept
    make((cache / "notes.txt").string(), true);
    fs::create_directories(base + ".dir123");  // not a file: kept
    fs::last_write_time(base + ".dir123", hour_ago);
    Loaded unused;
    REQUIRE_FALSE(snapshot.Load(&unused.vocabulary, &unused.knowledge,
                                &unused.lexicon, &unused.cues));
    REQUIRE(Save(snapshot, json).ok());
    CHECK_FALSE(fs::exists(base + ".a1B2c3"));
    CHECK(fs::exists(base + ".Zz9Yy8"));
    CHECK(fs::exists(base + ".toolong"));
    CHECK(fs::exists(base + "x.a1B2c3"));
    CHECK(fs::exists(cache / "notes.txt"));
    CHECK(fs::exists(base + ".dir123"));
    CHECK(fs::exists(base));
  }
  SECTION("no cache directory: disabled") {
    KbSnapshot snapshot(kb.string(), "", 0);
    CHECK_FALSE(snapshot.enabled());
    Loaded unused;
    CHECK_FALSE(snapshot.Load(&unused.vocabulary, &unused.knowledge,
                              &unused.lexicon, &unused.cues));
    CHECK(Save(snapshot, json).ok());
  }
}

TEST_CASE("the cache directory comes from the environment", "[kb][snapshot]") {
  const char* saved = std::getenv("CLAIMCHECK_CACHE_DIR");
  const std::string kept = saved ? saved : "";
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  const std::string kept_xdg = xdg ? xdg : "";
  setenv("CLAIMCHECK_CACHE_DIR", "/somewhere/cache", 1);
  CHECK(DefaultCacheDir() == "/somewhere/cache");
  setenv("CLAIMCHECK_CACHE_DIR", "", 1);
  CHECK(DefaultCacheDir().empty());
  unsetenv("CLAIMCHECK_CACHE_DIR");
  setenv("XDG_CACHE_HOME", "/xdg", 1);
  CHECK(DefaultCacheDir() == "/xdg/claimcheck");
  unsetenv("XDG_CACHE_HOME");
  if (const char* home = std::getenv("HOME"); home && *home) {
    CHECK(DefaultCacheDir() == std::string(home) + "/.cache/claimcheck");
  }
  if (saved) setenv("CLAIMCHECK_CACHE_DIR", kept.c_str(), 1);
  if (xdg) setenv("XDG_CACHE_HOME", kept_xdg.c_str(), 1);
}

// Every mention and claim of `input` as one line each: concept, offsets,
// polarity, abbreviation; claim kind, triple, hedging, negation, source.
std::string Extraction(const ClaimExtractor& extractor,
                       const std::string& input) {
  Result<Text> text = Text::FromBytes(input, "test", nullptr);
  REQUIRE(text.ok());
  std::vector<Abbreviation> abbreviations;
  const std::vector<Mention> mentions =
      extractor.matcher().Match(text.value(), &abbreviations);
  std::ostringstream out;
  for (const Mention& m : mentions) {
    out << m.target->id << " " << m.start << "-" << m.end << " " << m.polarity
        << " " << m.via_abbreviation << "\n";
  }
  Extracted e;
  e.text = std::move(text).value();
  e.claims = extractor.Extract(e.text, mentions, {});
  out << Dump(e);
  return out.str();
}

std::vector<std::string> Articles() {
  std::vector<std::string> out;
  for (const char* seed : {"000", "001", "002", "003", "004"}) {
    out.push_back(Slurp(SeedPath(seed)));
  }
  out.push_back(Slurp(SourceDir() + "/examples/magnesium-and-sleep.txt"));
  // Abbreviations the text defines make phrases of their own.
  out.push_back(
      "Gamma-aminobutyric acid (GABA) calms. GABA receptors respond to "
      "magnesium. N-methyl-D-aspartate (NMDA) receptors are blocked by it, "
      "and restless legs syndrome (RLS) eases; RLS symptoms fell.");
  return out;
}

TEST_CASE("an extractor from a snapshot reads articles as a built one does",
          "[kb][snapshot]") {
  const fs::path kb = CopyKb("snap_extractor");
  const fs::path cache = kb.parent_path() / "cache";
  MissAndSave(kb, cache);
  KbSnapshot snapshot(kb.string(), cache.string(), 0);
  Loaded snap;
  REQUIRE(snapshot.Load(&snap.vocabulary, &snap.knowledge, &snap.lexicon,
                        &snap.cues));
  std::optional<ConceptMatcher> matcher = snapshot.LoadMatcher(snap.vocabulary);
  REQUIRE(matcher.has_value());
  CHECK_FALSE(snapshot.LoadMatcher(snap.vocabulary).has_value());  // once
  const ClaimExtractor saved_extractor(snap.vocabulary, snap.lexicon,
                                       std::move(*matcher));
  const ClaimExtractor* saved = &saved_extractor;
  const ClaimExtractor built(snap.vocabulary, LoadJson(kb.string()).lexicon);
  std::size_t mentions = 0;
  for (const std::string& article : Articles()) {
    const std::string want = Extraction(built, article);
    CHECK(Extraction(*saved, article) == want);
    mentions +=
        static_cast<std::size_t>(std::count(want.begin(), want.end(), '\n'));
  }
  CHECK(mentions > 300);
}

TEST_CASE("a concept matcher's saved phrases load back, or not at all",
          "[kb][snapshot]") {
  const Vocabulary& vocabulary = RealVocabulary();
  const ConceptMatcher built(vocabulary);
  const std::string saved = built.Save();
  std::optional<ConceptMatcher> loaded =
      ConceptMatcher::Load(vocabulary, saved);
  REQUIRE(loaded.has_value());
  CHECK(loaded->Save() == saved);
  // Cuts at some 2,000 places (every 7th byte of a small save).
  const std::size_t step = std::max<std::size_t>(7, saved.size() / 2000) | 1;
  for (std::size_t cut = 0; cut < saved.size(); cut += step) {
    REQUIRE_FALSE(
        ConceptMatcher::Load(vocabulary, std::string_view(saved).substr(0, cut))
            .has_value());
  }
  // Phrases that name concepts the vocabulary does not have.
  Vocabulary small;
  REQUIRE(small.Add(OutcomeConcept("only", "only")).ok());
  CHECK_FALSE(ConceptMatcher::Load(small, saved).has_value());
}

TEST_CASE("the lexicon's saved tables load back, or not at all",
          "[kb][snapshot]") {
  using claims_internal::Lexicon;
  Lexicon built;
  Diagnostics problems;
  REQUIRE(Lexicon::Read(KbDir() + "/lexicon.tsv", &built, &problems).ok());
  const std::string saved = built.Save();
  CHECK(saved.size() > 30000);  // some 3,000 phrases, not an empty save
  Lexicon loaded;
  REQUIRE(Lexicon::Load(saved, &loaded));
  CHECK(loaded == built);         // every table, entry and value
  CHECK(loaded.Save() == saved);  // the same bytes
  for (std::size_t cut = 0; cut < saved.size(); cut += 61) {
    Lexicon l;
    REQUIRE_FALSE(Lexicon::Load(std::string_view(saved).substr(0, cut), &l));
  }
  CHECK_FALSE(Lexicon::Load(saved + "x", &loaded));
  // A damaged table is refused or, when its numbers still fit, matches
  // without reading outside its text (ASan would see it). The snapshot's
  // checksum stops such bytes before this; this is the second guard.
  std::vector<claims_internal::Tok> toks;
  for (const char* w : {"may", "help", "to", "reduce", "the", "level", "of"}) {
    claims_internal::Tok t;
    t.fold = w;
    toks.push_back(t);
  }
  int refused = 0;
  int loaded_damaged = 0;
  for (std::size_t at = 0; at < saved.size(); at += 7) {
    std::string damaged = saved;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x5a);
    Lexicon l;
    if (!Lexicon::Load(damaged, &l)) {
      ++refused;
      continue;
    }
    ++loaded_damaged;
    for (std::size_t i = 0; i < toks.size(); ++i) {
      claims_internal::Trigger trigger;
      int hedge = 0;
      l.triggers.Match(toks, i, &trigger);
      l.hedges.Match(toks, i, &hedge);
    }
  }
  // Both happen: lengths and offsets are refused, a flipped letter or
  // value loads (and was matched above).
  CHECK(refused > 0);
  CHECK(loaded_damaged > 0);
}

}  // namespace
}  // namespace claimcheck::testing
