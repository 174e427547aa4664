package io.sesanalytics.jobs.publish;

import io.sesanalytics.jobs.common.Table;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Athena's CREATE EXTERNAL TABLE statement of every output table, derived from the same columns as the
 * Glue tables. The files in {@code sql/ddl/} are this class's output ({@code bin/ses-analytics ddl}).
 */
public final class AthenaDdl {
    public static final String DEFAULT_DATABASE = "ses_analytics";
    /** Stands for the warehouse root in the committed files; replace it with yours. */
    public static final String WAREHOUSE_PLACEHOLDER = "s3://${DATA_BUCKET}/warehouse";

    private AthenaDdl() {
    }

    public static String createTable(Table table, String database, String warehouse) {
        StringBuilder ddl = new StringBuilder();
        ddl.append("-- ").append(table.description()).append(".\n");
        ddl.append("-- Generated from jobs/src/main/java/io/sesanalytics/jobs/common/Schemas.java by `bin/ses-analytics ddl`;\n");
        ddl.append("-- the Glue table that `publish` creates has the same columns. Partitions: run `publish`, or\n");
        ddl.append("-- MSCK REPAIR TABLE ").append(database).append('.').append(table.tableName()).append(";\n");
        ddl.append("CREATE EXTERNAL TABLE IF NOT EXISTS `").append(database).append("`.`").append(table.tableName())
                .append("` (\n");
        ddl.append(columns(CatalogColumns.dataColumns(table)));
        ddl.append("\n)\nCOMMENT '").append(quote(table.description())).append("'\n");
        ddl.append("PARTITIONED BY (\n").append(columns(CatalogColumns.partitionKeys(table))).append("\n)\n");
        ddl.append("STORED AS PARQUET\n");
        ddl.append("LOCATION '").append(CatalogColumns.catalogLocation(warehouse)).append('/')
                .append(table.tableName()).append("/'\n");
        ddl.append("TBLPROPERTIES ('parquet.compression'='SNAPPY');\n");
        return ddl.toString();
    }

    private static String columns(List<CatalogColumns.Column> columns) {
        return columns.stream()
                .map(c -> "  `" + c.name() + "` " + c.type() + " COMMENT '" + quote(c.comment()) + "'")
                .collect(Collectors.joining(",\n"));
    }

    /** Hive DDL string literals take a backslash before a quote. */
    private static String quote(String text) {
        return text.replace("\\", "\\\\").replace("'", "\\'");
    }
}
