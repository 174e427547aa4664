package io.sesanalytics.raw;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The line stored for input the Lambda could not recognise:
 * {@code {"reason", "source", "sourceId", "capturedAt", "raw"}}. It shares its object with the
 * recognised lines; the jobs tell it apart by its {@code reason} and {@code raw} fields, which no
 * recognised line (an SNS message or SES JSON with eventType or notificationType) has at its top level.
 */
public final class UnparsedLine {
    public static final String REASON = "reason";
    public static final String SOURCE = "source";
    public static final String SOURCE_ID = "sourceId";
    public static final String CAPTURED_AT = "capturedAt";
    public static final String RAW = "raw";

    private UnparsedLine() {
    }

    /** The fields of the line, in the order they are written. */
    public static Map<String, Object> of(String reason, String raw, String source, String sourceId, Instant capturedAt) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put(REASON, reason);
        line.put(SOURCE, source);
        line.put(SOURCE_ID, sourceId);
        line.put(CAPTURED_AT, capturedAt.toString());
        line.put(RAW, raw);
        return line;
    }
}
