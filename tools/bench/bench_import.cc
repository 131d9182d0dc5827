// Benchmark: importing a large PubMed XML file. Builds a file of about
// TARGET_MB from the real records of a PubMed export (each copy under fresh
// PMIDs), then measures, each in a child process so that its peak memory is
// its own:
//   pugixml alone      load_file of the whole file (the baseline)
//   read               ImportFile, records streamed into ImportedDocuments
//   claimcheck import  the command (text, concepts, claims, store), -j 1, 2
// and prints wall time, MB/s, records/s, peak RSS and the ratio to pugixml.
//
//   bench_import CLAIMCHECK_BINARY KB_DIR PUBMED_XML [TARGET_MB]
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

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
// each copy under fresh PMIDs. Returns the number of records.
std::size_t BuildFile(const std::string& source, std::size_t target,
                      const fs::path& out_path) {
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
          std::to_string(100'000'000 + copy * 1000 + static_cast<long>(i)));
      out << r << "\n";
      written += r.size() + 1;
      ++count;
    }
  }
  out << "</PubmedArticleSet>\n";
  return count;
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
  const std::size_t records = BuildFile(
      Slurp(argv[3]), static_cast<std::size_t>(target_mb * 1e6), file);
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
  auto import = [&](const char* jobs) {
    const std::string db =
        (dir / (std::string("store") + jobs + ".db")).string();
    return InChild([&] {
      const int null = ::open("/dev/null", O_WRONLY);
      dup2(null, 1);
      execl(binary.c_str(), binary.c_str(), "--kb", kb.c_str(), "--db",
            db.c_str(), "import", "-j", jobs, file.c_str(),
            static_cast<char*>(nullptr));
      return 127;
    });
  };
  const Measure import1 = import("1");
  const Measure import2 = import("2");

  Row("pugixml load_file (base)", pugi, pugi, mb, records);
  Row("read (ImportFile, no-op)", read, pugi, mb, records);
  Row("claimcheck import -j 1", import1, pugi, mb, records);
  Row("claimcheck import -j 2", import2, pugi, mb, records);
  std::error_code ec;
  fs::remove_all(dir, ec);
  return 0;
}
