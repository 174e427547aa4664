package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.common.EventTimeWindow;
import picocli.CommandLine.Option;

/** The event window of normalize and aggregate: the event dates a capture date may plausibly hold. */
public final class EventWindowOptions {
    @Option(names = "--max-event-age-days", defaultValue = "" + EventTimeWindow.DEFAULT_MAX_AGE_DAYS, paramLabel = "N",
            description = "Events dated more than N days before their capture date are quarantined as implausible_time, "
                    + "and no stats are computed for such dates (default: ${DEFAULT-VALUE}).")
    int maxAgeDays;

    @Option(names = "--max-event-lead-days", defaultValue = "" + EventTimeWindow.DEFAULT_MAX_LEAD_DAYS, paramLabel = "N",
            description = "Events dated more than N days after their capture date are quarantined as implausible_time, "
                    + "and no stats are computed for such dates (default: ${DEFAULT-VALUE}).")
    int maxLeadDays;

    /** The window; an IllegalArgumentException naming the option when a value is out of range. */
    EventTimeWindow window() {
        return new EventTimeWindow(maxAgeDays, maxLeadDays);
    }
}
