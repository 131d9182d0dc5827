// Study design and sample size of a bibliographic record: publication
// types first, then MeSH, then the abstract's own words (recent records are
// not indexed yet). Every table below is a list of cues in priority order;
// the first that matches decides. Covered by tests/importers/design_test.cc.
#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/importer.h"

namespace claimcheck {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool IsLetter(char c) { return std::isalpha(static_cast<unsigned char>(c)); }

// `cue` in lower-cased `text` as whole words: no letter right before it,
// none right after it unless the cue ends in '*' (a prefix: "meta-analy*").
bool HasCue(std::string_view text, std::string_view cue) {
  const bool prefix = cue.ends_with('*');
  if (prefix) cue.remove_suffix(1);
  for (std::size_t at = text.find(cue); at != std::string_view::npos;
       at = text.find(cue, at + 1)) {
    const bool left = at == 0 || !IsLetter(text[at - 1]);
    const std::size_t end = at + cue.size();
    const bool right = prefix || end >= text.size() || !IsLetter(text[end]);
    if (left && right) return true;
  }
  return false;
}

bool HasAny(std::string_view text,
            std::initializer_list<std::string_view> cues) {
  return std::any_of(cues.begin(), cues.end(),
                     [&](std::string_view c) { return HasCue(text, c); });
}

bool HasType(const std::vector<std::string>& types, std::string_view type) {
  return std::any_of(types.begin(), types.end(), [&](const std::string& t) {
    return Lower(t) == Lower(type);
  });
}

bool HasTypePrefix(const std::vector<std::string>& types,
                   std::string_view prefix) {
  return std::any_of(types.begin(), types.end(), [&](const std::string& t) {
    return Lower(t).starts_with(Lower(prefix));
  });
}

bool HasMesh(const std::vector<MeshHeading>& mesh, std::string_view name) {
  return std::any_of(mesh.begin(), mesh.end(), [&](const MeshHeading& h) {
    return h.descriptor == name;
  });
}

// The words a record says about itself: its title and every abstract part
// but BACKGROUND (where "in rats" or "randomized trials" are about others).
struct OwnWords {
  std::string title;
  std::string body;
};

OwnWords Words(const std::vector<DocumentPart>& parts) {
  OwnWords w;
  for (const DocumentPart& p : parts) {
    if (p.title) {
      w.title += Lower(p.text) + " ";
      continue;
    }
    const std::string category =
        p.category.empty() ? SectionCategory(p.label) : p.category;
    if (!p.label.empty() && category == "BACKGROUND") continue;
    w.body += Lower(p.text) + " ";
  }
  return w;
}

bool HumanCue(std::string_view text) {
  return HasAny(text, {"patients", "participants", "volunteers", "women", "men",
                       "children", "adults", "humans"});
}

// Observational designs, from MeSH then words; nullopt when neither says.
std::optional<Design> Observational(const std::vector<MeshHeading>& mesh,
                                    const OwnWords& w) {
  if (HasMesh(mesh, "Case-Control Studies")) return Design::kCaseControl;
  if (HasMesh(mesh, "Cross-Sectional Studies")) return Design::kCrossSectional;
  for (const char* m :
       {"Cohort Studies", "Prospective Studies", "Retrospective Studies",
        "Longitudinal Studies", "Follow-Up Studies"}) {
    if (HasMesh(mesh, m)) return Design::kCohort;
  }
  const std::string all = w.title + w.body;
  if (HasAny(all, {"case-control", "case control", "matched controls"})) {
    return Design::kCaseControl;
  }
  if (HasAny(all, {"cross-sectional", "cross sectional"})) {
    return Design::kCrossSectional;
  }
  if (HasAny(all, {"cohort", "cohorts", "prospective study",
                   "longitudinal study", "followed up for", "follow-up of"})) {
    return Design::kCohort;
  }
  return std::nullopt;
}

bool SaysRandomized(std::string_view text) {
  return HasAny(text, {"randomized controlled trial",
                       "randomised controlled trial",
                       "randomized clinical trial",
                       "randomised clinical trial",
                       "randomized trial",
                       "randomised trial",
                       "randomized, double-blind",
                       "randomised, double-blind",
                       "randomized double-blind",
                       "randomised double-blind",
                       "randomized, placebo-controlled",
                       "randomised, placebo-controlled",
                       "randomized placebo-controlled",
                       "randomized crossover",
                       "randomised crossover",
                       "randomized, crossover",
                       "randomly assigned",
                       "randomly allocated",
                       "were randomized",
                       "were randomised",
                       "randomized to",
                       "randomised to"});
}

bool SaysMetaAnalysis(const OwnWords& w) {
  return HasAny(w.title, {"meta-analysis", "meta-analyses", "meta analysis",
                          "metaanalysis", "pooled analysis"}) ||
         HasAny(
             w.body,
             {"meta-analysis of", "meta-analyses of", "this meta-analysis",
              "we performed a meta-analysis", "we conducted a meta-analysis",
              "random-effects meta-analysis", "random effects meta-analysis"});
}

bool SaysSystematicReview(const OwnWords& w) {
  return HasAny(w.title,
                {"systematic review", "systematic literature review"}) ||
         HasAny(w.body, {"this systematic review", "we systematically searched",
                         "we systematically reviewed", "systematic search of",
                         "we conducted a systematic review",
                         "we performed a systematic review"});
}

bool SaysGuideline(const OwnWords& w) {
  return HasAny(w.title, {"guideline", "guidelines", "practice parameter",
                          "consensus statement", "position statement",
                          "recommendations for"}) &&
         !HasAny(w.title, {"adherence", "compliance", "concordance",
                           "implementation", "uptake"});
}

// Step 1: what the publication types say. Notices (errata, retractions)
// first: they are about another paper whatever else they are typed as.
std::optional<Design> FromTypes(const std::vector<std::string>& types,
                                const std::vector<MeshHeading>& mesh,
                                const OwnWords& w) {
  if (HasType(types, "Retraction of Publication")) return Design::kRetraction;
  if (HasType(types, "Published Erratum")) return Design::kErratum;
  if (HasType(types, "Meta-Analysis")) return Design::kMetaAnalysis;
  if (HasType(types, "Systematic Review")) return Design::kSystematicReview;
  if (HasTypePrefix(types, "Randomized Controlled Trial")) return Design::kRct;
  if (HasType(types, "Controlled Clinical Trial") ||
      HasType(types, "Pragmatic Clinical Trial") ||
      HasType(types, "Equivalence Trial") ||
      HasTypePrefix(types, "Clinical Trial")) {
    return SaysRandomized(w.title + w.body) ? Design::kRct
                                            : Design::kControlledTrial;
  }
  if (HasType(types, "Observational Study") || HasType(types, "Twin Study")) {
    return Observational(mesh, w).value_or(Design::kCohort);
  }
  if (HasType(types, "Case Reports")) return Design::kCaseReport;
  if (HasType(types, "Practice Guideline") || HasType(types, "Guideline") ||
      HasType(types, "Consensus Development Conference")) {
    return Design::kGuideline;
  }
  if (HasType(types, "Review") || HasType(types, "Scoping Review")) {
    // Before 2019 systematic reviews were typed "Review" only.
    if (SaysMetaAnalysis(w)) return Design::kMetaAnalysis;
    if (SaysSystematicReview(w)) return Design::kSystematicReview;
    return Design::kNarrativeReview;
  }
  if (HasType(types, "Editorial")) return Design::kEditorial;
  if (HasType(types, "Letter") || HasType(types, "Comment")) {
    return Design::kLetter;
  }
  return std::nullopt;
}

// Cell lines and cultured cells, which NLM indexes by name ("MCF-7 Cells",
// "Cell Line, Tumor", "Cells, Cultured").
bool CellWork(const std::vector<MeshHeading>& mesh) {
  return std::any_of(mesh.begin(), mesh.end(), [](const MeshHeading& h) {
    const std::string& d = h.descriptor;
    return d.starts_with("Cell Line") || d == "Cells, Cultured" ||
           d == "Tumor Cells, Cultured" ||
           (d.ends_with(" Cells") &&
            d.find_first_of("0123456789") != std::string::npos);
  });
}

bool AnimalWork(const std::vector<MeshHeading>& mesh) {
  return HasMesh(mesh, "Animals") &&
         std::any_of(mesh.begin(), mesh.end(), [](const MeshHeading& h) {
           const std::string& d = h.descriptor;
           return d == "Mice" || d.starts_with("Mice, ") || d == "Rats" ||
                  d.starts_with("Rats, ") || d == "Disease Models, Animal" ||
                  d == "Xenograft Model Antitumor Assays" || d == "Zebrafish";
         });
}

// Step 2: MeSH. Animals without Humans is an animal study whatever its
// design; In Vitro Techniques likewise; then the design headings NLM
// indexes a study's own design with.
std::optional<Design> FromMesh(const std::vector<MeshHeading>& mesh,
                               const OwnWords& w) {
  if (HasMesh(mesh, "Animals") && !HasMesh(mesh, "Humans")) {
    return Design::kAnimal;
  }
  if (HasMesh(mesh, "In Vitro Techniques")) return Design::kInVitro;
  const bool clinical = HasMesh(mesh, "Case-Control Studies") ||
                        HasMesh(mesh, "Cross-Sectional Studies") ||
                        HasMesh(mesh, "Cohort Studies") ||
                        HasMesh(mesh, "Prospective Studies") ||
                        HasMesh(mesh, "Retrospective Studies") ||
                        HasMesh(mesh, "Longitudinal Studies");
  if (!clinical && CellWork(mesh)) {
    // Laboratory work on cells, with or without mice: animal when animals
    // were used too (in vivo says more than a dish), in vitro otherwise.
    return AnimalWork(mesh) ? Design::kAnimal : Design::kInVitro;
  }
  if (HasMesh(mesh, "Case-Control Studies") ||
      HasMesh(mesh, "Cross-Sectional Studies") ||
      HasMesh(mesh, "Cohort Studies") || HasMesh(mesh, "Prospective Studies") ||
      HasMesh(mesh, "Retrospective Studies") ||
      HasMesh(mesh, "Longitudinal Studies")) {
    // Trials are indexed with Prospective Studies too: their words say so.
    if (SaysRandomized(w.title + w.body)) return Design::kRct;
    return Observational(mesh, w);
  }
  return std::nullopt;
}

// Step 3: the record's own words.
std::optional<Design> FromWords(const OwnWords& w) {
  const std::string all = w.title + w.body;
  if (SaysMetaAnalysis(w)) return Design::kMetaAnalysis;
  if (SaysSystematicReview(w)) return Design::kSystematicReview;
  if (SaysGuideline(w)) return Design::kGuideline;
  if (SaysRandomized(all)) return Design::kRct;
  if (!HumanCue(all)) {
    if (HasAny(all,
               {"in rats", "in mice", "rats were", "mice were", "mouse model",
                "rat model", "murine model", "in rodents", "in pigs", "in dogs",
                "zebrafish", "wistar", "sprague-dawley", "c57bl*",
                "knockout mice", "transgenic mice"})) {
      return Design::kAnimal;
    }
    if (HasAny(all, {"in vitro", "cell line", "cell lines", "cultured cells",
                     "cell culture", "hek293*", "hela cells"})) {
      return Design::kInVitro;
    }
  }
  if (HasAny(all, {"placebo-controlled", "controlled trial", "non-randomized",
                   "nonrandomized", "non-randomised", "open-label",
                   "single-arm", "pilot trial"})) {
    return Design::kControlledTrial;
  }
  if (std::optional<Design> d = Observational({}, w)) return d;
  if (HasAny(all, {"case series"})) return Design::kCaseSeries;
  if (HasAny(all,
             {"case report", "we report a case", "we present a case",
              "we describe a case", "we report the case", "we present the case",
              "year-old man", "year-old woman", "year-old boy", "year-old girl",
              "year-old patient", "year-old male", "year-old female"})) {
    return Design::kCaseReport;
  }
  if (HasAny(w.title, {"a review", "narrative review", "an overview",
                       "review of the literature", "literature review"}) ||
      HasAny(w.body, {"we review", "this review", "in this review"})) {
    return Design::kNarrativeReview;
  }
  return std::nullopt;
}

}  // namespace

