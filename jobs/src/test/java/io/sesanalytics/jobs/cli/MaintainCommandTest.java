package io.sesanalytics.jobs.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bad options of maintain and migrate-parquet stop with exit code 2 and one line naming the option. */
class MaintainCommandTest {
    @Test
    void aNegativeExpiryIsAUsageError() {
        assertEquals("ses-analytics maintain: --expire-days must be 0 or more, not -1",
                usageError("maintain", "--expire-days", "-1"));
    }

    @Test
    void fewerThanTwoInputFilesIsAUsageError() {
        assertEquals("ses-analytics maintain: --min-input-files must be 2 or more, not 1",
                usageError("maintain", "--min-input-files", "1"));
    }

    @Test
    void anUnknownCatalogIsAUsageError() {
        assertEquals("ses-analytics migrate-parquet: Invalid value for option '--catalog': --catalog must be glue or local, not 'hive'",
                usageError("migrate-parquet", "--catalog", "hive"));
    }

    private static String usageError(String... args) {
        CommandLine cli = SesAnalytics.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertEquals(SesAnalytics.USAGE, SesAnalytics.execute(cli, args));
        String[] lines = err.toString().strip().split("\n");
        assertEquals(1, lines.length, err.toString());
        return lines[0];
    }
}
