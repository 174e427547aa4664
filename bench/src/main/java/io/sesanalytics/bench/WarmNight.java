package io.sesanalytics.bench;

import io.sesanalytics.jobs.aggregate.AggregateJob;
import io.sesanalytics.jobs.aggregate.ReputationThresholds;
import io.sesanalytics.jobs.common.SparkSessions;
import io.sesanalytics.jobs.common.Storage;
import io.sesanalytics.jobs.normalize.NormalizeJob;
import io.sesanalytics.jobs.pipeline.NightlyPipeline;
import io.sesanalytics.jobs.pipeline.StepTimings;
import io.sesanalytics.jobs.publish.AthenaDdl;
import io.sesanalytics.jobs.publish.CatalogMode;
import io.sesanalytics.jobs.publish.PublishJob;
import io.sesanalytics.jobs.suppress.SuppressJob;
import io.sesanalytics.jobs.suppress.SuppressionRules;
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
            NightlyPipeline.Night night = NightlyPipeline.run(spark, config(raw, warehouse, date), new StepTimings(),
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

    /** The nightly command's defaults, with no catalog to publish to. */
    private static NightlyPipeline.Config config(String raw, String warehouse, LocalDate date) {
        return new NightlyPipeline.Config(List.of(date),
                new NormalizeJob.Config(raw, warehouse, date, NormalizeJob.DEFAULT_LOOKBACK_DAYS),
                new AggregateJob.Config(warehouse, date, AggregateJob.DEFAULT_WINDOW_DAYS, AggregateJob.DEFAULT_TOP,
                        new ReputationThresholds(ReputationThresholds.DEFAULT_MIN_VOLUME)),
                new SuppressJob.Config(warehouse, date, SuppressionRules.Settings.defaults()),
                new PublishJob.Config(warehouse, date, CatalogMode.NONE, AthenaDdl.DEFAULT_DATABASE, null));
    }
}
