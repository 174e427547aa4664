package io.sesanalytics.jobs.migrate;

import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.Storage;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.apache.spark.sql.functions.lit;

/**
 * Moves a warehouse written by the releases before the Iceberg tables into them, once: each table's plain Parquet
 * folder ({@code <warehouse>/<table>/<column>=<value>/.../part-*.parquet}, the record keys under
 * {@code <warehouse>/_normalize/record_keys/}) becomes the table's rows in one commit, and the row count is
 * checked after it. The Parquet folders are left in place, to be removed once the tables are checked.
 */
public final class MigrateParquetJob {
    private MigrateParquetJob() {
    }

    /** @param replace whether tables that already hold rows are replaced rather than refused */
    public record Config(String warehouse, boolean replace) {
        public Config {
            warehouse = Locations.normalize(Objects.requireNonNull(warehouse, "warehouse"));
        }
    }

    /** One table moved: its Parquet folder and the rows the commit wrote. */
    public record Migrated(Table table, String folder, long rows) {
    }

    /** The migration would replace rows, or finds nothing to migrate: nothing was written. */
    public static final class Refused extends IllegalStateException {
        Refused(String message) {
            super(message);
        }
    }

    /** The folder where the previous releases wrote a table. */
    public static String parquetFolder(String warehouse, Table table) {
        String root = Locations.normalize(warehouse);
        return table == Table.RECORD_KEYS ? root + "/_normalize/record_keys" : Locations.table(root, table);
    }

    /**
     * Migrates every table that has a Parquet folder, in one commit each; checks first that none of them holds
     * rows yet (unless {@code replace}), so that a refused run writes nothing.
     */
    public static List<Migrated> run(SparkSession spark, Config config) {
        List<Table> found = new ArrayList<>();
        for (Table table : Table.values()) {
            if (Storage.exists(spark, parquetFolder(config.warehouse(), table))) {
                found.add(table);
            }
        }
        if (found.isEmpty()) {
            throw new Refused("no Parquet table folder under " + config.warehouse() + " (looked for "
                    + Table.EVENTS.tableName() + "/, " + Table.SUPPRESSION.tableName() + "/, _normalize/record_keys/, ...)");
        }
        if (!config.replace()) {
            for (Table table : found) {
                if (!TableWriter.read(spark, table, config.warehouse()).isEmpty()) {
                    throw new Refused("the Iceberg table " + table.tableName() + " already holds rows; nothing was"
                            + " migrated (--replace replaces the rows of every table with its Parquet folder's)");
                }
            }
        }
        List<Migrated> migrated = new ArrayList<>();
        for (Table table : found) {
            migrated.add(migrate(spark, config.warehouse(), table));
        }
        return migrated;
    }

    private static Migrated migrate(SparkSession spark, String warehouse, Table table) {
        String folder = parquetFolder(warehouse, table);
        // The partition columns come from the folder names, typed by the table's schema.
        Dataset<Row> rows = spark.read().schema(table.schema()).option("basePath", folder).parquet(folder);
        long count = rows.count();
        TableWriter.replaceWhere(spark, rows, table, warehouse, lit(true));
        long written = TableWriter.read(spark, table, warehouse).count();
        if (written != count) {
            throw new IllegalStateException(table.tableName() + ": " + folder + " holds " + count
                    + " rows but the Iceberg table holds " + written + " after the commit");
        }
        return new Migrated(table, folder, count);
    }
}