std::string SectionCategory(std::string_view label) {
  const std::string l = Lower(label);
  struct Entry {
    const char* cue;
    const char* category;
  };
  // Checked in order, as whole words: "materials and methods" is METHODS
  // before "and" could mean anything.
  static constexpr Entry kEntries[] = {
      {"background*", "BACKGROUND"},
      {"introduction", "BACKGROUND"},
      {"context", "BACKGROUND"},
      {"rationale", "BACKGROUND"},
      {"importance", "BACKGROUND"},
      {"objective*", "OBJECTIVE"},
      {"aim*", "OBJECTIVE"},
      {"purpose*", "OBJECTIVE"},
      {"goal*", "OBJECTIVE"},
      {"question*", "OBJECTIVE"},
      {"hypothes*", "OBJECTIVE"},
      {"conclusion*", "CONCLUSIONS"},
      {"interpretation", "CONCLUSIONS"},
      {"implication*", "CONCLUSIONS"},
      {"discussion", "CONCLUSIONS"},
      {"significance", "CONCLUSIONS"},
      {"main outcome*", "METHODS"},
      {"result*", "RESULTS"},
      {"finding*", "RESULTS"},
      {"outcome*", "RESULTS"},
      {"method*", "METHODS"},
      {"design*", "METHODS"},
      {"setting*", "METHODS"},
      {"participant*", "METHODS"},
      {"patient*", "METHODS"},
      {"subject*", "METHODS"},
      {"intervention*", "METHODS"},
      {"procedure*", "METHODS"},
      {"measure*", "METHODS"},
      {"material*", "METHODS"},
      {"approach", "METHODS"},
      {"data source*", "METHODS"},
      {"study selection", "METHODS"},
      {"data extraction", "METHODS"},
      {"analysis", "METHODS"},
  };
  for (const Entry& e : kEntries) {
    if (HasCue(l, e.cue)) return e.category;
  }
  return "UNASSIGNED";
}

