package io.sesanalytics.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesanalytics.jobs.cli.QueryText;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Athena's engine, Trino, embedded, with its Iceberg connector: the Iceberg tables that the nightly pipeline
 * wrote from the bundled sample (the build runs it before this test), and every query of sql/queries in
 * Athena's dialect with the example parameters of its header, each answering the rows of its file in
 * src/test/resources/expected. Those files were checked against the raw sample, not only recorded; with
 * {@code -Dexpected.write=true} the test writes what Trino answers there, to be checked the same way.
 */
class AthenaQueriesOnTrinoTest {
    private static final String DATABASE = TrinoOverIceberg.NAMESPACE;
    private static final Path SQL = Path.of("").toAbsolutePath();
    private static final Path EXPECTED = SQL.resolve("src/test/resources/expected");
    private static final Path WAREHOUSE = Path.of(System.getProperty("sample.warehouse"));
    private static final Path METASTORE = WAREHOUSE.resolveSibling("_metastore");
    /** The address why-suppressed.sql is asked about: added for a permanent bounce on the 20th, renewed by another on the 21st. */
    static final String WHY_SUPPRESSED_ADDRESS = "'MatthewRusso@Outlook.com'";
    private static TrinoOverIceberg trino;

    @BeforeAll
    static void registerTheTables() throws Exception {
        assertTrue(Files.isDirectory(WAREHOUSE.resolve(DATABASE).resolve("events")), "no pipeline output in " + WAREHOUSE);
        deleteRecursively(METASTORE);
        trino = new TrinoOverIceberg(METASTORE, DATABASE);
        trino.register(DATABASE, WAREHOUSE);
    }

    @AfterAll
    static void stop() throws IOException {
        if (trino != null) {
            trino.close();
        }
        deleteRecursively(METASTORE);
    }

    @Test
    void everyTableOfTheDdlReadsWhatThePipelineWrote() throws IOException {
        long eventRows = 0;
        long receivedRows = 0;
        long destinationRows = 0;
        for (Path summary : files(WAREHOUSE.resolve("_runs"), "summary.json")) {
            JsonNode normalize = new ObjectMapper().readTree(summary.toFile()).path("normalize");
            eventRows += normalize.path("eventRows").asLong();
            receivedRows += normalize.path("receivedRows").asLong();
            destinationRows += normalize.path("receivedDestinationRows").asLong();
        }
        assertEquals(3 * 900, eventRows, 100, "the three sample nights wrote about 2,700 event rows");
        assertEquals(eventRows, count("SELECT count(*) FROM events"));
        assertEquals(receivedRows, count("SELECT count(*) FROM received"));
        assertEquals(destinationRows, count("SELECT count(*) FROM received_destinations"));
        assertEquals(0, count("SELECT count(*) FROM events WHERE date(event_time) <> event_date"));
        List<String> registered = TrinoOverIceberg.tables(WAREHOUSE);
        for (Path file : files(SQL.resolve("ddl"))) {
            String table = file.getFileName().toString().replace(".sql", "");
            assertTrue(registered.contains(table), table + " of sql/ddl is not a table of the warehouse");
            assertTrue(count("SELECT count(*) FROM " + table) > 0, table + " reads no rows");
        }
    }

    @Test
    void everyQueryAnswersTheExpectedRows() throws IOException {
        List<Path> queries = files(SQL.resolve("queries"));
        assertEquals(8, queries.size());
        List<String> wrong = new ArrayList<>();
        for (Path file : queries) {
            String name = file.getFileName().toString().replace(".sql", "");
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<String> parameters = name.equals("why-suppressed")
                    ? List.of(WHY_SUPPRESSED_ADDRESS)
                    : QueryText.exampleParameters(text);
            String statement = QueryText.bind(QueryText.statement(text), parameters);
            String actual = ResultText.of(trino.execute(statement), ResultText.isOrdered(statement));
            Path expectedFile = EXPECTED.resolve(name + ".csv");
            if (Boolean.getBoolean("expected.write")) {
                Files.createDirectories(EXPECTED);
                Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            }
            assertTrue(Files.exists(expectedFile), "no expected rows for " + name + " in " + expectedFile);
            String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                wrong.add(name + ": expected\n" + expected + "but Trino answered\n" + actual);
            }
        }
        assertEquals(List.of(), wrong, "queries whose rows differ from src/test/resources/expected");
    }

    @Test
    void theSuppressionListQueryGivesTheAddressesOfTheExport() throws IOException {
        String query = Files.readString(SQL.resolve("queries/suppression-list.sql"), StandardCharsets.UTF_8);
        List<String> fromTrino = new ArrayList<>();
        MaterializedResult result = trino.execute(QueryText.statement(query));
        for (MaterializedRow row : result.getMaterializedRows()) {
            fromTrino.add(row.getField(0) + "," + row.getField(1));
        }
        List<String> exported = Files.readAllLines(
                WAREHOUSE.resolve("exports/suppression/dt=2026-11-22/ses-import.csv"), StandardCharsets.UTF_8);
        assertFalse(exported.isEmpty());
        assertEquals(exported, fromTrino);
    }

    @Test
    void bouncesSinceADateMatchTheDailyStats() throws IOException {
        String query = Files.readString(SQL.resolve("queries/bounces-since.sql"), StandardCharsets.UTF_8);
        long listed = trino.execute(QueryText.bind(QueryText.statement(query), List.of("DATE '2026-11-20'")))
                .getRowCount();
        assertEquals(count("SELECT sum(bounces) FROM domain_daily_stats WHERE stat_date >= DATE '2026-11-20'"), listed);
    }

    private static long count(String sql) {
        Object value = trino.execute(sql).getOnlyValue();
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }

    private static List<Path> files(Path folder, String name) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.getFileName().toString().equals(name)).sorted().toList();
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
