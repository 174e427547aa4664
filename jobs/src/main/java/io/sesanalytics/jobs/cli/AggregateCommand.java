package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.aggregate.AggregateJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.util.List;
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

    @Mixin
    EventWindowOptions eventWindow;

    @Mixin
    CatalogOptions catalog;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<AggregateJob.Config> configs = Usage.check(spec, () -> dates.dates(Clock.systemUTC()).stream()
                .map(date -> options.config(locations.warehouse, date, eventWindow.window())).toList());
        return Nightly.each("aggregate", Usage.check(spec, catalog::catalog), locations.warehouse, configs, (spark, config) -> Nightly.printAggregate(AggregateJob.run(spark, config)));
    }
}
