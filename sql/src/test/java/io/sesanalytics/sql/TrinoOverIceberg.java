package io.sesanalytics.sql;

import io.trino.Session;
import io.trino.plugin.iceberg.IcebergPlugin;
import io.trino.spi.type.TimeZoneKey;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner;
import io.trino.testing.StandaloneQueryRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.trino.testing.TestingSession.testSessionBuilder;

/**
 * Athena's engine, Trino, embedded, with its Iceberg connector over a file metastore: the Iceberg tables a
 * pipeline run wrote in its warehouse's Hadoop catalog ({@code <warehouse>/ses_analytics/<table>}) are
 * registered by their newest metadata file, as Athena's Glue catalog points at them.
 *
 * <p>The metadata that Spark writes names every file by an absolute {@code file:} URI; Trino's local file
 * system takes the {@code file} scheme and resolves the path under {@code local.location}, so that location
 * is the file system root.
 */
final class TrinoOverIceberg implements AutoCloseable {
    static final String CATALOG = "awsdatacatalog";
    /** The Hadoop catalog's namespace of the tables, a folder of the warehouse. */
    static final String NAMESPACE = "ses_analytics";
    /** The committed metadata files of a Hadoop catalog table; the highest version is the current one. */
    private static final Pattern METADATA_FILE = Pattern.compile("v(\\d+)\\.metadata\\.json");

    private final QueryRunner trino;

    /** How many rows a table has and an order-independent checksum of all of them. */
    record Digest(long rows, String checksum) {
        @Override
        public String toString() {
            return rows + " rows, checksum " + checksum;
        }
    }

    TrinoOverIceberg(Path metastore, String defaultSchema) throws Exception {
        Session session = testSessionBuilder().setCatalog(CATALOG).setSchema(defaultSchema)
                .setTimeZoneKey(TimeZoneKey.UTC_KEY).build();
        QueryRunner runner = new StandaloneQueryRunner(session);
        try {
            runner.installPlugin(new IcebergPlugin());
            Files.createDirectories(metastore);
            runner.createCatalog(CATALOG, "iceberg", Map.of(
                    "iceberg.catalog.type", "TESTING_FILE_METASTORE",
                    "hive.metastore.catalog.dir", metastore.toUri().toString(),
                    "fs.local.enabled", "true",
                    "local.location", "/",
                    "iceberg.register-table-procedure.enabled", "true"));
        } catch (Exception | Error e) {
            runner.close();
            throw e;
        }
        this.trino = runner;
    }

    MaterializedResult execute(String sql) {
        return trino.execute(sql);
    }

    /** The tables of a warehouse, by name: the folders of its namespace that hold Iceberg metadata. */
    static List<String> tables(Path warehouse) throws IOException {
        Path namespace = warehouse.resolve(NAMESPACE);
        try (Stream<Path> list = Files.list(namespace)) {
            return list.filter(p -> Files.isDirectory(p.resolve("metadata")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The newest committed metadata file of a table folder, by name. */
    static Optional<String> currentMetadataFile(Path table) throws IOException {
        try (Stream<Path> list = Files.list(table.resolve("metadata"))) {
            return list.map(p -> p.getFileName().toString())
                    .map(METADATA_FILE::matcher).filter(Matcher::matches)
                    .max(Comparator.comparingLong(m -> Long.parseLong(m.group(1))))
                    .map(Matcher::group);
        }
    }

    /**
     * Registers every table of the warehouse in a schema, or registers it again at its current metadata file
     * when it is registered already.
     */
    void register(String schema, Path warehouse) throws IOException {
        trino.execute("CREATE SCHEMA IF NOT EXISTS " + CATALOG + "." + schema);
        List<String> registered = trino.execute("SELECT table_name FROM " + CATALOG
                + ".information_schema.tables WHERE table_schema = '" + schema + "'").getOnlyColumn()
                .map(String.class::cast).toList();
        for (String table : tables(warehouse)) {
            Path folder = warehouse.resolve(NAMESPACE).resolve(table);
            String metadata = currentMetadataFile(folder)
                    .orElseThrow(() -> new IllegalStateException("no committed metadata in " + folder));
            if (registered.contains(table)) {
                trino.execute("CALL " + CATALOG + ".system.unregister_table(schema_name => '" + schema
                        + "', table_name => '" + table + "')");
            }
            trino.execute("CALL " + CATALOG + ".system.register_table(schema_name => '" + schema
                    + "', table_name => '" + table + "', table_location => '" + folder.toUri()
                    + "', metadata_file_name => '" + metadata + "')");
        }
    }

    /** Every table's digest: its row count and Trino's {@code checksum} of a row of all its columns. */
    Map<String, Digest> digests(String schema) {
        List<String> tables = trino.execute("SELECT table_name FROM " + CATALOG + ".information_schema.tables"
                + " WHERE table_schema = '" + schema + "' ORDER BY 1").getOnlyColumn().map(String.class::cast).toList();
        Map<String, Digest> digests = new TreeMap<>();
        for (String table : tables) {
            String columns = trino.execute("SELECT column_name FROM " + CATALOG + ".information_schema.columns"
                            + " WHERE table_schema = '" + schema + "' AND table_name = '" + table + "' ORDER BY ordinal_position")
                    .getOnlyColumn().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "));
            MaterializedRow row = trino.execute("SELECT count(*), to_hex(checksum(ROW(" + columns + "))) FROM "
                    + CATALOG + "." + schema + ".\"" + table + "\"").getMaterializedRows().get(0);
            String checksum = (String) row.getField(1);
            digests.put(table, new Digest(((Number) row.getField(0)).longValue(), checksum == null ? "none" : checksum));
        }
        return digests;
    }

    @Override
    public void close() {
        trino.close();
    }
}
