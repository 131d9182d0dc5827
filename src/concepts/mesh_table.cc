// The MeSH layer of the vocabulary and the consumer alias list: reads
// kb/mesh/descriptors.tsv and kb/mesh/aliases.tsv, and lays them under and
// over the curated concepts (docs/vocabulary.md, "Layers").
// Covered by tests/concepts/mesh_vocabulary_test.cc and
// tests/kb/kb_check_test.cc.
#include "concepts/mesh_table.h"

#include <algorithm>
#include <set>

#include "base/ids.h"
#include "claimcheck/io.h"

namespace claimcheck::concepts_internal {

namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos
                                         ? std::string_view::npos
                                         : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

bool ParseKindWord(std::string_view s, ConceptKind* kind) {
  if (s == "intervention") {
    *kind = ConceptKind::kIntervention;
  } else if (s == "mechanism") {
    *kind = ConceptKind::kMechanism;
  } else if (s == "outcome") {
    *kind = ConceptKind::kOutcome;
  } else {
    return false;
  }
  return true;
}

bool ParseScopeWord(std::string_view s, ConceptScope* scope) {
  for (ConceptScope v : {ConceptScope::kArgument, ConceptScope::kClass,
                         ConceptScope::kPopulation, ConceptScope::kOther}) {
    if (s == ConceptScopeName(v)) {
      *scope = v;
      return true;
    }
  }
  return false;
}

// Calls row(fields, line) for each data line of a table: '#' lines are
// comments; `preamble` lines ("key\tvalue") before the header go to
// `on_preamble`. Returns false (with a problem) when the file cannot be
// read or has no header.
template <typename Row, typename Preamble>
bool ForEachRow(const std::string& path, std::string_view header,
                std::size_t columns, Diagnostics* problems,
                Preamble on_preamble, Row row) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) {
    problems->push_back({path, "", text.status().message()});
    return false;
  }
  std::string_view rest = text.value();
  std::size_t line = 0;
  bool seen_header = false;
  while (!rest.empty()) {
    const std::size_t nl = rest.find('\n');
    std::string_view l = rest.substr(0, nl);
    rest =
        nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++line;
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (l.empty() || l[0] == '#') continue;
    const std::string where = "line " + std::to_string(line);
    if (!seen_header) {
      if (l.substr(0, header.size()) == header) {
        seen_header = true;
      } else if (!on_preamble(SplitTabs(l), where)) {
        problems->push_back({path, where,
                             "expected the header \"" +
                                 std::string(header.substr(0, 40)) + "…\""});
        return false;
      }
      continue;
    }
    const std::vector<std::string_view> fields = SplitTabs(l);
    if (fields.size() != columns) {
      problems->push_back({path, where,
                           "expected " + std::to_string(columns) +
                               " tab-separated fields, found " +
                               std::to_string(fields.size())});
      continue;
    }
    row(fields, line, where);
  }
  if (!seen_header) {
    problems->push_back({path, "", "no header line"});
    return false;
  }
  return true;
}

std::string OrEmpty(std::string_view field) {
  return field == "-" ? std::string() : std::string(field);
}

// A new concept's id from its label: lower case, runs of other characters
// as one '_', apostrophes dropped ("lion's mane" -> lions_mane).
std::string IdFromLabel(std::string_view label) {
  std::string id;
  for (char c : label) {
    if (c == '\'') continue;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (word) {
      id += c;
    } else if (!id.empty() && id.back() != '_') {
      id += '_';
    }
  }
  while (!id.empty() && id.back() == '_') id.pop_back();
  if (!id.empty() && id[0] >= '0' && id[0] <= '9') id.insert(0, "x");
  return id;
}

}  // namespace

