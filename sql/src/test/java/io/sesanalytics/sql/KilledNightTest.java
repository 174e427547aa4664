package io.sesanalytics.sql;

import io.sesanalytics.sql.TrinoOverIceberg.Digest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A night killed with SIGKILL at several points leaves every table as it was before the night ("previous") or
 * as a run that was never interrupted leaves it ("new"), read through Trino and through Spark, and the next
 * run completes the night.
 *
 * <p>The nightly launcher runs as a child process over the bundled sample: nights 2026-11-20 and 2026-11-21
 * complete in a warehouse of this test; the uninterrupted warehouse of the build (nights 2026-11-20 to
 * 2026-11-22, which AthenaQueriesOnTrinoTest reads) gives the new digests. Then 2026-11-22 is run again and
 * again in the first warehouse, each run killed when the file system shows it at one point of the night.
 */
class KilledNightTest {
    private static final Path LAUNCHER = Path.of(System.getProperty("launcher"));
    private static final Path RAW = Path.of(System.getProperty("sample.raw"));
    private static final Path REFERENCE = Path.of(System.getProperty("sample.warehouse"));
    private static final Path WAREHOUSE = Path.of(System.getProperty("kill.warehouse"));
    private static final Path WORK = WAREHOUSE.resolveSibling(WAREHOUSE.getFileName() + "-work");
    private static final String NIGHT = "2026-11-22";
    private static final Pattern SPARK_DIGEST = Pattern.compile("([a-z_]+),(\\d+),(-?\\d+)");

    /** Where a run is killed: the first moment the file system shows it there. */
    enum KillPoint {
        /** Normalize has opened a new data file of events, and events has no new commit yet. */
        NORMALIZE_WRITE("during normalize's write of events"),
        /** Some table has a new committed metadata file. */
        COMMIT("at a table's commit"),
        /** Suppress has opened a new data file of suppression. */
        SUPPRESS_WRITE("during suppress's write of suppression"),
        /** The night's suppression exports have a new file. */
        EXPORTS("during the suppression exports");

        final String description;

        KillPoint(String description) {
            this.description = description;
        }
    }

    /** What the warehouse's files were when a run started. */
    private record FileState(Map<String, Long> versions, Set<String> eventFiles, Set<String> suppressionFiles,
                          Set<String> exportFiles) {
    }

    private final List<Process> children = new ArrayList<>();

    @Test
    void aNightKilledAnywhereLeavesEveryTablePreviousOrNew() throws Exception {
        assertTrue(Files.isDirectory(REFERENCE.resolve(TrinoOverIceberg.NAMESPACE)), "no pipeline output in " + REFERENCE);
        AthenaQueriesOnTrinoTest.deleteRecursively(WAREHOUSE);
        AthenaQueriesOnTrinoTest.deleteRecursively(WORK);
        Files.createDirectories(WORK);
        // Trino starts while the nights before run.
        Process nightsBefore = start(WORK.resolve("nightly-before.log"), "nightly", "--raw", RAW.toString(),
                "--warehouse", WAREHOUSE.toString(), "--from", "2026-11-20", "--to", "2026-11-21");
        try (TrinoOverIceberg trino = new TrinoOverIceberg(WORK.resolve("metastore"), "killed")) {
            assertEquals(0, nightsBefore.waitFor(), "the nights before did not complete:\n" + tail(WORK.resolve("nightly-before.log")));

            trino.register("reference", REFERENCE);
            trino.register("killed", WAREHOUSE);
            Map<String, Digest> newTrino = trino.digests("reference");
            Map<String, Digest> previousTrino = trino.digests("killed");
            Map<String, Digest> newSpark = sparkDigests(REFERENCE);
            Map<String, Digest> previousSpark = sparkDigests(WAREHOUSE);
            assertEquals(newTrino.keySet(), previousTrino.keySet(), "the two warehouses have other tables");
            assertEquals(newTrino.keySet(), newSpark.keySet(), "Spark and Trino see other tables");
            assertEquals(14, newTrino.size(), "tables: " + newTrino.keySet());
            System.out.println("killed night: tables that night " + NIGHT + " leaves unchanged (Trino): "
                    + newTrino.keySet().stream().filter(t -> newTrino.get(t).equals(previousTrino.get(t))).toList());

            for (KillPoint point : KillPoint.values()) {
                FileState before = files();
                Process nightly = start(WORK.resolve("nightly-" + point + ".log"),
                        "nightly", "--raw", RAW.toString(), "--warehouse", WAREHOUSE.toString(), "--from", NIGHT, "--to", NIGHT);
                String seen = null;
                while (seen == null && nightly.isAlive()) {
                    seen = reached(point, before, files());
                    if (seen == null) {
                        Thread.sleep(20);
                    }
                }
                if (seen == null) {
                    fail("the run of " + NIGHT + " ended (exit " + nightly.exitValue() + ") before it was "
                            + point.description + "; see " + WORK.resolve("nightly-" + point + ".log"));
                }
                String killed = killTree(nightly);
                Map<String, Long> committed = committedSince(before, files());

                trino.register("killed", WAREHOUSE);
                Map<String, String> byTrino = classify("Trino", point, trino.digests("killed"), previousTrino, newTrino);
                Map<String, String> bySpark = classify("Spark", point, sparkDigests(WAREHOUSE), previousSpark, newSpark);
                assertEquals(byTrino, bySpark, "after the kill " + point.description + ", Trino and Spark see other tables' states");
                System.out.println("killed night: kill " + point.description + " (" + seen + "; " + killed
                        + "; tables committed since the run started: " + committed.keySet() + "): new " + names(byTrino, "new")
                        + ", previous " + names(byTrino, "previous") + ", unchanged by the night " + names(byTrino, "same"));
            }

            Process last = start(WORK.resolve("nightly-last.log"), "nightly", "--raw", RAW.toString(),
                    "--warehouse", WAREHOUSE.toString(), "--from", NIGHT, "--to", NIGHT);
            assertEquals(0, last.waitFor(), "the night did not complete after the kills:\n" + tail(WORK.resolve("nightly-last.log")));
            trino.register("killed", WAREHOUSE);
            assertEquals(newTrino, trino.digests("killed"), "after the completed night, through Trino");
            assertEquals(newSpark, sparkDigests(WAREHOUSE), "after the completed night, through Spark");
            System.out.println("killed night: completed after the kills: every table (" + newTrino.size()
                    + ") equals the uninterrupted warehouse's, through Trino and Spark");
        } finally {
            for (Process child : children) {
                killTree(child);
            }
        }
    }

