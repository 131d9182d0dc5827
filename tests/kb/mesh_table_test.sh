#!/usr/bin/env bash
# kb/mesh/descriptors.tsv is what tools/mesh/mesh_lexicon makes of
# ../shared/mesh and kb/mesh/typing.tsv, byte for byte, every time
# (docs/vocabulary.md, "The MeSH table"); a bad typing row is refused with
# its file and line.
# Usage: mesh_table_test.sh MESH_LEXICON SOURCE_DIR SHARED_DIR WORK_DIR
set -euo pipefail
tool="$1" src="$2" shared="$3" work="$4"
rm -rf "$work" && mkdir -p "$work"
"$tool" --mesh "$shared/mesh" --typing "$src/kb/mesh/typing.tsv" \
  -o "$work/a.tsv" 2>/dev/null
"$tool" --mesh "$shared/mesh" --typing "$src/kb/mesh/typing.tsv" \
  -o "$work/b.tsv" 2>/dev/null
cmp "$work/a.tsv" "$work/b.tsv" || { echo "FAIL: two runs differ"; exit 1; }
cmp "$work/a.tsv" "$src/kb/mesh/descriptors.tsv" || {
  echo "FAIL: kb/mesh/descriptors.tsv is not what mesh_lexicon makes; run"
  echo "  mesh_lexicon --mesh ../shared/mesh --typing kb/mesh/typing.tsv -o kb/mesh/descriptors.tsv"
  exit 1
}
# A typing row naming the wrong descriptor is refused with file and line.
sed 's/^D001786\tD\?outcome\targument\t-\tBlood Glucose/D001786\toutcome\targument\t-\tBlood Sugar/' \
  "$src/kb/mesh/typing.tsv" >"$work/typing.tsv"
if "$tool" --mesh "$shared/mesh" --typing "$work/typing.tsv" -o "$work/c.tsv" \
  2>"$work/err"; then
  echo "FAIL: a wrong name in typing.tsv was accepted"; exit 1
fi
grep -q "typing.tsv:[0-9]*: D001786 is 'Blood Glucose', not 'Blood Sugar'" "$work/err" || {
  echo "FAIL: unexpected message:"; cat "$work/err"; exit 1; }
echo "mesh table: 2 passed, 0 failed"
