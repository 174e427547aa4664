package io.sesanalytics.jobs.pipeline;

import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Nights that failed, were skipped or were re-run end with the same tables and exports as the same nights run
 * once each, in order: the three nights of the bundled sample captures.
 */
class FailedAndSkippedNightsTest {
    private static final LocalDate D1 = LocalDate.parse("2026-11-20");
    private static final LocalDate D2 = D1.plusDays(1);
    private static final LocalDate D3 = D1.plusDays(2);

    @TempDir
    static Path root;

    private static Path raw;
    private static Map<String, List<String>> inOrder;

    @BeforeAll
    static void runTheNightsInOrder() throws IOException {
        raw = copyOfSample(root.resolve("raw"));
        Path warehouse = root.resolve("in-order");
        for (LocalDate date : List.of(D1, D2, D3)) {
            NightPlan plan = run(raw, warehouse, date).plan();
            assertEquals(List.of(date), plan.dates(NightPlan.Cause.ASKED));
            assertEquals(List.of(), plan.dates(NightPlan.Cause.CAUGHT_UP), "nothing to catch up in order");
        }
        inOrder = contents(warehouse);
    }

    @Test
    void aSkippedNightIsCaughtUpByTheNextAndAReRunNightRecomputesTheLaterOnes() {
        Path warehouse = root.resolve("skipped");
        run(raw, warehouse, D1);
        NightlyPipeline.Result caughtUp = run(raw, warehouse, D3);
        assertEquals(List.of(D2), caughtUp.plan().dates(NightPlan.Cause.CAUGHT_UP));
        assertEquals(List.of(D2, D3), caughtUp.nights().stream().map(NightlyPipeline.Night::date).toList());
        assertSameContents(inOrder, contents(warehouse));

        NightlyPipeline.Result reRun = run(raw, warehouse, D2);
        assertEquals(List.of(D3), reRun.plan().dates(NightPlan.Cause.RECOMPUTED));
        assertFalse(reRun.plan().nights().get(1).normalize(), "the later night's captures have not changed");
        assertSameContents(inOrder, contents(warehouse));
    }

    @Test
    void aFailedNightIsCaughtUpOnceItsCapturesAreReadable() throws IOException {
        Path broken = copyOfSample(root.resolve("raw-broken"));
        Path folder = broken.resolve("dt=" + D2);
        Path aside = root.resolve("aside");
        Files.move(folder, aside);
        Files.writeString(folder, "a file where the folder of the night's captures should be");
        Path warehouse = root.resolve("failed");
        run(broken, warehouse, D1);
        // Spark rethrows the task's failure as its own checked exception.
        assertThrows(Exception.class, () -> run(broken, warehouse, D2));

        Files.delete(folder);
        Files.move(aside, folder);
        NightlyPipeline.Result result = run(broken, warehouse, D3);
        assertEquals(List.of(D2), result.plan().dates(NightPlan.Cause.CAUGHT_UP));
        assertSameContents(rebased(inOrder, "raw", "raw-broken"), contents(warehouse));
    }

    @Test
    void aNightFailingAfterSomeTablesCommittedRollsThemBackAndNamesThem() throws IOException {
        Path warehouse = root.resolve("rolled-back");
        run(raw, warehouse, D1);
        Map<String, List<String>> before = tables(contents(warehouse));
        // A file where the night's export folder goes: suppress fails after normalize, aggregate and its own
        // tables committed.
        Path exports = warehouse.resolve("exports/suppression/dt=" + D2);
        Files.createDirectories(exports.getParent());
        Files.writeString(exports, "in the way");

        assertThrows(RuntimeException.class, () -> run(raw, warehouse, D2));

        assertSameContents(before, tables(contents(warehouse)));
        var summary = io.sesanalytics.jobs.common.RunSummaries.read(SparkTestSession.get(), warehouse.toString(), D2);
        var rolledBack = summary.path(NightlyPipeline.SNAPSHOTS).path("rolled_back");
        for (Table table : List.of(Table.EVENTS, Table.RECORD_KEYS, Table.SENDER_DAILY_STATS, Table.TOP_SENDERS,
                Table.SUPPRESSION, Table.SUPPRESSION_HISTORY)) {
            assertFalse(rolledBack.path(table.tableName()).path("from").isMissingNode(), table + " in " + summary);
        }

        Files.delete(exports);
        NightlyPipeline.Result result = run(raw, warehouse, D3);
        assertEquals(List.of(D2), result.plan().dates(NightPlan.Cause.CAUGHT_UP));
        assertSameContents(inOrder, contents(warehouse));
    }

