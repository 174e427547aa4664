package io.sesanalytics.jobs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line of bin/ses-analytics: one subcommand per job. */
@Command(name = "ses-analytics",
        mixinStandardHelpOptions = true,
        versionProvider = SesAnalytics.Version.class,
        description = "Amazon SES event analytics: capture, normalize and report on SES notifications.",
        subcommands = {NightlyCommand.class, NormalizeCommand.class, AggregateCommand.class, SuppressCommand.class, PublishCommand.class,
                GenerateCommand.class, SqlCommand.class, DdlCommand.class,
                CaptureCommand.class, CommandLine.HelpCommand.class})
public final class SesAnalytics {
    public static void main(String[] args) {
        System.exit(new CommandLine(new SesAnalytics()).execute(args));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SesAnalytics.class.getPackage().getImplementationVersion();
            return new String[] {"ses-analytics " + (version == null ? "development build" : version)};
        }
    }
}
