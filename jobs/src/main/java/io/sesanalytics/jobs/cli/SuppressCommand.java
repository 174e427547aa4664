package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.suppress.SuppressJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.util.List;
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

    @Mixin
    CatalogOptions catalog;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<SuppressJob.Config> configs = Usage.check(spec, () -> dates.dates(Clock.systemUTC()).stream()
                .map(date -> options.config(locations.warehouse, date)).toList());
        return Nightly.each("suppress", Usage.check(spec, catalog::catalog), locations.warehouse, configs, (spark, config) -> Nightly.printSuppress(SuppressJob.run(spark, config)));
    }
}
