#!/usr/bin/env bash
# Runs source_scan.sh on the real tree (must pass) and on small trees that
# break each rule (each must fail), so the scan itself is known to bite.
#   source_scan_test.sh SOURCE_DIR WORK_DIR
set -uo pipefail
SRC="$1"
WORK="$2"
SCAN="$SRC/tests/security/source_scan.sh"
failures=0
bash "$SCAN" "$SRC" || { echo "FAIL: the real tree does not pass" >&2; failures=$((failures + 1)); }
case_() {
  local name="$1" file="$2" line="$3"
  rm -rf "$WORK/$name" && mkdir -p "$WORK/$name/$(dirname "$file")"
  printf '%s\n' "$line" >"$WORK/$name/$file"
  if bash "$SCAN" "$WORK/$name" >/dev/null 2>&1; then
    echo "FAIL: the scan let through $name" >&2
    failures=$((failures + 1))
  fi
}
case_ exec_sql src/kb/x.cc 'sqlite3_exec(db, sql.c_str(), 0, 0, 0);'
case_ prepare src/audit/x.cc 'sqlite3_prepare_v2(db, q, -1, &s, 0);'
case_ system tools/claimcheck/x.cc 'system(("dot " + file).c_str());'
case_ popen importers/x.cc 'FILE* f = popen(cmd, "r");'
case_ shell src/report/x.cc 'posix_spawn(&pid, "/bin/sh", 0, 0, argv, env);'
case_ spawn src/report/x.cc 'posix_spawnp(&pid, "dot", 0, 0, argv, env);'
case_ exec tools/claimcheck/x.cc 'execv(path.c_str(), argv.data());'
case_ exec_pubmed tools/claimcheck/cmd_pubmed.cc '  ::execvp(name, argv.data());'
echo "source scan test: $failures failures"
[[ $failures -eq 0 ]]
