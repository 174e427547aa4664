package io.sesanalytics.jobs.normalize;

import io.sesanalytics.raw.SesTimestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TimestampsTest {
    @Test
    void theFixedSesFormatReadsAsInstantParseReadsIt() {
        for (String text : new String[] {"2026-11-20T00:44:39.350Z", "1970-01-01T00:00:00.000Z",
                "2024-02-29T23:59:59.999Z", "2026-12-31T12:00:00.001Z"}) {
            assertEquals(Instant.parse(text), Timestamps.parse(text), text);
        }
    }

    @Test
    void otherFormsAreLeftToInstantParseIncludingTheEndOfDayItTakes() {
        for (String text : new String[] {"2026-11-20T00:44:39Z", "2026-11-20T00:44:39.350123Z", "2026-11-20T00:44:39.3Z",
                "2026-11-20T24:00:00.000Z"}) {
            assertEquals(Instant.parse(text), Timestamps.parse(text), text);
        }
    }

    /** The forms AWS documents for SES timestamps, each read as the UTC instant it names. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // The notification examples: a space, no fraction, +hhmm.
            "2018-10-08T14:05:45 +0000|2018-10-08T14:05:45Z",
            "2018-10-08T14:05:45 +0000|2018-10-08T14:05:45.000Z",
            "2018-10-08T14:05:45.123 +0000|2018-10-08T14:05:45.123Z",
            "2018-10-08T14:05:45+0000|2018-10-08T14:05:45Z",
            "2018-10-08T14:05:45Z|2018-10-08T14:05:45Z",
            "2018-10-08T14:05:45.1Z|2018-10-08T14:05:45.100Z",
            "2018-10-08T14:05:45.123456Z|2018-10-08T14:05:45.123456Z",
            "2018-10-08T14:05:45 Z|2018-10-08T14:05:45Z",
            "2018-10-08T14:05:45+00:00|2018-10-08T14:05:45Z",
            "2018-10-08T14:05:45.250+02:00|2018-10-08T12:05:45.250Z",
            "2018-10-08T14:05:45 +02:00|2018-10-08T12:05:45Z",
            "2018-10-08T14:05:45 -0530|2018-10-08T19:35:45Z",
            "2018-10-08T14:05:45.5-05|2018-10-08T19:05:45.500Z"})
    void everyDocumentedFormIsReadAsItsUtcInstant(String text, String utc) {
        assertEquals(Instant.parse(utc), Timestamps.parse(text), text);
    }

    /** The UTC date, which event_date is, is taken after the offset: late on the 8th in New York is the 9th. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2018-10-08T22:30:00 -0400|2018-10-09",
            "2018-10-08T22:30:00.000-04:00|2018-10-09",
            "2018-10-09T01:30:00 +0200|2018-10-08",
            "2018-10-09T00:00:00 +0000|2018-10-09"})
    void theUtcDateIsTakenAfterTheOffsetIsApplied(String text, String utcDate) {
        assertEquals(LocalDate.parse(utcDate), SesLineParser.utcDate(Timestamps.parse(text)), text);
    }

    @Test
    void impossibleDatesAndGarbageAreRefused() {
        for (String text : new String[] {"2026-02-30T10:00:00.000Z", "2026-13-01T10:00:00.000Z",
                "2026-1x-20T10:00:00.000Z", "yesterday", "2018-10-08T14:05:45", "2018-10-08T14:05:45  +0000",
                "2018-10-08 14:05:45 +0000", "2018-10-08T14:05:45 +000", "2018-10-08T14:05:45 +0000 UTC",
                "2018-10-08T14:05:45 GMT", "2018-10-08T14:05:45 +1900", ""}) {
            assertThrows(DateTimeException.class, () -> Timestamps.parse(text), text);
        }
    }

    @Test
    void instantsAreWrittenAsInstantToStringWritesThem() {
        SplittableRandom random = new SplittableRandom(20261126);
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(-100_000_000_000L, 300_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(instant.toString(), Timestamps.format(instant));
        }
        for (String text : new String[] {"1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z",
                "2026-11-20T00:00:00.100Z", "2026-11-20T10:00:00.000001Z"}) {
            assertEquals(text, Timestamps.format(Instant.parse(text)));
        }
    }

    @Test
    void theSesFormHasThreeFractionDigitsAndReadsBack() {
        for (String text : new String[] {"2026-11-20T00:00:00.000Z", "2026-11-24T09:15:42.318Z", "1969-12-31T23:59:59.999Z"}) {
            assertEquals(text, SesTimestamp.text(Instant.parse(text).toEpochMilli()));
        }
    }
}
