package io.sesanalytics.jobs.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QueryTextTest {
    @Test
    void placeholdersAreBoundInOrderOutsideLiteralsAndComments() {
        String query = "-- why? a comment\nSELECT '?', \"a?\", `b?` /* ? */ FROM t WHERE d >= ? AND a = lower(?)";
        assertEquals("-- why? a comment\nSELECT '?', \"a?\", `b?` /* ? */ FROM t WHERE d >= DATE '2026-11-20' AND a = lower('x')",
                QueryText.bind(query, List.of("DATE '2026-11-20'", "'x'")));
        assertEquals("SELECT 'it''s ?' , 1", QueryText.bind("SELECT 'it''s ?' , ?", List.of("1")));
    }

    @Test
    void tooFewOrTooManyValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> QueryText.bind("SELECT ?, ?", List.of("1")));
        assertThrows(IllegalArgumentException.class, () -> QueryText.bind("SELECT ?", List.of("1", "2")));
    }

    @Test
    void theHeaderNamesTheExampleOfEachParameter() {
        String file = "-- Bounces since a date.\n-- Parameters: 1. first day, e.g. DATE '2026-11-20'.\n"
                + "--   2. the address, e.g. 'user@example.com'.\nSELECT 1;\n";
        assertEquals(List.of("DATE '2026-11-20'", "'user@example.com'"), QueryText.exampleParameters(file));
        assertEquals("SELECT 1", QueryText.statement("SELECT 1;\n"));
    }
}
