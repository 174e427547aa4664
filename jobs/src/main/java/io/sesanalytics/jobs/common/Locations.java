package io.sesanalytics.jobs.common;

import io.sesanalytics.raw.CaptureKeys;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Where things are: the raw capture layout and the warehouse. Accepts local paths, {@code file:},
 * {@code s3a:} and {@code s3:} URIs and keeps them as URI strings Hadoop understands.
 */
public final class Locations {
    private Locations() {
    }

    /** A local path becomes an absolute file: URI; URIs with a scheme are kept, without a trailing slash. */
    public static String normalize(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("a location is empty");
        }
        String trimmed = location.strip();
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !trimmed.matches("^[a-zA-Z]:\\\\.*")) {
            URI uri = URI.create(trimmed);
            return uri.toString();
        }
        return Path.of(trimmed).toAbsolutePath().normalize().toUri().toString().replaceAll("/$", "");
    }

    /** {@code <raw>/dt=YYYY-MM-DD}, the folder of one capture date. */
    public static String rawFolder(String raw, LocalDate date) {
        return raw + "/" + CaptureKeys.dateFolder(date);
    }

    public static String table(String warehouse, Table table) {
        return warehouse + "/" + table.tableName();
    }

    /** The run summary of one date: {@code <warehouse>/_runs/dt=YYYY-MM-DD/summary.json}. */
    public static String runSummary(String warehouse, LocalDate date) {
        return warehouse + "/_runs/dt=" + date + "/summary.json";
    }

    /**
     * The value of a path's {@code column=value} folder, e.g. the date of {@code .../stat_date=2026-11-20} or of
     * {@code .../event_date=2026-11-19/capture_date=2026-11-20/part-0.parquet}; null when the path has no such
     * folder.
     */
    public static String partitionValue(String path, String column) {
        String folder = "/" + column + "=";
        int start = path.lastIndexOf(folder);
        if (start < 0) {
            return null;
        }
        start += folder.length();
        int end = path.indexOf('/', start);
        return end < 0 ? path.substring(start) : path.substring(start, end);
    }
}
