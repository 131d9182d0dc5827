// mesh_lexicon: builds kb/mesh/descriptors.tsv, the MeSH part of claimcheck's
// vocabulary, from NLM's MeSH tables (../shared/mesh: terms, tree numbers,
// pharmacological actions) and the typing exceptions in kb/mesh/typing.tsv.
// Same input, same bytes: rows by descriptor UI, terms in the tables' order.
//
//   mesh_lexicon --mesh ../shared/mesh --typing kb/mesh/typing.tsv
//                -o kb/mesh/descriptors.tsv
//
// What it keeps and how it types each descriptor is docs/vocabulary.md,
// "The MeSH table" and "Typing by branch". Exits 2 naming the file and line
// of the first row it cannot read.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct Fail {
  std::string message;
};

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

// Calls `row(fields, line_number)` for every line after the header, which
// must start with `header`. Lines starting with '#' are comments.
template <typename Row>
void ReadTable(const std::string& path, std::string_view header,
               std::size_t columns, Row row) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Fail{path + ": cannot open"};
  std::string line;
  std::size_t number = 0;
  bool seen_header = false;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (!seen_header) {
      if (line.rfind(header, 0) != 0) {
        throw Fail{path + ":" + std::to_string(number) +
                   ": expected the header '" + std::string(header) + "'"};
      }
      seen_header = true;
      continue;
    }
    std::vector<std::string> fields = SplitTabs(line);
    if (fields.size() != columns) {
      throw Fail{path + ":" + std::to_string(number) + ": expected " +
                 std::to_string(columns) + " tab-separated fields, found " +
                 std::to_string(fields.size())};
    }
    row(fields, number);
  }
  if (!seen_header) throw Fail{path + ": no header line"};
}

struct Descriptor {
  std::string name;
  std::vector<std::string> trees;
  std::vector<std::string> terms;          // in the tables' order
  std::vector<std::string> abbreviations;  // lexical tag ABB or ACR
  std::set<std::string> actions;
  std::string kind, scope, better;
  std::set<std::string> parents;
};

