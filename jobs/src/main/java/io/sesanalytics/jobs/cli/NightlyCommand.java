package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.aggregate.AggregateJob;
import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.RunSummaries;
import io.sesanalytics.jobs.common.SideBySide;
import io.sesanalytics.jobs.common.SparkSessions;
import io.sesanalytics.jobs.common.StepTimings;
import io.sesanalytics.jobs.normalize.NormalizeJob;
import io.sesanalytics.jobs.publish.PublishJob;
import io.sesanalytics.jobs.suppress.SuppressJob;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

/** The nightly pipeline for one date, or a backfill over a range in date order. */
@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = "Run the nightly pipeline for one date (default: yesterday, UTC) or a range, oldest first.")
public final class NightlyCommand implements Callable<Integer> {
    @Mixin
    LocationOptions locations;

    @Mixin
    DateOptions dates;

    @Option(names = "--lookback-days", defaultValue = "" + NormalizeJob.DEFAULT_LOOKBACK_DAYS, paramLabel = "N",
            description = "Earlier capture dates read to drop copies already written (default: ${DEFAULT-VALUE}).")
    int lookbackDays;

    @Mixin
    AggregateOptions aggregate;

    @Mixin
    SuppressOptions suppress;

    @Mixin
    CatalogOptions catalog;

    @Override
    public Integer call() {
        List<LocalDate> days = dates.dates(Clock.systemUTC());
        StepTimings startup = StepTimings.sinceJvmStart();
        SparkSession spark = startup.time("spark_session", () -> SparkSessions.forCommandLine("ses-analytics nightly"));
        System.out.println("start-up: " + startup);
        try {
            for (LocalDate date : days) {
                StepTimings night = new StepTimings();
                Nightly.printNormalize(night.time("normalize", () -> NormalizeJob.run(spark,
                        new NormalizeJob.Config(locations.raw, locations.warehouse, date, lookbackDays))));
                // Both read what normalize wrote and write tables of their own.
                SideBySide.Both<AggregateJob.AggregateSummary, SuppressJob.SuppressSummary> results = night.timeSideBySide(
                        "aggregate", () -> AggregateJob.run(spark, aggregate.config(locations.warehouse, date)),
                        "suppress", () -> SuppressJob.run(spark, suppress.config(locations.warehouse, date)));
                Nightly.printAggregate(results.first());
                Nightly.printSuppress(results.second());
                RunSummaries.putSection(spark, Locations.normalize(locations.warehouse), date, "timings_ms", night.millis());
                System.out.println("timings " + date + ": " + night);
            }
            LocalDate last = days.get(days.size() - 1);
            StepTimings publish = new StepTimings();
            Nightly.printPublish(publish.time("publish", () -> PublishJob.run(spark, catalog.config(locations.warehouse, last))));
            System.out.println("timings: " + publish);
            RunSummaries.putSection(spark, Locations.normalize(locations.warehouse), last, "startup_ms", startup.millis());
            Nightly.printWhere(locations.warehouse, last);
            return 0;
        } finally {
            spark.stop();
        }
    }
}
