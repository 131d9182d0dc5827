#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz (docs/reliability.md, "Fuzzing").
#
#   run_fuzzers.sh BUILD_DIR SOURCE_DIR SHARED_DIR SECONDS_EACH [NAME...]
#
# BUILD_DIR is a build with -DCLAIMCHECK_FUZZ=ON; NAME is a target without
# its fuzz_ prefix (pubmed_xml, medline, html, text, kb_json, extract,
# mesh_tables, eutils), all
# of them when none is given. For each target, first every saved crash input
# in tests/fuzz/regressions/NAME/ is run once, then the target fuzzes for
# SECONDS_EACH seconds from its seeds: tests/fuzz/corpus/NAME/ and the files
# of SHARED_DIR (../shared) and kb/ that suit it, all read in place. New
# corpus units, logs and crash inputs go to BUILD_DIR/fuzz-work/NAME/, never
# into the source tree. Exits non-zero when any target crashes, leaks, runs
# out of memory or times out, printing the input's path and the stack.
set -uo pipefail

if (($# < 4)); then
  echo "usage: $0 BUILD_DIR SOURCE_DIR SHARED_DIR SECONDS_EACH [NAME...]" >&2
  exit 2
fi
build_dir=$(cd "$1" && pwd) || exit 2
source_dir=$(cd "$2" && pwd) || exit 2
shared_dir=$3
seconds=$4
shift 4
names=("$@")
if ((${#names[@]} == 0)); then
  names=(pubmed_xml medline html text kb_json extract mesh_tables eutils)
fi

# One unit may take 10 s and the process 2 GB.
common_flags=(-rss_limit_mb=2048 -timeout=10 -print_final_stats=1)
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
# Symbolized stacks need llvm-symbolizer; Debian's llvm package puts it on
# PATH, clang's own version-suffixed one is the fallback.
if ! command -v llvm-symbolizer >/dev/null; then
  for s in /usr/bin/llvm-symbolizer-*; do
    [[ -x "$s" ]] && export ASAN_SYMBOLIZER_PATH=$s
  done
fi

# seed_dirs and seed_files for target $1: the repository's own corpus, then
# what ../shared and kb/ have of its format; and max_len, where longer seeds
# are cut. 64 KB keeps the units quick and still holds several PubMed
# records or most of an article; a kb file is whole up to 256 KB, as kb/'s
# studies.json is.
seeds_for() {
  local name=$1
  seed_dirs=("$source_dir/tests/fuzz/corpus/$name")
  seed_files=()
  max_len=65536
  case "$name" in
    pubmed_xml)
      seed_dirs+=("$shared_dir/corpus/pubmed")
      seed_files+=("$shared_dir"/corpus/other/*.xml "$shared_dir"/corpus/other/*.nxml)
      ;;
    medline)
      seed_files+=("$shared_dir"/corpus/other/*medline*.txt "$shared_dir"/corpus/other/*.nbib)
      ;;
    html)
      seed_files+=("$shared_dir"/corpus/articles/*.html)
      ;;
    text | extract)
      seed_dirs+=("$shared_dir/seeds")
      ;;
    mesh_tables)
      seed_files+=("$source_dir"/kb/mesh/aliases.tsv "$source_dir"/kb/mesh/common_words.tsv)
      ;;
    eutils)
      # Recorded esearch responses, and small real efetch results.
      seed_dirs+=("$source_dir/tests/eutils/fixtures")
      seed_files+=("$shared_dir"/corpus/pubmed/metapub_*.xml
        "$shared_dir"/corpus/pubmed/biopython_pubmed*.xml)
      ;;
    kb_json)
      seed_files+=("$source_dir"/kb/*.json "$source_dir"/kb/concepts/*.json
        "$shared_dir"/evidence/*.json)
      max_len=262144
      ;;
  esac
  local d f existing=()
  for d in "${seed_dirs[@]}"; do
    if [[ -d "$d" ]]; then existing+=("$d"); else echo "  (no seed directory $d)"; fi
  done
  seed_dirs=("${existing[@]}")
  existing=()
  for f in "${seed_files[@]}"; do
    [[ -f "$f" ]] && existing+=("$f")
  done
  seed_files=("${existing[@]}")
}

# Prints what a failed libFuzzer run left: the report and stack from its
# log, then (when `artifacts` is given) the saved input and how to replay it.
report_failure() {
  local binary=$1 log=$2 artifacts=${3:-}
  echo "---- $(basename "$binary"): report (full log: $log)"
  # From the first line of the report to the end, at most 200 lines.
  awk '/^ALARM: |^==[0-9]+==|^INFO: libFuzzer: |deadly signal|FUZZ_CHECK failed|runtime error:|^ERROR: libFuzzer|^terminate called|^Slowest unit/ { on = 1 } on' \
    "$log" | head -n 200
  [[ -n "$artifacts" ]] || return 0
  local a found=0
  for a in "$artifacts"/*; do
    [[ -f "$a" ]] || continue
    found=1
    echo "---- saved input: $a"
    echo "     replay: $binary $a"
    echo "     keep it: cp $a $source_dir/tests/fuzz/regressions/${binary##*/fuzz_}/"
  done
  ((found)) || echo "---- no input saved (see the log above)"
}

failed=()
passed=0
for name in "${names[@]}"; do
  binary="$build_dir/tests/fuzz/fuzz_$name"
  echo "== fuzz_$name"
  if [[ ! -x "$binary" ]]; then
    echo "  $binary: not built (configure with -DCLAIMCHECK_FUZZ=ON)"
    failed+=("fuzz_$name (not built)")
    continue
  fi
  work="$build_dir/fuzz-work/$name"
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/artifacts" "$work/tmp"
  export TMPDIR="$work/tmp"
  ok=1

  replayed=0
  for f in "$source_dir/tests/fuzz/regressions/$name"/*; do
    [[ -f "$f" ]] || continue
    replayed=$((replayed + 1))
    if ! "$binary" "${common_flags[@]}" -artifact_prefix="$work/artifacts/" \
      "$f" >"$work/regressions.log" 2>&1; then
      echo "  saved crash input $f crashes again"
      report_failure "$binary" "$work/regressions.log"
      echo "     replay: $binary $f"
      ok=0
    fi
  done
  ((replayed == 0)) || echo "  $replayed saved crash input(s) replayed"

  seeds_for "$name"
  flags=("${common_flags[@]}" -max_len="$max_len" -max_total_time="$seconds"
    -artifact_prefix="$work/artifacts/")
  if ((${#seed_files[@]} > 0)); then
    (IFS=,; echo "${seed_files[*]}") >"$work/seed_inputs"
    flags+=(-seed_inputs=@"$work/seed_inputs")
  fi
  dict="$source_dir/tests/fuzz/$name.dict"
  [[ -f "$dict" ]] && flags+=(-dict="$dict")
  start=$SECONDS
  if "$binary" "${flags[@]}" "$work/corpus" "${seed_dirs[@]}" \
    >"$work/fuzz.log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/fuzz.log")
    slowest=$(sed -n 's/^stat::slowest_unit_time_sec: *//p' "$work/fuzz.log")
    cov=$(grep -E '^#[0-9]+' "$work/fuzz.log" | tail -n 1 |
      grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9a-zA-Z]+')
    echo "  $((SECONDS - start)) s, ${runs:-?} runs (slowest ${slowest:-?} s)," \
      "$cov; seeds: ${#seed_dirs[@]} dir(s), ${#seed_files[@]} file(s): no crash"
  else
    echo "  crashed after $((SECONDS - start)) s"
    report_failure "$binary" "$work/fuzz.log" "$work/artifacts"
    ok=0
  fi
  if ((ok)); then passed=$((passed + 1)); else failed+=("fuzz_$name"); fi
done

echo "fuzz: ${passed} passed, ${#failed[@]} failed"
if ((${#failed[@]} > 0)); then
  printf '  failed: %s\n' "${failed[@]}"
  exit 1
fi
