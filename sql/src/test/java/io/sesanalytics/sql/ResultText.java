package io.sesanalytics.sql;

import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A query result as CSV text, as it is kept in src/test/resources/expected: a header of column names, then one
 * record per row, in the query's order, or sorted when the query leaves the order open. NULL is an empty field,
 * the empty string {@code ""}; timestamps are UTC, as Athena prints them.
 */
final class ResultText {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS 'UTC'");
    private static final Pattern ORDER_BY = Pattern.compile("\\bORDER\\s+BY\\b[^()]*$", Pattern.CASE_INSENSITIVE);

    private ResultText() {
    }

    /** Whether the statement orders its rows: an ORDER BY outside parentheses, at its end. */
    static boolean isOrdered(String statement) {
        return ORDER_BY.matcher(statement.strip()).find();
    }

    static String of(MaterializedResult result, boolean ordered) {
        List<String> records = new ArrayList<>();
        for (MaterializedRow row : result.getMaterializedRows()) {
            List<String> fields = new ArrayList<>();
            for (Object value : row.getFields()) {
                fields.add(field(value));
            }
            records.add(String.join(",", fields));
        }
        if (!ordered) {
            records.sort(null);
        }
        StringBuilder text = new StringBuilder(String.join(",", result.getColumnNames())).append('\n');
        records.forEach(record -> text.append(record).append('\n'));
        return text.toString();
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = switch (value) {
            case ZonedDateTime time -> TIMESTAMP.format(time.withZoneSameInstant(ZoneOffset.UTC));
            case List<?> list -> list.toString();
            default -> value.toString();
        };
        if (text.isEmpty() || text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
