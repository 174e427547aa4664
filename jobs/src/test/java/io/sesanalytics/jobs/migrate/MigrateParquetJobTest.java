package io.sesanalytics.jobs.migrate;

import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import io.sesanalytics.jobs.pipeline.NightlyPipeline;
import io.sesanalytics.jobs.pipeline.StepTimings;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A warehouse as the releases before the Iceberg tables wrote it (plain Parquet, partitioned in folders, the
 * record keys under _normalize/) becomes the same rows in the Iceberg tables.
 */
class MigrateParquetJobTest {
    private static final List<LocalDate> NIGHTS = List.of(LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-21"));

    @TempDir
    Path root;

    @Test
    void everyParquetFolderBecomesItsIcebergTableAndStaysInPlace() throws IOException {
        SparkSession spark = SparkTestSession.get();
        String raw = Path.of("../sample/raw").toAbsolutePath().normalize().toString();
        String expected = root.resolve("iceberg").toString();
        NightlyPipeline.run(spark, NightlyPipeline.Config.defaults(raw, expected, NIGHTS), StepTimings.sinceJvmStart(),
                NightlyPipeline.Progress.NONE);
        Path parquet = root.resolve("parquet");
        for (Table table : Table.values()) {
            writeAsThePreviousReleaseDid(TableWriter.read(spark, table, expected), table, parquet);
        }
        long parquetFiles = parquetFiles(parquet);

        List<MigrateParquetJob.Migrated> migrated = MigrateParquetJob.run(spark,
                new MigrateParquetJob.Config(parquet.toString(), false));

        assertEquals(List.of(Table.values()), migrated.stream().map(MigrateParquetJob.Migrated::table).toList());
        for (MigrateParquetJob.Migrated table : migrated) {
            List<String> rows = sortedJson(TableWriter.read(spark, table.table(), expected));
            assertEquals(rows.size(), table.rows(), table.table().tableName());
            assertEquals(rows, sortedJson(TableWriter.read(spark, table.table(), parquet.toString())),
                    table.table().tableName() + " differs after the migration");
        }
        assertTrue(migrated.stream().filter(m -> m.table() == Table.EVENTS).allMatch(m -> m.rows() > 0));
        assertEquals(parquetFiles, parquetFiles(parquet), "the Parquet folders are left as they were");

        MigrateParquetJob.Refused refused = assertThrows(MigrateParquetJob.Refused.class,
                () -> MigrateParquetJob.run(spark, new MigrateParquetJob.Config(parquet.toString(), false)));
        assertTrue(refused.getMessage().contains("--replace"), refused.getMessage());

        MigrateParquetJob.run(spark, new MigrateParquetJob.Config(parquet.toString(), true));
        for (Table table : Table.values()) {
            assertEquals(sortedJson(TableWriter.read(spark, table, expected)),
                    sortedJson(TableWriter.read(spark, table, parquet.toString())), table.tableName() + " after --replace");
        }
    }

    @Test
    void aWarehouseWithoutParquetFoldersIsRefused() {
        SparkSession spark = SparkTestSession.get();
        MigrateParquetJob.Refused refused = assertThrows(MigrateParquetJob.Refused.class,
                () -> MigrateParquetJob.run(spark, new MigrateParquetJob.Config(root.resolve("empty").toString(), false)));
        assertTrue(refused.getMessage().startsWith("no Parquet table folder under "), refused.getMessage());
    }

    /**
     * The previous release's writer (TableWriter before the Iceberg tables): dynamic partition overwrite of
     * snappy Parquet, partitioned by the table's partition columns, under {@code <warehouse>/<table>}, the record
     * keys under {@code <warehouse>/_normalize/record_keys}.
     */
    private static void writeAsThePreviousReleaseDid(Dataset<Row> rows, Table table, Path warehouse) {
        Path folder = table == Table.RECORD_KEYS ? warehouse.resolve("_normalize/record_keys")
                : warehouse.resolve(table.tableName());
        rows.write()
                .mode(SaveMode.Overwrite)
                .option("partitionOverwriteMode", "dynamic")
                .option("compression", "snappy")
                .partitionBy(table.partitionColumns().toArray(String[]::new))
                .parquet(folder.toString());
    }

    private static long parquetFiles(Path warehouse) throws IOException {
        try (Stream<Path> files = Files.walk(warehouse)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".parquet"))
                    .filter(p -> !p.toString().contains("/ses_analytics/")).count();
        }
    }

    private static List<String> sortedJson(Dataset<Row> rows) {
        List<String> json = new ArrayList<>(rows.toJSON().collectAsList());
        json.sort(Comparator.naturalOrder());
        return json;
    }
}
