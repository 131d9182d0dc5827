// The help of `claimcheck pubmed`, in one place for the two programs that
// show it: claimcheck (`claimcheck help pubmed`) and claimcheck-pubmed,
// which does the work (docs/pubmed.md).
#ifndef CLAIMCHECK_TOOLS_CLAIMCHECK_PUBMED_HELP_H_
#define CLAIMCHECK_TOOLS_CLAIMCHECK_PUBMED_HELP_H_

namespace claimcheck::cli {

inline constexpr const char* kPubmedSummary =
    "search PubMed and import the records it finds";

inline constexpr const char* kPubmedHelp =
    "Usage: claimcheck pubmed QUERY... [--max N] [--batch N] [--restart]\n"
    "                         [-j N] [--format text|json]\n"
    "\n"
    "Searches PubMed through NCBI's E-utilities (esearch) and imports the\n"
    "records found into the store (--db, as import does), fetching their\n"
    "PubMed XML in batches (efetch) and importing each batch as it comes,\n"
    "one transaction a batch. QUERY is PubMed's search syntax (words given\n"
    "apart are joined with spaces): magnesium AND sleep[tiab].\n"
    "\n"
    "Requests keep NCBI's limits: 3 a second, 10 with an API key in\n"
    "$NCBI_API_KEY (never printed); $NCBI_EMAIL is sent as email= when set.\n"
    "A failed request (no connection, a timeout, HTTP 429 or 5xx) is tried\n"
    "up to 5 times, waiting what Retry-After says or 1, 2, 4, 8 s; any other\n"
    "HTTP error stops at once. An interrupted run resumes when the same\n"
    "command is run again: a state file beside the store\n"
    "(STORE.pubmed-HASH.json) keeps the PMIDs and the batches imported, and\n"
    "is removed once all are. $CLAIMCHECK_EUTILS_URL replaces NCBI's address\n"
    "(https://eutils.ncbi.nlm.nih.gov/entrez/eutils/). Progress goes to\n"
    "stderr (none with -q). Done by the program claimcheck-pubmed, installed\n"
    "beside claimcheck (docs/pubmed.md).\n"
    "\n"
    "Options:\n"
    "  --max N        import at most N records, the first esearch lists\n"
    "                 (1 to 10000; default: 10000, esearch's own limit)\n"
    "  --batch N      PMIDs per efetch request (1 to 10000; default: 200)\n"
    "  --restart      search again instead of resuming an interrupted run\n"
    "  -j N           extract claims on N threads (default: 1)\n"
    "  --format FMT   text (default) or json ({query, count, pmids, batches,\n"
    "                 resumed, requests, documents, claims, errors, store})\n";

}  // namespace claimcheck::cli

#endif  // CLAIMCHECK_TOOLS_CLAIMCHECK_PUBMED_HELP_H_