bool ReadMeshTable(const std::string& path, MeshTable* out,
                   Diagnostics* problems) {
  const std::size_t before = problems->size();
  std::set<std::string, std::less<>> seen;
  const bool read = ForEachRow(
      path, "ui\tkind\tscope\tbetter\tlabel", 9, problems,
      [&](const std::vector<std::string_view>& f, const std::string&) {
        if (f.size() == 2 && f[0] == "mesh_year" && !f[1].empty()) {
          out->year = std::string(f[1]);
          return true;
        }
        return false;
      },
      [&](const std::vector<std::string_view>& f, std::size_t line,
          const std::string& where) {
        Concept c;
        auto problem = [&](const std::string& m) {
          problems->push_back({path, where, m});
        };
        if (!IsDescriptorUi(f[0]))
          return problem("a descriptor UI is D and digits");
        if (!seen.insert(std::string(f[0])).second) {
          return problem("descriptor " + std::string(f[0]) + " listed twice");
        }
        if (!ParseKindWord(f[1], &c.kind)) {
          return problem("kind must be intervention, mechanism or outcome");
        }
        if (!ParseScopeWord(f[2], &c.scope)) {
          return problem("scope must be argument, class, population or other");
        }
        if (f[3] == "higher") {
          c.better = Better::kHigher;
        } else if (f[3] == "lower") {
          c.better = Better::kLower;
        } else if (f[3] != "-") {
          return problem("better must be higher, lower or -");
        }
        if (c.better != Better::kNone && c.kind != ConceptKind::kOutcome) {
          return problem("only outcomes have a better direction");
        }
        if (f[4].empty()) return problem("a descriptor needs a label");
        c.id = std::string(f[0]);
        c.mesh = c.id;
        c.label = std::string(f[4]);
        c.source = ConceptSource::kMesh;
        c.line = line;
        if (f[5] != "-") {
          for (std::string_view p : SplitList(f[5], ',')) {
            if (!IsDescriptorUi(p))
              return problem("parents are descriptor UIs");
            c.is_a.emplace_back(p);
          }
        }
        // Every check before the row is kept: rows and names stay in step.
        std::string actions;
        if (f[6] != "-") {
          for (std::string_view a : SplitList(f[6], ',')) {
            if (!IsDescriptorUi(a))
              return problem("pharmacological actions are descriptor UIs");
            actions += (actions.empty() ? "" : "|") + std::string(a);
          }
        }
        out->rows.push_back(std::move(c));
        out->names.push_back(
            {OrEmpty(f[7]), OrEmpty(f[8]), std::move(actions)});
      });
  if (read && out->year.empty()) {
    problems->push_back({path, "", "no mesh_year line before the header"});
  }
  // Parents name rows of the table; one that does not is reported and
  // left out.
  for (Concept& c : out->rows) {
    std::vector<std::string> known;
    for (std::string& p : c.is_a) {
      if (!seen.count(p)) {
        problems->push_back({path, "line " + std::to_string(c.line),
                             "unknown parent descriptor " + p});
      } else {
        known.push_back(std::move(p));
      }
    }
    c.is_a = std::move(known);
  }
  return problems->size() == before;
}

bool ReadAliases(const std::string& path, std::vector<AliasRow>* out,
                 Diagnostics* problems) {
  const std::size_t before = problems->size();
  std::set<std::string> names;
  ForEachRow(
      path, "name\ttarget\trelation\tlabel\tsource", 5, problems,
      [](const std::vector<std::string_view>&, const std::string&) {
        return false;
      },
      [&](const std::vector<std::string_view>& f, std::size_t line,
          const std::string& where) {
        auto problem = [&](const std::string& m) {
          problems->push_back({path, where, m});
        };
        AliasRow row;
        row.name = std::string(f[0]);
        row.target = std::string(f[1]);
        row.line = line;
        if (row.name.empty() || FoldWords(row.name).empty()) {
          return problem("an alias needs a name with words");
        }
        if (!names.insert(Lower(row.name)).second) {
          return problem("alias \"" + row.name + "\" listed twice");
        }
        if (f[2] == "same") {
          row.narrower = false;
          if (f[3] != "-" && !f[3].empty()) {
            return problem("a 'same' alias has no label (write -)");
          }
        } else if (f[2] == "narrower") {
          row.narrower = true;
          row.label = std::string(f[3]);
          row.id = IdFromLabel(row.label);
          if (row.id.empty())
            return problem("a 'narrower' alias needs a label");
        } else {
          return problem("relation must be same or narrower, not \"" +
                         std::string(f[2]) + "\"");
        }
        if (f[4].empty()) return problem("an alias needs its source");
        out->push_back(std::move(row));
      });
  return problems->size() == before;
}

bool ReadCommonWords(const std::string& path, const MeshTable& table,
                     std::vector<std::string>* out, Diagnostics* problems) {
  const std::size_t before = problems->size();
  std::set<std::string, std::less<>> uis;
  for (const Concept& c : table.rows) uis.insert(c.id);
  ForEachRow(
      path, "word\tdescriptor\treason", 3, problems,
      [](const std::vector<std::string_view>&, const std::string&) {
        return false;
      },
      [&](const std::vector<std::string_view>& f, std::size_t,
          const std::string& where) {
        if (FoldWords(f[0]).size() != 1) {
          problems->push_back({path, where, "a common word is one word"});
        } else if (!uis.count(f[1])) {
          problems->push_back(
              {path, where,
               "unknown descriptor \"" + std::string(f[1]) + "\""});
        } else if (f[2].empty()) {
          problems->push_back({path, where, "say why the word is common"});
        } else {
          out->emplace_back(f[0]);
        }
      });
  return problems->size() == before;
}

bool IsDescriptorUi(std::string_view s) {
  if (s.size() < 7 || s[0] != 'D') return false;
  return std::all_of(s.begin() + 1, s.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string_view> SplitList(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  if (s.empty()) return out;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = s.find(sep, start);
    std::string_view part =
        s.substr(start, at == std::string_view::npos ? std::string_view::npos
                                                     : at - start);
    if (!part.empty()) out.push_back(part);
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace claimcheck::concepts_internal