Design ClassifyDesign(const std::vector<std::string>& publication_types,
                      const std::vector<MeshHeading>& mesh,
                      const std::vector<DocumentPart>& parts) {
  const OwnWords words = Words(parts);
  if (std::optional<Design> d = FromTypes(publication_types, mesh, words)) {
    return *d;
  }
  if (std::optional<Design> d = FromMesh(mesh, words)) return *d;
  return FromWords(words).value_or(Design::kUnknown);
}

void ClassifyRecord(ImportedDocument* imported) {
  Document& d = imported->document;
  d.design = ClassifyDesign(d.publication_types, imported->record.mesh,
                            imported->parts);
  d.retracted =
      HasType(d.publication_types, "Retracted Publication") ||
      std::any_of(imported->record.links.begin(), imported->record.links.end(),
                  [](const RecordLink& l) { return l.type == "RetractionIn"; });
  switch (d.design) {
    case Design::kErratum:
    case Design::kRetraction:
    case Design::kEditorial:
    case Design::kLetter:
    case Design::kGuideline:
    case Design::kNarrativeReview:
    case Design::kCaseReport:
      // Not studies of a sample of their own.
      d.n.reset();
      break;
    default:
      d.n = FindSampleSize(imported->parts);
  }
}

}  // namespace claimcheck
