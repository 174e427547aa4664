#!/usr/bin/env bash
# The nightly SES analytics pipeline through plain spark-submit: on an EMR primary node, or any Spark 3.5
# cluster running Java 17. Suitable for cron.
#
#   emr/spark-submit.sh                      yesterday (UTC), the nightly run
#   emr/spark-submit.sh 2024-05-01           one date
#   emr/spark-submit.sh 2024-05-01 2024-05-31  a backfill, oldest date first
#
# Environment (put it in a file and point SES_ANALYTICS_ENV at it; cron starts with an almost empty one):
#   DATA_BUCKET        bucket with raw/ and warehouse/ (or set RAW_URI and WAREHOUSE_URI instead)
#   ARTIFACTS_BUCKET   bucket holding ses-analytics/jobs-0.1.0-SNAPSHOT-emr.jar (or set JOBS_JAR)
#   RAW_URI            default s3://$DATA_BUCKET/raw
#   WAREHOUSE_URI      default s3://$DATA_BUCKET/warehouse
#   JOBS_JAR           default s3://$ARTIFACTS_BUCKET/ses-analytics/jobs-0.1.0-SNAPSHOT-emr.jar (a local path works too)
#   CATALOG            glue (default) or local: the Iceberg catalog of the tables
#   ICEBERG_JAR        Iceberg's Spark runtime; default EMR's /usr/share/aws/iceberg/lib/iceberg-spark3-runtime.jar
#                      when present. Elsewhere set it to "" and add to SPARK_SUBMIT_EXTRA
#                      "--packages org.apache.iceberg:iceberg-spark-runtime-3.5_2.12:1.10.1"
#   GLUE_DATABASE      default ses_analytics
#   REGION             Glue region; default $AWS_REGION, else the AWS SDK's default region chain
#   SPARK_SUBMIT       default spark-submit
#   SPARK_MASTER       default yarn
#   DEPLOY_MODE        default cluster
#   SPARK_SUBMIT_EXTRA more spark-submit options, split on whitespace, e.g. "--conf spark.executor.memory=8g".
#                      Outside EMR, s3:// needs S3A: "--packages org.apache.hadoop:hadoop-aws:3.3.4
#                      --conf spark.hadoop.fs.s3.impl=org.apache.hadoop.fs.s3a.S3AFileSystem"
#
# Example crontab line (02:30 UTC every day):
#   CRON_TZ=UTC
#   30 2 * * * SES_ANALYTICS_ENV=/etc/ses-analytics.env /opt/ses-analytics/emr/spark-submit.sh >>/var/log/ses-analytics.log 2>&1
set -euo pipefail

if [[ -n "${SES_ANALYTICS_ENV:-}" ]]; then
    # shellcheck source=/dev/null
    source "$SES_ANALYTICS_ENV"
fi

usage() {
    sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

is_date() {
    [[ "$1" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]]
}

case "${1:-}" in
    -h | --help) usage ;;
esac
[[ $# -le 2 ]] || usage
for arg in "$@"; do
    is_date "$arg" || { echo "spark-submit.sh: not a YYYY-MM-DD date: $arg" >&2; exit 2; }
done
if [[ $# -eq 2 && "$2" < "$1" ]]; then
    echo "spark-submit.sh: the last date $2 is before the first date $1" >&2
    exit 2
fi

RAW_URI="${RAW_URI:-s3://${DATA_BUCKET:?set DATA_BUCKET, or RAW_URI and WAREHOUSE_URI}/raw}"
WAREHOUSE_URI="${WAREHOUSE_URI:-s3://${DATA_BUCKET:?set DATA_BUCKET, or RAW_URI and WAREHOUSE_URI}/warehouse}"
JOBS_JAR="${JOBS_JAR:-s3://${ARTIFACTS_BUCKET:?set ARTIFACTS_BUCKET or JOBS_JAR}/ses-analytics/jobs-0.1.0-SNAPSHOT-emr.jar}"
CATALOG="${CATALOG:-glue}"
GLUE_DATABASE="${GLUE_DATABASE:-ses_analytics}"
REGION="${REGION:-${AWS_REGION:-}}"
SPARK_SUBMIT="${SPARK_SUBMIT:-spark-submit}"
SPARK_MASTER="${SPARK_MASTER:-yarn}"
DEPLOY_MODE="${DEPLOY_MODE:-cluster}"

SPARK_ARGS=(
    --master "$SPARK_MASTER"
    --deploy-mode "$DEPLOY_MODE"
    --name "ses-analytics nightly"
    --class io.sesanalytics.jobs.cli.SesAnalytics
    # Executors come and go with dynamic allocation; without an external shuffle service Spark keeps those
    # holding shuffle data until it is no longer needed (README, "Lost executors").
    --conf spark.dynamicAllocation.shuffleTracking.enabled=true
)
ICEBERG_JAR="${ICEBERG_JAR-/usr/share/aws/iceberg/lib/iceberg-spark3-runtime.jar}"
if [[ -n "$ICEBERG_JAR" && -f "$ICEBERG_JAR" ]]; then
    SPARK_ARGS+=(--jars "$ICEBERG_JAR")
fi
read -r -a EXTRA_SPARK_ARGS <<< "${SPARK_SUBMIT_EXTRA:-}"

APP_ARGS=(nightly --raw "$RAW_URI" --warehouse "$WAREHOUSE_URI" --catalog "$CATALOG" --glue-database "$GLUE_DATABASE")
if [[ -n "$REGION" ]]; then
    APP_ARGS+=(--glue-region "$REGION")
fi
if [[ $# -eq 1 ]]; then
    APP_ARGS+=(--date "$1")
elif [[ $# -eq 2 ]]; then
    APP_ARGS+=(--from "$1" --to "$2")
fi

echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) ses-analytics: $SPARK_SUBMIT $JOBS_JAR ${APP_ARGS[*]}" >&2
exec "$SPARK_SUBMIT" "${SPARK_ARGS[@]}" ${EXTRA_SPARK_ARGS[@]+"${EXTRA_SPARK_ARGS[@]}"} "$JOBS_JAR" "${APP_ARGS[@]}"
