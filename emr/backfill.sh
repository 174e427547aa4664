#!/usr/bin/env bash
# Backfills the nightly pipeline over an inclusive date range (oldest first) in one run.
#
#   emr/backfill.sh 2024-05-01 2024-05-31
#
# BACKFILL_TARGET=serverless (default) starts one EMR Serverless job run: emr-serverless-job-run.json,
#   rendered by render.sh (same environment variables), with "--from FROM --to TO" added to its arguments.
#   Needs the AWS CLI and jq or python3. WAIT=1 polls until the run ends and fails if it did not succeed.
#   BACKFILL_TIMEOUT_MINUTES (default 720) replaces the nightly run's timeout.
# BACKFILL_TARGET=spark-submit runs emr/spark-submit.sh FROM TO (same environment as that script).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

die() {
    echo "backfill.sh: $*" >&2
    exit 2
}

[[ $# -eq 2 ]] || die "usage: backfill.sh FROM TO   (dates as YYYY-MM-DD, inclusive)"
FROM=$1
TO=$2
for d in "$FROM" "$TO"; do
    [[ "$d" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || die "not a YYYY-MM-DD date: $d"
done
[[ ! "$TO" < "$FROM" ]] || die "TO $TO is before FROM $FROM"

EXTRA_APP_ARGS=(--from "$FROM" --to "$TO")

case "${BACKFILL_TARGET:-serverless}" in
    spark-submit)
        exec "$here/spark-submit.sh" "$FROM" "$TO"
        ;;
    serverless) ;;
    *) die "BACKFILL_TARGET must be serverless or spark-submit, not ${BACKFILL_TARGET}" ;;
esac

command -v aws >/dev/null 2>&1 || die "the AWS CLI (aws) is not on PATH"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$here/render.sh" "$here/emr-serverless-job-run.json" "$work/template.json"

name="ses-analytics-backfill-$FROM-to-$TO"
timeout="${BACKFILL_TIMEOUT_MINUTES:-720}"
[[ "$timeout" =~ ^[0-9]+$ ]] || die "BACKFILL_TIMEOUT_MINUTES must be a number of minutes"
if command -v jq >/dev/null 2>&1; then
    extra_json=$(printf '%s\n' "${EXTRA_APP_ARGS[@]}" | jq -R . | jq -cs .)
    jq --arg name "$name" --argjson timeout "$timeout" --argjson extra "$extra_json" \
        '.name = $name | .executionTimeoutMinutes = $timeout
         | .jobDriver.sparkSubmit.entryPointArguments += $extra' \
        "$work/template.json" > "$work/job-run.json"
elif command -v python3 >/dev/null 2>&1; then
    python3 - "$work/template.json" "$work/job-run.json" "$name" "$timeout" "${EXTRA_APP_ARGS[@]}" <<'PY'
import json
import sys

source, target, name, timeout, *extra = sys.argv[1:]
with open(source) as f:
    run = json.load(f)
run["name"] = name
run["executionTimeoutMinutes"] = int(timeout)
run["jobDriver"]["sparkSubmit"]["entryPointArguments"] += extra
with open(target, "w") as f:
    json.dump(run, f, indent=2)
PY
else
    die "needs jq or python3 to add --from/--to to the job run"
fi

region_args=()
if [[ -n "${REGION:-}" ]]; then
    region_args=(--region "$REGION")
fi
job_run_id=$(aws emr-serverless start-job-run ${region_args[@]+"${region_args[@]}"} \
    --cli-input-json "file://$work/job-run.json" --query jobRunId --output text)
echo "backfill $FROM..$TO started: job run $job_run_id on application $EMR_SERVERLESS_APP_ID"
echo "follow it with: aws emr-serverless get-job-run --application-id $EMR_SERVERLESS_APP_ID --job-run-id $job_run_id"

if [[ "${WAIT:-0}" == 1 ]]; then
    while true; do
        state=$(aws emr-serverless get-job-run ${region_args[@]+"${region_args[@]}"} \
            --application-id "$EMR_SERVERLESS_APP_ID" --job-run-id "$job_run_id" \
            --query jobRun.state --output text)
        case "$state" in
            SUCCESS) echo "backfill $FROM..$TO succeeded"; exit 0 ;;
            FAILED | CANCELLED) echo "backfill $FROM..$TO ended $state" >&2; exit 1 ;;
            *) sleep 60 ;;
        esac
    done
fi
