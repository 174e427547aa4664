package io.sesanalytics.jobs.normalize;

import io.sesanalytics.raw.SesTimestamp;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * Parses the timestamps of SES notifications into UTC instants. Nearly all are written
 * {@code yyyy-MM-ddTHH:mm:ss.SSSZ}; those are read directly, at a fraction of the cost of
 * {@link Instant#parse}. The other forms AWS documents are read too: {@code Z} or an offset {@code ±hh:mm},
 * {@code ±hhmm} or {@code ±hh}, right after the time or after one space (the notification examples write
 * {@code 2018-10-08T14:05:45 +0000}), with or without a fraction of a second. An offset is applied, so the
 * instant, and the UTC date taken from it, are the same whatever zone the text was written in.
 * {@link #format} writes instants as {@link Instant#toString} does (for the record keys).
 */
public final class Timestamps {
    /** 10000-01-01T00:00:00Z: from there on {@link Instant#toString} writes a sign and more digits. */
    private static final long YEAR_10000 = 253_402_300_800L;

    /**
     * A local date and time (seconds and fraction optional), then an optional space, then {@code Z}, {@code +hh:mm},
     * {@code +hhmm} or {@code +hh}.
     */
    private static final DateTimeFormatter WITH_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    private Timestamps() {
    }

    /**
     * The text {@link Instant#toString} gives, written by {@link SesTimestamp#text} for whole milliseconds from 1970 to
     * 9999 (every timestamp SES sends) and by {@code toString} otherwise.
     */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        int nanos = instant.getNano();
        if (seconds < 0 || seconds >= YEAR_10000 || nanos % 1_000_000 != 0) {
            return instant.toString();
        }
        String text = SesTimestamp.text(instant.toEpochMilli());
        // Instant.toString leaves out a fraction of zero.
        return nanos == 0 ? text.substring(0, 19) + "Z" : text;
    }

    /**
     * The instant of an SES timestamp in any documented form.
     *
     * @throws java.time.format.DateTimeParseException if the text is in none of them
     */
    static Instant parse(String text) {
        if (text.length() == 24 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.' && text.charAt(23) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            int millis = digits(text, 20, 3);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour <= 23
                    && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && millis >= 0) {
                try {
                    long epochDay = LocalDate.of(year, month, day).toEpochDay();
                    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second,
                            millis * 1_000_000L);
                } catch (java.time.DateTimeException invalidDay) {
                    // e.g. February 30th: let Instant.parse report it
                }
            }
        }
        if (text.indexOf(' ') < 0 && text.endsWith("Z")) {
            // Instant.parse also takes the end of a day (24:00) and a leap second.
            return Instant.parse(text);
        }
        return OffsetDateTime.parse(text, WITH_OFFSET).toInstant();
    }

    /** The decimal number of {@code count} digits at {@code from}, or -1 if one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
