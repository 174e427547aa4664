package io.sesanalytics.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query with Athena-style execution parameters: each {@code ?} outside string literals, quoted
 * identifiers and comments is replaced, in order, by one parameter's SQL text (e.g. {@code DATE '2026-11-20'}),
 * as Athena does with {@code --execution-parameters}.
 */
public final class QueryText {
    private static final Pattern EXAMPLE =
            Pattern.compile("e\\.g\\. (DATE '[0-9-]+'|'[^']*')");
    private QueryText() {
    }

    public static String bind(String query, List<String> parameters) {
        StringBuilder out = new StringBuilder(query.length());
        int used = 0;
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closing(query, i, c);
                out.append(query, i, end);
                i = end;
            } else if (c == '-' && query.startsWith("--", i)) {
                int end = query.indexOf('\n', i);
                end = end < 0 ? query.length() : end;
                out.append(query, i, end);
                i = end;
            } else if (c == '/' && query.startsWith("/*", i)) {
                int end = query.indexOf("*/", i + 2);
                end = end < 0 ? query.length() : end + 2;
                out.append(query, i, end);
                i = end;
            } else if (c == '?') {
                if (used == parameters.size()) {
                    throw new IllegalArgumentException("the query has more ? placeholders than the "
                            + parameters.size() + " --param value(s) given");
                }
                out.append(parameters.get(used++));
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        if (used != parameters.size()) {
            throw new IllegalArgumentException("the query has " + used + " ? placeholder(s) but "
                    + parameters.size() + " --param value(s) were given");
        }
        return out.toString();
    }

    /** Index just past the literal that opens at {@code start}; a doubled quote stays inside it. */
    private static int closing(String query, int start, char quote) {
        int i = start + 1;
        while (i < query.length()) {
            if (query.charAt(i) == quote) {
                if (i + 1 < query.length() && query.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return query.length();
    }

    /**
     * The example value of each parameter that a query file's header names, in order: header lines
     * such as {@code -- Parameters: 1. first day, e.g. DATE '2026-11-20'.}
     */
    public static List<String> exampleParameters(String queryFile) {
        List<String> values = new ArrayList<>();
        for (String line : queryFile.split("\n")) {
            if (line.startsWith("-- Parameters:") || line.matches("--\\s+[0-9]+\\..*")) {
                Matcher m = EXAMPLE.matcher(line);
                if (m.find()) {
                    values.add(m.group(1));
                }
            }
        }
        return values;
    }

    /** The statement without its trailing semicolon, which spark.sql does not take. */
    public static String statement(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
