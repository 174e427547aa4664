package io.sesanalytics.jobs.normalize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.sesanalytics.jobs.common.EventTimeWindow;
import io.sesanalytics.jobs.common.Schemas;
import io.sesanalytics.raw.SesEventType;
import io.sesanalytics.raw.SesNotificationType;
import io.sesanalytics.raw.SnsEnvelope;
import io.sesanalytics.raw.UnparsedLine;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns one raw capture line into one {@link Schemas#PARSED_LINE} row: the event rows of an SES
 * sending event (one per recipient), the row of a receipt notification, or a quarantine row with the
 * reason. It never throws for bad input, so every raw line is accounted for.
 */
public final class SesLineParser {
    public static final String EVENT = "event";
    public static final String RECEIVED = "received";
    public static final String QUARANTINE = "quarantine";

    private static final InternalRowBuilder.Layout PARSED_LINE = new InternalRowBuilder.Layout(Schemas.PARSED_LINE);

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    });

    /** What is read of an SES message, and of a line: an SNS envelope, a bare SES message or an unparsed line. */
    private final JsonFields sesFields;
    private final JsonFields lineFields;
    /** The event dates each capture date may hold; events outside are quarantined as implausible. */
    private final EventTimeWindow window;

    /** A parser that takes events of the {@link EventTimeWindow#DEFAULT default} window around their capture date. */
    public SesLineParser() {
        this(EventTimeWindow.DEFAULT);
    }

    /** A parser that takes events of the given window around their capture date. */
    public SesLineParser(EventTimeWindow window) {
        this(EventRows.READS.and(ReceivedRows.READS), window);
    }

    /** A parser that reads the given fields of SES messages. */
    SesLineParser(JsonFields sesFields) {
        this(sesFields, EventTimeWindow.DEFAULT);
    }

    private SesLineParser(JsonFields sesFields, EventTimeWindow window) {
        this.sesFields = sesFields;
        this.window = window;
        this.lineFields = JsonFields.of(SnsEnvelope.TYPE, SnsEnvelope.MESSAGE_ID, SnsEnvelope.TOPIC_ARN, SnsEnvelope.MESSAGE,
                        UnparsedLine.REASON, UnparsedLine.RAW)
                .and(sesFields);
    }

    /** A line that cannot become a row: the reason's code, and the parser's message as its detail. */
    static final class Rejected extends Exception {
        private final QuarantineReason reason;

        Rejected(QuarantineReason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }

        QuarantineReason reason() {
            return reason;
        }
    }

    /** The parsed line as a {@link Row}; see {@link #parseToInternalRow}. */
    public Row parse(long lineId, String line, LocalDate captureDate, String sourceFile) {
        return PARSED_LINE.toRow(parseToInternalRow(lineId, line, captureDate, sourceFile));
    }

    /** The parsed line in Spark's internal representation. */
    public InternalRow parseToInternalRow(long lineId, String line, LocalDate captureDate, String sourceFile) {
        return parseToInternalRow(lineId, UTF8String.fromString(line), captureDate, UTF8String.fromString(sourceFile));
    }

    /**
     * The parsed line of UTF-8 text, as the normalize job reads it. The line is read during the call only (a
     * quarantined line is stored as text); the source file is kept in the row as it is.
     */
    public InternalRow parseToInternalRow(long lineId, UTF8String line, LocalDate captureDate, UTF8String sourceFile) {
        InternalRowBuilder row = PARSED_LINE.builder()
                .set("line_id", lineId)
                .set("capture_date", captureDate)
                .set("source_file", sourceFile);
        try {
            JsonNode node = readLine(line);
            if (isUnparsedLine(node)) {
                String reason = node.path(UnparsedLine.REASON).asText();
                throw new Rejected(QuarantineReason.CAPTURE_UNPARSED,
                        reason.isEmpty() ? "unrecognised by the capture Lambda" : reason);
            }
            String snsMessageId = null;
            String topicArn = null;
            JsonNode ses = node;
            if (isSnsMessage(node)) {
                String type = node.path(SnsEnvelope.TYPE).asText();
                if (!SnsEnvelope.NOTIFICATION.equals(type)) {
                    throw new Rejected(QuarantineReason.SNS_NOT_NOTIFICATION, type);
                }
                snsMessageId = node.path(SnsEnvelope.MESSAGE_ID).asText();
                topicArn = node.path(SnsEnvelope.TOPIC_ARN).asText();
                JsonNode message = node.get(SnsEnvelope.MESSAGE);
                if (message == null || !message.isTextual()) {
                    throw new Rejected(QuarantineReason.SNS_MESSAGE_MISSING, "SNS message has no Message string");
                }
                ses = readJson(message.asText(), QuarantineReason.SNS_MESSAGE_NOT_JSON, "SNS Message is not JSON", sesFields);
            }
            row.set("sns_message_id", snsMessageId);
            if (!ses.isObject()) {
                throw new Rejected(QuarantineReason.NOT_AN_OBJECT, "SES message is not a JSON object");
            }
            if (SesNotificationType.RECEIVED.text().equals(ses.path("notificationType").asText(null))) {
                InternalRow received = ReceivedRows.of(ses, snsMessageId, time -> plausible(time, "receipt time", captureDate));
                // One received message, whichever receipt actions notified it (an S3 and an SNS action of one
                // rule each publish a notification): the copy that names the S3 object ranks first.
                boolean namesObject = text(ses.path("receipt").path("action").get("objectKey")) != null;
                return row.set("status", RECEIVED)
                        .set("record_key", recordKey("received", ses.path("mail").path("messageId").asText()))
                        .set("format_rank", namesObject ? 0 : 1)
                        .set("received", received)
                        .build();
            }
            EventRows events = EventRows.of(ses, eventType(ses), snsMessageId, topicArn,
                    time -> plausible(time, "event time", captureDate));
            return row.set("status", EVENT)
                    .set("record_key", events.recordKey())
                    .set("format_rank", events.identityNotification() ? 1 : 0)
                    .set("events", events.rows())
                    .build();
        } catch (Rejected e) {
            return quarantine(row, e.reason(), e.getMessage(), line);
        } catch (RuntimeException | StackOverflowError e) {
            return quarantine(row, QuarantineReason.UNEXPECTED_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage(), line);
        }
    }

    /**
     * The quarantine row of a line that stands for a part of a raw object that could not be read, such as the
     * rest of a truncated gzip object.
     */
    public InternalRow unreadable(long lineId, UTF8String text, LocalDate captureDate, UTF8String sourceFile,
                                  QuarantineReason reason, String detail) {
        InternalRowBuilder row = PARSED_LINE.builder()
                .set("line_id", lineId)
                .set("capture_date", captureDate)
                .set("source_file", sourceFile);
        return quarantine(row, reason, detail, text);
    }

    private static InternalRow quarantine(InternalRowBuilder row, QuarantineReason reason, String detail, UTF8String line) {
        return row.set("status", QUARANTINE)
                .set("reason", reason.code())
                .set("reason_detail", detail)
                // As text, so that a line that is not valid UTF-8 is stored as valid UTF-8.
                .set("raw_line", line.toString())
                .set("sns_message_id", null)
                .set("record_key", null)
                .set("events", null)
                .set("received", null)
                .build();
    }

    /**
     * Refuses a time whose UTC date lies outside the window around the capture date: the date it would be
     * counted on is not one the capture can hold (a clock at 1970 or 9999), and every date between it and the
     * capture date would be aggregated again.
     */
    private void plausible(Instant time, String what, LocalDate captureDate) throws Rejected {
        if (!window.contains(time, captureDate)) {
            throw new Rejected(QuarantineReason.IMPLAUSIBLE_TIME, what + " " + time + " lies outside the window "
                    + window.first(captureDate) + ".." + window.last(captureDate) + " of capture date " + captureDate);
        }
    }

    /** Checks the time an event is dated by, before its rows are built. */
    @FunctionalInterface
    interface TimeCheck {
        void check(Instant time) throws Rejected;
    }

    /** A line the capture Lambda stored because it could not recognise it; see {@link UnparsedLine}. */
    private static boolean isUnparsedLine(JsonNode node) {
        return node.path(UnparsedLine.REASON).isTextual() && node.path(UnparsedLine.RAW).isTextual()
                && !node.has("eventType") && !node.has("notificationType") && !isSnsMessage(node);
    }

    private static boolean isSnsMessage(JsonNode node) {
        return SnsEnvelope.isEnvelope(field -> node.path(field).isTextual());
    }

    /**
     * Reads the line from its UTF-8 bytes. Where Jackson refuses them as UTF-8, the line is read again as
     * Spark decodes it, each malformed byte replaced. (The rarer malformed forms that Jackson accepts, such as
     * encoded surrogates, come through as Jackson decodes them.)
     */
    private JsonNode readLine(UTF8String line) throws Rejected {
        byte[] bytes = line.getBaseObject() instanceof byte[] base ? base : line.getBytes();
        int offset = bytes == line.getBaseObject() ? (int) (line.getBaseOffset() - Platform.BYTE_ARRAY_OFFSET) : 0;
        try {
            JsonNode node = JsonTrees.read(bytes, offset, line.numBytes(), lineFields);
            if (node != null) {
                return node;
            }
        } catch (IOException e) {
            // Read again below, as text.
        }
        return readJson(line.toString(), QuarantineReason.NOT_JSON, "not JSON", lineFields);
    }

    private static JsonNode readJson(String text, QuarantineReason reason, String what, JsonFields fields) throws Rejected {
        try {
            JsonNode node = JsonTrees.read(text, fields);
            if (node == null) {
                throw new Rejected(reason, what + ": no JSON value");
            }
            return node;
        } catch (IOException e) {
            String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new Rejected(reason, what + ": " + firstLine(message));
        }
    }

    /** The first line of a Jackson message, without the location and the excerpt of content it appends. */
    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        String first = end < 0 ? message : message.substring(0, end);
        return first.length() > 200 ? first.substring(0, 200) + "..." : first;
    }

    /** The event type and whether it came as an identity notification. */
    record EventType(SesEventType type, boolean identityNotification) {
        String name() {
            return type.tableName();
        }
    }

    private static EventType eventType(JsonNode ses) throws Rejected {
        JsonNode eventType = ses.get("eventType");
        if (eventType != null && eventType.isTextual()) {
            SesEventType type = SesEventType.fromEventType(eventType.asText())
                    .orElseThrow(() -> new Rejected(QuarantineReason.UNKNOWN_EVENT_TYPE, eventType.asText()));
            return new EventType(type, false);
        }
        JsonNode notificationType = ses.get("notificationType");
        if (notificationType != null && notificationType.isTextual()) {
            SesEventType type = SesNotificationType.fromText(notificationType.asText()).map(SesNotificationType::eventType)
                    .orElseThrow(() -> new Rejected(QuarantineReason.UNKNOWN_NOTIFICATION_TYPE, notificationType.asText()));
            return new EventType(type, true);
        }
        throw new Rejected(QuarantineReason.NO_EVENT_TYPE, "neither eventType nor notificationType is present");
    }

    /** 0001-01-01T00:00:00Z and 10000-01-01T00:00:00Z. */
    private static final long YEAR_1 = -62_135_596_800L;
    private static final long YEAR_10000 = 253_402_300_800L;

    static Instant instant(JsonNode node, String field) throws Rejected {
        String text = node.path(field).asText(null);
        if (text == null) {
            throw new Rejected(QuarantineReason.BAD_TIMESTAMP, "no " + field);
        }
        Instant instant;
        try {
            instant = Timestamps.parse(text);
        } catch (DateTimeParseException e) {
            throw new Rejected(QuarantineReason.BAD_TIMESTAMP, "bad timestamp in " + field + ": '" + text + "'");
        }
        if (instant.getEpochSecond() < YEAR_1 || instant.getEpochSecond() >= YEAR_10000) {
            // Not a four-digit year, as every documented form has: nor can the tables hold every such time.
            throw new Rejected(QuarantineReason.BAD_TIMESTAMP, "timestamp out of range in " + field + ": '" + text + "'");
        }
        return instant;
    }

    static LocalDate utcDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    static String firstText(JsonNode array) {
        return array.isArray() && !array.isEmpty() ? text(array.get(0)) : text(array);
    }

    static Map<String, List<String>> tags(JsonNode tags) {
        if (!tags.isObject()) {
            return null;
        }
        Map<String, List<String>> map = new LinkedHashMap<>();
        tags.fields().forEachRemaining(entry -> {
            List<String> values = new ArrayList<>();
            entry.getValue().forEach(value -> values.add(value.asText()));
            map.put(entry.getKey(), values);
        });
        return map;
    }

    /** A short stable hash of the given parts, used for record keys and event ids. */
    static String recordKey(String... parts) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        for (String part : parts) {
            digest.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    static String sortedJoin(List<String> values) {
        if (values.size() == 1) {
            return values.get(0) == null ? "" : values.get(0);
        }
        return String.join(",", new TreeSet<>(values.stream().map(v -> v == null ? "" : v).toList()));
    }
}
