package io.sesanalytics.tools;

import io.sesanalytics.jobs.cli.SesAnalytics;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Usage errors exit 2 with one line naming the option, before any SparkSession starts; failures exit 1 with one
 * line of cause; {@code --verbose} adds the stack trace. No test of this JVM starts Spark, so a session found
 * afterwards was started by the command.
 */
class CommandLineErrorsTest {
    private record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SesAnalyticsLocal.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = SesAnalytics.execute(cli, args);
        assertTrue(SparkSession.getDefaultSession().isEmpty(), "no SparkSession may start: " + String.join(" ", args));
        return new Run(exit, out.toString(), err.toString());
    }

    private static void assertUsageError(String expectedLine, String... args) {
        Run run = run(args);
        assertEquals(SesAnalytics.USAGE, run.exit(), run.err());
        assertEquals(List.of(expectedLine), run.errLines());
    }

    @Test
    void aBackwardsRangeIsAUsageError() {
        assertUsageError("ses-analytics nightly: --to 2026-11-20 is before --from 2026-11-22",
                "nightly", "--from", "2026-11-22", "--to", "2026-11-20");
    }

    @Test
    void aBadGlueDatabaseIsAUsageErrorBeforeAnyNightRuns() {
        assertUsageError("ses-analytics nightly: --glue-database must be lower-case letters, digits and _, not bad name",
                "nightly", "--from", "2026-11-20", "--to", "2026-11-22", "--catalog", "glue", "--glue-database", "bad name");
    }

    @Test
    void everyStepsSettingsAreCheckedFirst() {
        assertUsageError("ses-analytics nightly: --window-days must be between 1 and 366, not 0",
                "nightly", "--date", "2026-11-20", "--window-days", "0");
        assertUsageError("ses-analytics nightly: --lookback-days must be between 0 and 30, not 31",
                "nightly", "--date", "2026-11-20", "--lookback-days", "31");
        assertUsageError("ses-analytics aggregate: --top must be at least 1, not 0",
                "aggregate", "--from", "2026-11-20", "--to", "2026-11-21", "--top", "0");
        assertUsageError("ses-analytics nightly: --max-event-age-days must be between 0 and 366, not -1",
                "nightly", "--date", "2026-11-20", "--max-event-age-days", "-1");
        assertUsageError("ses-analytics normalize: --max-event-lead-days must be between 0 and 31, not 32",
                "normalize", "--date", "2026-11-20", "--max-event-lead-days", "32");
        assertUsageError("ses-analytics aggregate: --max-event-age-days must be between 0 and 366, not 400",
                "aggregate", "--date", "2026-11-20", "--max-event-age-days", "400");
    }

    @Test
    void unknownValuesAndOptionsAreUsageErrors() {
        Run catalog = run("nightly", "--catalog", "bogus");
        assertEquals(SesAnalytics.USAGE, catalog.exit());
        assertEquals(1, catalog.errLines().size(), catalog.err());
        assertTrue(catalog.err().contains("--catalog must be glue or local, not 'bogus'"), catalog.err());

        Run unknown = run("normalize", "--no-such-option");
        assertEquals(SesAnalytics.USAGE, unknown.exit());
        assertEquals(1, unknown.errLines().size(), unknown.err());
        assertTrue(unknown.err().contains("--no-such-option"), unknown.err());
    }

    @Test
    void theLocalToolsReportUsageErrorsTheSameWay() {
        assertUsageError("ses-analytics generate: --days must be positive, got 0", "generate", "--out", "unused", "--days", "0");
        assertUsageError("ses-analytics sql: give either a QUERY or --file, not both or neither", "sql");
    }

    @Test
    void aFailureIsOneLineOfCauseAndVerboseAddsTheStackTrace() {
        Run quiet = run("sql", "--file", "/nonexistent/query.sql");
        assertEquals(SesAnalytics.FAILED, quiet.exit());
        assertEquals(List.of("ses-analytics sql: failed: NoSuchFileException: /nonexistent/query.sql"), quiet.errLines());

        Run verbose = run("sql", "--verbose", "--file", "/nonexistent/query.sql");
        assertEquals(SesAnalytics.FAILED, verbose.exit());
        assertEquals("ses-analytics sql: failed: NoSuchFileException: /nonexistent/query.sql", verbose.errLines().get(0));
        assertTrue(verbose.errLines().size() > 3, "a stack trace follows");
        assertTrue(verbose.err().contains("\tat "), verbose.err());
    }

    @Test
    void usageErrorsShowNoStackTraceUnlessAsked() {
        assertFalse(run("nightly", "--date", "2026-11-20", "--top", "0").err().contains("\tat "));
        assertTrue(run("--verbose", "nightly", "--date", "2026-11-20", "--top", "0").err().contains("\tat "));
    }
}
