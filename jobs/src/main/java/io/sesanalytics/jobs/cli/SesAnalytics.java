package io.sesanalytics.jobs.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * The command line of the jobs: one subcommand per job. A usage error exits 2 with one line naming the option,
 * before any SparkSession starts; a failure at run time exits 1 with one line of cause and where the log is.
 * {@code --verbose} adds the stack trace.
 */
@Command(name = "ses-analytics",
        mixinStandardHelpOptions = true,
        versionProvider = SesAnalytics.Version.class,
        description = "Amazon SES event analytics: capture, normalize and report on SES notifications.",
        subcommands = {NightlyCommand.class, NormalizeCommand.class, AggregateCommand.class, SuppressCommand.class,
                SqlCommand.class, DdlCommand.class, MaintainCommand.class, MigrateParquetCommand.class,
                SesSyncCommand.class, ReportCommand.class, CommandLine.HelpCommand.class})
public final class SesAnalytics {
    /** The system property naming the log file of this run, set by bin/ses-analytics. */
    public static final String LOG_FILE_PROPERTY = "ses-analytics.log.file";
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    /** Stack traces of failures go to the log only (the launcher's configuration keeps it off the terminal). */
    private static final Logger FAILURES = LoggerFactory.getLogger("io.sesanalytics.failure");

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print the stack trace of a usage error or failure.")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(execute(commandLine(), args));
    }

    /** The command line with its error handling; more subcommands may be added before {@link #execute}. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SesAnalytics());
        cli.setParameterExceptionHandler(SesAnalytics::usageError);
        cli.setExecutionExceptionHandler(SesAnalytics::failure);
        return cli;
    }

    public static int execute(CommandLine cli, String[] args) {
        return cli.execute(args);
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + firstLine(e.getMessage()));
        if (verbose(command)) {
            e.printStackTrace(err);
        }
        err.flush();
        return USAGE;
    }

    private static int failure(Exception e, CommandLine command, ParseResult parsed) {
        FAILURES.error("{} failed", command.getCommandSpec().qualifiedName(), e);
        PrintWriter err = command.getErr();
        String logFile = System.getProperty(LOG_FILE_PROPERTY);
        err.println(command.getCommandSpec().qualifiedName() + ": failed: " + cause(e)
                + (logFile == null ? "" : " (log: " + logFile + ")"));
        if (verbose(command)) {
            e.printStackTrace(err);
        }
        err.flush();
        return FAILED;
    }

    /** The innermost cause, which names what went wrong rather than where it was wrapped. */
    static String cause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + firstLine(message));
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    static boolean verbose(CommandLine command) {
        for (CommandLine c = command; c != null; c = c.getParent()) {
            if (c.getCommand() instanceof SesAnalytics root) {
                return root.verbose;
            }
        }
        return false;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SesAnalytics.class.getPackage().getImplementationVersion();
            return new String[] {"ses-analytics " + (version == null ? "development build" : version)};
        }
    }
}
