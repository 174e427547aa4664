package io.sesanalytics.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesanalytics.jobs.cli.QueryText;
import io.trino.Session;
import io.trino.plugin.hive.HivePlugin;
import io.trino.spi.type.TimeZoneKey;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner;
import io.trino.testing.StandaloneQueryRunner;
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
import java.util.Map;
import java.util.stream.Stream;

import static io.trino.testing.TestingSession.testSessionBuilder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Athena's engine, Trino, embedded: the tables of sql/ddl over the Parquet that the nightly pipeline
 * wrote from the bundled sample (the build runs it before this test), and every query of sql/queries in
 * Athena's dialect with the example parameters of its header.
 */
class AthenaQueriesOnTrinoTest {
    private static final String CATALOG = "awsdatacatalog";
    private static final String DATABASE = "ses_analytics";
    private static final Path SQL = Path.of("").toAbsolutePath();
    private static final Path WAREHOUSE = Path.of(System.getProperty("sample.warehouse"));
    private static final Path ROOT = WAREHOUSE.getParent();
    private static final String METASTORE = "_metastore";
    private static QueryRunner trino;

    @BeforeAll
    static void defineTheTables() throws Exception {
        assertTrue(Files.isDirectory(WAREHOUSE.resolve("events")), "no pipeline output in " + WAREHOUSE);
        deleteRecursively(ROOT.resolve(METASTORE));
        Session session = testSessionBuilder().setCatalog(CATALOG).setSchema(DATABASE)
                .setTimeZoneKey(TimeZoneKey.UTC_KEY).build();
        trino = new StandaloneQueryRunner(session);
        trino.installPlugin(new HivePlugin());
        trino.createCatalog(CATALOG, "hive", Map.of(
                "hive.metastore", "file",
                "hive.metastore.catalog.dir", "local:///" + METASTORE,
                "fs.local.enabled", "true",
                "local.location", ROOT.toString(),
                // Spark writes UTC instants; read them as UTC whatever the JVM's zone, as Athena does.
                "hive.parquet.time-zone", "UTC"));
        trino.execute("CREATE SCHEMA " + DATABASE);
        for (Path file : files(SQL.resolve("ddl"))) {
            String table = file.getFileName().toString().replace(".sql", "");
            AthenaDdlToTrino.TrinoTable definition = AthenaDdlToTrino.translate(
                    Files.readString(file, StandardCharsets.UTF_8), "local:///" + WAREHOUSE.getFileName() + "/" + table);
            trino.execute(definition.createTable());
            trino.execute("CALL " + CATALOG + ".system.sync_partition_metadata(schema_name => '" + DATABASE
                    + "', table_name => '" + table + "', mode => 'FULL')");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (trino != null) {
            trino.close();
        }
        deleteRecursively(ROOT.resolve(METASTORE));
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
        for (Path file : files(SQL.resolve("ddl"))) {
            String table = file.getFileName().toString().replace(".sql", "");
            assertTrue(count("SELECT count(*) FROM " + table) > 0, table + " reads no rows");
        }
    }

    @Test
    void everyQueryAnswersInAthenasDialect() throws IOException {
        String suppressed = (String) trino.execute(
                "SELECT min(address) FROM suppression WHERE status = 'SUPPRESSED'").getOnlyValue();
        List<Path> queries = files(SQL.resolve("queries"));
        assertEquals(8, queries.size());
        for (Path file : queries) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<String> parameters = file.endsWith("why-suppressed.sql")
                    ? List.of("'" + suppressed.toUpperCase() + "'")
                    : QueryText.exampleParameters(text);
            MaterializedResult result = trino.execute(QueryText.bind(QueryText.statement(text), parameters));
            assertFalse(result.getMaterializedRows().isEmpty(), file.getFileName() + " answered no rows");
        }
    }

    @Test
    void theSuppressionListQueryGivesTheAddressesOfTheExport() throws IOException {
        String query = Files.readString(SQL.resolve("queries/suppression-list.sql"), StandardCharsets.UTF_8);
        List<String> fromTrino = new ArrayList<>();
        for (MaterializedRow row : trino.execute(QueryText.statement(query)).getMaterializedRows()) {
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

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
