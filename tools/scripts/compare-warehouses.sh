#!/usr/bin/env bash
# Compares two warehouses written by the nightly pipeline: every row of every table (as JSON, sorted), every
# export file byte for byte, and the run summaries without their timings and snapshot ids. Exits 1 on the
# first difference. Both warehouses use the local catalog (tables under <warehouse>/ses_analytics/).
# Usage: tools/scripts/compare-warehouses.sh WAREHOUSE_A WAREHOUSE_B
set -euo pipefail
[[ $# -eq 2 ]] || { echo "usage: $0 WAREHOUSE_A WAREHOUSE_B" >&2; exit 2; }
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

TABLES=(events received received_destinations quarantine sender_daily_stats domain_daily_stats
  configuration_set_daily_stats mailbox_provider_daily_stats top_senders top_sender_domains top_destinations
  suppression suppression_history record_keys)

rows() {  # rows WAREHOUSE OUT: one line per row, "table<TAB>json", sorted
  local query="" table
  for table in "${TABLES[@]}"; do
    if [[ -d "$1/ses_analytics/$table" ]]; then
      query+="${query:+ UNION ALL }SELECT '$table' AS t, to_json(struct(*)) AS j FROM $table"
    fi
  done
  "$ROOT/bin/ses-analytics" sql --warehouse "$1" "SELECT t, j FROM ($query) ORDER BY t, j" 2>/dev/null > "$2"
}

rows "$1" "$WORK/a.csv"
rows "$2" "$WORK/b.csv"
status=0
if cmp -s "$WORK/a.csv" "$WORK/b.csv"; then
  echo "tables: identical, $(($(wc -l < "$WORK/a.csv") - 1)) rows"
  cut -d, -f1 "$WORK/a.csv" | tail -n +2 | sort | uniq -c | awk '{printf "  %s %s\n", $2, $1}'
else
  echo "tables: differ"; diff "$WORK/a.csv" "$WORK/b.csv" | head -20; status=1
fi

# Exports byte for byte; run summaries without the timings and start-up sections.
if diff -r "$1/exports" "$2/exports" > "$WORK/exports.diff"; then
  echo "exports: identical, $(find "$1/exports" -type f | wc -l) files"
else
  echo "exports: differ"; head -20 "$WORK/exports.diff"; status=1
fi
summaries() {
  find "$1/_runs" -name summary.json | sort | while read -r f; do
    echo "${f#"$1"}"
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); [d.pop(k,None) for k in ("timings_ms","startup_ms","snapshots")]; print(json.dumps(d,sort_keys=True))' "$f" \
      | sed "s#$1##g"
  done
}
if diff <(summaries "$1") <(summaries "$2") > "$WORK/summaries.diff"; then
  echo "run summaries: identical apart from timings and snapshot ids, $(find "$1/_runs" -name summary.json | wc -l) files"
else
  echo "run summaries: differ"; head -20 "$WORK/summaries.diff"; status=1
fi
exit $status
