package io.sesanalytics.bench;

import io.sesanalytics.jobs.common.SparkSessions;
import io.sesanalytics.jobs.common.Storage;
import io.sesanalytics.jobs.pipeline.NightlyPipeline;
import io.sesanalytics.jobs.pipeline.StepTimings;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The same night run again and again in one JVM, each time into an empty warehouse, through the nightly
 * pipeline with {@code nightly}'s default settings. The first run pays what a
 * fresh JVM pays every night (class loading, JIT compilation, Spark's code generation); the later ones show
 * the jobs' own cost without it.
 *
 * <p>Usage: {@code WarmNight RAW WORK_FOLDER DATE RUNS}; prints one JSON line with each run's step times.
 */
public final class WarmNight {
    public static void main(String[] args) {
        String raw = args[0];
        String work = args[1];
        LocalDate date = LocalDate.parse(args[2]);
        int runs = Integer.parseInt(args[3]);
        SparkSession spark = SparkSessions.forCommandLine("warm-night");
        List<String> results = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            String warehouse = work + "/warehouse-" + run;
            Storage.delete(spark, warehouse);
            long start = System.nanoTime();
            NightlyPipeline.Night night = NightlyPipeline.run(spark, NightlyPipeline.Config.defaults(raw, warehouse, List.of(date)), new StepTimings(),
                    NightlyPipeline.Progress.NONE).nights().get(0);
            long end = System.nanoTime();
            Map<String, Long> ms = night.timings().millis();
            results.add(String.format(Locale.ROOT, "{\"normalize_s\": %.2f, \"aggregate_suppress_s\": %.2f, \"total_s\": %.2f}",
                    ms.get("normalize") / 1e3, ms.get("aggregate+suppress") / 1e3, (end - start) / 1e9));
            Storage.delete(spark, warehouse);
        }
        spark.stop();
        System.out.println("{\"runs\": [" + String.join(", ", results) + "]}");
    }

}
