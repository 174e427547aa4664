#!/usr/bin/env bash
# Benchmarks of the nightly pipeline against a Jackson floor and a DuckDB job, its cost growth, and
# the capture Lambda. Generated data goes to bench/data, results to bench/results (both git-ignored).
#
#   bench/run.sh [pipeline|growth|lambda|warm|parse|all]      (default: pipeline)
#
# warm runs the one-day night again and again in one JVM (RUNS, default 3) beside the DuckDB job, to
# show what a fresh JVM costs; parse times the normalize job's line parser alone on one warm thread.
#
# Environment: EVENTS (default 1000000) events for the one-day run; GROWTH_EVENTS (default 100000)
# events per day for the 31-day run; BIG_EVENTS (default 5000000) for the large one-day run;
# THREADS (default 2) cores given to every engine; HEAP (default 8g).
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
MODE="${1:-pipeline}"
EVENTS="${EVENTS:-1000000}"
GROWTH_EVENTS="${GROWTH_EVENTS:-100000}"
BIG_EVENTS="${BIG_EVENTS:-5000000}"
THREADS="${THREADS:-2}"
HEAP="${HEAP:-8g}"
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

nightly() {  # nightly NAME RAW WAREHOUSE FROM TO
  rm -rf "$3"
  SES_ANALYTICS_JAVA_OPTS="-Xmx$HEAP" measured "$1" "$ROOT/bin/ses-analytics" nightly --raw "$2" --warehouse "$3" \
    --from "$4" --to "$5"
}

pipeline() {
  WORK="$DATA/work-pipeline"; mkdir -p "$WORK"
  local raw="$DATA/1day-$EVENTS"
  generate "$raw" 1 "$EVENTS"
  local folder="$raw/dt=$DAY"
  prepare_archive
  nightly pipeline "$raw" "$WORK/warehouse" "$DAY" "$DAY"
  measured floor "$JAVA" -Xmx2g -cp "$BENCH_CP" io.sesanalytics.bench.JacksonFloor "$folder" "$THREADS"
  measured duckdb "$JAVA" -Xmx2g -cp "$BENCH_CP" io.sesanalytics.bench.DuckDbJob "$folder" "$THREADS" "$WORK/duckdb.parquet"
  "$JAVA" -cp "$BENCH_CP" io.sesanalytics.bench.CompareCounts "$WORK/warehouse" "$WORK/duckdb.parquet" > "$WORK/compare.out" || true
  python3 - "$WORK" "$EVENTS" "$THREADS" "$(wall_s pipeline)" "$(peak_mb pipeline)" "$(wall_s floor)" "$(peak_mb floor)" \
      "$(wall_s duckdb)" "$(peak_mb duckdb)" "$RESULTS/pipeline-$STAMP.json" <<'PY'
import json, sys, glob, os
work, events, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
p_wall, p_mb, f_wall, f_mb, d_wall, d_mb, out = sys.argv[4:11]
summary = json.load(open(glob.glob(work + "/warehouse/_runs/dt=*/summary.json")[0]))
startup = summary.get("startup_ms", {})
steps = summary["timings_ms"]
job_s = steps["total"] / 1000
floor = json.loads(open(work + "/floor.out").read().strip().splitlines()[-1])
duck = json.loads(open(work + "/duckdb.out").read().strip().splitlines()[-1])
compare = json.loads(open(work + "/compare.out").read().strip().splitlines()[-1])
result = {
  "events": events, "threads": threads, "raw_lines": summary["normalize"]["rawLines"],
  "pipeline": {"wall_s": float(p_wall), "jvm_start_s": startup.get("jvm_start", 0) / 1000,
               "spark_session_s": startup.get("spark_session", 0) / 1000, "job_s": job_s,
               "steps_s": {k: v / 1000 for k, v in steps.items()}, "peak_rss_mb": int(p_mb),
               "events_per_s_job": round(events / job_s),
               "class_data_archive": os.environ.get("SES_ANALYTICS_CDS", "on") != "off"},
  "floor": {"wall_s": float(f_wall), "work_s": floor["seconds"], "peak_rss_mb": int(f_mb),
            "events_per_s": round(events / floor["seconds"])},
  "duckdb": {"wall_s": float(d_wall), "work_s": duck["seconds"], "peak_rss_mb": int(d_mb),
             "events_per_s": round(events / duck["seconds"])},
  "pipeline_over_floor": round(job_s / floor["seconds"], 2),
  "pipeline_over_duckdb": round(job_s / duck["seconds"], 2),
  "agreement": compare,
}
json.dump(result, open(out, "w"), indent=2)
print(json.dumps(result, indent=2))
PY
}

growth() {
  WORK="$DATA/work-growth"; mkdir -p "$WORK"
  local month="$DATA/31days-$GROWTH_EVENTS"
  generate "$month" 31 "$GROWTH_EVENTS"
  prepare_archive
  nightly month "$month" "$WORK/month" "$DAY" "$(date -u -d "$DAY + 30 days" +%F)"
  local big="$DATA/1day-$BIG_EVENTS" one="$DATA/1day-$EVENTS"
  generate "$one" 1 "$EVENTS"
  generate "$big" 1 "$BIG_EVENTS"
  nightly one "$one" "$WORK/one" "$DAY" "$DAY"
  nightly big "$big" "$WORK/big" "$DAY" "$DAY"
  python3 - "$WORK" "$GROWTH_EVENTS" "$EVENTS" "$BIG_EVENTS" "$RESULTS/growth-$STAMP.json" <<'PY'
import json, sys, glob
work, per_day, one, big, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
def job_s(summary):
    return json.load(open(summary))["timings_ms"]["total"] / 1000
nights = [job_s(s) for s in sorted(glob.glob(work + "/month/_runs/dt=*/summary.json"))]
one_s = job_s(glob.glob(work + "/one/_runs/dt=*/summary.json")[0])
big_s = job_s(glob.glob(work + "/big/_runs/dt=*/summary.json")[0])
result = {
  "nightly_runs": {"events_per_day": per_day, "nights": len(nights), "job_s": nights,
                   "night31_over_night1": round(nights[-1] / nights[0], 2),
                   "night31_over_night2": round(nights[-1] / nights[1], 2)},
  "one_day": {"events": [one, big], "job_s": [one_s, big_s], "big_over_small": round(big_s / one_s, 2),
              "events_ratio": big / one},
}
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
    -cp "$JOBS_CP" io.sesanalytics.bench.WarmNight "$raw" "$WORK" "$DAY" "${RUNS:-3}" | tail -1 > "$WORK/warm.out"
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

case "$MODE" in
  pipeline) pipeline ;;
  growth) growth ;;
  lambda) lambda ;;
  warm) warm ;;
  parse) parse ;;
  all) pipeline; growth; lambda; warm; parse ;;
  *) echo "usage: bench/run.sh [pipeline|growth|lambda|warm|parse|all]" >&2; exit 2 ;;
esac
