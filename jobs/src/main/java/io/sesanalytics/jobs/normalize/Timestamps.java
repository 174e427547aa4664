package io.sesanalytics.jobs.normalize;

import io.sesanalytics.raw.SesTimestamp;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Parses the ISO-8601 UTC timestamps of SES notifications. Nearly all are written
 * {@code yyyy-MM-ddTHH:mm:ss.SSSZ}; those are read directly, at a fraction of the cost of
 * {@link Instant#parse}, which takes every other form. {@link #format} writes instants as
 * {@link Instant#toString} does (for the record keys).
 */
public final class Timestamps {
    /** 10000-01-01T00:00:00Z: from there on {@link Instant#toString} writes a sign and more digits. */
    private static final long YEAR_10000 = 253_402_300_800L;

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
        return Instant.parse(text);
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