    /** Each table's state: "previous", "new" or "same" (the night does not change it); anything else fails. */
    private static Map<String, String> classify(String reader, KillPoint point, Map<String, Digest> now,
                                                Map<String, Digest> previous, Map<String, Digest> next) {
        assertEquals(previous.keySet(), now.keySet(), reader + " sees other tables after the kill " + point.description);
        Map<String, String> states = new TreeMap<>();
        List<String> neither = new ArrayList<>();
        now.forEach((table, digest) -> {
            boolean isPrevious = digest.equals(previous.get(table));
            boolean isNew = digest.equals(next.get(table));
            if (isPrevious && isNew) {
                states.put(table, "same");
            } else if (isPrevious || isNew) {
                states.put(table, isNew ? "new" : "previous");
            } else {
                neither.add(table + " (" + digest + "; previous " + previous.get(table) + ", new " + next.get(table) + ")");
            }
        });
        assertEquals(List.of(), neither, "through " + reader + ", after the kill " + point.description
                + ", tables that are neither as before the night nor as after it");
        return states;
    }

    private static List<String> names(Map<String, String> states, String state) {
        return states.entrySet().stream().filter(e -> e.getValue().equals(state)).map(Map.Entry::getKey).toList();
    }

    /** Whether the run has reached the point; if so, what shows it. */
    private static String reached(KillPoint point, FileState before, FileState now) {
        return switch (point) {
            case NORMALIZE_WRITE -> {
                Set<String> added = added(before.eventFiles(), now.eventFiles());
                boolean committed = !now.versions().get("events").equals(before.versions().get("events"));
                yield added.isEmpty() || committed ? null : "new events data file " + shown(added);
            }
            case COMMIT -> {
                Map<String, Long> committed = committedSince(before, now);
                yield committed.isEmpty() ? null : "new metadata of " + committed.entrySet().stream()
                        .map(e -> e.getKey() + " v" + e.getValue()).collect(Collectors.joining(", "));
            }
            case SUPPRESS_WRITE -> {
                Set<String> added = added(before.suppressionFiles(), now.suppressionFiles());
                yield added.isEmpty() ? null : "new suppression data file " + shown(added);
            }
            case EXPORTS -> {
                Set<String> added = added(before.exportFiles(), now.exportFiles());
                yield added.isEmpty() ? null : "new export file " + shown(added);
            }
        };
    }

    /** One of the files, by its path under its folder. */
    private static String shown(Set<String> files) {
        String file = files.stream().sorted().findFirst().orElseThrow();
        return file.substring(0, file.lastIndexOf('@'));
    }

    private static Set<String> added(Set<String> before, Set<String> now) {
        Set<String> added = new HashSet<>(now);
        added.removeAll(before);
        return added;
    }

