package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.common.SparkSessions;
import io.sesanalytics.jobs.pipeline.NightlyPipeline;
import io.sesanalytics.jobs.pipeline.StepTimings;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    @Mixin
    NormalizeOptions normalize;

    @Mixin
    AggregateOptions aggregate;

    @Mixin
    SuppressOptions suppress;

    @Mixin
    CatalogOptions catalog;

    @Mixin
    AlertOptions alerts;

    @Option(names = "--ses-sync",
            description = "As the last step, bring SES's account-level suppression list in line with the latest night"
                    + " (as ses-sync --apply).")
    boolean sesSync;

    @Mixin
    SesSyncOptions ses;

    @Option(names = "--no-report",
            description = "Do not write the night's HTML report (default: <warehouse>/exports/report/dt=D/report.html).")
    boolean noReport;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        NightlyPipeline.Config config = Usage.check(spec, this::config);
        StepTimings startup = StepTimings.sinceJvmStart();
        SparkSession spark = startup.time("spark_session", () -> SparkSessions.forCommandLine("ses-analytics nightly"));
        System.out.println("start-up: " + startup);
        try {
            NightlyPipeline.run(spark, config, startup, new Nightly.Printer());
            Nightly.printWhere(config.warehouse(), config.catalog(), config.lastDate());
            return 0;
        } finally {
            spark.stop();
        }
    }

    NightlyPipeline.Config config() {
        List<LocalDate> days = dates.dates(Clock.systemUTC());
        LocalDate first = days.get(0);
        return new NightlyPipeline.Config(days,
                normalize.config(locations, first),
                aggregate.config(locations.warehouse, first, normalize.eventWindow.window()),
                suppress.config(locations.warehouse, first),
                catalog.catalog(),
                alerts.config(locations.warehouse, first),
                sesSync ? ses.config(locations.warehouse, first, true, null) : null,
                !noReport);
    }
}
