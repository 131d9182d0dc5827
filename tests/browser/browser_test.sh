#!/usr/bin/env bash
# The reports in a real browser and a real Markdown linter:
#  - every seed's, the example's and a hostile page's HTML audit report, and
#    the HTML evidence summary, rendered in Debian's Chromium through
#    playwright-core (render.mjs): no request, no console error, no script,
#    the claims there, a pop-up on hover, a screenshot each;
#  - the Markdown reports through markdownlint-cli2.
#
#   browser_test.sh CLAIMCHECK SOURCE_DIR SHARED_DIR WORK_DIR
#
# Needs chromium, node and npm (tools/dev/common.sh installs them); the npm
# packages (package-lock.json) are installed into WORK_DIR/../browser_npm.
set -uo pipefail
BIN="$1"
SRC="$2"
SHARED="$3"
WORK="$4"
HERE="$SRC/tests/browser"
NPM_DIR="$(dirname "$WORK")/browser_npm"
rm -rf "$WORK" && mkdir -p "$WORK/shots"

for tool in node npm "${CHROMIUM:-/usr/bin/chromium}"; do
  command -v "$tool" >/dev/null || {
    echo "browser_test: $tool is not installed (tools/dev/common.sh installs it)" >&2
    exit 1
  }
done

# The npm packages, once per build tree and again when the lock changes.
if ! cmp -s "$HERE/package-lock.json" "$NPM_DIR/package-lock.json" ||
   [[ ! -d "$NPM_DIR/node_modules/playwright-core" ]]; then
  rm -rf "$NPM_DIR" && mkdir -p "$NPM_DIR"
  cp "$HERE/package.json" "$HERE/package-lock.json" "$NPM_DIR/"
  (cd "$NPM_DIR" && npm ci --no-audit --no-fund --loglevel=error) || {
    echo "browser_test: npm ci failed in $NPM_DIR" >&2
    exit 1
  }
fi
cp "$HERE/render.mjs" "$HERE/.markdownlint-cli2.jsonc" "$NPM_DIR/"

failures=0
KB=(--kb "$SRC/kb")
pages=()
mds=()
# claims FILE: the number of claims the audit finds.
claims() {
  "$BIN" "${KB[@]}" -q audit "$1" --format json |
    sed -n 's/^    "claims": \([0-9]*\),$/\1/p'
}
for article in "$SHARED"/seeds/*.txt "$SRC/examples/magnesium-and-sleep.txt" "$HERE/hostile.html"; do
  name=$(basename "${article%.*}")
  n=$(claims "$article")
  [[ -n "$n" ]] || { echo "FAIL: no claim count for $article" >&2; failures=$((failures + 1)); continue; }
  "$BIN" "${KB[@]}" -q audit "$article" --format html -o "$WORK/$name.html" || failures=$((failures + 1))
  "$BIN" "${KB[@]}" -q audit "$article" --format md -o "$WORK/$name.md" || failures=$((failures + 1))
  pages+=("$WORK/$name.html:$n")
  mds+=("$WORK/$name.md")
done
# The evidence summary: no claim cards, the same checks otherwise.
if "$BIN" help summary >/dev/null 2>&1; then
  "$BIN" "${KB[@]}" -q summary magnesium --format html -o "$WORK/summary_magnesium.html" || failures=$((failures + 1))
  "$BIN" "${KB[@]}" -q summary magnesium --format md -o "$WORK/summary_magnesium.md" || failures=$((failures + 1))
  mds+=("$WORK/summary_magnesium.md")
  SUMMARY_PAGE="$WORK/summary_magnesium.html"
fi

(cd "$NPM_DIR" && node render.mjs "$WORK/shots" "${pages[@]}") || failures=$((failures + 1))
if [[ -n "${SUMMARY_PAGE:-}" ]]; then
  (cd "$NPM_DIR" && node render.mjs --summary "$WORK/shots" "$SUMMARY_PAGE:0") || failures=$((failures + 1))
fi
(cd "$NPM_DIR" && npx --no-install markdownlint-cli2 "${mds[@]}") || failures=$((failures + 1))

for page in "${pages[@]}"; do
  shot="$WORK/shots/$(basename "${page%%.html:*}").png"
  [[ -s "$shot" ]] || { echo "FAIL: no screenshot $shot" >&2; failures=$((failures + 1)); }
done
echo "browser: $failures failures"
[[ $failures -eq 0 ]]
