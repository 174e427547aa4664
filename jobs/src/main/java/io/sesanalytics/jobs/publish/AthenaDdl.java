package io.sesanalytics.jobs.publish;

import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.WarehouseCatalog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Athena's CREATE TABLE statement of every output table as an Iceberg table, derived from the same schema as
 * the tables the jobs write. The files in {@code sql/ddl/} are this class's output ({@code bin/ses-analytics ddl}).
 * With {@code --catalog glue} the jobs create the tables themselves; the statements are for reading the
 * definitions, or for creating the tables from Athena before the first run.
 */
public final class AthenaDdl {
    public static final String DEFAULT_DATABASE = WarehouseCatalog.DEFAULT_DATABASE;
    /** Stands for the warehouse root in the committed files; replace it with yours. */
    public static final String WAREHOUSE_PLACEHOLDER = "s3://${DATA_BUCKET}/warehouse";

    private AthenaDdl() {
    }

    public static String createTable(Table table, String database, String warehouse) {
        StringBuilder ddl = new StringBuilder();
        ddl.append("-- ").append(table.description()).append(".\n");
        ddl.append("-- Generated from jobs/src/main/java/io/sesanalytics/jobs/common/Schemas.java by `bin/ses-analytics ddl`;\n");
        ddl.append("-- the nightly jobs with --catalog glue create the same Iceberg table in the Glue database.\n");
        ddl.append("CREATE TABLE `").append(database).append("`.`").append(table.tableName()).append("` (\n");
        ddl.append(columns(CatalogColumns.columns(table)));
        ddl.append("\n)\n");
        ddl.append("PARTITIONED BY (").append(String.join(", ", table.partitionColumns())).append(")\n");
        ddl.append("LOCATION '").append(CatalogColumns.catalogLocation(warehouse)).append('/').append(database)
                .append(".db/").append(table.tableName()).append("'\n");
        ddl.append("TBLPROPERTIES ('table_type'='ICEBERG', 'format'='parquet', 'write_compression'='snappy');\n");
        return ddl.toString();
    }

    private static String columns(List<CatalogColumns.Column> columns) {
        return columns.stream()
                .map(c -> "  `" + c.name() + "` " + c.type() + " COMMENT '" + quote(c.comment()) + "'")
                .collect(Collectors.joining(",\n"));
    }

    /** String literals take a doubled quote. */
    private static String quote(String text) {
        return text.replace("'", "''");
    }
}
