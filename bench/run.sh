#!/usr/bin/env bash
# Benchmarks of the nightly pipeline against a Jackson floor, a DuckDB job and the same job in Spark SQL, its cost
# growth, and the capture Lambda. Generated data goes to bench/data, results to bench/results (both git-ignored).
#
#   bench/run.sh [pipeline|checkpoint|cluster|traffic|growth|bigday|lambda|warm|parse|all]   (default: pipeline)
#
# warm runs the one-day night again and again in one JVM (RUNS, default 3) beside the DuckDB job, to
# show what a fresh JVM costs; parse times the normalize job's line parser alone on one warm thread.
# checkpoint sets local against reliable checkpoints; cluster runs the night on a Spark standalone cluster
# against local[2]; traffic compares the generated lines with the AWS-documented examples; bigday runs the
# 1M-event and the 5M-event days.
#
# Environment: EVENTS (default 1000000) events for the one-day run; GROWTH_EVENTS (default 100000)
# events per day for the 31-day run; BIG_EVENTS (default 5000000) for the large one-day run;
# THREADS (default 2) cores given to every engine; HEAP (default: the launcher's) the pipeline's -Xmx.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
MODE="${1:-pipeline}"
EVENTS="${EVENTS:-1000000}"
GROWTH_EVENTS="${GROWTH_EVENTS:-100000}"
BIG_EVENTS="${BIG_EVENTS:-5000000}"
THREADS="${THREADS:-2}"
HEAP="${HEAP:-}"
DAY=2026-11-20
DATA="$ROOT/bench/data"
RESULTS="$ROOT/bench/results"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$DATA" "$RESULTS"

command -v /usr/bin/time >/dev/null || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 1; }
if [[ ! -f "$ROOT/bench/target/classpath.txt" || ! -f "$ROOT/tools/target/launcher/classpath.txt" ]]; then
  mvn -q -B -f "$ROOT/pom.xml" -pl bench,tools -am -DskipTests package
fi
JAVA="${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}/bin/java"
BENCH_CP="$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/classpath.txt")"
# The mains that call the jobs run on the jobs' own classpath and JVM options, as bin/ses-analytics runs them.
LAUNCHER="$ROOT/tools/target/launcher"
JOBS_CP="$ROOT/bench/target/classes:$(cat "$LAUNCHER/classpath.txt")"
read -r -a JOBS_JVM <<< "$(cat "$LAUNCHER/jvm-options.txt")"

# generate DIR DAYS EVENTS_PER_DAY: synthetic captures in the Lambda's layout, once (again if the
# layout changed since).
generate() {
  if [[ ! -f "$1/.complete" || ! -d "$1/dt=$DAY" ]]; then
    rm -rf "$1"
    "$ROOT/bin/ses-analytics" generate --out "$1" --days "$2" --events-per-day "$3" --first-day "$DAY" --threads "$THREADS" >&2
    touch "$1/.complete"
  fi
}

# measured NAME COMMAND...: runs it under GNU time; writes NAME.out (stdout) and NAME.time.
measured() {
  local name="$1"; shift
  /usr/bin/time -v -o "$WORK/$name.time" "$@" > "$WORK/$name.out"
}

# wall_s / peak_mb NAME: from the GNU time report.
wall_s() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$WORK/$1.time"; }
peak_mb() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$WORK/$1.time"; }

# The launcher's class-data archive is written by the first nightly run after a build (README). A nightly run
# on the bundled sample writes it here if it is missing or stale, so that the measured runs are those of any
# later night.
prepare_archive() {
  rm -rf "$DATA/work-archive"
  "$ROOT/bin/ses-analytics" nightly --raw "$ROOT/sample/raw" --warehouse "$DATA/work-archive" --from "$DAY" \
    --to "$DAY" > /dev/null
}

nightly() {  # nightly NAME RAW WAREHOUSE FROM TO [JAVA OPTIONS]: bin/ses-analytics nightly, measured
  rm -rf "$3"
  # Without HEAP, the launcher's default heap.
  SES_ANALYTICS_JAVA_OPTS="${HEAP:+-Xmx$HEAP}${6:+ $6}" measured "$1" "$ROOT/bin/ses-analytics" nightly --raw "$2" --warehouse "$3" \
    --from "$4" --to "$5"
}

