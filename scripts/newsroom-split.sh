#!/usr/bin/env bash
# Builds ../shared/data/newsroom-pairs into Corpora-style folders (NAME.en.txt, NAME.en.lines,
# NAME.gold.json, …) and splits its 12 articles by domain into a fit half and a test half, the
# split issue 25 asks for: fit on FIT (with PUD), look at TEST only through its totals. Also builds
# Development/newsroom-more (12 more pairs written the same way for this project, never in TEST) into
# OUT/more, and OUT/fit-more, the fit half and those together: what the confidence is calibrated on.
#   scripts/newsroom-split.sh [OUT]          # OUT defaults to a new temporary folder
#   .build/release/selaras-bench align --corpora OUT/fit --quality-only
#   .build/release/selaras-bench align --corpora OUT/test --quality-only
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data/newsroom-pairs
out="${1:-$(mktemp -d)}"
python3 "$data/build.py" "$out/all" > /dev/null
# Each half: two economy stories, one politics or courts, two disasters, health or environment,
# and sport or transport.
fit=(bi-rate-hold palm-oil-levy railway-bribery-verdict lewotobi-eruption riau-haze-schools indonesia-open-doubles)
test=(jci-foreign-selloff p2p-lending-licences sumut-governor-result asean-myanmar-ceasefire dengue-surge kendari-runway-overrun)
for half in fit test; do
  mkdir -p "$out/$half"
  declare -n names="$half"
  for name in "${names[@]}"; do cp "$out/all/$name".* "$out/$half/"; done
done
# build.py reads the pairs.json beside it: a copy of it runs beside ours.
builder=$(mktemp -d)
cp "$data/build.py" "$builder/" && cp Development/newsroom-more/pairs.json "$builder/"
python3 "$builder/build.py" "$out/more" > /dev/null
rm -rf "$builder"
mkdir -p "$out/fit-more"
cp "$out/fit/"* "$out/more/"* "$out/fit-more/"
echo "$out"
