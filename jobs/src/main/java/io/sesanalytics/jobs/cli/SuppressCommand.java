package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.common.SparkSessions;
import io.sesanalytics.jobs.suppress.SuppressJob;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** The suppression list and its exports from the normalized events. */
@Command(name = "suppress", mixinStandardHelpOptions = true,
        description = "Update the suppression list with a date's bounces and complaints (or a range, oldest first) and export it as CSV.")
public final class SuppressCommand implements Callable<Integer> {
    @Mixin
    LocationOptions locations;

    @Mixin
    DateOptions dates;

    @Mixin
    SuppressOptions options;

    @Override
    public Integer call() {
        SparkSession spark = SparkSessions.forCommandLine("ses-analytics suppress");
        try {
            for (LocalDate date : dates.dates(Clock.systemUTC())) {
                Nightly.printSuppress(SuppressJob.run(spark, options.config(locations.warehouse, date)));
            }
            return 0;
        } finally {
            spark.stop();
        }
    }
}
