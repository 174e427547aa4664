package io.sesanalytics.tools.generate;

import io.sesanalytics.capture.DirectoryCaptureStore;
import io.sesanalytics.jobs.normalize.SesLineParser;
import io.sesanalytics.raw.CaptureKeys;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticCapturesTest {
    private static final LocalDate FIRST = LocalDate.parse("2026-11-20");

    @Test
    void theSameSeedWritesTheSameBytesWhateverTheThreadCount(@TempDir Path one, @TempDir Path two) throws IOException {
        SyntheticCaptures.write(new SyntheticCaptures.Settings(FIRST, 2, 500, 7, 50, 1), new DirectoryCaptureStore(one), new CaptureKeys(""));
        SyntheticCaptures.write(new SyntheticCaptures.Settings(FIRST, 2, 500, 7, 50, 2), new DirectoryCaptureStore(two), new CaptureKeys(""));
        Map<String, Long> first = digests(one);
        assertTrue(first.size() > 10, "objects: " + first.size());
        assertEquals(first, digests(two));
    }

    @Test
    void capturesHoldEveryEventTypeDuplicatesReceivedMailAndBadLines(@TempDir Path out) throws IOException {
        SyntheticCaptures.Summary summary = SyntheticCaptures.write(
                new SyntheticCaptures.Settings(FIRST, 1, 20_000, 42, 1000, 2), new DirectoryCaptureStore(out), new CaptureKeys(""));
        SesLineParser parser = new SesLineParser();
        Set<String> types = new TreeSet<>();
        Set<String> formats = new TreeSet<>();
        long quarantined = 0;
        long received = 0;
        long lines = 0;
        for (Path file : files(out)) {
            for (String line : lines(file)) {
                lines++;
                Row parsed = parser.parse(lines, line, FIRST, file.toString());
                switch (parsed.<String>getAs("status")) {
                    case SesLineParser.EVENT -> parsed.<Row>getList(parsed.fieldIndex("events")).forEach(e -> {
                        types.add(e.getAs("event_type"));
                        formats.add(e.getAs("source_format"));
                    });
                    case SesLineParser.RECEIVED -> received++;
                    default -> quarantined++;
                }
            }
        }
        assertEquals(new TreeSet<>(List.of("bounce", "click", "complaint", "delivery", "delivery_delay", "open",
                "reject", "rendering_failure", "send", "subscription")), types);
        assertEquals(Set.of("event_publishing", "identity_notification"), formats);
        assertEquals(summary.notificationLines() + summary.receivedLines() + summary.unparsedLines(), lines);
        assertEquals(summary.receivedLines(), received);
        assertEquals(summary.malformedLines() + summary.unparsedLines(), quarantined);
        assertTrue(summary.duplicateLines() > 0 && summary.lateLines() > 0 && summary.malformedLines() > 0, summary.toString());
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".ndjson.gz")).sorted().toList();
        }
    }

    private static List<String> lines(Path file) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }

    private static Map<String, Long> digests(Path root) throws IOException {
        Map<String, Long> digests = new TreeMap<>();
        for (Path file : files(root)) {
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(Files.readAllBytes(file));
            digests.put(root.relativize(file).toString(), crc.getValue());
        }
        return digests;
    }
}
