package io.sesanalytics.jobs.normalize;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Parses the ISO-8601 UTC timestamps of SES notifications. Nearly all are written
 * {@code yyyy-MM-ddTHH:mm:ss.SSSZ}; those are read directly, at a fraction of the cost of
 * {@link Instant#parse}, which takes every other form.
 */
final class Timestamps {
    private Timestamps() {
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
