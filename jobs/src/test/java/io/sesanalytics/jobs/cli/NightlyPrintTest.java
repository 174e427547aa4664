package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.suppress.SuppressJob;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the suppress step prints about addresses left out of ses-import.csv. */
class NightlyPrintTest {
    private static String printed(long leftOut) {
        SuppressJob.SuppressSummary summary = new SuppressJob.SuppressSummary(LocalDate.parse("2026-11-20"), null, 5,
                Map.of("BOUNCE", 5L), Map.of("added", 5L), Map.of("ses-import.csv", 5 - leftOut), leftOut);
        PrintStream out = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            Nightly.printSuppress(summary);
        } finally {
            System.setOut(out);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void addressesLeftOutOfTheSesImportAreAWarning() {
        String text = printed(2);
        assertTrue(text.contains("WARN: 2 suppressed address(es) could not go into ses-import.csv; see"
                + " ses-import-rejects.csv in exports/suppression/dt=2026-11-20"), text);
    }

    @Test
    void noneLeftOutPrintsNoWarning() {
        assertFalse(printed(0).contains("WARN"));
    }
}
