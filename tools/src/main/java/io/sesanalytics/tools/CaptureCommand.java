package io.sesanalytics.tools;

import io.sesanalytics.capture.CaptureConfig;
import io.sesanalytics.capture.CaptureHandler;
import io.sesanalytics.capture.DirectoryCaptureStore;
import io.sesanalytics.capture.JsonTree;
import io.sesanalytics.capture.SnsUrlPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Replays saved Lambda invocation payloads through the real capture handler into a local raw folder,
 * so the raw layout can be produced and inspected without AWS.
 */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = "Run the capture Lambda locally on saved invocation payloads (SNS events, SQS batches).")
public final class CaptureCommand implements Callable<Integer> {
    @Option(names = "--invocations", required = true, paramLabel = "DIR",
            description = "Folder of invocation payloads, one JSON file per invocation.")
    Path invocations;

    @Option(names = "--raw", defaultValue = "raw", paramLabel = "DIR",
            description = "Root of the raw capture layout to write (default: ${DEFAULT-VALUE}).")
    Path raw;

    @Option(names = "--captured-at", paramLabel = "INSTANT",
            description = "Capture time to record, e.g. 2026-11-24T23:00:00Z (default: now).")
    Instant capturedAt;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(invocations)) {
            throw new ParameterException(spec.commandLine(), "--invocations: no such folder: " + invocations);
        }
        Clock clock = capturedAt == null ? Clock.systemUTC() : Clock.fixed(capturedAt, ZoneOffset.UTC);
        CaptureHandler handler = new CaptureHandler(new CaptureConfig("local", "", Set.of()),
                new DirectoryCaptureStore(raw.toAbsolutePath()), SnsUrlPolicy.snsEndpointsOnly(), clock);
        List<Path> files;
        try (Stream<Path> listing = Files.list(invocations)) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            String requestId = file.getFileName().toString().replaceFirst("\\.json$", "");
            Map<String, Object> response = handler.handle(Files.readAllBytes(file), requestId);
            System.out.println(file.getFileName() + " -> " + JsonTree.write(response));
        }
        System.out.println("captured " + files.size() + " invocation(s) into " + raw.toAbsolutePath());
        return 0;
    }
}
