#!/bin/bash
# Runs two builds of `selaras` over every Corpora pair (segment, align in every format,
# glossary lookup/scan/extract/check/export, tm search/concordance/stats/export) and diffs
# what they print: for refactorings that must not change behaviour.
#   scripts/compare-cli-outputs.sh OLD_SELARAS NEW_SELARAS
# Dates are left out of TMX and TBX; each run has its own database in a temporary folder.
set -u
[ $# -eq 2 ] || { echo "usage: $0 OLD_SELARAS NEW_SELARAS" >&2; exit 64; }
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

run() {
  local bin=$1 out=$2
  mkdir -p "$out"
  export SELARAS_DB=$work/$(basename "$out").sqlite
  for en in Corpora/*.en.txt; do
    local n; n=$(basename "$en" .en.txt)
    local id=Corpora/$n.id.txt
    for l in en id; do
      "$bin" segment "Corpora/$n.$l.txt" --lang $l > "$out/$n.$l.seg.lines"
      "$bin" segment "Corpora/$n.$l.txt" --lang $l --format json > "$out/$n.$l.seg.json"
      "$bin" glossary scan "Corpora/$n.$l.txt" --lang $l > "$out/$n.$l.scan.txt"
      "$bin" glossary scan "Corpora/$n.$l.txt" --lang $l --json > "$out/$n.$l.scan.json"
    done
    "$bin" align "$en" "$id" > "$out/$n.align.tsv" 2> "$out/$n.align.err"
    "$bin" align "$en" "$id" --format json > "$out/$n.align.json"
    "$bin" align "Corpora/$n.en.lines" "Corpora/$n.id.lines" --presegmented --format json > "$out/$n.alignp.json"
    "$bin" align "$en" "$id" --format tmx | grep -v creationdate > "$out/$n.align.tmx"
    # Relative paths, so that the origins printed are the same for both builds.
    (cd "$out" && "$bin" glossary extract "$n.align.json" --json > "$n.extract.json" 2>&1
     "$bin" glossary extract "$n.align.json" > "$n.extract.txt" 2>&1
     "$bin" glossary check "$n.align.json" --with-shipped --json > "$n.check.json" 2>&1
     "$bin" glossary check "$n.align.json" --with-shipped > "$n.check.txt" 2>&1)
    "$bin" align "$en" "$id" --save --min-score 0.5 > /dev/null 2>> "$out/save.err"
  done
  "$bin" tm stats > "$out/stats.txt"
  "$bin" tm stats --json > "$out/stats.json"
  for q in "The rupiah fell against the dollar." "Bank Indonesia kept its benchmark rate unchanged on Wednesday."; do
    "$bin" tm search "$q" --json --min-score 30 >> "$out/search.json"
    "$bin" tm search "$q" --min-score 30 >> "$out/search.txt"
  done
  for q in "suku bunga" "gempa" "Bank Indonesia"; do
    "$bin" tm concordance "$q" --json >> "$out/concordance.json"
    "$bin" tm concordance "$q" >> "$out/concordance.txt"
  done
  "$bin" tm export --output - | grep -v "creationdate\|changedate" > "$out/export.tmx"
  for t in Kemenlu "kementerian luar negeri" "drone-drone kamikaze" inflasi; do
    "$bin" glossary lookup "$t" --json >> "$out/lookup.json" 2>&1
    "$bin" glossary lookup "$t" >> "$out/lookup.txt" 2>&1
  done
  "$bin" glossary export --format tsv --output - > "$out/glossary.tsv"
  "$bin" glossary export --format tbx --output - | grep -v date > "$out/glossary.tbx"
}

run "$(realpath "$1")" "$work/old"
run "$(realpath "$2")" "$work/new"
diff -r "$work/old" "$work/new" && echo "identical: $(ls "$work/new" | wc -l) outputs"
