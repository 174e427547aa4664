package io.sesanalytics.jobs.cli;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

/** Renders query results as text. */
public final class QueryResults {
    private QueryResults() {
    }

    /** A result with every value as text: nested values as JSON, nulls as empty strings. */
    public record TextResult(List<String> header, List<List<String>> rows) {
    }

    public static TextResult asText(Dataset<Row> result) {
        StructType schema = result.schema();
        Column[] asStrings = Arrays.stream(schema.fields()).map(QueryResults::asString).toArray(Column[]::new);
        List<List<String>> rows = new ArrayList<>();
        for (Row row : result.select(asStrings).collectAsList()) {
            List<String> values = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                values.add(row.isNullAt(i) ? "" : row.getString(i));
            }
            rows.add(values);
        }
        return new TextResult(Arrays.asList(schema.fieldNames()), rows);
    }

    private static Column asString(StructField field) {
        Column column = col("`" + field.name().replace("`", "``") + "`");
        boolean nested = field.dataType() instanceof StructType || field.dataType() instanceof ArrayType
                || field.dataType() instanceof MapType;
        return (nested ? to_json(column) : column.cast("string")).as(field.name());
    }
}
