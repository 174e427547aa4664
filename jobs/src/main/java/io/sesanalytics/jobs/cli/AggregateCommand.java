package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.aggregate.AggregateJob;
import io.sesanalytics.jobs.common.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** Daily stats, rates and top-N tables from the normalized events. */
@Command(name = "aggregate", mixinStandardHelpOptions = true,
        description = "Compute daily stats, bounce and complaint rates and the top-N tables for a date (or a range).")
public final class AggregateCommand implements Callable<Integer> {
    @Mixin
    LocationOptions locations;

    @Mixin
    DateOptions dates;

    @Mixin
    AggregateOptions options;

    @Override
    public Integer call() {
        SparkSession spark = SparkSessions.forCommandLine("ses-analytics aggregate");
        try {
            for (LocalDate date : dates.dates(Clock.systemUTC())) {
                Nightly.printAggregate(AggregateJob.run(spark, options.config(locations.warehouse, date)));
            }
            return 0;
        } finally {
            spark.stop();
        }
    }
}
