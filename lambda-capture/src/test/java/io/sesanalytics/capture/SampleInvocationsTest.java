package io.sesanalytics.capture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The invocation payloads bundled in sample/invocations, which `bin/ses-analytics capture` replays. */
class SampleInvocationsTest {
    @TempDir
    Path raw;

    @Test
    void everyBundledInvocationIsStoredAsOneObjectWithALinePerRecord() throws IOException {
        Path invocations = Path.of("../sample/invocations");
        CaptureHandler handler = new CaptureHandler(new CaptureConfig("local", "", Set.of()), new DirectoryCaptureStore(raw),
                SnsUrlPolicy.snsEndpointsOnly(), Clock.fixed(Instant.parse("2026-11-24T23:00:00Z"), ZoneOffset.UTC));
        List<Path> files;
        try (Stream<Path> listing = Files.list(invocations)) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(2, files.size());
        int records = 0;
        for (Path file : files) {
            handler.handle(Files.readAllBytes(file), file.getFileName().toString().replace(".json", ""));
            records += LambdaEvents.json(Files.readString(file)).path("Records").size();
        }
        List<String> lines = new ArrayList<>();
        List<Path> stored;
        try (Stream<Path> objects = Files.walk(raw)) {
            stored = objects.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path object : stored) {
            assertTrue(object.toString().contains("/dt=2026-11-24/"), object.toString());
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(object)))) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(lines::add);
            }
        }
        assertEquals(files.size(), stored.size(), "one object per invocation");
        assertEquals(records, lines.size(), "one line per record");
    }
}
