package io.sesanalytics.jobs.publish;

import io.sesanalytics.jobs.common.Schemas;
import io.sesanalytics.jobs.common.Table;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A table's columns as Athena's DDL names them, derived from the one schema of the table in {@link Schemas}.
 */
public final class CatalogColumns {
    /** One column: its name, Hive type name (e.g. {@code array<string>}) and comment. */
    public record Column(String name, String type, String comment) {
    }

    private CatalogColumns() {
    }

    /** Every column in table order; the partition columns are among them, last. */
    public static List<Column> columns(Table table) {
        return Arrays.stream(table.schema().fields()).map(CatalogColumns::column).toList();
    }

    private static Column column(StructField field) {
        return new Column(field.name(), hiveType(field.dataType()), Schemas.comment(field));
    }

    /** The type name Athena's DDL uses for a Spark type. */
    public static String hiveType(DataType type) {
        if (type instanceof ArrayType array) {
            return "array<" + hiveType(array.elementType()) + ">";
        }
        if (type instanceof MapType map) {
            return "map<" + hiveType(map.keyType()) + "," + hiveType(map.valueType()) + ">";
        }
        if (type instanceof StructType struct) {
            return Arrays.stream(struct.fields()).map(f -> f.name() + ":" + hiveType(f.dataType()))
                    .collect(Collectors.joining(",", "struct<", ">"));
        }
        if (type.equals(DataTypes.StringType)) {
            return "string";
        }
        if (type.equals(DataTypes.LongType)) {
            return "bigint";
        }
        if (type.equals(DataTypes.IntegerType)) {
            return "int";
        }
        if (type.equals(DataTypes.DoubleType)) {
            return "double";
        }
        if (type.equals(DataTypes.BooleanType)) {
            return "boolean";
        }
        if (type.equals(DataTypes.DateType)) {
            return "date";
        }
        if (type.equals(DataTypes.TimestampType)) {
            return "timestamp";
        }
        throw new IllegalArgumentException("no catalog type for Spark type " + type.simpleString());
    }

    /**
     * The location Athena gives a table: Athena and EMRFS read {@code s3://}, so the {@code s3a://} of a
     * local run is written as {@code s3://}.
     */
    public static String catalogLocation(String location) {
        return location.replaceFirst("^s3[an]://", "s3://");
    }
}