bool IsUi(const std::string& s) {
  if (s.size() < 7 || s[0] != 'D') return false;
  return std::all_of(s.begin() + 1, s.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// docs/vocabulary.md, "The MeSH table": an inverted term with one comma is
// put in its natural order ("Cells, B" -> "B Cells", "Diabetes Mellitus,
// Type 2" -> "Type 2 Diabetes Mellitus"); other terms are returned as they
// are.
std::string Uninvert(const std::string& term) {
  const std::size_t comma = term.find(", ");
  if (comma == std::string::npos ||
      term.find(',', comma + 1) != std::string::npos ||
      term.find_first_of(";()[]{}") != std::string::npos) {
    return term;
  }
  return term.substr(comma + 2) + " " + term.substr(0, comma);
}

// docs/vocabulary.md, "The MeSH table": a term is kept for matching when it
// can occur as running text: no lab number, no inverted or bracketed form
// ("Sulfate, Magnesium", "Receptors, GABA-A": the matcher breaks phrases at
// commas and brackets, so they could never match), at most eight words.
bool KeepTerm(const std::string& term, const std::string& lexical_tag) {
  if (lexical_tag == "LAB") return false;
  if (term.find_first_of(",;()[]{}") != std::string::npos) return false;
  std::size_t words = 1;
  for (char c : term) words += c == ' ';
  return words <= 8 && !term.empty();
}

// True when `tree` lies in `branch`: a letter ("D", every D tree) or a
// tree number ("D12.776", itself and every number below it).
bool Under(const std::string& tree, std::string_view branch) {
  if (branch.size() == 1) return !tree.empty() && tree[0] == branch[0];
  return tree.compare(0, branch.size(), branch) == 0 &&
         (tree.size() == branch.size() || tree[branch.size()] == '.');
}

bool AnyUnder(const std::vector<std::string>& trees,
              std::initializer_list<std::string_view> branches) {
  for (const std::string& t : trees) {
    for (std::string_view b : branches) {
      if (Under(t, b)) return true;
    }
  }
  return false;
}

// docs/vocabulary.md, "Typing by branch": the first rule that any of the
// descriptor's tree numbers meets decides its kind and scope; outcomes of
// diseases and mental disorders are better lower. kb/mesh/typing.tsv
// overrides all of it.
void TypeByBranch(Descriptor* d) {
  const auto& t = d->trees;
  d->better = "-";
  d->scope = "argument";
  // 1. What a person eats, takes or does, and what is done to a person.
  if (AnyUnder(t, {"J02", "G07.203.300", "G07.203.650.240", "E02", "E03", "E04",
                   "E07", "F04.754", "I03", "B01.650", "B01.875", "B01.300",
                   "B03", "B04"})) {
    d->kind = "intervention";
    return;
  }
  // 2. Pharmacological classes: a label for many substances, not a
  // substance (filed under D27, and otherwise only among biological factors
  // or preparations: "Antioxidants").
  bool only_d27 = !t.empty();
  for (const std::string& tree : t) {
    if (tree[0] == 'D' && !Under(tree, "D27") && !Under(tree, "D23") &&
        !Under(tree, "D26")) {
      only_d27 = false;
    }
  }
  if (only_d27 && AnyUnder(t, {"D27"})) {
    d->kind = "intervention";
    d->scope = "class";
    return;
  }
  // 3. The body's own signals and machinery filed among chemicals: hormones,
  // enzymes, proteins and peptides, biological factors.
  if (AnyUnder(t, {"D06.472", "D08", "D12.644", "D12.776", "D23"})) {
    d->kind = "mechanism";
    return;
  }
  // 4. Other chemicals and drugs.
  if (AnyUnder(t, {"D"})) {
    d->kind = "intervention";
    return;
  }
  // 5. Diseases, disorders, signs and symptoms: lower is better.
  if (AnyUnder(t, {"C", "F03"})) {
    d->kind = "outcome";
    d->better = "lower";
    return;
  }
  // 6. Behaviour, mind and body function a person is measured on.
  if (AnyUnder(t, {"F01", "F02", "G07", "G08", "G09", "G10", "G11", "G12",
                   "G13", "G14", "G15", "G16"})) {
    d->kind = "outcome";
    return;
  }
  // 7. Body structures, molecular and cellular processes, other organisms.
  if (AnyUnder(t, {"A", "G01", "G02", "G03", "G04", "G05", "G06", "B"})) {
    d->kind = "mechanism";
    if (AnyUnder(t, {"B01.050"})) d->scope = "population";  // animals
    return;
  }
  // 8. Never a claim argument: named groups of people (population); methods,
  // places, disciplines, publication types, health care (other).
  d->kind = "mechanism";
  d->scope = AnyUnder(t, {"M"}) ? "population" : "other";
}

std::string Join(const std::vector<std::string>& v, char sep) {
  std::string out;
  for (const std::string& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out.empty() ? "-" : out;
}

int Run(const std::string& mesh_dir, const std::string& typing_path,
        const std::string& out_path) {
  std::map<std::string, Descriptor> descriptors;
  const std::string terms_path = mesh_dir + "/mesh2024-terms.tsv";
  ReadTable(terms_path,
            "DescriptorUI\tDescriptorName\tConceptUI\tTermUI\tTermName", 9,
            [&](const std::vector<std::string>& f, std::size_t line) {
              if (!IsUi(f[0]) || f[1].empty() || f[4].empty()) {
                throw Fail{terms_path + ":" + std::to_string(line) +
                           ": a row needs a descriptor UI, name and term"};
              }
              Descriptor& d = descriptors[f[0]];
              d.name = f[1];
              // An inverted name ("Receptors, GABA-A") is matched in its
              // natural order.
              if (d.terms.empty() && Uninvert(f[1]) != f[1] &&
                  KeepTerm(Uninvert(f[1]), "NON")) {
                d.terms.push_back(Uninvert(f[1]));
              }
              const std::string term = Uninvert(f[4]);
              if (term == f[1] || !KeepTerm(term, f[7])) return;
              const bool abbreviation = f[7] == "ABB" || f[7] == "ACR";
              auto& list = abbreviation ? d.abbreviations : d.terms;
              for (const std::string& seen : list) {
                if (abbreviation ? seen == term : Lower(seen) == Lower(term)) {
                  return;
                }
              }
              list.push_back(term);
            });
  const std::string trees_path = mesh_dir + "/mesh2024-trees.tsv";
  std::map<std::string, std::vector<std::string>> tree_owner;
  ReadTable(trees_path, "DescriptorUI\tDescriptorName\ttree_location", 3,
            [&](const std::vector<std::string>& f, std::size_t line) {
              auto it = descriptors.find(f[0]);
              if (it == descriptors.end() || f[2].empty()) {
                throw Fail{trees_path + ":" + std::to_string(line) +
                           ": tree number of an unknown descriptor"};
              }
              it->second.trees.push_back(f[2]);
              tree_owner[f[2]].push_back(f[0]);
            });
  const std::string actions_path = mesh_dir + "/mesh2024-pharm-actions.tsv";
  ReadTable(actions_path, "DescriptorUI\tDescriptorName\tPharmActionUI", 4,
            [&](const std::vector<std::string>& f, std::size_t line) {
              // Rows of Supplementary Concept Records (C…) are for another
              // day: the table holds descriptors only.
              if (f[0].rfind('C', 0) == 0) return;
              auto it = descriptors.find(f[0]);
              if (it == descriptors.end() || !descriptors.count(f[2])) {
                throw Fail{actions_path + ":" + std::to_string(line) +
                           ": pharmacological action of an unknown descriptor"};
              }
              it->second.actions.insert(f[2]);
            });
  for (auto& [ui, d] : descriptors) TypeByBranch(&d);
  const std::set<std::string> kinds = {"intervention", "mechanism", "outcome"};
  const std::set<std::string> scopes = {"argument", "class", "population",
                                        "other"};
  ReadTable(typing_path, "ui\tkind\tscope\tbetter\tname\treason", 6,
            [&](const std::vector<std::string>& f, std::size_t line) {
              const std::string where =
                  typing_path + ":" + std::to_string(line) + ": ";
              auto it = descriptors.find(f[0]);
              if (it == descriptors.end()) {
                throw Fail{where + "unknown descriptor " + f[0]};
              }
              if (it->second.name != f[4]) {
                throw Fail{where + f[0] + " is '" + it->second.name +
                           "', not '" + f[4] + "'"};
              }
              if (!kinds.count(f[1]) || !scopes.count(f[2]) ||
                  (f[3] != "higher" && f[3] != "lower" && f[3] != "-") ||
                  f[5].empty()) {
                throw Fail{where + "bad kind, scope, better or reason"};
              }
              it->second.kind = f[1];
              it->second.scope = f[2];
              it->second.better = f[3];
            });
  // Is-a from the tree numbers: the descriptor that owns a tree number's
  // parent number, kept when it is of the same kind and scope. MeSH files a
  // few pairs under each other (Strabismus and Ocular Motility Disorders):
  // a link that would close a cycle is left out, links taken in UI order.
  auto is_ancestor = [&](const std::string& of, const std::string& start) {
    std::vector<std::string> stack = {start};
    std::set<std::string> seen;
    while (!stack.empty()) {
      const std::string ui = stack.back();
      stack.pop_back();
      if (ui == of) return true;
      if (!seen.insert(ui).second) continue;
      for (const std::string& p : descriptors.at(ui).parents)
        stack.push_back(p);
    }
    return false;
  };
  for (auto& [ui, d] : descriptors) {
    std::set<std::string> candidates;
    for (const std::string& tree : d.trees) {
      const std::size_t dot = tree.rfind('.');
      if (dot == std::string::npos) continue;
      auto owners = tree_owner.find(tree.substr(0, dot));
      if (owners == tree_owner.end()) continue;
      for (const std::string& parent : owners->second) {
        const Descriptor& p = descriptors.at(parent);
        if (parent != ui && p.kind == d.kind && p.scope == d.scope) {
          candidates.insert(parent);
        }
      }
    }
    for (const std::string& parent : candidates) {
      if (!is_ancestor(ui, parent)) d.parents.insert(parent);
    }
  }
  std::ostringstream out;
  out << "# claimcheck's MeSH vocabulary: one row per MeSH descriptor.\n"
         "# Derived from the U.S. National Library of Medicine's Medical "
         "Subject Headings (MeSH) 2024\n"
         "# (kb/mesh/NOTICE.md) by tools/mesh/mesh_lexicon; modified: see "
         "docs/vocabulary.md.\n"
         "# Do not edit by hand: edit kb/mesh/typing.tsv and run the tool "
         "again.\n"
         "mesh_year\t2024\n"
         "ui\tkind\tscope\tbetter\tlabel\tparents\tactions\tterms\t"
         "abbreviations\n";
  for (const auto& [ui, d] : descriptors) {
    out << ui << '\t' << d.kind << '\t' << d.scope << '\t' << d.better << '\t'
        << d.name << '\t'
        << Join(std::vector<std::string>(d.parents.begin(), d.parents.end()),
                ',')
        << '\t'
        << Join(std::vector<std::string>(d.actions.begin(), d.actions.end()),
                ',')
        << '\t' << Join(d.terms, '|') << '\t' << Join(d.abbreviations, '|')
        << '\n';
  }
  std::ofstream file(out_path, std::ios::binary | std::ios::trunc);
  file << out.str();
  file.close();
  if (!file) throw Fail{out_path + ": cannot write"};
  std::cerr << "mesh_lexicon: " << descriptors.size() << " descriptors -> "
            << out_path << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mesh_dir, typing, out;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 < argc && arg == "--mesh") {
      mesh_dir = argv[++i];
    } else if (i + 1 < argc && arg == "--typing") {
      typing = argv[++i];
    } else if (i + 1 < argc && arg == "-o") {
      out = argv[++i];
    } else {
      std::cerr << "usage: mesh_lexicon --mesh DIR --typing FILE -o FILE\n";
      return 2;
    }
  }
  if (mesh_dir.empty() || typing.empty() || out.empty()) {
    std::cerr << "usage: mesh_lexicon --mesh DIR --typing FILE -o FILE\n";
    return 2;
  }
  try {
    return Run(mesh_dir, typing, out);
  } catch (const Fail& f) {
    std::cerr << "mesh_lexicon: " << f.message << "\n";
    return 2;
  }
}
