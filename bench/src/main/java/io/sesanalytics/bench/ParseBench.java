package io.sesanalytics.bench;

import io.sesanalytics.jobs.normalize.SesLineParser;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The normalize job's parser alone, on one thread of a warm JVM: every line of the first capture objects
 * of a date, held in memory, parsed into the job's rows round after round. No Spark, no gzip, no I/O, so
 * that a change to the parser shows in the figures above the noise of whole runs.
 *
 * <p>Usage: {@code ParseBench RAW_FOLDER [OBJECTS] [ROUNDS]} (default 64 objects, 10 rounds after 5 of
 * warm-up); prints one JSON line with the median and best time per line.
 */
public final class ParseBench {
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        int objects = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        List<UTF8String> lines = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.filter(p -> p.toString().endsWith(".ndjson.gz")).sorted().limit(objects).toList()) {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
                    reader.lines().forEach(line -> lines.add(UTF8String.fromString(line)));
                }
            }
        }
        UTF8String source = UTF8String.fromString(folder.resolve("object.ndjson.gz").toString());
        LocalDate date = LocalDate.of(2026, 11, 20);
        SesLineParser parser = new SesLineParser();
        long[] nanos = new long[rounds];
        long checksum = 0;
        for (int round = -5; round < rounds; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < lines.size(); i++) {
                InternalRow row = parser.parseToInternalRow(i, lines.get(i), date, source);
                checksum += row.numFields();
            }
            if (round >= 0) {
                nanos[round] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        double median = nanos[rounds / 2] / (double) lines.size();
        double best = nanos[0] / (double) lines.size();
        System.out.printf("{\"lines\": %d, \"rounds\": %d, \"median_ns_per_line\": %.0f, \"best_ns_per_line\": %.0f, "
                        + "\"lines_per_s\": %.0f, \"checksum\": %d}%n",
                lines.size(), rounds, median, best, 1e9 / median, checksum);
    }
}
