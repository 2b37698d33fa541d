#!/usr/bin/env bash
# pg_trgm against the word index, on a PostgreSQL memory `selaras-bench tm --reuse DIR
# --postgres URL` built: builds a GiST trigram index on the English side (timed), then runs
# 49 stored sentences with one word dropped as trigram nearest-neighbour queries inside a
# token-length band (±30%), 50 candidates each, and prints their latency and whether the
# stored sentence is among the candidates; then drops the index. The word index's figures
# for the same memory are selaras-bench tm's search lines.
#   scripts/pg-trgm-compare.sh "$(cat DIR/postgres.url)"
set -euo pipefail
url=${1:?usage: scripts/pg-trgm-compare.sh POSTGRES_URL}
work=$(mktemp -d)
trap 'rm -rf "$work"; psql "$url" -qc "DROP INDEX IF EXISTS unit_source_trgm" >/dev/null 2>&1 || true' EXIT
psql "$url" -qc "CREATE EXTENSION IF NOT EXISTS pg_trgm"
psql "$url" -c "\\timing on" -c "CREATE INDEX unit_source_trgm ON unit USING gist (source_text gist_trgm_ops)" | grep Time
psql "$url" -Atc "SELECT id, source_tokens, source_text FROM unit WHERE id % 19997 = 11 LIMIT 50" >"$work/units"
python3 - "$work" <<'PY'
import random, sys
work = sys.argv[1]
random.seed(5)
with open(f"{work}/queries.sql", "w") as out, open(f"{work}/ids", "w") as ids:
    out.write("\\timing on\n\\pset tuples_only on\n\\pset format unaligned\n")
    for line in open(f"{work}/units"):
        id_, tokens, text = line.rstrip("\n").split("|", 2)
        words = text.split(" ")
        if len(words) > 4:
            del words[random.randrange(len(words))]
        query = " ".join(words).replace("'", "''")
        low, high = int(int(tokens) * 0.7), int(int(tokens) * 1.3) + 1
        out.write(f"SELECT string_agg(id::text, ',') FROM (SELECT id FROM unit WHERE source_tokens BETWEEN {low} AND {high} "
                  f"ORDER BY source_text <-> '{query}' LIMIT 50) t;\n")
        ids.write(id_ + "\n")
PY
psql "$url" -f "$work/queries.sql" >"$work/out"
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
ids = [line.strip() for line in open(f"{work}/ids")]
times, found = [], []
for line in open(f"{work}/out"):
    line = line.strip()
    if line.startswith("Time:"):
        times.append(float(line.split()[1]))
    elif line and line[0].isdigit():
        found.append(line.split(","))
times = sorted(times)
recall = sum(1 for id_, candidates in zip(ids, found) if id_ in candidates) / len(ids)
print(f'{{"bench":"pg_trgm","queries":{len(times)},"p50_ms":{times[len(times)//2]:.1f},'
      f'"p95_ms":{times[int(len(times)*0.95)]:.1f},"recall_at_50":{recall:.3f}}}')
PY
