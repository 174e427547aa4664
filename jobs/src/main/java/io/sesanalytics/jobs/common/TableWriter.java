package io.sesanalytics.jobs.common;

import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriterV2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Reads and writes the tables as Apache Iceberg tables (format version 2, Parquet files). Every write is one
 * Iceberg commit that replaces exactly the rows matching a condition on partition columns: readers see the
 * table before it or after it, never a part, and a run killed before the commit leaves no trace in the table.
 */
public final class TableWriter {
    /** The snapshot summary property that names the run which made a snapshot. */
    public static final String RUN_ID_PROPERTY = "ses-analytics.run-id";
    /** Tables whose daily partitions hold most of a night's rows. */
    private static final Set<Table> SPREAD = EnumSet.of(Table.EVENTS, Table.RECEIVED, Table.RECEIVED_DESTINATIONS,
            Table.RECORD_KEYS);
    /**
     * Tables written from results the jobs keep (persisted) and that are small beside the events: one task
     * writes them, without a shuffle, and so one file per partition.
     */
    private static final Set<Table> KEPT = EnumSet.of(Table.SENDER_DAILY_STATS, Table.DOMAIN_DAILY_STATS,
            Table.CONFIGURATION_SET_DAILY_STATS, Table.MAILBOX_PROVIDER_DAILY_STATS, Table.TOP_SENDERS,
            Table.TOP_SENDER_DOMAINS, Table.TOP_DESTINATIONS, Table.SUPPRESSION, Table.SUPPRESSION_HISTORY);

    private static final Comparator<LocalDate> DATES = Comparator.nullsFirst(Comparator.naturalOrder());

    private TableWriter() {
    }

    /** How rows are spread over the writing tasks. */
    enum Distribution {
        /**
         * Rows that are many in few partitions, as a night's events are: merged, without a shuffle, into one
         * task per core, so that every core writes and each writes one file per partition (a file open per
         * partition, so the rows need no sort by partition).
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

    /** Writes the rows of one capture date, replacing every row of that capture date in one commit. */
    public static void replaceCaptureDate(SparkSession spark, Dataset<Row> rows, Table table, String warehouse,
                                          LocalDate captureDate) {
        replaceWhere(spark, rows, table, warehouse, col("capture_date").equalTo(lit(captureDate)));
    }

    /**
     * Writes rows in one commit that removes every row matching the condition, which must be on partition
     * columns and hold for every row written. With no rows, the matching rows are removed.
     */
    public static void replaceWhere(SparkSession spark, Dataset<Row> rows, Table table, String warehouse,
                                    Column condition) {
        String name = create(spark, table, warehouse);
        Distribution distribution = SPREAD.contains(table) ? Distribution.ONE_TASK_PER_CORE
                : KEPT.contains(table) ? Distribution.ONE_TASK : Distribution.ONE_TASK_PER_PARTITION;
        List<Column> partitions = table.partitionColumns().stream().map(c -> col(c)).toList();
        Dataset<Row> distributed = switch (distribution) {
            case ONE_TASK_PER_CORE -> rows.coalesce(spark.sparkContext().defaultParallelism());
            case ONE_TASK_PER_PARTITION -> rows.repartition(partitions.toArray(Column[]::new));
            case ONE_TASK -> rows.coalesce(1);
        };
        // Sorted so that a re-run writes the same rows in the same order into the same partitions.
        List<Column> order = new ArrayList<>(distribution == Distribution.ONE_TASK_PER_CORE ? List.of() : partitions);
        table.sortColumns().forEach(c -> order.add(col(c)));
        Dataset<Row> sorted = order.isEmpty() ? distributed : distributed.sortWithinPartitions(order.toArray(Column[]::new));
        DataFrameWriterV2<Row> writer = withRunId(spark, sorted
                .select(Arrays.stream(table.schema().fieldNames()).map(c -> col(c)).toArray(Column[]::new))
                .writeTo(name)
                .option("fanout-enabled", String.valueOf(distribution == Distribution.ONE_TASK_PER_CORE)));
        try {
            writer.overwrite(condition);
        } catch (NoSuchTableException e) {
            throw new IllegalStateException(name + " vanished while it was written", e);
        }
    }

    /** Writes rows in one commit that replaces the partitions they reach (and only those). */
    public static void overwritePartitions(Dataset<Row> rows, Table table, String warehouse) {
        SparkSession spark = rows.sparkSession();
        String name = create(spark, table, warehouse);
        try {
            withRunId(spark, rows.select(Arrays.stream(table.schema().fieldNames()).map(c -> col(c)).toArray(Column[]::new))
                    .sortWithinPartitions(table.partitionColumns().stream().map(c -> col(c)).toArray(Column[]::new))
                    .writeTo(name)).overwritePartitions();
        } catch (NoSuchTableException e) {
            throw new IllegalStateException(name + " vanished while it was written", e);
        }
    }

    private static DataFrameWriterV2<Row> withRunId(SparkSession spark, DataFrameWriterV2<Row> writer) {
        String runId = spark.conf().get(SparkSessions.RUN_ID, null);
        return runId == null ? writer : writer.option("snapshot-property." + RUN_ID_PROPERTY, runId);
    }

