package io.sesanalytics.jobs.common;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

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

    private TableWriter() {
    }

    public static void overwritePartitions(Dataset<Row> rows, Table table, String warehouse) {
        List<Column> partitions = table.partitionColumns().stream().map(name -> col(name)).toList();
        List<Column> order = new ArrayList<>(partitions);
        table.sortColumns().forEach(name -> order.add(col(name)));
        // Rows of one partition go to one task, so each partition is one file. A night's events are many
        // rows in few partitions: they are merged, without a shuffle, into one task per core instead, so
        // that every core writes and each writes one file per partition.
        Dataset<Row> distributed = SPREAD.contains(table)
                ? onePerCore(rows)
                : rows.repartition(partitions.toArray(Column[]::new));
        distributed.sortWithinPartitions(order.toArray(Column[]::new))
                .write()
                .mode(SaveMode.Overwrite)
                .option("partitionOverwriteMode", "dynamic")
                .option("compression", "snappy")
                .partitionBy(table.partitionColumns().toArray(String[]::new))
                .parquet(Locations.table(warehouse, table));
    }

    /** The rows merged, without a shuffle, into one partition per core: one writing task, one file, per core. */
    public static Dataset<Row> onePerCore(Dataset<Row> rows) {
        return rows.coalesce(rows.sparkSession().sparkContext().defaultParallelism());
    }

    /**
     * Writes the rows of one capture date. Partitions of that capture date that the rows no longer
     * reach (say, an event date that a corrected input moved) are removed after the write commits.
     */
    public static void replaceCaptureDate(SparkSession spark, Dataset<Row> rows, Table table, String warehouse,
                                          LocalDate captureDate) {
        overwritePartitions(rows, table, warehouse);
        List<String> partitions = table.partitionColumns();
        if (partitions.size() < 2) {
            return;
        }
        String outer = partitions.get(0);
        Set<String> written = new HashSet<>();
        rows.select(col(outer).cast("string")).distinct().collectAsList().forEach(r -> written.add(r.getString(0)));
        String glob = Locations.table(warehouse, table) + "/" + outer + "=*/capture_date=" + captureDate;
        for (String stale : Storage.glob(spark, glob)) {
            String value = stale.replaceAll(".*/" + outer + "=([^/]*)/capture_date=.*", "$1");
            if (!written.contains(value)) {
                Storage.delete(spark, stale);
            }
        }
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
