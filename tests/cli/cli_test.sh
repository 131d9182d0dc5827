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
EXAMPLE=examples/magnesium-and-sleep.txt

# --- version, help, dispatch ---
run version 0 --version && expect_in version out "claimcheck 0.1.0"
run help 0 help && expect_in help out "concepts" && expect_in help out "Exit codes"
run help_cmd 0 help concepts && expect_in help_cmd out "Usage: claimcheck concepts FILE"
run cmd_help 0 concepts --help && expect_in cmd_help out "Usage: claimcheck concepts FILE"
run help_kb 0 help kb && expect_in help_kb out "kb check"
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

# --- determinism: same input, same bytes ---
for seed in "$SHARED"/seeds/*.txt; do
  name=$(basename "$seed" .txt)
  run "seed_${name}_a" 0 "${KB[@]}" concepts "$seed" --format json || continue
  run "seed_${name}_b" 0 "${KB[@]}" concepts "$seed" --format json || continue
  cmp -s "$WORK/seed_${name}_a.out" "$WORK/seed_${name}_b.out" && pass ||
    fail "seed $name: two runs differ"
done
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
run kb_bad 2 --kb "$WORK/badkb" kb check
expect_in kb_bad out "badkb/concepts/x.json: line 2, concept 'a': unknown is_a parent 'missing'"
expect_in kb_bad out "badkb/concepts/x.json: line 3, concept 'b': an outcome needs"
expect_in kb_bad out "2 problems"
run kb_bad_json 2 --kb "$WORK/badkb" kb check --format json && expect_in kb_bad_json out '"ok": false'
printf '{"concepts": [\n  {"id": "a",\n' >"$WORK/badkb/concepts/y.json"
run kb_syntax 2 --kb "$WORK/badkb" kb check && expect_in kb_syntax out "badkb/concepts/y.json: line 3, column 1: invalid JSON"
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

echo "cli: $passes passed, $failures failed"
[[ $failures -eq 0 ]]