    /** Creates the table if it does not exist; returns its quoted name. */
    public static String create(SparkSession spark, Table table, String warehouse) {
        String name = WarehouseCatalog.tableName(spark, warehouse, table);
        String columns = Arrays.stream(table.schema().fields()).map(TableWriter::column).collect(Collectors.joining(", "));
        String partitions = table.partitionColumns().stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "));
        spark.sql("CREATE TABLE IF NOT EXISTS " + name + " (" + columns + ") USING iceberg"
                + " PARTITIONED BY (" + partitions + ")"
                + " COMMENT '" + quote(table.description()) + "'"
                + " TBLPROPERTIES ('format-version'='2', 'write.format.default'='parquet',"
                + " 'write.parquet.compression-codec'='snappy', 'write.distribution-mode'='none')");
        addMissingColumns(spark, table, name);
        return name;
    }

    /**
     * Adds the columns a newer release defines to a table an older one created: an Iceberg schema change is
     * one metadata commit, and the rows written before read the new column as null.
     */
    private static void addMissingColumns(SparkSession spark, Table table, String name) {
        Set<String> present = Set.of(spark.table(name).schema().fieldNames());
        for (StructField field : table.schema().fields()) {
            if (!present.contains(field.name())) {
                spark.sql("ALTER TABLE " + name + " ADD COLUMN " + column(field));
            }
        }
    }

    private static String column(StructField field) {
        String comment = field.getComment().isDefined() ? " COMMENT '" + quote(field.getComment().get()) + "'" : "";
        return "`" + field.name() + "` " + field.dataType().sql() + comment;
    }

    private static String quote(String text) {
        return text.replace("\\", "\\\\").replace("'", "\\'");
    }

    public static boolean exists(SparkSession spark, Table table, String warehouse) {
        return spark.catalog().tableExists(WarehouseCatalog.tableName(spark, warehouse, table).replace("`", ""));
    }

    /** Rows of a table whose capture_date is the given date. */
    public static long countCaptured(SparkSession spark, Table table, String warehouse, LocalDate captureDate) {
        return read(spark, table, warehouse).filter(col("capture_date").equalTo(lit(captureDate))).count();
    }

    /** A table's current rows, with its declared schema, or none if it has never been written. */
    public static Dataset<Row> read(SparkSession spark, Table table, String warehouse) {
        if (!exists(spark, table, warehouse)) {
            return spark.createDataFrame(List.of(), table.schema());
        }
        return spark.table(WarehouseCatalog.tableName(spark, warehouse, table))
                .select(Arrays.stream(table.schema().fieldNames()).map(c -> col(c)).toArray(Column[]::new));
    }

    /**
     * The partitions that hold rows now, one row of partition values each (dates, in the order of
     * {@link Table#partitionColumns()}), sorted and distinct; none if the table has never been written. Iceberg
     * reads them from the manifests of the current snapshot: no data file is opened, and no Spark job runs, which
     * for these few rows would cost more than the scan itself.
     */
    public static List<Row> partitions(SparkSession spark, Table table, String warehouse) {
        if (!exists(spark, table, warehouse)) {
            return List.of();
        }
        org.apache.iceberg.Table iceberg = TableSnapshots.load(spark, warehouse, table);
        StructType schema = table.partitionSchema();
        TreeMap<List<LocalDate>, Row> partitions = new TreeMap<>(TableWriter::compareDates);
        try (CloseableIterable<FileScanTask> files = iceberg.newScan().planFiles()) {
            for (FileScanTask file : files) {
                if (file.file().recordCount() > 0) {
                    List<LocalDate> values = partitionValues(file, table);
                    partitions.computeIfAbsent(values, v -> new GenericRowWithSchema(v.toArray(), schema));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files of " + table.tableName(), e);
        }
        return List.copyOf(partitions.values());
    }

    /** A file's partition values, in the table's partition column order; Iceberg holds a date as its epoch day. */
    private static List<LocalDate> partitionValues(FileScanTask file, Table table) {
        List<String> fields = file.spec().fields().stream().map(PartitionField::name).toList();
        List<LocalDate> values = new ArrayList<>();
        for (String column : table.partitionColumns()) {
            int position = fields.indexOf(column);
            if (position < 0) {
                throw new IllegalStateException(table.tableName() + " is not partitioned by " + column);
            }
            Integer day = file.file().partition().get(position, Integer.class);
            values.add(day == null ? null : LocalDate.ofEpochDay(day));
        }
        return values;
    }

    private static int compareDates(List<LocalDate> a, List<LocalDate> b) {
        for (int i = 0; i < a.size(); i++) {
            int order = DATES.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** The distinct dates of a table's date partition column that hold rows, in order. */
    public static List<LocalDate> partitionDates(SparkSession spark, Table table, String warehouse, String column) {
        int position = table.partitionColumns().indexOf(column);
        if (position < 0) {
            throw new IllegalArgumentException(table.tableName() + " is not partitioned by " + column);
        }
        return partitions(spark, table, warehouse).stream().map(row -> row.<LocalDate>getAs(position))
                .filter(Objects::nonNull).distinct().sorted().toList();
    }
}
