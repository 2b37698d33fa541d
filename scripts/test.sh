#!/usr/bin/env bash
# The test suite with what it needs: installs the Debian packages the tests use (as root
# through apt-get; otherwise it names them and stops), starts a throwaway PostgreSQL cluster
# in a temporary folder (scripts/postgres-cluster.sh), runs `swift test` against it and the
# SQLite store, and stops and removes the cluster.
# The README's test command and CI's (.ci/run) are this script. Arguments go to swift test.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  libicu-dev libsqlite3-dev zlib1g-dev libxml2-dev pkgconf # build
  dict-freedict-eng-ind hunspell-id                         # the aligner's and the glossary's word lists
  libxml2-utils translate-toolkit                           # xmllint and po2tmx, which tests run against our files
  omegat                                                    # a CAT tool the tests open our XLIFF in (headless)
  curl                                                      # the review server tests talk HTTP with it
  chromium chromium-driver python3-selenium                 # the review page, driven in a headless browser
  postgresql                                                # the memory's second backend, in a throwaway cluster
)

if command -v dpkg >/dev/null 2>&1; then
  missing=()
  for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq "${missing[@]}"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo apt-get update -qq
      sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
    else
      echo "scripts/test.sh: missing Debian packages: ${missing[*]}; run as root, or install them with 'sudo apt-get install ${missing[*]}', then run this again" >&2
      exit 1
    fi
  fi
else
  echo "scripts/test.sh: no dpkg here; make sure ICU, SQLite, zlib and libxml2 headers, xmllint, translate-toolkit and OmegaT are installed" >&2
fi

source scripts/postgres-cluster.sh
trap postgres_cluster_stop EXIT
postgres_cluster_start
# The man page generator the help tests run (scripts/install-man.sh), built beforehand: a build
# from inside `swift test` would wait on the build it runs in.
swift build --product generate-manual
swift test "$@"
# The team server against its OpenAPI document (schemathesis from PyPI): no 5xx, every answer
# as documented; a fixed seed, so that a red run is one anyone can repeat.
scripts/api-fuzz.sh 30 20261206
