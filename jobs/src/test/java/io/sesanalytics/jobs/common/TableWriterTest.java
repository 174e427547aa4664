package io.sesanalytics.jobs.common;

import io.sesanalytics.jobs.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Replacing one capture date's rows of a table partitioned by a day and the capture date. */
class TableWriterTest {
    private static final LocalDate CAPTURED = LocalDate.parse("2026-11-20");
    private static final LocalDate OTHER_CAPTURE = LocalDate.parse("2026-11-21");
    private static final Table TABLE = Table.RECEIVED_DESTINATIONS;

    @TempDir
    Path root;

    @Test
    void aReRunRemovesThePartitionsOfItsCaptureDateThatItNoLongerReaches() throws Exception {
        SparkSession spark = SparkTestSession.get();
        String warehouse = root.toString();
        TableWriter.replaceCaptureDate(spark, rows(spark, CAPTURED, "2026-11-18", "2026-11-19", "2026-11-20"),
                TABLE, warehouse, CAPTURED);
        TableWriter.replaceCaptureDate(spark, rows(spark, OTHER_CAPTURE, "2026-11-19"), TABLE, warehouse, OTHER_CAPTURE);

        // The corrected captures of the date no longer hold mail received on the 18th and 19th.
        TableWriter.replaceCaptureDate(spark, rows(spark, CAPTURED, "2026-11-20"), TABLE, warehouse, CAPTURED);

        assertEquals(List.of("2026-11-19 captured 2026-11-21", "2026-11-20 captured 2026-11-20"), partitions(spark));
        assertEquals(List.of("2026-11-19 captured 2026-11-21", "2026-11-20 captured 2026-11-20"),
                TableWriter.read(spark, TABLE, warehouse).orderBy("receipt_date").collectAsList().stream()
                        .map(r -> r.getAs("receipt_date") + " captured " + r.getAs("capture_date")).toList());
    }

    @Test
    void aReRunReachingTheSamePartitionsKeepsThemAll() throws Exception {
        SparkSession spark = SparkTestSession.get();
        String warehouse = root.toString();
        TableWriter.replaceCaptureDate(spark, rows(spark, CAPTURED, "2026-11-19", "2026-11-20"), TABLE, warehouse, CAPTURED);
        TableWriter.replaceCaptureDate(spark, rows(spark, CAPTURED, "2026-11-19", "2026-11-20"), TABLE, warehouse, CAPTURED);

        assertEquals(List.of("2026-11-19 captured 2026-11-20", "2026-11-20 captured 2026-11-20"), partitions(spark));
        assertEquals(2, TableWriter.countCaptured(spark, TABLE, warehouse, CAPTURED));
    }

    @Test
    void aNightReachingManyPartitionsInEveryTaskIsWrittenWhole() throws Exception {
        SparkSession spark = SparkTestSession.get();
        String warehouse = root.toString();
        // Merged into one task per core, unsorted: each task holds rows of many partitions, in no order.
        String[] days = Stream.iterate(LocalDate.parse("2026-09-01"), d -> d.plusDays(1)).limit(45)
                .map(LocalDate::toString).toArray(String[]::new);

        TableWriter.replaceCaptureDate(spark, rows(spark, CAPTURED, days).repartition(3), TABLE, warehouse, CAPTURED);

        assertEquals(days.length, partitions(spark).size());
        assertEquals(days.length, TableWriter.countCaptured(spark, TABLE, warehouse, CAPTURED));
        assertEquals(List.of(days), TableWriter.read(spark, TABLE, warehouse).orderBy("receipt_date").collectAsList()
                .stream().map(r -> r.getAs("receipt_date").toString()).toList());
    }

    private Dataset<Row> rows(SparkSession spark, LocalDate captureDate, String... receiptDates) {
        List<Row> rows = Stream.of(receiptDates).map(day -> new RowBuilder(TABLE.schema())
                .set("message_id", "m-" + day)
                .set("receipt_time", Instant.parse(day + "T10:00:00Z"))
                .set("receipt_date", LocalDate.parse(day))
                .set("source_address", "a@example.com")
                .set("source_domain", "example.com")
                .set("destination", "inbox@example.org")
                .set("destination_domain", "example.org")
                .set("capture_date", captureDate)
                .build()).toList();
        return spark.createDataFrame(rows, TABLE.schema());
    }

    @Test
    void everyWriteIsOneSnapshotNamingTheRunAndARollBackRestoresTheOneBefore() {
        SparkSession spark = SparkTestSession.get();
        String warehouse = root.toString();
        spark.conf().set(SparkSessions.RUN_ID, "run-1");
        try {
            TableWriter.replaceCaptureDate(spark, rows(spark, CAPTURED, "2026-11-19", "2026-11-20"), TABLE, warehouse, CAPTURED);
            TableSnapshots before = TableSnapshots.of(spark, warehouse);
            spark.conf().set(SparkSessions.RUN_ID, "run-2");
            TableWriter.replaceCaptureDate(spark, rows(spark, CAPTURED, "2026-11-20"), TABLE, warehouse, CAPTURED);

            List<Row> snapshots = spark.sql("SELECT operation, summary['" + TableWriter.RUN_ID_PROPERTY + "'] FROM "
                    + WarehouseCatalog.tableName(spark, warehouse, TABLE) + ".snapshots ORDER BY committed_at").collectAsList();
            assertEquals(List.of("overwrite run-1", "overwrite run-2"),
                    snapshots.stream().map(r -> r.getString(0) + " " + r.getString(1)).toList());
            assertEquals(List.of(TABLE.tableName()), List.copyOf(TableSnapshots.of(spark, warehouse).madeSince(before).keySet()));

            assertEquals(List.of(TABLE.tableName()), List.copyOf(before.rollBack(spark, warehouse).keySet()));
            assertEquals(List.of("2026-11-19 captured 2026-11-20", "2026-11-20 captured 2026-11-20"), partitions(spark));
            assertEquals(2, TableWriter.countCaptured(spark, TABLE, warehouse, CAPTURED));
        } finally {
            spark.conf().unset(SparkSessions.RUN_ID);
        }
    }

    @Test
    void aColumnANewerReleaseDefinesIsAddedToATableAnOlderOneCreated() {
        SparkSession spark = SparkTestSession.get();
        String warehouse = root.toString();
        String name = WarehouseCatalog.tableName(spark, warehouse, TABLE);
        spark.sql("CREATE TABLE " + name + " (message_id STRING, receipt_date DATE, capture_date DATE) USING iceberg"
                + " PARTITIONED BY (receipt_date, capture_date)");
        spark.sql("INSERT INTO " + name + " VALUES ('m-old', DATE '2026-11-19', DATE '2026-11-19')");

        TableWriter.replaceCaptureDate(spark, rows(spark, CAPTURED, "2026-11-20"), TABLE, warehouse, CAPTURED);

        assertEquals(List.of(TABLE.schema().fieldNames()).stream().sorted().toList(),
                List.of(spark.table(name).schema().fieldNames()).stream().sorted().toList());
        assertEquals(List.of("m-2026-11-20 inbox@example.org", "m-old null"),
                TableWriter.read(spark, TABLE, warehouse).orderBy("message_id").collectAsList().stream()
                        .map(r -> r.getAs("message_id") + " " + r.getAs("destination")).toList());
    }

    private List<String> partitions(SparkSession spark) {
        return TableWriter.partitions(spark, TABLE, root.toString()).stream()
                .map(r -> r.get(0) + " captured " + r.get(1)).toList();
    }
}
