package io.sesanalytics.raw;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The raw layout shared with the Spark jobs:
 * {@code <prefix>/dt=YYYY-MM-DD/<yyyyMMdd'T'HHmmssSSS'Z'>-<request id>.ndjson.gz},
 * where dt is the UTC capture date. One object per invocation holds lines of every kind.
 */
public final class CaptureKeys {
    /** The name of the capture-date folder, as in {@code dt=2026-11-20}. */
    public static final String DATE_FOLDER = "dt=";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final String prefix;

    public CaptureKeys(String prefix) {
        String trimmed = prefix == null ? "" : prefix.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        this.prefix = trimmed;
    }

    public String key(Instant capturedAt, String requestId) {
        String safeId = requestId.replaceAll("[^A-Za-z0-9._-]", "_");
        String relative = dateFolder(LocalDate.ofInstant(capturedAt, ZoneOffset.UTC)) + "/"
                + TIME.format(capturedAt) + "-" + safeId + ".ndjson.gz";
        return prefix.isEmpty() ? relative : prefix + "/" + relative;
    }

    /** {@code dt=YYYY-MM-DD}, the folder of one UTC capture date under the prefix. */
    public static String dateFolder(LocalDate captureDate) {
        return DATE_FOLDER + captureDate;
    }
}
