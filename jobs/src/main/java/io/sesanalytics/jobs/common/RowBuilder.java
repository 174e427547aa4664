package io.sesanalytics.jobs.common;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

import java.util.List;
import java.util.Map;

/** Fills a Spark row of a given schema by column name, converting Java collections to Scala ones. */
public final class RowBuilder {
    private final StructType schema;
    private final Object[] values;

    public RowBuilder(StructType schema) {
        this.schema = schema;
        this.values = new Object[schema.size()];
    }

    public RowBuilder set(String column, Object value) {
        values[schema.fieldIndex(column)] = convert(value);
        return this;
    }

    public Row build() {
        return new GenericRowWithSchema(values.clone(), schema);
    }

    private static Object convert(Object value) {
        if (value instanceof List<?> list) {
            return JavaConverters.asScalaBuffer(list.stream().map(RowBuilder::convert).toList()).toSeq();
        }
        if (value instanceof Map<?, ?> map) {
            java.util.Map<Object, Object> converted = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> converted.put(k, convert(v)));
            return JavaConverters.mapAsScalaMap(converted);
        }
        return value;
    }
}
