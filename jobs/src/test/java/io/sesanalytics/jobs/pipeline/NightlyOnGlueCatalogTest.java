package io.sesanalytics.jobs.pipeline;

import io.sesanalytics.capture.LocalS3;
import io.sesanalytics.jobs.MotoServer;
import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.common.CatalogMode;
import io.sesanalytics.jobs.common.Storage;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import io.sesanalytics.jobs.common.WarehouseCatalog;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nightly pipeline with its tables in a Glue catalog, the real AWS SDK v2 against moto's Glue, the warehouse
 * on a local S3 server through S3A: every table with rows is an Iceberg table in Glue whose metadata file exists,
 * the tables read through Glue hold what a local-catalog run of the same captures holds, and a re-run is a new
 * commit that keeps the previous metadata's location.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyOnGlueCatalogTest {
    private static final String DATABASE = "ses_glue_test";
    /** A bucket of its own: S3A caches a file system per bucket, with the endpoint it was first given. */
    private static final String BUCKET = "glue-warehouse";
    private static final String WAREHOUSE = "s3a://" + BUCKET + "/warehouse";
    private static final List<LocalDate> NIGHTS = List.of(LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-21"));
    /** The AWS SDK v2 default chain reads these; S3A is given its own credentials. */
    private static final Map<String, String> AWS_PROPERTIES = Map.of(
            "aws.accessKeyId", "moto-access", "aws.secretAccessKey", "moto-secret", "aws.region", "us-east-1");
    private static final Map<String, String> SAVED_PROPERTIES = new HashMap<>();

    private static MotoServer moto;
    private static LocalS3 s3;
    private static GlueClient glue;
    private static Path localWarehouse;
    private static final Map<Table, Long> LOCAL_ROWS = new EnumMap<>(Table.class);

    @BeforeAll
    static void runTheNightsThroughGlueAndLocally() throws Exception {
        AWS_PROPERTIES.forEach((key, value) -> {
            SAVED_PROPERTIES.put(key, System.getProperty(key));
            System.setProperty(key, value);
        });
        moto = MotoServer.start();
        s3 = LocalS3.start();
        s3.createBucket(BUCKET);
        Configuration hadoop = SparkTestSession.get().sparkContext().hadoopConfiguration();
        hadoop.set("fs.s3a.endpoint", s3.endpoint().toString());
        hadoop.set("fs.s3a.path.style.access", "true");
        hadoop.set("fs.s3a.connection.ssl.enabled", "false");
        hadoop.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        hadoop.set("fs.s3a.access.key", LocalS3.ACCESS_KEY);
        hadoop.set("fs.s3a.secret.key", LocalS3.SECRET_KEY);
        hadoop.set("fs.s3a.endpoint.region", "us-east-1");
        glue = GlueClient.builder()
                .endpointOverride(moto.endpoint())
                .region(Region.US_EAST_1)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();

        SparkSession spark = SparkTestSession.get();
        String raw = Path.of("../sample/raw").toAbsolutePath().normalize().toString();
        NightlyPipeline.run(spark, onGlue(raw, NIGHTS), StepTimings.sinceJvmStart(), NightlyPipeline.Progress.NONE);

        localWarehouse = Files.createTempDirectory("glue-test-local-warehouse");
        NightlyPipeline.run(spark, NightlyPipeline.Config.defaults(raw, localWarehouse.toString(), NIGHTS),
                StepTimings.sinceJvmStart(), NightlyPipeline.Progress.NONE);
        for (Table table : Table.values()) {
            LOCAL_ROWS.put(table, TableWriter.read(spark, table, localWarehouse.toString()).count());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (glue != null) {
                glue.close();
            }
            if (s3 != null) {
                s3.close();
            }
        } finally {
            if (moto != null) {
                moto.close();
            }
            SAVED_PROPERTIES.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
            deleteTree(localWarehouse);
        }
    }

    private static NightlyPipeline.Config onGlue(String raw, List<LocalDate> nights) {
        NightlyPipeline.Config defaults = NightlyPipeline.Config.defaults(raw, WAREHOUSE, nights);
        return new NightlyPipeline.Config(defaults.dates(), defaults.normalize(), defaults.aggregate(),
                defaults.suppress(), new WarehouseCatalog(CatalogMode.GLUE, DATABASE, "us-east-1", moto.endpoint()));
    }

    @Test
    @Order(1)
    void everyTableWithRowsIsAnIcebergTableInGlue() {
        SparkSession spark = SparkTestSession.get();
        assertEquals(DATABASE, glue.getDatabase(b -> b.name(DATABASE)).database().name());
        List<Table> withRows = LOCAL_ROWS.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
        assertTrue(withRows.containsAll(List.of(Table.EVENTS, Table.RECEIVED, Table.SUPPRESSION, Table.RECORD_KEYS)),
                "the sample's nights fill the main tables: " + LOCAL_ROWS);
        for (Table table : withRows) {
            Map<String, String> parameters = glue.getTable(b -> b.databaseName(DATABASE).name(table.tableName()))
                    .table().parameters();
            assertEquals("ICEBERG", parameters.get("table_type").toUpperCase(), table + ": " + parameters);
            String metadata = parameters.get("metadata_location");
            assertNotNull(metadata, table + " has no metadata_location: " + parameters);
            assertTrue(metadata.startsWith(WAREHOUSE + "/"), table + ": " + metadata);
            assertTrue(Storage.exists(spark, metadata), table + ": " + metadata + " does not exist");
        }
    }

    @Test
    @Order(2)
    void theTablesReadThroughGlueHoldWhatTheLocalCatalogHolds() {
        SparkSession spark = SparkTestSession.get();
        for (Table table : Table.values()) {
            List<String> local = sortedJson(TableWriter.read(spark, table, localWarehouse.toString()));
            List<String> onGlue = sortedJson(TableWriter.read(spark, table, WAREHOUSE));
            assertEquals(LOCAL_ROWS.get(table).intValue(), local.size(), table.tableName());
            assertEquals(local, onGlue, table.tableName() + " differs between the Glue and the local catalog");
        }
    }

    @Test
    @Order(3)
    void aReRunOfANightIsANewCommitThatKeepsThePreviousMetadataLocation() {
        SparkSession spark = SparkTestSession.get();
        Map<Table, String> before = metadataLocations();
        String raw = Path.of("../sample/raw").toAbsolutePath().normalize().toString();
        NightlyPipeline.run(spark, onGlue(raw, List.of(NIGHTS.get(1))), StepTimings.sinceJvmStart(), NightlyPipeline.Progress.NONE);

        Map<Table, String> after = metadataLocations();
        // Aggregate and suppress write their tables every night; normalize skips captures it already normalized.
        for (Table table : List.of(Table.DOMAIN_DAILY_STATS, Table.TOP_SENDERS, Table.SUPPRESSION)) {
            assertNotEquals(before.get(table), after.get(table), table + " was not committed again");
        }
        for (Table table : before.keySet()) {
            if (!before.get(table).equals(after.get(table))) {
                Map<String, String> parameters = glue.getTable(b -> b.databaseName(DATABASE).name(table.tableName()))
                        .table().parameters();
                assertEquals(before.get(table), parameters.get("previous_metadata_location"), table.tableName());
                assertTrue(Storage.exists(spark, after.get(table)), after.get(table));
                assertTrue(Storage.exists(spark, before.get(table)), "the previous metadata stays: " + before.get(table));
            }
            assertEquals(sortedJson(TableWriter.read(spark, table, localWarehouse.toString())),
                    sortedJson(TableWriter.read(spark, table, WAREHOUSE)), table + " after the re-run");
        }
    }

    private static Map<Table, String> metadataLocations() {
        Map<Table, String> locations = new EnumMap<>(Table.class);
        for (Table table : Table.values()) {
            if (LOCAL_ROWS.get(table) > 0) {
                locations.put(table, glue.getTable(b -> b.databaseName(DATABASE).name(table.tableName()))
                        .table().parameters().get("metadata_location"));
            }
        }
        assertFalse(locations.isEmpty());
        return locations;
    }

    private static List<String> sortedJson(Dataset<Row> rows) {
        List<String> json = new ArrayList<>(rows.toJSON().collectAsList());
        json.sort(Comparator.naturalOrder());
        return json;
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
