package io.sesanalytics.jobs.common;

import io.sesanalytics.jobs.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
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

        assertEquals(List.of("receipt_date=2026-11-19/capture_date=2026-11-21",
                "receipt_date=2026-11-20/capture_date=2026-11-20"), partitionFolders());
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

        assertEquals(List.of("receipt_date=2026-11-19/capture_date=2026-11-20",
                "receipt_date=2026-11-20/capture_date=2026-11-20"), partitionFolders());
        assertEquals(2, TableWriter.countCaptured(spark, TABLE, warehouse, CAPTURED));
    }

    @Test
    void aNightReachingMorePartitionsThanOpenFilesIsWrittenWhole() throws Exception {
        SparkSession spark = SparkTestSession.get();
        String warehouse = root.toString();
        // Merged into one task per core, each task holds rows of more partitions than it keeps files open.
        int openFiles = Integer.parseInt(spark.conf().get(SparkSessions.CONCURRENT_WRITERS));
        int cores = spark.sparkContext().defaultParallelism();
        String[] days = Stream.iterate(LocalDate.parse("2026-09-01"), d -> d.plusDays(1)).limit(cores * (openFiles + 5L))
                .map(LocalDate::toString).toArray(String[]::new);

        TableWriter.replaceCaptureDate(spark, rows(spark, CAPTURED, days), TABLE, warehouse, CAPTURED);

        assertEquals(days.length, partitionFolders().size());
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

    private List<String> partitionFolders() throws Exception {
        Path table = root.resolve(TABLE.tableName());
        try (Stream<Path> files = Files.walk(table)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".parquet"))
                    .map(p -> table.relativize(p.getParent()).toString())
                    .distinct().sorted().toList();
        }
    }
}
