// Benchmark: importing large PubMed XML files. Builds files from the real
// records of a PubMed export (each copy under fresh PMIDs), then measures,
// each in a child process so that its peak memory is its own:
//   pugixml alone       load_file of the whole file (the baseline)
//   xmllint --stream    libxml2's streaming reader over the same file
//   read                ImportFile, records streamed into ImportedDocuments
//   claimcheck import   the command (text, concepts, claims, store), -j 1, 2
//   the same file gzipped, imported directly
//   a file twice as large (peak memory must not grow)
//   two files of half the size at once, -j 1 and -j 2 (both cores)
// and prints wall time, MB/s, records/s, peak RSS and the ratio to pugixml.
//
//   bench_import CLAIMCHECK_BINARY KB_DIR PUBMED_XML [TARGET_MB]
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "claimcheck/importer.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Measure {
  double seconds = 0;
  long peak_kb = 0;
  int exit_code = 0;
};

// Runs `child` in a forked process; its wall time and peak RSS.
Measure InChild(const std::function<int()>& child) {
  const auto start = Clock::now();
  const pid_t pid = fork();
  if (pid == 0) _exit(child());
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  Measure m;
  m.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  m.peak_kb = usage.ru_maxrss;
  m.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return m;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The records of `source` repeated until the file reaches `target` bytes,
// each copy under fresh PMIDs (from `first_pmid` on). Returns the number of
// records.
std::size_t BuildFile(const std::string& source, std::size_t target,
                      const fs::path& out_path, long first_pmid = 100'000'000) {
  std::vector<std::string> records;
  for (std::size_t at = source.find("<PubmedArticle>"); at != std::string::npos;
       at = source.find("<PubmedArticle>", at + 1)) {
    const std::size_t end = source.find("</PubmedArticle>", at);
    if (end == std::string::npos) break;
    records.push_back(source.substr(at, end + 16 - at));
  }
  if (records.empty()) return 0;
  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  out << "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n";
  std::size_t written = 0;
  std::size_t count = 0;
  for (long copy = 0; written < target; ++copy) {
    for (std::size_t i = 0; i < records.size(); ++i) {
      std::string r = records[i];
      const std::size_t open = r.find("<PMID Version=\"1\">") + 18;
      const std::size_t close = r.find("</PMID>", open);
      r.replace(
          open, close - open,
          std::to_string(first_pmid + copy * 1000 + static_cast<long>(i)));
      out << r << "\n";
      written += r.size() + 1;
      ++count;
    }
  }
  out << "</PubmedArticleSet>\n";
  return count;
}

// `in` compressed with gzip (zlib's gzip writer, default level) to `out`.
bool Gzip(const fs::path& in, const fs::path& out) {
  std::ifstream src(in, std::ios::binary);
  gzFile gz = gzopen(out.c_str(), "wb");
  if (gz == nullptr) return false;
  char block[1 << 16];
  bool ok = true;
  while (ok && (src.read(block, sizeof block) || src.gcount() > 0)) {
    ok = gzwrite(gz, block, static_cast<unsigned>(src.gcount())) > 0;
  }
  return gzclose(gz) == Z_OK && ok;
}

// Runs `program` with `args` (stdout to /dev/null) in a child process.
Measure Spawn(const std::vector<std::string>& args) {
  return InChild([&] {
    std::vector<char*> argv;
    for (const std::string& a : args)
      argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const int null = ::open("/dev/null", O_WRONLY);
    dup2(null, 1);
    execvp(argv[0], argv.data());
    return 127;
  });
}

void Row(const char* name, const Measure& m, const Measure& base, double mb,
         std::size_t records) {
  std::printf(
      "  %-28s %7.2f s  %6.1f MB/s  %8.0f rec/s  peak %6.1f MB  %5.2fx%s\n",
      name, m.seconds, mb / m.seconds, static_cast<double>(records) / m.seconds,
      static_cast<double>(m.peak_kb) / 1024.0, m.seconds / base.seconds,
      m.exit_code == 0 ? "" : "  (FAILED)");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr,
                 "usage: bench_import CLAIMCHECK_BINARY KB_DIR PUBMED_XML "
                 "[TARGET_MB]\n");
    return 2;
  }
  const std::string binary = argv[1];
  const std::string kb = argv[2];
  const double target_mb = argc > 4 ? std::atof(argv[4]) : 150.0;
  const fs::path dir = fs::temp_directory_path() /
                       ("claimcheck_bench_import_" + std::to_string(getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / "large.xml";
  const std::string source = Slurp(argv[3]);
  const std::size_t records =
      BuildFile(source, static_cast<std::size_t>(target_mb * 1e6), file);
  const double mb = static_cast<double>(fs::file_size(file)) / 1e6;
  std::printf("== import: %.1f MB, %zu records (from %s)\n", mb, records,
              argv[3]);

  const Measure pugi = InChild([&] {
    pugi::xml_document doc;
    return doc.load_file(file.c_str()) ? 0 : 1;
  });
  const Measure read = InChild([&] {
    std::size_t n = 0;
    claimcheck::Diagnostics problems;
    claimcheck::Status s = claimcheck::ImportFile(
        file.string(), {},
        [&](claimcheck::ImportedDocument&&) {
          ++n;
          return claimcheck::Status::OK();
        },
        &problems);
    return s.ok() && problems.empty() && n == records ? 0 : 1;
  });
  int store_number = 0;
  auto import = [&](const char* jobs, const std::vector<fs::path>& files) {
    const std::string db =
        (dir / ("store" + std::to_string(store_number++) + ".db")).string();
    std::vector<std::string> args = {binary, "--kb",   kb,   "--db",
                                     db,     "import", "-j", jobs};
    for (const fs::path& f : files) args.push_back(f.string());
    return Spawn(args);
  };
  const Measure xmllint = Spawn({"xmllint", "--stream", "--noout", file});
  const Measure import1 = import("1", {file});
  const Measure import2 = import("2", {file});

  Row("pugixml load_file (base)", pugi, pugi, mb, records);
  if (xmllint.exit_code == 127) {
    std::printf("  %-28s not installed (Debian: libxml2-utils)\n",
                "xmllint --stream");
  } else {
    Row("xmllint --stream --noout", xmllint, pugi, mb, records);
  }
  Row("read (ImportFile, no-op)", read, pugi, mb, records);
  Row("claimcheck import -j 1", import1, pugi, mb, records);
  Row("claimcheck import -j 2", import2, pugi, mb, records);

  // The same file gzipped: read through zlib, no file on disk unpacked.
  const fs::path gz = dir / "large.xml.gz";
  if (Gzip(file, gz)) {
    const Measure gzipped = import("1", {gz});
    std::printf("  (gzipped: %.1f MB on disk)\n",
                static_cast<double>(fs::file_size(gz)) / 1e6);
    Row("import .xml.gz -j 1", gzipped, pugi, mb, records);
  }
  fs::remove(gz);

  // Twice as large: the peak memory must stay where it was.
  {
    const fs::path big = dir / "twice.xml";
    const std::size_t big_records =
        BuildFile(source, static_cast<std::size_t>(2 * target_mb * 1e6), big,
                  300'000'000);
    const double big_mb = static_cast<double>(fs::file_size(big)) / 1e6;
    const Measure big_pugi = InChild([&] {
      pugi::xml_document doc;
      return doc.load_file(big.c_str()) ? 0 : 1;
    });
    const Measure big_import = import("1", {big});
    std::printf("== twice as large: %.1f MB, %zu records\n", big_mb,
                big_records);
    Row("pugixml load_file (base)", big_pugi, big_pugi, big_mb, big_records);
    Row("claimcheck import -j 1", big_import, big_pugi, big_mb, big_records);
    std::printf("  %-28s %.2fx the peak of the file half its size\n",
                "peak memory",
                static_cast<double>(big_import.peak_kb) /
                    static_cast<double>(import1.peak_kb));
    fs::remove(big);
  }

  // Two files of half the size in one command: one core, then both.
  {
    const fs::path a = dir / "a.xml";
    const fs::path b = dir / "b.xml";
    const std::size_t half = static_cast<std::size_t>(target_mb * 1e6 / 2);
    const std::size_t n = BuildFile(source, half, a, 500'000'000) +
                          BuildFile(source, half, b, 700'000'000);
    const double two_mb =
        static_cast<double>(fs::file_size(a) + fs::file_size(b)) / 1e6;
    const Measure one_core = import("1", {a, b});
    const Measure two_cores = import("2", {a, b});
    std::printf("== two files at once: %.1f MB, %zu records\n", two_mb, n);
    Row("import a b -j 1 (base)", one_core, one_core, two_mb, n);
    Row("import a b -j 2", two_cores, one_core, two_mb, n);
    std::printf("  %-28s %.2fx with -j 2 (2.00x would be linear)\n", "speed-up",
                one_core.seconds / two_cores.seconds);
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
  return 0;
}
