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
# build.py reads pairs.json beside itself: its build_article is run on ours.
PYTHONDONTWRITEBYTECODE=1 python3 - "$data" Development/newsroom-more/pairs.json "$out/more" <<'PY'
import json, os, sys
sys.path.insert(0, sys.argv[1])
from build import build_article
os.makedirs(sys.argv[3], exist_ok=True)
for article in json.load(open(sys.argv[2], encoding="utf-8"))["articles"]:
    lines, paras, gold = build_article(article)
    base = os.path.join(sys.argv[3], article["name"])
    for side in ("en", "id"):
        with open(f"{base}.{side}.txt", "w", encoding="utf-8") as f:
            f.write("\n\n".join(" ".join(p) for p in paras[side]) + "\n")
        with open(f"{base}.{side}.lines", "w", encoding="utf-8") as f:
            f.write("".join(s + "\n" for s in lines[side]))
    with open(f"{base}.gold.json", "w", encoding="utf-8") as f:
        json.dump(gold, f)
        f.write("\n")
PY
mkdir -p "$out/fit-more"
cp "$out/fit/"* "$out/more/"* "$out/fit-more/"
echo "$out"
