package io.sesanalytics.jobs.maintain;

import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import io.sesanalytics.jobs.common.WarehouseCatalog;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compaction of the partitions written in many small files, and expiry of the snapshots before the last. */
class MaintainJobTest {
    private static final Table TABLE = Table.TOP_SENDERS;
    private static final LocalDate SMALL_FILES = LocalDate.parse("2026-11-20");
    private static final LocalDate ONE_FILE = LocalDate.parse("2026-11-21");

    @TempDir
    Path root;

    @Test
    void compactsThePartitionOfManySmallFilesAndKeepsOnlyTheLastSnapshot() {
        SparkSession spark = SparkTestSession.get();
        String warehouse = root.toString();
        TableWriter.replaceWhere(spark, ranks(spark, ONE_FILE, 5), TABLE, warehouse, col("report_date").equalTo(lit(ONE_FILE)));
        for (int write = 1; write <= 3; write++) {
            // Four tasks, each writing a file of the partition: a night re-run three times in small pieces.
            TableWriter.overwritePartitions(ranks(spark, SMALL_FILES, 8 * write).repartition(4), TABLE, warehouse);
        }
        List<String> rowsBefore = sortedJson(TableWriter.read(spark, TABLE, warehouse));
        assertEquals(4, dataFiles(spark, warehouse, SMALL_FILES).size());
        List<String> untouched = dataFiles(spark, warehouse, ONE_FILE);
        assertEquals(1, untouched.size());
        assertEquals(4, snapshots(spark, warehouse));

        List<MaintainJob.TableMaintenance> done = MaintainJob.run(spark, new MaintainJob.Config(warehouse,
                Instant.now().plus(1, ChronoUnit.DAYS), MaintainJob.DEFAULT_MIN_INPUT_FILES, 128L * 1024 * 1024));

        MaintainJob.TableMaintenance topSenders = done.stream().filter(d -> d.table() == TABLE).findFirst().orElseThrow();
        assertEquals(new MaintainJob.TableMaintenance(TABLE, true, 4, 1, 4, topSenders.filesDeleted(), 0), topSenders);
        assertTrue(topSenders.filesDeleted() >= 4, "the files of the expired snapshots are deleted: " + topSenders);
        assertEquals(1, snapshots(spark, warehouse));
        assertEquals(1, dataFiles(spark, warehouse, SMALL_FILES).size());
        assertEquals(untouched, dataFiles(spark, warehouse, ONE_FILE), "a partition of one file is left alone");
        assertEquals(rowsBefore, sortedJson(TableWriter.read(spark, TABLE, warehouse)));
        assertFalse(done.stream().filter(d -> d.table() != TABLE).anyMatch(MaintainJob.TableMaintenance::written),
                "no other table was written: " + done);
    }

    @Test
    void deletesTheFilesOfAKilledRunOnceTheyAreOldEnough() throws Exception {
        SparkSession spark = SparkTestSession.get();
        String warehouse = root.toString();
        TableWriter.overwritePartitions(ranks(spark, SMALL_FILES, 3).coalesce(1), TABLE, warehouse);
        List<String> live = dataFiles(spark, warehouse, SMALL_FILES);
        // What a run killed before its commit leaves: a data file that no snapshot names, and one just written.
        java.nio.file.Path folder = java.nio.file.Path.of(java.net.URI.create(live.get(0))).getParent();
        java.nio.file.Path killed = java.nio.file.Files.copy(java.nio.file.Path.of(java.net.URI.create(live.get(0))),
                folder.resolve("00000-9-killed-00001.parquet"));
        java.nio.file.Files.setLastModifiedTime(killed, java.nio.file.attribute.FileTime.from(
                Instant.now().minus(MaintainJob.ORPHAN_MIN_AGE).minus(1, ChronoUnit.HOURS)));
        java.nio.file.Path running = java.nio.file.Files.copy(killed, folder.resolve("00000-9-running-00001.parquet"));
        java.nio.file.Files.setLastModifiedTime(running, java.nio.file.attribute.FileTime.from(Instant.now()));

        List<MaintainJob.TableMaintenance> done = MaintainJob.run(spark, new MaintainJob.Config(warehouse,
                Instant.now().plus(1, ChronoUnit.DAYS), MaintainJob.DEFAULT_MIN_INPUT_FILES, 128L * 1024 * 1024));

        assertEquals(1, done.stream().filter(d -> d.table() == TABLE).findFirst().orElseThrow().orphanFilesDeleted());
        assertFalse(java.nio.file.Files.exists(killed), "the killed run's file is deleted");
        assertTrue(java.nio.file.Files.exists(running), "a file younger than the minimum age is kept");
        assertEquals(live, dataFiles(spark, warehouse, SMALL_FILES));
    }

    @Test
    void keepsTheSnapshotsYoungerThanTheCutOff() {
        SparkSession spark = SparkTestSession.get();
        String warehouse = root.toString();
        for (int write = 1; write <= 2; write++) {
            TableWriter.overwritePartitions(ranks(spark, SMALL_FILES, 3).coalesce(1), TABLE, warehouse);
        }

        MaintainJob.run(spark, new MaintainJob.Config(warehouse, Instant.now().minus(7, ChronoUnit.DAYS),
                MaintainJob.DEFAULT_MIN_INPUT_FILES, 128L * 1024 * 1024));

        assertEquals(2, snapshots(spark, warehouse));
    }

    /** {@code count} ranked senders of a report date. */
    private static Dataset<Row> ranks(SparkSession spark, LocalDate reportDate, int count) {
        List<Row> rows = new ArrayList<>();
        for (int rank = 1; rank <= count; rank++) {
            rows.add(RowFactory.create("sent", 1, rank, "sender" + rank + "@example.com", (long) (1000 - rank), reportDate));
        }
        return spark.createDataFrame(rows, TABLE.schema());
    }

    private static List<String> dataFiles(SparkSession spark, String warehouse, LocalDate reportDate) {
        return spark.table(WarehouseCatalog.tableName(spark, warehouse, TABLE) + ".`files`")
                .filter(col("partition.report_date").equalTo(lit(reportDate)))
                .select("file_path").orderBy("file_path").collectAsList().stream().map(r -> r.getString(0)).toList();
    }

    private static long snapshots(SparkSession spark, String warehouse) {
        return spark.table(WarehouseCatalog.tableName(spark, warehouse, TABLE) + ".`snapshots`").count();
    }

    private static List<String> sortedJson(Dataset<Row> rows) {
        List<String> json = new ArrayList<>(rows.toJSON().collectAsList());
        json.sort(Comparator.naturalOrder());
        return json;
    }
}
