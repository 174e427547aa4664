package io.sesanalytics.tools;

import io.sesanalytics.jobs.cli.SesAnalytics;
import picocli.CommandLine;

/**
 * The command line of bin/ses-analytics: every job of the EMR jar, plus the tools that only make sense on one
 * machine (synthetic captures, the capture Lambda run on saved payloads).
 */
public final class SesAnalyticsLocal {
    private SesAnalyticsLocal() {
    }

    public static void main(String[] args) {
        System.exit(SesAnalytics.execute(commandLine(), args));
    }

    static CommandLine commandLine() {
        return SesAnalytics.commandLine()
                .addSubcommand(new GenerateCommand())
                .addSubcommand(new CaptureCommand());
    }
}