# night_record NAME WAREHOUSE: the measured night as JSON in NAME.json (whole process from GNU time, start-up and
# steps from the run summary).
night_record() {
  python3 - "$WORK/$1.json" "$(wall_s "$1")" "$(peak_mb "$1")" "$2" <<'PY'
import json, sys, glob
out, wall, peak, warehouse = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
summary = json.load(open(sorted(glob.glob(warehouse + "/_runs/dt=*/summary.json"))[-1]))
startup = summary.get("startup_ms", {})
json.dump({"wall_s": wall, "peak_rss_mb": peak, "raw_lines": summary["normalize"]["rawLines"],
           "jvm_start_s": startup.get("jvm_start", 0) / 1000, "spark_session_s": startup.get("spark_session", 0) / 1000,
           "steps_s": {k: v / 1000 for k, v in summary["timings_ms"].items()}}, open(out, "w"))
PY
}

# The pipeline, the floor and the DuckDB job, ROUNDS rounds, each round in another order.
pipeline() {
  WORK="$DATA/work-pipeline"; rm -rf "$WORK"; mkdir -p "$WORK"
  local raw="$DATA/1day-$EVENTS"
  generate "$raw" 1 "$EVENTS"
  local folder="$raw/dt=$DAY" rounds="${ROUNDS:-3}" r order
  prepare_archive
  # The Spark SQL job runs with bin/ses-analytics's heap settings and collector, and a class-data archive of its
  # own, as the nightly has the launcher's; an archive takes classes from jars only.
  local spark_cds="$WORK/spark-sql.jsa"
  local spark_sql=(env SPARK_LOCAL_IP=127.0.0.1 "$JAVA" -Xmx4g -Xms1g -XX:+UseSerialGC "${JOBS_JVM[@]}" -Xlog:cds*=off
                   -Dlog4j2.configurationFile="$LAUNCHER/log4j2.properties" -Dses-analytics.log.file="$WORK/spark-sql.log"
                   -cp "$ROOT/bench/target/bench-0.1.0-SNAPSHOT.jar:$(cat "$LAUNCHER/classpath.txt")")
  "${spark_sql[@]}" -XX:ArchiveClassesAtExit="$spark_cds" io.sesanalytics.bench.SparkSqlJob "$ROOT/sample/raw/dt=$DAY" \
    "$THREADS" "$WORK/spark-sql-archive" > /dev/null
  local parts=(pipeline floor duckdb spark)
  for ((r = 1; r <= rounds; r++)); do
    # Each round starts one further along the list, so that every part runs early and late.
    order="${parts[*]:$(( (r - 1) % 4 ))} ${parts[*]:0:$(( (r - 1) % 4 ))}"
    for part in $order; do
      echo "bench: round $r of $rounds: $part" >&2
      case "$part" in
        pipeline) nightly "pipeline-$r" "$raw" "$WORK/warehouse-$r" "$DAY" "$DAY"; night_record "pipeline-$r" "$WORK/warehouse-$r" ;;
        floor) measured "floor-$r" "$JAVA" -Xmx2g -cp "$BENCH_CP" io.sesanalytics.bench.JacksonFloor "$folder" "$THREADS" ;;
        duckdb) measured "duckdb-$r" "$JAVA" -Xmx2g -cp "$BENCH_CP" io.sesanalytics.bench.DuckDbJob "$folder" "$THREADS" \
                  "$WORK/duckdb-$r.parquet" ;;
        spark) measured "spark-$r" "${spark_sql[@]}" -XX:SharedArchiveFile="$spark_cds" io.sesanalytics.bench.SparkSqlJob \
                 "$folder" "$THREADS" "$WORK/spark-$r.parquet" ;;
      esac
    done
    for part in floor duckdb spark; do
      echo "{\"wall_s\": $(wall_s "$part-$r"), \"peak_rss_mb\": $(peak_mb "$part-$r")}" > "$WORK/$part-$r.json"
    done
  done
  "$JAVA" -cp "$BENCH_CP" io.sesanalytics.bench.CompareCounts "$WORK/warehouse-1" "$WORK/duckdb-1.parquet" > "$WORK/compare.out" || true
  "$JAVA" -cp "$BENCH_CP" io.sesanalytics.bench.CompareCounts "$WORK/spark-1.parquet" "$WORK/duckdb-1.parquet" \
    > "$WORK/compare-spark.out" || true
  python3 - "$WORK" "$EVENTS" "$THREADS" "$rounds" "$RESULTS/pipeline-$STAMP.json" <<'PY'
import json, sys
work, events, threads, rounds, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
def load(name, r):
    record = json.load(open(f"{work}/{name}-{r}.json"))
    last = open(f"{work}/{name}-{r}.out").read().strip().splitlines() if name != "pipeline" else []
    if last:
        record["work_s"] = json.loads(last[-1])["seconds"]
    return record
