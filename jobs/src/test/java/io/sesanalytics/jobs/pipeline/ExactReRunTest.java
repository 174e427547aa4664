package io.sesanalytics.jobs.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.common.RunSummaries;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import io.sesanalytics.jobs.common.WarehouseCatalog;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Re-running a date, any number of times, leaves the warehouse byte for byte as it was: the data files of
 * every table's current snapshot, the exports and the run summaries. Only what cannot repeat is left out: the
 * tables' metadata (a new snapshot, with its id and time, per commit), the name a write gives its data files
 * (its task's attempt and a UUID per write), Hadoop's checksum of a file that is compared, and the run
 * summaries' timings and snapshot ids. A re-run that recomputes later nights says so in its catch-up section,
 * and nothing else of it differs.
 */
class ExactReRunTest {
    private static final LocalDate D1 = LocalDate.parse("2026-11-20");
    private static final LocalDate D2 = D1.plusDays(1);
    /**
     * Iceberg's {@code 00000-12-<operation id>-00001.parquet}: the Spark partition's number, the task attempt,
     * the write's id, the file's number within the task.
     */
    private static final Pattern DATA_FILE = Pattern.compile("(\\d{5})-\\d+-.+-(\\d{5})(\\.parquet)");
    /** Sections of a run summary that name the run rather than state what it computed. */
    private static final List<String> RUN_SPECIFIC = List.of("timings_ms", "startup_ms", NightlyPipeline.SNAPSHOTS);

    @TempDir
    Path root;

    @Test
    void reRunningANightAnyNumberOfTimesWritesTheSameBytesAndRemovesWhatItNoLongerWrites() throws IOException {
        Path raw = copyOfSample(root.resolve("raw"), List.of(D1, D2));
        Path warehouse = root.resolve("warehouse");
        run(raw, warehouse, D1);
        run(raw, warehouse, D2);
        Map<String, byte[]> first = files(warehouse);
        assertTrue(first.keySet().stream().anyMatch(name -> name.startsWith("events/")), first.keySet().toString());
        assertTrue(first.keySet().stream().anyMatch(name -> name.startsWith("record_keys/")), first.keySet().toString());
        assertTrue(first.keySet().stream().anyMatch(name -> name.startsWith("exports/suppression/dt=" + D2 + "/")), first.keySet().toString());
        assertTrue(first.containsKey("_runs/dt=" + D2 + "/summary.json"), first.keySet().toString());

        for (int reRun = 1; reRun <= 2; reRun++) {
            NightlyPipeline.Result result = run(raw, warehouse, D2);
            assertEquals(List.of(D2), result.plan().dates(NightPlan.Cause.ASKED));
            assertEquals(List.of(), result.plan().dates(NightPlan.Cause.RECOMPUTED));
            assertSameFiles("re-run " + reRun + " of " + D2, first, files(warehouse));
        }

        NightlyPipeline.Result reRun = run(raw, warehouse, D1);
        assertEquals(List.of(D2), reRun.plan().dates(NightPlan.Cause.RECOMPUTED));
        // The one thing this run did differently, and says so: it recomputed the later night.
        Map<String, byte[]> expected = new TreeMap<>(first);
        String summary = "_runs/dt=" + D1 + "/summary.json";
        expected.put(summary, withSection(first.get(summary), "catch_up",
                Map.of("caught_up", List.of(), "recomputed", List.of(D2))));
        assertSameFiles("re-run of " + D1 + ", recomputing " + D2, expected, files(warehouse));

        reRunWithoutTheQuarantinedLines(raw, warehouse);
    }

    /**
     * A re-run whose rows for a table's partition are none removes the partition: here the night's captures
     * lose the lines that were quarantined, as if the objects had been captured without them.
     */
    private void reRunWithoutTheQuarantinedLines(Path raw, Path warehouse) throws IOException {
        SparkSession spark = SparkTestSession.get();
        List<Row> quarantined = TableWriter.read(spark, Table.QUARANTINE, warehouse.toString())
                .filter(col("capture_date").equalTo(lit(D2))).select("raw_line").collectAsList();
        assertFalse(quarantined.isEmpty(), "the sample's night holds quarantined lines");
        assertEquals(List.of(D1, D2), TableWriter.partitionDates(spark, Table.QUARANTINE, warehouse.toString(), "capture_date"));

        // The captures of the night as they would have been without the lines that could not be normalized.
        Set<String> lines = new HashSet<>();
        quarantined.forEach(row -> lines.add(row.getString(0)));
        int removed = 0;
        try (Stream<Path> objects = Files.list(raw.resolve("dt=" + D2))) {
            for (Path object : objects.toList()) {
                List<String> kept = new ArrayList<>();
                for (String line : gunzip(object)) {
                    if (lines.contains(line)) {
                        removed++;
                    } else {
                        kept.add(line);
                    }
                }
                gzip(object, kept);
            }
        }
        assertEquals(quarantined.size(), removed, "every quarantined line was one line of an object");

        run(raw, warehouse, D2);
        assertEquals(List.of(D1), TableWriter.partitionDates(spark, Table.QUARANTINE, warehouse.toString(), "capture_date"),
                "the quarantine partition of " + D2 + " is removed");
        assertEquals(0, TableWriter.countCaptured(spark, Table.QUARANTINE, warehouse.toString(), D2));
        assertTrue(TableWriter.countCaptured(spark, Table.QUARANTINE, warehouse.toString(), D1) > 0,
                "the other night's quarantine is kept");
        ObjectNode summary = RunSummaries.read(spark, warehouse.toString(), D2);
        assertTrue(summary.path("normalize").path("quarantined").isObject()
                && summary.path("normalize").path("quarantined").isEmpty(), summary.toString());
        assertTrue(TableWriter.countCaptured(spark, Table.EVENTS, warehouse.toString(), D2) > 0);
    }

    private static NightlyPipeline.Result run(Path raw, Path warehouse, LocalDate date) {
        return NightlyPipeline.run(SparkTestSession.get(), NightlyPipeline.Config.defaults(raw.toString(), warehouse.toString(),
                List.of(date)), new StepTimings(), NightlyPipeline.Progress.NONE);
    }

    /**
     * What is compared of the warehouse, by path: each table's live data files (those of its current snapshot),
     * named {@code <table>/<partition folders>/<partition and file numbers>}, and every file outside the
     * tables; a run summary without its run-specific sections, after checking that it is written as its
     * sections encode; a hidden checksum file is left out once the file it checks is in.
     */
    private static Map<String, byte[]> files(Path warehouse) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        SparkSession spark = SparkTestSession.get();
        for (Table table : Table.values()) {
            if (!TableWriter.exists(spark, table, warehouse.toString())) {
                continue;
            }
            String name = WarehouseCatalog.tableName(spark, warehouse.toString(), table);
            for (Row row : spark.sql("SELECT file_path FROM " + name + ".files").collectAsList()) {
                Path file = Path.of(java.net.URI.create(row.getString(0)));
                Path data = file.getParent();
                while (!data.getFileName().toString().equals("data")) {
                    data = data.getParent();
                }
                Matcher numbers = DATA_FILE.matcher(file.getFileName().toString());
                assertTrue(numbers.matches(), file.toString());
                String relative = table.tableName() + "/" + data.relativize(file.getParent()).toString().replace('\\', '/')
                        + "/" + numbers.group(1) + "-" + numbers.group(2) + numbers.group(3);
                if (files.put(relative, Files.readAllBytes(file)) != null) {
                    throw new AssertionError("two files of one write are " + relative);
                }
            }
        }
        List<Path> checksums = new ArrayList<>();
        Path tables = warehouse.resolve(WarehouseCatalog.DEFAULT_DATABASE);
        try (Stream<Path> all = Files.walk(warehouse)) {
            for (Path file : all.filter(Files::isRegularFile).filter(f -> !f.startsWith(tables)).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".crc")) {
                    checksums.add(file);
                    continue;
                }
                String relative = warehouse.relativize(file).toString().replace('\\', '/');
                byte[] content = Files.readAllBytes(file);
                if (name.equals("summary.json")) {
                    content = withoutRunSpecifics(relative, content);
                }
                files.put(relative, content);
            }
        }
        for (Path checksum : checksums) {
            String name = checksum.getFileName().toString();
            Path checked = checksum.resolveSibling(name.substring(1, name.length() - ".crc".length()));
            assertTrue(Files.isRegularFile(checked), "a checksum without its file: " + warehouse.relativize(checksum));
        }
        return files;
    }

    private static byte[] withoutRunSpecifics(String name, byte[] content) throws IOException {
        ObjectNode summary = (ObjectNode) RunSummaries.MAPPER.readTree(content);
        assertEquals(new String(content, StandardCharsets.UTF_8), RunSummaries.pretty(summary),
                name + " is written as its sections encode");
        assertTrue(summary.has("timings_ms"), name + " has its timings");
        assertTrue(summary.path(NightlyPipeline.SNAPSHOTS).path("committed").isObject(), name + " names its snapshots");
        summary.remove(RUN_SPECIFIC);
        return RunSummaries.pretty(summary).getBytes(StandardCharsets.UTF_8);
    }

    /** A run summary as compared, with one section replaced. */
    private static byte[] withSection(byte[] content, String name, Object section) throws IOException {
        ObjectNode summary = (ObjectNode) RunSummaries.MAPPER.readTree(content);
        assertTrue(summary.has(name), name);
        summary.set(name, RunSummaries.MAPPER.valueToTree(section));
        return RunSummaries.pretty(summary).getBytes(StandardCharsets.UTF_8);
    }

    /** The same paths with the same bytes, or a failure naming every file that differs. */
    private static void assertSameFiles(String when, Map<String, byte[]> expected, Map<String, byte[]> actual) {
        StringBuilder differences = new StringBuilder();
        for (String name : new TreeSet<>(List.of(expected.keySet(), actual.keySet()).stream().flatMap(Set::stream).toList())) {
            byte[] want = expected.get(name);
            byte[] got = actual.get(name);
            if (want == null) {
                differences.append("\n  new: ").append(name);
            } else if (got == null) {
                differences.append("\n  gone: ").append(name);
            } else if (!Arrays.equals(want, got)) {
                differences.append("\n  differs: ").append(name).append(" (").append(want.length).append(" bytes, now ")
                        .append(got.length).append(')');
                if (name.endsWith(".json") || name.endsWith(".csv")) {
                    differences.append("\n--- was\n").append(new String(want, StandardCharsets.UTF_8))
                            .append("\n--- now\n").append(new String(got, StandardCharsets.UTF_8));
                }
            }
        }
        assertEquals("", differences.toString(), when + ": " + expected.size() + " files");
        System.out.printf("%s: %d files, %,d bytes, identical%n", when, actual.size(),
                actual.values().stream().mapToLong(bytes -> bytes.length).sum());
    }

    private static List<String> gunzip(Path object) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(object)), StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }

    private static void gzip(Path object, List<String> lines) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(object));
             Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                writer.write(line);
                writer.write('\n');
            }
        }
    }

    private static Path copyOfSample(Path target, List<LocalDate> dates) throws IOException {
        Path sample = Path.of("../sample/raw");
        for (LocalDate date : dates) {
            try (Stream<Path> objects = Files.list(sample.resolve("dt=" + date))) {
                // Two objects a night keep the test short; they hold every kind of line the sample has.
                for (Path object : objects.sorted().limit(2).toList()) {
                    Path copy = target.resolve(sample.relativize(object).toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(object, copy);
                }
            }
        }
        return target;
    }
}
