package io.sesanalytics.jobs.normalize;

import io.sesanalytics.raw.SesTimestamp;
import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Instant;
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

    @Test
    void impossibleDatesAndGarbageAreRefused() {
        for (String text : new String[] {"2026-02-30T10:00:00.000Z", "2026-13-01T10:00:00.000Z",
                "2026-1x-20T10:00:00.000Z", "yesterday"}) {
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
