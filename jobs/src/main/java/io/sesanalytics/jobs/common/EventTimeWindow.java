package io.sesanalytics.jobs.common;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The event dates a capture date can plausibly hold: from {@code maxAgeDays} before the capture date to
 * {@code maxLeadDays} after it. SNS retries a delivery for days and SQS keeps a message up to 14 days, so an
 * event may be captured that long after it happened; a clock a little ahead, or a capture just after
 * midnight, puts an event a day ahead. An event outside the window (a timestamp of 1970 or 9999) is
 * quarantined by normalize, and aggregate never computes stats of dates outside it, which such an event
 * would otherwise make it recompute every day between.
 *
 * @param maxAgeDays  how many days before the capture date an event's UTC date may lie
 * @param maxLeadDays how many days after the capture date an event's UTC date may lie
 */
public record EventTimeWindow(int maxAgeDays, int maxLeadDays) implements Serializable {
    public static final int DEFAULT_MAX_AGE_DAYS = 14;
    public static final int DEFAULT_MAX_LEAD_DAYS = 1;
    public static final int MAX_AGE_DAYS_LIMIT = 366;
    public static final int MAX_LEAD_DAYS_LIMIT = 31;
    public static final EventTimeWindow DEFAULT = new EventTimeWindow(DEFAULT_MAX_AGE_DAYS, DEFAULT_MAX_LEAD_DAYS);

    private static final long SECONDS_PER_DAY = 86_400L;

    public EventTimeWindow {
        if (maxAgeDays < 0 || maxAgeDays > MAX_AGE_DAYS_LIMIT) {
            throw new IllegalArgumentException("--max-event-age-days must be between 0 and " + MAX_AGE_DAYS_LIMIT
                    + ", not " + maxAgeDays);
        }
        if (maxLeadDays < 0 || maxLeadDays > MAX_LEAD_DAYS_LIMIT) {
            throw new IllegalArgumentException("--max-event-lead-days must be between 0 and " + MAX_LEAD_DAYS_LIMIT
                    + ", not " + maxLeadDays);
        }
    }

    /** The earliest plausible event date of the capture date. */
    public LocalDate first(LocalDate captureDate) {
        return captureDate.minusDays(maxAgeDays);
    }

    /** The latest plausible event date of the capture date. */
    public LocalDate last(LocalDate captureDate) {
        return captureDate.plusDays(maxLeadDays);
    }

    /** Whether the UTC date of the instant lies in the window of the capture date. */
    public boolean contains(Instant time, LocalDate captureDate) {
        long day = Math.floorDiv(time.getEpochSecond(), SECONDS_PER_DAY);
        long capture = captureDate.toEpochDay();
        return day >= capture - maxAgeDays && day <= capture + maxLeadDays;
    }

    /** Whether the date lies in the window of the capture date. */
    public boolean contains(LocalDate date, LocalDate captureDate) {
        return !date.isBefore(first(captureDate)) && !date.isAfter(last(captureDate));
    }

    @Override
    public String toString() {
        return "from " + maxAgeDays + " days before to " + maxLeadDays + " after the capture date";
    }
}