runs = [{name: load(name, r) for name in ("pipeline", "floor", "duckdb", "spark")} for r in range(1, rounds + 1)]
for run in runs:
    run["pipeline_over_duckdb"] = round(run["pipeline"]["wall_s"] / run["duckdb"]["wall_s"], 2)
    run["pipeline_over_floor"] = round(run["pipeline"]["wall_s"] / run["floor"]["wall_s"], 2)
    run["spark_over_duckdb"] = round(run["spark"]["wall_s"] / run["duckdb"]["wall_s"], 2)
    run["pipeline_over_spark"] = round(run["pipeline"]["wall_s"] / run["spark"]["wall_s"], 2)
result = {"events": events, "threads": threads, "heap": __import__("os").environ.get("HEAP") or "the launcher's",
          "rounds": runs, "agreement": json.loads(open(work + "/compare.out").read().strip().splitlines()[-1]),
          "spark_sql_agreement": json.loads(open(work + "/compare-spark.out").read().strip().splitlines()[-1])}
json.dump(result, open(out, "w"), indent=2)
print(json.dumps(result, indent=2))
PY
}

# What keeping the parsed rows the cluster's way (a reliable checkpoint, files under the warehouse) costs against
# the local checkpoint of local mode: the same night, ROUNDS rounds of both, alternated.
checkpoint() {
  WORK="$DATA/work-checkpoint"; rm -rf "$WORK"; mkdir -p "$WORK"
  local raw="$DATA/1day-$EVENTS" rounds="${ROUNDS:-3}" r way
  generate "$raw" 1 "$EVENTS"
  prepare_archive
  for ((r = 1; r <= rounds; r++)); do
    local order="local reliable"; (( r % 2 == 0 )) && order="reliable local"
    for way in $order; do
      echo "bench: round $r of $rounds: $way checkpoint" >&2
      nightly "$way-$r" "$raw" "$WORK/warehouse-$way" "$DAY" "$DAY" "-Dspark.ses-analytics.checkpoints=$way"
      night_record "$way-$r" "$WORK/warehouse-$way"
    done
  done
  python3 - "$WORK" "$EVENTS" "$rounds" "$RESULTS/checkpoint-$STAMP.json" <<'PY'
import json, sys
work, events, rounds, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
runs = [{way: json.load(open(f"{work}/{way}-{r}.json")) for way in ("local", "reliable")} for r in range(1, rounds + 1)]
for run in runs:
    run["reliable_over_local"] = round(run["reliable"]["wall_s"] / run["local"]["wall_s"], 3)
result = {"events": events, "rounds": runs}
json.dump(result, open(out, "w"), indent=2)
print(json.dumps(result, indent=2))
PY
}

