package io.sesanalytics.jobs.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Which capture dates a run covers: one date (default yesterday, UTC) or an inclusive range. */
public final class DateOptions {
    @ArgGroup(exclusive = true)
    Choice choice;

    static final class Choice {
        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The date to run (default: yesterday, UTC).")
        LocalDate date;

        @ArgGroup(exclusive = false)
        Range range;
    }

    static final class Range {
        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First date of a backfill.")
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last date of a backfill (inclusive).")
        LocalDate to;
    }

    /** The default date of every command: yesterday, in the clock's time zone. */
    static LocalDate yesterday(Clock clock) {
        return LocalDate.now(clock).minusDays(1);
    }

    /** The dates in order, oldest first. */
    public List<LocalDate> dates(Clock clock) {
        if (choice == null || (choice.date == null && choice.range == null)) {
            return List.of(yesterday(clock));
        }
        if (choice.date != null) {
            return List.of(choice.date);
        }
        if (choice.range.to.isBefore(choice.range.from)) {
            throw new IllegalArgumentException("--to " + choice.range.to + " is before --from " + choice.range.from);
        }
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = choice.range.from; !d.isAfter(choice.range.to); d = d.plusDays(1)) {
            dates.add(d);
        }
        return dates;
    }
}
