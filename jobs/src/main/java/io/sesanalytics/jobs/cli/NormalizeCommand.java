package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.normalize.NormalizeJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** Normalizes raw captures into the events, received, received_destinations and quarantine tables. */
@Command(name = "normalize", mixinStandardHelpOptions = true,
        description = "Normalize the raw captures of one capture date (or a range) into Parquet tables.")
public final class NormalizeCommand implements Callable<Integer> {
    @Mixin
    LocationOptions locations;

    @Mixin
    DateOptions dates;

    @Option(names = "--lookback-days", defaultValue = "" + NormalizeJob.DEFAULT_LOOKBACK_DAYS, paramLabel = "N",
            description = "Earlier capture dates read to drop copies already written (default: ${DEFAULT-VALUE}).")
    int lookbackDays;

    @Override
    public Integer call() {
        return Nightly.eachDate("normalize", dates, (spark, date) ->
                Nightly.printNormalize(NormalizeJob.run(spark,
                        new NormalizeJob.Config(locations.raw, locations.warehouse, date, lookbackDays))));
    }
}
