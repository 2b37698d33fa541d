#!/usr/bin/env bash
# Scores selaras extract and trafilatura (pip install trafilatura lxml_html_clean) on the public
# article-extraction benchmark in one run, with the benchmark's own evaluate.py, and prints
# each one's CPU seconds for the 181 pages.
#   scripts/extraction-compare.sh [BENCHMARK_DIR]   (default ../shared/data/article-extraction-benchmark)
set -euo pipefail
cd "$(dirname "$0")/.."
benchmark=$(cd "${1:-../shared/data/article-extraction-benchmark}" && pwd)
run=$(mktemp -d)
trap 'rm -rf "$run"' EXIT
mkdir -p "$run/output"
cp "$benchmark/ground-truth.json" "$benchmark/evaluate.py" "$run/"
swift build -c release --product selaras-bench >&2
.build/release/selaras-bench extract --benchmark "$benchmark" --write "$run/output/selaras.json" 2>/dev/null \
  | grep benchmark-speed || true
python3 - "$benchmark" "$run/output/trafilatura.json" <<'PY'
import glob, gzip, json, os, sys, time
import trafilatura
pages = {os.path.basename(f)[:-len('.html.gz')]: gzip.open(f).read().decode('utf-8')
         for f in glob.glob(os.path.join(sys.argv[1], 'html', '*.html.gz'))}
out, start = {}, time.process_time()
for key, html in pages.items():
    out[key] = {'articleBody': trafilatura.extract(html) or ''}
cpu = time.process_time() - start
json.dump(out, open(sys.argv[2], 'w'))
print(json.dumps({'extractor': 'trafilatura ' + trafilatura.__version__, 'pages': len(pages),
                  'cpu_seconds': round(cpu, 3), 'pages_per_cpu_second': round(len(pages) / cpu, 1)}))
PY
cd "$run" && python3 evaluate.py --n-bootstrap 200
