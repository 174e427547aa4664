package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.normalize.NormalizeJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** Normalizes raw captures into the events, received, received_destinations and quarantine tables. */
@Command(name = "normalize", mixinStandardHelpOptions = true,
        description = "Normalize the raw captures of one capture date (or a range) into the Iceberg tables.")
public final class NormalizeCommand implements Callable<Integer> {
    @Mixin
    LocationOptions locations;

    @Mixin
    DateOptions dates;

    @Mixin
    NormalizeOptions options;

    @Mixin
    CatalogOptions catalog;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<NormalizeJob.Config> configs = Usage.check(spec, () -> dates.dates(Clock.systemUTC()).stream()
                .map(date -> options.config(locations, date)).toList());
        return Nightly.each("normalize", Usage.check(spec, catalog::catalog), locations.warehouse, configs, (spark, config) -> Nightly.printNormalize(NormalizeJob.run(spark, config)));
    }
}
