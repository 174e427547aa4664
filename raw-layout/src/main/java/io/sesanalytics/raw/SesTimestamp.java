package io.sesanalytics.raw;

import java.time.LocalDate;

/** The timestamp form SES writes in its notifications. */
public final class SesTimestamp {
    private SesTimestamp() {
    }

    /** {@code 2026-11-24T09:15:42.318Z}: the form SES writes, always with three fraction digits. */
    public static String text(long epochMs) {
        long day = Math.floorDiv(epochMs, 86_400_000L);
        int ms = (int) Math.floorMod(epochMs, 86_400_000L);
        LocalDate date = LocalDate.ofEpochDay(day);
        char[] text = new char[24];
        put(text, 0, date.getYear(), 4);
        text[4] = '-';
        put(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        put(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        put(text, 11, ms / 3_600_000, 2);
        text[13] = ':';
        put(text, 14, ms / 60_000 % 60, 2);
        text[16] = ':';
        put(text, 17, ms / 1000 % 60, 2);
        text[19] = '.';
        put(text, 20, ms % 1000, 3);
        text[23] = 'Z';
        return new String(text);
    }

    private static void put(char[] text, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

}
