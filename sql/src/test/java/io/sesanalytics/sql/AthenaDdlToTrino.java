package io.sesanalytics.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an Athena {@code CREATE EXTERNAL TABLE} of sql/ddl into the Trino statement that defines the same
 * table. Athena takes Hive DDL, Trino does not, so this is the one place where what runs here differs
 * from what runs in Athena: the column names, types and comments, partition keys and format are carried
 * over from the file; only the syntax and the location change.
 */
final class AthenaDdlToTrino {
    private static final Pattern TABLE = Pattern.compile("CREATE EXTERNAL TABLE IF NOT EXISTS `([a-z0-9_]+)`\\.`([a-z0-9_]+)` \\(");
    private static final Pattern COLUMN = Pattern.compile("^  `([a-z0-9_]+)` (\\S+) COMMENT '((?:[^'\\\\]|\\\\.)*)',?$");
    private static final Pattern STORED = Pattern.compile("^STORED AS PARQUET$", Pattern.MULTILINE);

    /** A translated table: its name and the Trino statement. */
    record TrinoTable(String name, String createTable, List<String> partitionKeys) {
    }

    private AthenaDdlToTrino() {
    }

    /**
     * @param athenaDdl one file of sql/ddl
     * @param location  where Trino finds the table's files, e.g. {@code local:///warehouse/events}
     */
    static TrinoTable translate(String athenaDdl, String location) {
        Matcher table = TABLE.matcher(athenaDdl);
        if (!table.find()) {
            throw new IllegalArgumentException("not a CREATE EXTERNAL TABLE statement of sql/ddl:\n" + athenaDdl);
        }
        if (!STORED.matcher(athenaDdl).find()) {
            throw new IllegalArgumentException(table.group(2) + " is not stored as Parquet");
        }
        String partitionSection = athenaDdl.substring(athenaDdl.indexOf("PARTITIONED BY ("));
        List<String> columns = new ArrayList<>();
        List<String> partitionKeys = new ArrayList<>();
        for (String line : athenaDdl.split("\n")) {
            Matcher column = COLUMN.matcher(line);
            if (column.matches()) {
                boolean partition = partitionSection.contains(line);
                columns.add(column.group(1) + " " + trinoType(column.group(2))
                        + " COMMENT '" + column.group(3).replace("\\'", "''").replace("\\\\", "\\") + "'");
                if (partition) {
                    partitionKeys.add(column.group(1));
                }
            }
        }
        String keys = String.join(", ", partitionKeys.stream().map(k -> "'" + k + "'").toList());
        String sql = "CREATE TABLE " + table.group(2) + " (\n  " + String.join(",\n  ", columns) + "\n)\n"
                + "WITH (format = 'PARQUET', external_location = '" + location + "', partitioned_by = ARRAY[" + keys + "])";
        return new TrinoTable(table.group(2), sql, partitionKeys);
    }

    /** Hive type names as Glue and Athena DDL write them, in Trino's spelling. */
    static String trinoType(String hive) {
        String type = hive.strip();
        if (type.startsWith("array<")) {
            return "array(" + trinoType(type.substring(6, type.length() - 1)) + ")";
        }
        if (type.startsWith("map<")) {
            String inner = type.substring(4, type.length() - 1);
            int comma = topLevelComma(inner);
            return "map(" + trinoType(inner.substring(0, comma)) + ", " + trinoType(inner.substring(comma + 1)) + ")";
        }
        return switch (type) {
            case "string" -> "varchar";
            case "int" -> "integer";
            case "bigint", "double", "boolean", "date", "timestamp" -> type;
            default -> throw new IllegalArgumentException("no Trino spelling for the type " + hive);
        };
    }

    private static int topLevelComma(String types) {
        int depth = 0;
        for (int i = 0; i < types.length(); i++) {
            char c = types.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("no key and value in map<" + types + ">");
    }
}
