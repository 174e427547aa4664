package io.sesanalytics.jobs.normalize;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import scala.Function1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills a row of a given schema by column name in Spark's internal representation (UTF-8 strings,
 * microseconds, epoch days). Rows built this way go into a Dataset without Spark's conversion of Java
 * objects, which costs more than parsing the JSON they come from.
 */
public final class InternalRowBuilder {
    private final Layout layout;
    private final Object[] values;

    private InternalRowBuilder(Layout layout) {
        this.layout = layout;
        this.values = new Object[layout.types.length];
    }

    /** The positions and types of a schema's columns, worked out once per schema. */
    public static final class Layout {
        private final StructType schema;
        private final Map<String, Integer> positions = new HashMap<>();
        private final DataType[] types;
        private transient Function1<Object, Object> toRow;

        public Layout(StructType schema) {
            this.schema = schema;
            this.types = new DataType[schema.size()];
            for (int i = 0; i < types.length; i++) {
                positions.put(schema.fields()[i].name(), i);
                types[i] = schema.fields()[i].dataType();
            }
        }

        public StructType schema() {
            return schema;
        }

        public InternalRowBuilder builder() {
            return new InternalRowBuilder(this);
        }

        /** The row as a {@link Row}, for reading it outside Spark's operators. */
        public Row toRow(InternalRow row) {
            if (toRow == null) {
                toRow = CatalystTypeConverters.createToScalaConverter(schema);
            }
            return (Row) toRow.apply(row);
        }
    }

    public InternalRowBuilder set(String column, Object value) {
        Integer position = layout.positions.get(column);
        if (position == null) {
            throw new IllegalArgumentException("no column " + column + " in " + layout.schema.simpleString());
        }
        values[position] = convert(value, layout.types[position]);
        return this;
    }

    public InternalRow build() {
        return new GenericInternalRow(values.clone());
    }

    /**
     * Java values as Spark holds them internally; nested rows must already be internal. A value that does not
     * fit its column is refused, as Spark's own conversion would refuse it.
     */
    private static Object convert(Object value, DataType type) {
        if (value == null) {
            return null;
        }
        if (value instanceof InternalRow && type instanceof StructType) {
            return value;
        }
        if (value instanceof String text && type == DataTypes.StringType) {
            return UTF8String.fromString(text);
        }
        if (value instanceof UTF8String && type == DataTypes.StringType) {
            return value;
        }
        if (value instanceof Instant instant && type == DataTypes.TimestampType) {
            return DateTimeUtils.instantToMicros(instant);
        }
        if (value instanceof LocalDate date && type == DataTypes.DateType) {
            return (int) date.toEpochDay();
        }
        if (value instanceof List<?> list && type instanceof ArrayType array) {
            return new GenericArrayData(elements(list, array.elementType()));
        }
        if (value instanceof Map<?, ?> map && type instanceof MapType mapType) {
            return new ArrayBasedMapData(new GenericArrayData(elements(new ArrayList<>(map.keySet()), mapType.keyType())),
                    new GenericArrayData(elements(new ArrayList<>(map.values()), mapType.valueType())));
        }
        if (value instanceof Integer && type == DataTypes.IntegerType || value instanceof Long && type == DataTypes.LongType
                || value instanceof Boolean && type == DataTypes.BooleanType
                || value instanceof Double && type == DataTypes.DoubleType) {
            return value;
        }
        throw new IllegalArgumentException("cannot hold " + value.getClass().getSimpleName() + " as " + type.simpleString());
    }

    private static Object[] elements(List<?> list, DataType elementType) {
        Object[] elements = new Object[list.size()];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = convert(list.get(i), elementType);
        }
        return elements;
    }
}
