package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.suppress.SuppressJob;
import io.sesanalytics.jobs.suppress.SuppressionRules.Settings;
import picocli.CommandLine.Option;

import java.time.LocalDate;

/** Options of the suppress step. */
public final class SuppressOptions {
    @Option(names = "--transient-bounces", defaultValue = "3", paramLabel = "N",
            description = "Transient bounces within --transient-window-days that suppress an address (default: ${DEFAULT-VALUE}).")
    int transientThreshold;

    @Option(names = "--transient-window-days", defaultValue = "7", paramLabel = "DAYS",
            description = "Window in which transient bounces are counted (default: ${DEFAULT-VALUE}).")
    int transientWindowDays;

    @Option(names = "--transient-expiry-days", defaultValue = "14", paramLabel = "DAYS",
            description = "Days after the last transient bounce that a transient-bounce suppression is released (default: ${DEFAULT-VALUE}).")
    int transientExpiryDays;

    SuppressJob.Config config(String warehouse, LocalDate date) {
        try {
            return new SuppressJob.Config(warehouse, date,
                    new Settings(transientThreshold, transientWindowDays, transientExpiryDays));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("transientThreshold", "--transient-bounces")
                    .replace("transientWindowDays", "--transient-window-days")
                    .replace("transientExpiryDays", "--transient-expiry-days"), e);
        }
    }
}
