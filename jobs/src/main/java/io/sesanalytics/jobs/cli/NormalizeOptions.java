package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.normalize.NormalizeJob;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;

/** Options of the normalize step. */
public final class NormalizeOptions {
    @Option(names = "--lookback-days", defaultValue = "" + NormalizeJob.DEFAULT_LOOKBACK_DAYS, paramLabel = "N",
            description = "Earlier capture dates read to drop copies already written (default: ${DEFAULT-VALUE}).")
    int lookbackDays;

    @Mixin
    EventWindowOptions eventWindow;

    NormalizeJob.Config config(LocationOptions locations, LocalDate date) {
        return new NormalizeJob.Config(locations.raw, locations.warehouse, date, lookbackDays, eventWindow.window());
    }
}
