package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.sessync.SesSyncJob;
import io.sesanalytics.jobs.sessync.SesSyncPlan;
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
    void sesSyncPrintsCountsAndTheAddressesOnlyWhenAsked() {
        SesSyncPlan plan = new SesSyncPlan(java.util.Map.of("a@x.example", "BOUNCE"), java.util.List.of("b@x.example"),
                java.util.List.of());
        SesSyncJob.SesSyncSummary summary = new SesSyncJob.SesSyncSummary(java.time.LocalDate.parse("2026-11-22"), false,
                "calls", 6, 22, 1, 1, 0, 0, 0, 0, java.util.List.of(), "warehouse/ses-sync/added.json", 0);
        String quiet = printed(() -> SesSyncCommand.printSesSync(new SesSyncJob.Outcome(plan, summary), false));
        assertEquals("ses-sync 2026-11-22: 22 suppressed, SES lists 6; plan: 1 to put, 1 to delete, 0 to forget\n"
                + "ses-sync 2026-11-22: plan only, nothing changed (--apply changes SES's list)\n", quiet);
        String verbose = printed(() -> SesSyncCommand.printSesSync(new SesSyncJob.Outcome(plan, summary), true));
        assertTrue(verbose.contains("  put a@x.example BOUNCE\n  delete b@x.example\n"), verbose);
    }

    private static String printed(Runnable print) {
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            print.run();
        } finally {
            System.setOut(out);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
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