# The same night through emr/spark-submit.sh on a Spark standalone cluster (a Master and two one-core Workers,
# separate JVMs made of the build's Spark jars, the executors at EXECUTOR_MEMORY) and through bin/ses-analytics
# in local[2], ROUNDS rounds alternated, over the same local files; then both warehouses are compared.
cluster() {
  WORK="$DATA/work-cluster"; rm -rf "$WORK"; mkdir -p "$WORK/logs" "$WORK/spark-home/jars"
  local raw="$DATA/1day-$EVENTS" rounds="${ROUNDS:-2}" r way jar
  generate "$raw" 1 "$EVENTS"
  prepare_archive
  (cd "$ROOT" && mvn -q -B -pl jobs -am -DskipTests package)
  # The Workers build the executors' classpath from SPARK_HOME: Spark, Hadoop and S3A only; the jobs, their
  # libraries and Iceberg come from what is submitted, as on EMR.
  for jar in $(tr ':' ' ' < "$LAUNCHER/classpath.txt"); do
    case "$jar" in
      "$ROOT"/* | */io/sesanalytics/* | */org/apache/iceberg/* | */info/picocli/* | */software/amazon/awssdk/* | \
        */com/amazonaws/aws-lambda* | */commons-csv-* | */jackson-datatype-jsr310-*) ;;
      *) ln -s "$jar" "$WORK/spark-home/jars/$(basename "$jar")" ;;
    esac
  done
  local iceberg; iceberg="$(tr ':' '\n' < "$LAUNCHER/classpath.txt" | grep iceberg-spark-runtime)"
  local spark_jvm=("$JAVA" -Xmx512m "${JOBS_JVM[@]}" -cp "$WORK/spark-home/jars/*")
  export SPARK_HOME="$WORK/spark-home" SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_IP=127.0.0.1
  local port=$((17000 + RANDOM % 2000)) pids=()
  trap "pkill -f '$WORK/spark-home/jars' || true" EXIT
  "${spark_jvm[@]}" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port $((port + 1)) \
    > "$WORK/logs/master.log" 2>&1 & pids+=($!)
  for n in 1 2; do
    mkdir -p "$WORK/worker-$n"
    "${spark_jvm[@]}" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory "${WORKER_MEMORY:-5g}" \
      --webui-port $((port + 1 + n)) --work-dir "$WORK/worker-$n" "spark://127.0.0.1:$port" > "$WORK/logs/worker-$n.log" 2>&1 &
    pids+=($!)
  done
  for n in 1 2; do
    timeout 180 bash -c "until grep -q 'Successfully registered with master' '$WORK/logs/worker-$n.log'; do sleep 1; done"
  done
  printf '#!/usr/bin/env bash\nexec %s -Xmx%s %s -cp "%s/*" org.apache.spark.deploy.SparkSubmit "$@"\n' \
    "$JAVA" "${DRIVER_MEMORY:-2g}" "${JOBS_JVM[*]}" "$WORK/spark-home/jars" > "$WORK/spark-submit"
  chmod +x "$WORK/spark-submit"
  for ((r = 1; r <= rounds; r++)); do
    local order="cluster local"; (( r % 2 == 0 )) && order="local cluster"
    for way in $order; do
      echo "bench: round $r of $rounds: $way" >&2
      rm -rf "$WORK/warehouse-$way"
      if [[ "$way" == local ]]; then
        nightly "local-$r" "$raw" "$WORK/warehouse-local" "$DAY" "$DAY"
      else
        SPARK_SUBMIT="$WORK/spark-submit" SPARK_MASTER="spark://127.0.0.1:$port" DEPLOY_MODE=client \
          RAW_URI="file://$raw" WAREHOUSE_URI="file://$WORK/warehouse-cluster" CATALOG=local ICEBERG_JAR="$iceberg" \
          JOBS_JAR="$ROOT/jobs/target/jobs-0.1.0-SNAPSHOT-emr.jar" REGION=us-east-1 \
          SPARK_SUBMIT_EXTRA="--conf spark.executor.memory=${EXECUTOR_MEMORY:-4g} --conf spark.executor.cores=1 --conf spark.ui.enabled=false" \
          measured "cluster-$r" "$ROOT/emr/spark-submit.sh" "$DAY" 2> "$WORK/logs/driver-$r.log"
      fi
      night_record "$way-$r" "$WORK/warehouse-$way"
    done
  done
  "$ROOT/tools/scripts/compare-warehouses.sh" "$WORK/warehouse-local" "$WORK/warehouse-cluster" > "$WORK/compare.out" \
    || echo "bench: the cluster's warehouse differs from the local one: $WORK/compare.out" >&2
  python3 - "$WORK" "$EVENTS" "$rounds" "$RESULTS/cluster-$STAMP.json" <<'PY'
import json, sys
work, events, rounds, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
runs = [{way: json.load(open(f"{work}/{way}-{r}.json")) for way in ("cluster", "local")} for r in range(1, rounds + 1)]
for run in runs:
    run["cluster_over_local"] = round(run["cluster"]["wall_s"] / run["local"]["wall_s"], 2)
result = {"events": events, "rounds": runs, "comparison": open(work + "/compare.out").read().strip().splitlines()}
json.dump(result, open(out, "w"), indent=2)
print(json.dumps(result, indent=2))
PY
}

# growth: 31 nights of GROWTH_EVENTS in one process, then bigday. bigday: the day of EVENTS against the day of
# BIG_EVENTS, whole processes at the launcher's defaults (or HEAP), with their peak RSS.
growth() {
  WORK="$DATA/work-growth"; mkdir -p "$WORK"
  local month="$DATA/31days-$GROWTH_EVENTS"
  generate "$month" 31 "$GROWTH_EVENTS"
  prepare_archive
  nightly month "$month" "$WORK/month" "$DAY" "$(date -u -d "$DAY + 30 days" +%F)"
  python3 - "$WORK" "$GROWTH_EVENTS" "$RESULTS/growth-$STAMP.json" <<'PY'
import json, sys, glob
work, per_day, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
nights = [json.load(open(s))["timings_ms"]["total"] / 1000 for s in sorted(glob.glob(work + "/month/_runs/dt=*/summary.json"))]
result = {"events_per_day": per_day, "nights": len(nights), "job_s": nights,
          "night31_over_night1": round(nights[-1] / nights[0], 2), "night31_over_night2": round(nights[-1] / nights[1], 2)}
json.dump(result, open(out, "w"), indent=2)
print(json.dumps(result, indent=2))
PY
  bigday
}

