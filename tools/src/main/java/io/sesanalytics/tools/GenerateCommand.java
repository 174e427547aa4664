package io.sesanalytics.tools;

import io.sesanalytics.capture.DirectoryCaptureStore;
import io.sesanalytics.raw.CaptureKeys;
import io.sesanalytics.tools.generate.SyntheticCaptures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/**
 * Writes synthetic SES captures into a local raw folder, in the capture Lambda's own layout, for tests and
 * benchmarks of the jobs without AWS.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write synthetic SES captures (sending events of both formats, receipt notifications,"
                + " duplicates, late and malformed lines) in the raw layout of the capture Lambda.")
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Root of the raw capture layout to write.")
    Path out;

    @Option(names = "--days", defaultValue = "3", paramLabel = "N",
            description = "Number of capture days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--events-per-day", defaultValue = "1000", paramLabel = "N",
            description = "Distinct SES sending events per day, before duplicates (default: ${DEFAULT-VALUE}).")
    int eventsPerDay;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "Random seed; the same seed writes the same bytes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--first-day", defaultValue = "2026-11-20", paramLabel = "YYYY-MM-DD",
            description = "First UTC capture day (default: ${DEFAULT-VALUE}).")
    LocalDate firstDay;

    @Option(names = "--lines-per-object", defaultValue = "1000", paramLabel = "N",
            description = "Most sending-event lines in one object, like an SQS batch; receipts and unparsed"
                    + " lines come on top (default: ${DEFAULT-VALUE}).")
    int linesPerObject;

    @Option(names = "--threads", paramLabel = "N",
            description = "Parallel writers; the output does not depend on it (default: number of processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws IOException {
        positive("--days", days);
        positive("--events-per-day", eventsPerDay);
        positive("--lines-per-object", linesPerObject);
        positive("--threads", threads);
        SyntheticCaptures.Settings settings;
        try {
            settings = new SyntheticCaptures.Settings(firstDay, days, eventsPerDay, seed, linesPerObject, threads);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Path root = out.toAbsolutePath();
        long started = System.nanoTime();
        SyntheticCaptures.Summary s = SyntheticCaptures.write(settings, new DirectoryCaptureStore(root), new CaptureKeys(""));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("wrote %d object(s) for %d day(s) from %s into %s: %d notifications lines (%d duplicate,"
                        + " %d late, %d malformed), %d received, %d unparsed, in %.1f s%n",
                s.objects(), days, firstDay, root, s.notificationLines(), s.duplicateLines(), s.lateLines(),
                s.malformedLines(), s.receivedLines(), s.unparsedLines(), seconds);
        return 0;
    }

    private void positive(String option, int value) {
        if (value <= 0) {
            throw new ParameterException(spec.commandLine(), option + " must be positive, got " + value);
        }
    }
}