    /** Only the tables of {@link #contents}. */
    private static Map<String, List<String>> tables(Map<String, List<String>> contents) {
        Map<String, List<String>> tables = new TreeMap<>(contents);
        tables.keySet().removeIf(name -> name.startsWith("exports"));
        return tables;
    }

    private static NightlyPipeline.Result run(Path raw, Path warehouse, LocalDate date) {
        return NightlyPipeline.run(SparkTestSession.get(), NightlyPipeline.Config.defaults(raw.toString(), warehouse.toString(),
                List.of(date)), new StepTimings(), NightlyPipeline.Progress.NONE);
    }

    /** Every table's rows as sorted JSON, and every export file's text, by name. */
    private static Map<String, List<String>> contents(Path warehouse) {
        SparkSession spark = SparkTestSession.get();
        Map<String, List<String>> contents = new TreeMap<>();
        for (Table table : Table.values()) {
            contents.put(table.tableName(), TableWriter.read(spark, table, warehouse.toString())
                    .selectExpr("to_json(struct(*)) AS row").orderBy("row").as(org.apache.spark.sql.Encoders.STRING())
                    .collectAsList());
        }
        Path exports = warehouse.resolve("exports");
        try (Stream<Path> files = Files.walk(exports)) {
            // Hadoop's local checksum files are not exports.
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList()) {
                contents.put(warehouse.relativize(file).toString(), Files.readAllLines(file));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return contents;
    }

    /** Equal contents, or a failure naming each table or file that differs with a few of its rows. */
    private static void assertSameContents(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        StringBuilder differences = new StringBuilder();
        for (String name : new java.util.TreeSet<>(List.of(expected.keySet(), actual.keySet()).stream()
                .flatMap(java.util.Set::stream).toList())) {
            List<String> want = expected.getOrDefault(name, List.of());
            List<String> got = actual.getOrDefault(name, List.of());
            if (!want.equals(got)) {
                differences.append("\n").append(name).append(": ").append(want.size()).append(" rows expected, ")
                        .append(got.size()).append(" found; missing ")
                        .append(want.stream().filter(row -> !got.contains(row)).limit(3).toList())
                        .append("; unexpected ").append(got.stream().filter(row -> !want.contains(row)).limit(3).toList());
            }
        }
        assertEquals("", differences.toString());
    }

    /** The contents with the raw folder's name changed in the object paths the tables keep. */
    private static Map<String, List<String>> rebased(Map<String, List<String>> contents, String from, String to) {
        Map<String, List<String>> rebased = new TreeMap<>();
        contents.forEach((name, lines) -> rebased.put(name, lines.stream()
                .map(line -> line.replace(root.resolve(from).toUri().toString().replaceAll("/$", "") + "/",
                        root.resolve(to).toUri().toString().replaceAll("/$", "") + "/"))
                .sorted().toList()));
        return rebased;
    }

    private static Path copyOfSample(Path target) throws IOException {
        Path sample = Path.of("../sample/raw");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> dates = Files.list(sample)) {
            for (Path date : dates.toList()) {
                try (Stream<Path> objects = Files.list(date)) {
                    // Two objects a night keep the test short; they hold every kind of line the sample has.
                    objects.sorted().limit(2).forEach(files::add);
                }
            }
        }
        for (Path file : files) {
            Path copy = target.resolve(sample.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy);
        }
        return target;
    }
}
