# Shared by ./run-demo and ./run-tests: install what is missing, build.
# Sourced, not run. Works as root on a fresh Debian 12 machine (or with sudo).

set -euo pipefail

CLAIMCHECK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Debian packages the build and the tests need (chromium and graphviz: the
# report tests render HTML in a browser and run dot on the DOT output).
CLAIMCHECK_PACKAGES=(
  cmake ninja-build g++ pkg-config
  libicu-dev rapidjson-dev libsqlite3-dev libpugixml-dev
  libboost-dev libboost-graph-dev catch2 libgumbo-dev zlib1g-dev
  nettle-dev libcereal-dev libxxhash-dev
  # claimcheck-pubmed (docs/pubmed.md, "Build"): the OpenSSL flavour, the
  # one Debian's own curl and libcurl4 use, so the library at run time is
  # the one most machines have already; libssl-dev comes with it.
  libcurl4-openssl-dev
  chromium graphviz
  clang libclang-rt-14-dev llvm  # tests/fuzz: libFuzzer, llvm-symbolizer
  libxml2-utils  # tools/bench: xmllint --stream, a baseline for import
  groff-base  # tests/cli: the man page is rendered with warnings on
)
# The browser tests (tests/browser) need Node.js 20 with npm. The machines
# here come with one; Debian's own is added only when there is none.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  CLAIMCHECK_PACKAGES+=(nodejs npm)
fi

# Installs the packages that are not installed yet; quick when none is
# missing (one dpkg-query, no apt-get).
claimcheck_install() {
  local missing=()
  local pkg status
  for pkg in "${CLAIMCHECK_PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
  done
  if ((${#missing[@]} == 0)); then
    return 0
  fi
  echo "claimcheck: installing ${missing[*]}" >&2
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || {
      echo "claimcheck: need root (or sudo) to install: ${missing[*]}" >&2
      return 1
    }
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# claimcheck_build DIR [cmake options…]: configure (once) and build.
claimcheck_build() {
  local dir="$1"
  shift
  cmake -S "$CLAIMCHECK_ROOT" -B "$dir" -G Ninja "$@" >/dev/null
  cmake --build "$dir" --parallel "$(nproc)"
}
