#!/usr/bin/env bash
# Guards two promises of docs/reliability.md by reading the source:
#  - SQL reaches SQLite only through src/store/sqlite_util.cc (prepared
#    statements with bound parameters; no sqlite3_exec or sqlite3_prepare
#    anywhere else, no sqlite3_mprintf / snprintf-built SQL);
#  - nothing from the input can reach a shell: no system(), popen(), or
#    exec*/posix_spawn of /bin/sh; programs are started without a shell
#    (posix_spawnp or execv with an argument vector), only in the files
#    listed.
#
#   source_scan.sh SOURCE_DIR
set -uo pipefail
SRC="$1"
cd "$SRC" || exit 2
failures=0
fail() { echo "FAIL: $1" >&2; failures=$((failures + 1)); }
DIRS=()
for d in src importers tools/claimcheck include; do [[ -d $d ]] && DIRS+=("$d"); done

hits=$(grep -rnE 'sqlite3_(exec|prepare|prepare_v2|prepare_v3|mprintf|vmprintf)\b' "${DIRS[@]}" \
  --include='*.cc' --include='*.h' | grep -v '^src/store/sqlite_util.cc:')
[[ -z "$hits" ]] || fail "SQLite called outside src/store/sqlite_util.cc:
$hits"

# One exec, reviewed: `claimcheck pubmed` runs claimcheck-pubmed from its own
# directory with execv (an absolute path and an argument vector).
hits=$(grep -rnE '\b(system|popen|execl|execlp|execle|execv|execve|execvp)\s*\(' "${DIRS[@]}" \
  --include='*.cc' --include='*.h' | grep -vE '^tools/claimcheck/cmd_pubmed.cc:[0-9]+:  ::execv\(path.c_str\(\), argv.data\(\)\);$')
[[ -z "$hits" ]] || fail "a way to a shell or an exec:
$hits"

hits=$(grep -rnE '/bin/(ba)?sh|"-c"' "${DIRS[@]}" --include='*.cc' --include='*.h')
[[ -z "$hits" ]] || fail "a shell named in the source:
$hits"

# Programs are started in one reviewed place only.
allowed='^tools/claimcheck/graphviz.cc:'
hits=$(grep -rnE '\bposix_spawnp?\s*\(' "${DIRS[@]}" --include='*.cc' | grep -vE "$allowed")
[[ -z "$hits" ]] || fail "a program started outside tools/claimcheck/graphviz.cc:
$hits"

echo "source scan: $failures failures"
[[ $failures -eq 0 ]]
