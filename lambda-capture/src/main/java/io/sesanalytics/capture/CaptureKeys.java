package io.sesanalytics.capture;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The raw layout shared with the Spark jobs:
 * {@code <prefix>/dt=YYYY-MM-DD/<yyyyMMdd'T'HHmmssSSS'Z'>-<request id>.ndjson.gz},
 * where dt is the UTC capture date. One object per invocation holds lines of every kind.
 */
public final class CaptureKeys {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
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
        String relative = "dt=" + DATE.format(capturedAt) + "/"
                + TIME.format(capturedAt) + "-" + safeId + ".ndjson.gz";
        return prefix.isEmpty() ? relative : prefix + "/" + relative;
    }
}