    private static Map<String, Long> committedSince(FileState before, FileState now) {
        Map<String, Long> committed = new TreeMap<>();
        now.versions().forEach((table, version) -> {
            if (!version.equals(before.versions().getOrDefault(table, -1L))) {
                committed.put(table, version);
            }
        });
        return committed;
    }

    private static FileState files() throws IOException {
        Map<String, Long> versions = new TreeMap<>();
        for (String table : TrinoOverIceberg.tables(WAREHOUSE)) {
            Path folder = WAREHOUSE.resolve(TrinoOverIceberg.NAMESPACE).resolve(table);
            versions.put(table, TrinoOverIceberg.currentMetadataFile(folder)
                    .map(name -> Long.parseLong(name.substring(1, name.indexOf('.')))).orElse(0L));
        }
        return new FileState(versions, listed(WAREHOUSE.resolve(TrinoOverIceberg.NAMESPACE).resolve("events/data")),
                listed(WAREHOUSE.resolve(TrinoOverIceberg.NAMESPACE).resolve("suppression/data")),
                listed(WAREHOUSE.resolve("exports/suppression/dt=" + NIGHT)));
    }

    /** Every file under a folder, with its size and modification time, so that a rewritten file counts as new. */
    private static Set<String> listed(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        Set<String> files = new HashSet<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.forEach(p -> {
                try {
                    if (Files.isRegularFile(p)) {
                        files.add(folder.relativize(p) + "@" + Files.getLastModifiedTime(p).toMillis());
                    }
                } catch (IOException e) {
                    // gone between listing and looking: a temporary file
                }
            });
        } catch (java.io.UncheckedIOException e) {
            // a folder removed while listed; the next look sees the rest
        }
        return files;
    }

    /**
     * Every table's digest through Spark: one {@code bin/ses-analytics sql} query over all tables, row count and
     * the sum of a hash of each row's JSON (the order of the rows does not matter).
     */
    private Map<String, Digest> sparkDigests(Path warehouse) throws Exception {
        String query = TrinoOverIceberg.tables(warehouse).stream()
                .map(t -> "SELECT '" + t + "' AS table_name, count(*) AS row_count,"
                        + " CAST(coalesce(sum(CAST(xxhash64(to_json(struct(*))) AS DECIMAL(38, 0))), 0) AS STRING) AS checksum"
                        + " FROM `" + t + "`")
                .collect(Collectors.joining(" UNION ALL "));
        Path out = WORK.resolve("spark-digests.csv");
        Path log = WORK.resolve("spark-digests.log");
        Process sql = launcher("sql", "--warehouse", warehouse.toString(), query)
                .redirectOutput(out.toFile()).redirectError(log.toFile()).start();
        children.add(sql);
        int exit = sql.waitFor();
        if (exit != 0) {
            fail("Spark could not read the tables of " + warehouse + " (exit " + exit + "):\n" + tail(log));
        }
        Map<String, Digest> digests = new TreeMap<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            Matcher row = SPARK_DIGEST.matcher(line.strip());
            if (row.matches()) {
                digests.put(row.group(1), new Digest(Long.parseLong(row.group(2)), row.group(3)));
            }
        }
        assertFalse(digests.isEmpty(), "no digests in Spark's answer:\n" + Files.readString(out));
        return digests;
    }

    private Process start(Path log, String... arguments) throws IOException {
        Process process = launcher(arguments).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(process);
        return process;
    }

    private static ProcessBuilder launcher(String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SES_ANALYTICS_JAVA_OPTS", "-Xmx1536m");
        builder.environment().put("SES_ANALYTICS_LOG_DIR", WORK.resolve("logs").toString());
        return builder;
    }

    /**
     * SIGKILLs the launcher's java and every other process of the tree: bin/ses-analytics replaces itself with
     * java, or runs java as its child when it saves a class-data archive; java's own children go too. Returns
     * what was killed, in order.
     */
    private static String killTree(Process process) throws InterruptedException {
        if (!process.isAlive()) {
            return "had ended";
        }
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        tree.addAll(process.toHandle().descendants().toList());
        // java first, so that nothing else of the run (e.g. the launcher noticing java's end) acts before it dies
        tree.sort(Comparator.comparing((ProcessHandle handle) -> !command(handle).equals("java")));
        List<String> killed = new ArrayList<>();
        for (ProcessHandle handle : tree) {
            String command = command(handle);
            if (handle.destroyForcibly()) {
                killed.add(command + " " + handle.pid());
            }
        }
        process.waitFor();
        for (ProcessHandle handle : tree) {
            handle.onExit().join();
        }
        return "SIGKILL " + String.join(", ", killed);
    }

    private static String command(ProcessHandle handle) {
        return handle.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?");
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
