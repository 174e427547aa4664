package io.sesanalytics.jobs.publish;

import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.Storage;
import io.sesanalytics.jobs.common.Table;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Registers the written tables in the Spark session's catalog, in a database of their own, as Parquet
 * tables over the warehouse with the same columns and partition keys as the Glue tables. Spark's local
 * catalog lives as long as the session, so every command that queries registers them again.
 */
public final class LocalCatalog {
    private LocalCatalog() {
    }

    /** Registers every table written so far and makes the database current; returns their names. */
    public static List<String> register(SparkSession spark, String warehouse, String database) {
        String root = Locations.normalize(warehouse);
        spark.sql("CREATE DATABASE IF NOT EXISTS `" + database + "`");
        List<String> registered = new ArrayList<>();
        for (Table table : Table.values()) {
            String location = Locations.table(root, table);
            if (!Storage.exists(spark, location)) {
                continue;
            }
            String name = "`" + database + "`.`" + table.tableName() + "`";
            spark.sql("DROP TABLE IF EXISTS " + name);
            spark.sql(createTable(table, name, location));
            spark.sql("ALTER TABLE " + name + " RECOVER PARTITIONS");
            registered.add(table.tableName());
        }
        spark.catalog().setCurrentDatabase(database);
        return registered;
    }

    static String createTable(Table table, String name, String location) {
        String columns = Arrays.stream(table.schema().fields())
                .map(LocalCatalog::column)
                .collect(Collectors.joining(", "));
        String partitions = table.partitionColumns().stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "));
        return "CREATE TABLE " + name + " (" + columns + ") USING parquet PARTITIONED BY (" + partitions + ")"
                + " LOCATION '" + location.replace("'", "\\'") + "'"
                + " COMMENT '" + table.description().replace("'", "\\'") + "'";
    }

    private static String column(StructField field) {
        String comment = field.getComment().isDefined() ? " COMMENT '" + field.getComment().get().replace("'", "\\'") + "'" : "";
        return "`" + field.name() + "` " + field.dataType().sql() + comment;
    }
}
