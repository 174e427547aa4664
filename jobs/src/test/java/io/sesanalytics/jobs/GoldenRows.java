package io.sesanalytics.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Expected table rows kept as JSON files: an array with one object per row holding every column of the
 * table's schema, timestamps as ISO-8601 UTC text and dates as YYYY-MM-DD. The columns come from the
 * schema, so a new column fails every comparison until its expected values are written down.
 * <p>
 * {@code -Dgolden.update=true} rewrites the files from the current output instead of comparing; every
 * changed value must then be read and checked against what SES documents before it is committed.
 */
public final class GoldenRows {
    public static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GoldenRows() {
    }

    /**
     * Compares the rows, column by column in schema order, with the golden file, and fails naming the
     * subject, the row and the column of every difference.
     */
    public static void assertMatches(String subject, Path golden, List<Row> actual, StructType schema) {
        ArrayNode rows = NODES.arrayNode();
        actual.forEach(row -> rows.add(json(row, schema)));
        if (UPDATE) {
            write(golden, rows);
            return;
        }
        JsonNode expected = read(golden);
        List<String> differences = new ArrayList<>();
        Set<String> columns = Set.of(schema.fieldNames());
        for (int i = 0; i < Math.min(expected.size(), rows.size()); i++) {
            JsonNode want = expected.get(i);
            for (Iterator<String> names = want.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!columns.contains(name)) {
                    differences.add(subject + " row " + i + ", column " + name + ": not a column of the table");
                }
            }
            for (String column : schema.fieldNames()) {
                JsonNode got = rows.get(i).get(column);
                if (!want.has(column)) {
                    differences.add(subject + " row " + i + ", column " + column + ": no expected value; was " + got);
                } else if (!want.get(column).equals(got)) {
                    differences.add(subject + " row " + i + ", column " + column + ": expected " + want.get(column)
                            + " but was " + got);
                }
            }
        }
        if (expected.size() != rows.size()) {
            differences.add(subject + ": expected " + expected.size() + " rows but was " + rows.size());
        }
        if (!differences.isEmpty()) {
            fail(golden + " differs:\n" + String.join("\n", differences));
        }
    }

    /** The row as a JSON object with the schema's columns, read by name; numbers as the file reader reads them. */
    public static ObjectNode json(Row row, StructType schema) {
        ObjectNode object = NODES.objectNode();
        for (StructField field : schema.fields()) {
            object.set(field.name(), value(row.get(row.fieldIndex(field.name())), field.dataType()));
        }
        try {
            return (ObjectNode) MAPPER.readTree(MAPPER.writeValueAsString(object));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode value(Object value, DataType type) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (type instanceof ArrayType array) {
            ArrayNode items = NODES.arrayNode();
            Iterable<?> list = value instanceof scala.collection.Seq<?> seq
                    ? scala.collection.JavaConverters.seqAsJavaList(seq) : (List<?>) value;
            list.forEach(item -> items.add(value(item, array.elementType())));
            return items;
        }
        if (type instanceof MapType map) {
            ObjectNode entries = NODES.objectNode();
            Map<?, ?> javaMap = value instanceof scala.collection.Map<?, ?> scalaMap
                    ? scala.collection.JavaConverters.mapAsJavaMap(scalaMap) : (Map<?, ?>) value;
            javaMap.forEach((k, v) -> entries.set(String.valueOf(k), value(v, map.valueType())));
            return entries;
        }
        if (type.equals(DataTypes.LongType) || type.equals(DataTypes.IntegerType)) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (type.equals(DataTypes.DoubleType)) {
            return NODES.numberNode(((Number) value).doubleValue());
        }
        // Strings, and java.time values whose text is ISO-8601: Instant in UTC, LocalDate as YYYY-MM-DD.
        return NODES.textNode(value.toString());
    }

    private static JsonNode read(Path golden) {
        try {
            JsonNode rows = MAPPER.readTree(Files.readAllBytes(golden));
            if (!rows.isArray()) {
                fail(golden + " is not a JSON array of rows");
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the golden file " + golden
                    + " (write it with -Dgolden.update=true, then check every value)", e);
        }
    }

    /** One column a line, so that a change of one value is one line of the diff. */
    private static void write(Path golden, ArrayNode rows) {
        StringBuilder text = new StringBuilder("[");
        try {
            for (int i = 0; i < rows.size(); i++) {
                text.append(i == 0 ? "\n  {" : ",\n  {");
                Iterator<Map.Entry<String, JsonNode>> columns = rows.get(i).fields();
                while (columns.hasNext()) {
                    Map.Entry<String, JsonNode> column = columns.next();
                    text.append("\n    ").append(MAPPER.writeValueAsString(column.getKey())).append(": ")
                            .append(MAPPER.writeValueAsString(column.getValue()))
                            .append(columns.hasNext() ? "," : "");
                }
                text.append("\n  }");
            }
            text.append(rows.isEmpty() ? "]\n" : "\n]\n");
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
