package io.sesanalytics.jobs.publish;

import io.sesanalytics.jobs.common.Table;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.TableInput;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The Glue definitions of the output tables: external Parquet tables over the warehouse. Pure. */
public final class GlueTables {
    static final String INPUT_FORMAT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
    static final String OUTPUT_FORMAT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
    static final String SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
    static final Map<String, String> TABLE_PARAMETERS = Map.of(
            "classification", "parquet", "EXTERNAL", "TRUE", "parquet.compression", "SNAPPY");

    private GlueTables() {
    }

    /** The table's location in the catalog: {@code <warehouse>/<table>/}, with s3a:// written as s3://. */
    public static String location(String warehouse, Table table) {
        return CatalogColumns.catalogLocation(warehouse) + "/" + table.tableName() + "/";
    }

    public static TableInput tableInput(Table table, String warehouse) {
        return TableInput.builder()
                .name(table.tableName())
                .description(table.description())
                .tableType("EXTERNAL_TABLE")
                .parameters(TABLE_PARAMETERS)
                .partitionKeys(glueColumns(CatalogColumns.partitionKeys(table)))
                .storageDescriptor(storage(table, location(warehouse, table)))
                .build();
    }

    /** A partition: its values in partition-key order, stored under key=value folders of the table. */
    public static PartitionInput partitionInput(Table table, String warehouse, List<String> values) {
        StringBuilder location = new StringBuilder(location(warehouse, table));
        for (int i = 0; i < values.size(); i++) {
            location.append(table.partitionColumns().get(i)).append('=').append(values.get(i)).append('/');
        }
        return PartitionInput.builder()
                .values(values)
                .storageDescriptor(storage(table, location.toString()))
                .build();
    }

    /**
     * Whether a table in the catalog already has the definition: the same columns, partition keys,
     * location, formats and description, and at least our parameters (Glue and Athena add their own).
     */
    public static boolean matches(software.amazon.awssdk.services.glue.model.Table existing, TableInput wanted) {
        StorageDescriptor has = existing.storageDescriptor();
        StorageDescriptor wants = wanted.storageDescriptor();
        return has != null
                && Objects.equals(existing.description(), wanted.description())
                && Objects.equals(existing.tableType(), wanted.tableType())
                && existing.parameters().entrySet().containsAll(wanted.parameters().entrySet())
                && sameColumns(existing.partitionKeys(), wanted.partitionKeys())
                && sameColumns(has.columns(), wants.columns())
                && Objects.equals(has.location(), wants.location())
                && Objects.equals(has.inputFormat(), wants.inputFormat())
                && Objects.equals(has.outputFormat(), wants.outputFormat())
                && has.serdeInfo() != null
                && Objects.equals(has.serdeInfo().serializationLibrary(), wants.serdeInfo().serializationLibrary());
    }

    private static boolean sameColumns(List<Column> a, List<Column> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Column x = a.get(i);
            Column y = b.get(i);
            if (!x.name().equals(y.name()) || !x.type().equals(y.type()) || !Objects.equals(x.comment(), y.comment())) {
                return false;
            }
        }
        return true;
    }

    private static StorageDescriptor storage(Table table, String location) {
        return StorageDescriptor.builder()
                .columns(glueColumns(CatalogColumns.dataColumns(table)))
                .location(location)
                .inputFormat(INPUT_FORMAT)
                .outputFormat(OUTPUT_FORMAT)
                .compressed(false)
                .serdeInfo(SerDeInfo.builder().serializationLibrary(SERDE)
                        .parameters(Map.of("serialization.format", "1")).build())
                .build();
    }

    private static List<Column> glueColumns(List<CatalogColumns.Column> columns) {
        return columns.stream()
                .map(c -> Column.builder().name(c.name()).type(c.type()).comment(c.comment()).build())
                .toList();
    }
}
