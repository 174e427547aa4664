package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.aggregate.AggregateJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
        return Nightly.eachDate("aggregate", dates, (spark, date) ->
                Nightly.printAggregate(AggregateJob.run(spark, options.config(locations.warehouse, date))));
    }
}
