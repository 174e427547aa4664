package io.sesanalytics.jobs.publish;

import io.sesanalytics.jobs.common.Table;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The committed Athena DDL is what the schemas generate: Iceberg tables with the tables' columns. */
class CatalogDefinitionsTest {
    private static final Path DDL = Path.of("..", "sql", "ddl");

    @Test
    void theCommittedAthenaDdlIsTheGeneratedOne() throws IOException {
        for (Table table : Table.values()) {
            Path file = DDL.resolve(table.tableName() + ".sql");
            assertEquals(AthenaDdl.createTable(table, AthenaDdl.DEFAULT_DATABASE, AthenaDdl.WAREHOUSE_PLACEHOLDER),
                    Files.readString(file, StandardCharsets.UTF_8),
                    file + " differs from the schemas: run bin/ses-analytics ddl");
        }
        try (Stream<Path> files = Files.list(DDL)) {
            assertEquals(new TreeSet<>(Arrays.stream(Table.values()).map(t -> t.tableName() + ".sql").toList()),
                    new TreeSet<>(files.map(f -> f.getFileName().toString()).toList()));
        }
    }

    @Test
    void athenaDdlDeclaresAnIcebergTableWithEveryColumnAndItsPartitions() {
        for (Table table : Table.values()) {
            String ddl = AthenaDdl.createTable(table, "db", "s3a://bucket/warehouse");
            for (var field : table.schema().fields()) {
                assertEquals(true, ddl.contains("`" + field.name() + "` " + CatalogColumns.hiveType(field.dataType()) + " COMMENT"),
                        table + " " + field.name());
            }
            assertEquals(true, ddl.contains("PARTITIONED BY (" + String.join(", ", table.partitionColumns()) + ")\n"), ddl);
            assertEquals(true, ddl.contains("LOCATION 's3://bucket/warehouse/db.db/" + table.tableName() + "'\n"), ddl);
            assertEquals(true, ddl.contains("'table_type'='ICEBERG'"), ddl);
        }
    }

    @Test
    void hiveTypesOfEveryColumnKind() {
        assertEquals(List.of("string", "bigint", "int", "double", "date", "timestamp", "array<string>",
                        "map<string,array<string>>", "array<timestamp>"),
                List.of(org.apache.spark.sql.types.DataTypes.StringType, org.apache.spark.sql.types.DataTypes.LongType,
                                org.apache.spark.sql.types.DataTypes.IntegerType, org.apache.spark.sql.types.DataTypes.DoubleType,
                                org.apache.spark.sql.types.DataTypes.DateType, org.apache.spark.sql.types.DataTypes.TimestampType,
                                io.sesanalytics.jobs.common.Schemas.RECEIVED.apply("destinations").dataType(),
                                io.sesanalytics.jobs.common.Schemas.EVENT.apply("tags").dataType(),
                                io.sesanalytics.jobs.common.Schemas.SUPPRESSION.apply("recent_transient_bounces").dataType())
                        .stream().map(CatalogColumns::hiveType).toList());
    }
}
