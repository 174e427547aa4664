package io.sesanalytics.jobs.common;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Writes tables as partitioned Parquet, replacing only the partitions present in the data (dynamic
 * partition overwrite). Spark stages the files and swaps partitions at commit, so a failed run leaves
 * the partitions of the last good run in place.
 */
public final class TableWriter {
    /** Tables whose daily partitions hold most of a night's rows. */
    private static final Set<Table> SPREAD = EnumSet.of(Table.EVENTS, Table.RECEIVED, Table.RECEIVED_DESTINATIONS);
    /**
     * Tables written from results the jobs keep (persisted) and that are small beside the events: one task
     * writes them, without a shuffle, and so one file per partition.
     */
    private static final Set<Table> KEPT = EnumSet.of(Table.SENDER_DAILY_STATS, Table.DOMAIN_DAILY_STATS,
            Table.CONFIGURATION_SET_DAILY_STATS, Table.MAILBOX_PROVIDER_DAILY_STATS, Table.TOP_SENDERS,
            Table.TOP_SENDER_DOMAINS, Table.TOP_DESTINATIONS, Table.SUPPRESSION, Table.SUPPRESSION_HISTORY);

    private TableWriter() {
    }

    public static void overwritePartitions(Dataset<Row> rows, Table table, String warehouse) {
        Distribution distribution = SPREAD.contains(table) ? Distribution.ONE_TASK_PER_CORE
                : KEPT.contains(table) ? Distribution.ONE_TASK : Distribution.ONE_TASK_PER_PARTITION;
        overwritePartitions(rows, table.partitionColumns(), table.sortColumns(), distribution,
                Locations.table(warehouse, table));
    }

    /** How rows are spread over the writing tasks. */
    public enum Distribution {
        /**
         * Rows that are many in few partitions, as a night's events are: merged, without a shuffle, into one
         * task per core, so that every core writes and each writes one file per partition.
         */
        ONE_TASK_PER_CORE,
        /** Rows of one partition go to one task, so each partition is one file. */
        ONE_TASK_PER_PARTITION,
        /**
         * All rows in one task, without a shuffle: for few rows already computed, as a shuffle would cost a
         * Spark job of its own. Upstream work since the last shuffle runs in that one task too.
         */
        ONE_TASK
    }

    /**
     * Writes rows as Parquet partitioned by the given columns at a location, replacing the partitions present
     * in the rows, each file sorted by the sort columns.
     */
    public static void overwritePartitions(Dataset<Row> rows, List<String> partitionColumns, List<String> sortColumns,
                                           Distribution distribution, String location) {
        List<Column> partitions = partitionColumns.stream().map(name -> col(name)).toList();
        boolean spread = distribution == Distribution.ONE_TASK_PER_CORE;
        Dataset<Row> distributed = switch (distribution) {
            case ONE_TASK_PER_CORE -> onePerCore(rows);
            case ONE_TASK_PER_PARTITION -> rows.repartition(partitions.toArray(Column[]::new));
            case ONE_TASK -> rows.coalesce(1);
        };
        // With concurrent writers each task keeps a file open per partition, so its rows need no sort by
        // partition first. Such a sort compares whole rows, since every row of a night has nearly the same
        // partition values; a sort by the sort columns alone compares their first bytes.
        List<Column> order = new ArrayList<>(spread && concurrentWriters(rows.sparkSession()) ? List.of() : partitions);
        sortColumns.forEach(name -> order.add(col(name)));
        (order.isEmpty() ? distributed : distributed.sortWithinPartitions(order.toArray(Column[]::new)))
                .write()
                .mode(SaveMode.Overwrite)
                .option("partitionOverwriteMode", "dynamic")
                .option("compression", "snappy")
                .partitionBy(partitionColumns.toArray(String[]::new))
                .parquet(location);
    }

    private static boolean concurrentWriters(SparkSession spark) {
        return Integer.parseInt(spark.conf().get(SparkSessions.CONCURRENT_WRITERS, "0")) > 0;
    }

    /** The rows merged, without a shuffle, into one partition per core: one writing task, one file, per core. */
    private static Dataset<Row> onePerCore(Dataset<Row> rows) {
        return rows.coalesce(rows.sparkSession().sparkContext().defaultParallelism());
    }

    /**
     * Writes the rows of one capture date: every partition of that capture date is replaced, and one the rows
     * no longer reach (an event date that a corrected input moved, or all of them when the rows are none) is
     * removed. See {@link #replace}.
     */
    public static void replaceCaptureDate(SparkSession spark, Dataset<Row> rows, Table table, String warehouse,
                                          LocalDate captureDate) {
        List<String> partitions = table.partitionColumns();
        String folders = (partitions.size() < 2 ? "" : partitions.get(0) + "=*/") + "capture_date=" + captureDate;
        replace(spark, rows, table, warehouse, folders);
    }

    /**
     * Writes rows that replace whole partitions: those the rows reach, and those matched by {@code folders}
     * (a glob below the table, such as {@code stat_date={2026-11-20,2026-11-21}}) that they no longer reach,
     * which are removed after the write commits. The write replaces the files of every partition it reaches,
     * so a matched partition whose files are the same before and after it was not reached; comparing listings
     * spares a second pass over the rows.
     */
    public static void replace(SparkSession spark, Dataset<Row> rows, Table table, String warehouse, String folders) {
        replace(spark, Locations.table(warehouse, table) + "/" + folders, () -> overwritePartitions(rows, table, warehouse));
    }

    /** {@link #replace} for a location that is not one of the tables. */
    public static void replace(SparkSession spark, String folders, Runnable write) {
        Map<String, Set<String>> before = filesByFolder(spark, folders + "/part-*");
        write.run();
        filesByFolder(spark, folders + "/part-*").forEach((folder, after) -> {
            if (after.equals(before.get(folder))) {
                Storage.delete(spark, folder);
            }
        });
    }

    private static Map<String, Set<String>> filesByFolder(SparkSession spark, String glob) {
        Map<String, Set<String>> folders = new HashMap<>();
        for (String file : Storage.glob(spark, glob)) {
            int slash = file.lastIndexOf('/');
            folders.computeIfAbsent(file.substring(0, slash), f -> new HashSet<>()).add(file.substring(slash + 1));
        }
        return folders;
    }

    /** Rows of a table whose capture_date is the given date, as read back from storage. */
    public static long countCaptured(SparkSession spark, Table table, String warehouse, LocalDate captureDate) {
        return read(spark, table, warehouse).filter(col("capture_date").equalTo(lit(captureDate))).count();
    }

    /** A table as written, with its declared schema, or an empty one if it has never been written. */
    public static Dataset<Row> read(SparkSession spark, Table table, String warehouse) {
        String path = Locations.table(warehouse, table);
        if (!Storage.exists(spark, path)) {
            return spark.createDataFrame(List.of(), table.schema());
        }
        return spark.read().schema(table.schema()).parquet(path);
    }
}
