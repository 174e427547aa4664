package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.aggregate.AggregateJob;
import io.sesanalytics.jobs.aggregate.ReputationThresholds;
import io.sesanalytics.jobs.common.EventTimeWindow;
import picocli.CommandLine.Option;

import java.time.LocalDate;

/** Options of the aggregate step. */
public final class AggregateOptions {
    @Option(names = "--window-days", defaultValue = "" + AggregateJob.DEFAULT_WINDOW_DAYS, paramLabel = "N",
            description = "Rolling window of the bounce and complaint rates, in days (default: ${DEFAULT-VALUE}).")
    int windowDays;

    @Option(names = "--min-volume", defaultValue = "" + ReputationThresholds.DEFAULT_MIN_VOLUME, paramLabel = "N",
            description = "Below this many messages a rate is marked LOW_VOLUME instead of judged (default: ${DEFAULT-VALUE}).")
    long minVolume;

    @Option(names = "--top", defaultValue = "" + AggregateJob.DEFAULT_TOP, paramLabel = "N",
            description = "Rows per ranking in the top-N tables (default: ${DEFAULT-VALUE}).")
    int top;

    AggregateJob.Config config(String warehouse, LocalDate date, EventTimeWindow eventWindow) {
        return new AggregateJob.Config(warehouse, date, windowDays, top, new ReputationThresholds(minVolume), eventWindow);
    }
}
