package io.sesanalytics.jobs.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad options of ses-sync, the alerts and the report stop with one line naming the option, before Spark starts. */
class NotificationOptionsTest {
    private static String usageError(String... args) {
        CommandLine cli = SesAnalytics.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertEquals(SesAnalytics.USAGE, SesAnalytics.execute(cli, args), err.toString());
        String text = err.toString().strip();
        assertEquals(1, text.lines().count(), text);
        return text;
    }

    @Test
    void importJobsNeedAWarehouseInS3() {
        String line = usageError("ses-sync", "--date", "2026-11-22", "--import-job", "--warehouse", "/tmp/warehouse");
        assertTrue(line.startsWith("ses-analytics ses-sync: --import-job needs the warehouse in S3"), line);
    }

    @Test
    void theTopicMustBeAnArn() {
        String line = usageError("nightly", "--date", "2026-11-22", "--alerts-topic-arn", "alerts");
        assertTrue(line.contains("--alerts-topic-arn must be an SNS topic ARN"), line);
    }

    @Test
    void theSesEndpointAndRegionAreOptionsOfNightly() {
        CommandLine nightly = SesAnalytics.commandLine().getSubcommands().get("nightly");
        for (String option : new String[] {"--ses-sync", "--ses-region", "--ses-endpoint", "--import-job",
                "--alerts-topic-arn", "--cloudwatch-metrics", "--alerts-region", "--sns-endpoint", "--cloudwatch-endpoint",
                "--no-report"}) {
            assertTrue(nightly.getCommandSpec().findOption(option) != null, option);
        }
        assertTrue(nightly.getCommandSpec().findOption("--ses-endpoint").hidden());
        CommandLine report = SesAnalytics.commandLine().getSubcommands().get("report");
        assertTrue(report.getCommandSpec().findOption("--out") != null);
    }
}