bigday() {
  WORK="$DATA/work-bigday"; rm -rf "$WORK"; mkdir -p "$WORK"
  local big="$DATA/1day-$BIG_EVENTS" one="$DATA/1day-$EVENTS"
  generate "$one" 1 "$EVENTS"
  generate "$big" 1 "$BIG_EVENTS"
  prepare_archive
  nightly one "$one" "$WORK/one" "$DAY" "$DAY"; night_record one "$WORK/one"
  nightly big "$big" "$WORK/big" "$DAY" "$DAY"; night_record big "$WORK/big"
  python3 - "$WORK" "$EVENTS" "$BIG_EVENTS" "$RESULTS/bigday-$STAMP.json" <<'PY'
import json, sys
work, one, big, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
runs = {name: json.load(open(f"{work}/{name}.json")) for name in ("one", "big")}
result = {"events": [one, big], "heap": __import__("os").environ.get("HEAP") or "the launcher's", "runs": runs,
          "big_over_one_whole_process": round(runs["big"]["wall_s"] / runs["one"]["wall_s"], 2),
          "events_ratio": big / one}
json.dump(result, open(out, "w"), indent=2)
print(json.dumps(result, indent=2))
PY
}

lambda() {
  WORK="$DATA/work-lambda"; mkdir -p "$WORK"
  # On the Java of the Lambda runtime (java25), where one is installed; the cold starts use the same JVM.
  local java="$JAVA"
  [[ -x "${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" ]] && java="${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
  "$java" -cp "$BENCH_CP" io.sesanalytics.bench.LambdaBench \
    "$ROOT/lambda-capture/target/lambda-capture-0.1.0-SNAPSHOT-lambda.jar" \
    "$ROOT/sample/raw/dt=$DAY" 20 | tail -1 | tee "$RESULTS/lambda-$STAMP.json"
}

warm() {
  WORK="$DATA/work-warm"; mkdir -p "$WORK"
  local raw="$DATA/1day-$EVENTS"
  generate "$raw" 1 "$EVENTS"
  SPARK_LOCAL_IP=127.0.0.1 "$JAVA" "-Xmx$HEAP" "${JOBS_JVM[@]}" -Dlog4j2.configurationFile="$LAUNCHER/log4j2.properties" \
    -Dses-analytics.log.file="$WORK/warm.log" -cp "$JOBS_CP" io.sesanalytics.bench.WarmNight "$raw" "$WORK" "$DAY" "${RUNS:-3}" | tail -1 > "$WORK/warm.out"
  measured duckdb "$JAVA" -Xmx2g -cp "$BENCH_CP" io.sesanalytics.bench.DuckDbJob "$raw/dt=$DAY" "$THREADS" "$WORK/duckdb.parquet"
  python3 - "$WORK" "$RESULTS/warm-$STAMP.json" <<'PY'
import json, sys
work, out = sys.argv[1], sys.argv[2]
runs = json.loads(open(work + "/warm.out").read())["runs"]
duck = json.loads(open(work + "/duckdb.out").read().strip().splitlines()[-1])["seconds"]
result = {"runs": runs, "duckdb_s": duck, "run_over_duckdb": [round(r["total_s"] / duck, 2) for r in runs]}
json.dump(result, open(out, "w"), indent=2)
print(json.dumps(result, indent=2))
PY
}

parse() {
  local raw="$DATA/1day-$EVENTS"
  generate "$raw" 1 "$EVENTS"
  "$JAVA" -Xmx4g "${JOBS_JVM[@]}" -cp "$JOBS_CP" io.sesanalytics.bench.ParseBench "$raw/dt=$DAY" "${OBJECTS:-64}" \
    "${ROUNDS:-20}" | tail -1 | tee "$RESULTS/parse-$STAMP.json"
}

# How the generated day compares with the AWS-documented examples of the fixtures.
traffic() {
  local raw="$DATA/1day-$EVENTS"
  generate "$raw" 1 "$EVENTS"
  python3 "$ROOT/bench/traffic.py" "$raw/dt=$DAY" "$ROOT/lambda-capture/src/test/resources/ses" | tee "$RESULTS/traffic-$STAMP.json"
}

case "$MODE" in
  pipeline) pipeline ;;
  checkpoint) checkpoint ;;
  cluster) cluster ;;
  traffic) traffic ;;
  growth) growth ;;
  bigday) bigday ;;
  lambda) lambda ;;
  warm) warm ;;
  parse) parse ;;
  all) pipeline; growth; lambda; warm; parse ;;
  *) echo "usage: bench/run.sh [pipeline|checkpoint|cluster|traffic|growth|bigday|lambda|warm|parse|all]" >&2; exit 2 ;;
esac
