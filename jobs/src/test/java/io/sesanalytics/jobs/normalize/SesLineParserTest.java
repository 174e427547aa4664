package io.sesanalytics.jobs.normalize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesanalytics.capture.LambdaEvents;
import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.common.Schemas;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SesLineParserTest {
    private static final LocalDate CAPTURED = LocalDate.parse("2026-11-24");
    private static final InternalRowBuilder.Layout PARSED_LINE = new InternalRowBuilder.Layout(Schemas.PARSED_LINE);
    private static final List<String> FIXTURES = List.of("identity/bounce.json", "identity/complaint.json",
            "identity/delivery.json", "event/send.json", "event/reject.json", "event/bounce.json",
            "event/complaint.json", "event/delivery.json", "event/open.json", "event/click.json",
            "event/rendering-failure.json", "event/delivery-delay.json", "event/subscription.json",
            "received/received-sns-action.json", "received/received-s3-action.json");
    private final SesLineParser parser = new SesLineParser();

    @BeforeAll
    static void readRowsAsTheJobsDo() {
        // Rows take the session's settings: java.time values for dates and timestamps.
        SparkTestSession.get();
    }

    private Row parseWrapped(String fixture) {
        String line = LambdaEvents.snsMessage(LambdaEvents.ses(fixture), "sns-" + fixture).toString();
        return parser.parse(1L, line, CAPTURED, "file:/raw/x.ndjson.gz");
    }

    private static List<Row> events(Row parsed) {
        return parsed.getList(parsed.fieldIndex("events"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "identity/bounce.json, bounce, identity_notification, 1",
            "identity/complaint.json, complaint, identity_notification, 1",
            "identity/delivery.json, delivery, identity_notification, 1",
            "event/send.json, send, event_publishing, 3",
            "event/reject.json, reject, event_publishing, 1",
            "event/bounce.json, bounce, event_publishing, 1",
            "event/complaint.json, complaint, event_publishing, 1",
            "event/delivery.json, delivery, event_publishing, 1",
            "event/open.json, open, event_publishing, 1",
            "event/click.json, click, event_publishing, 1",
            "event/rendering-failure.json, rendering_failure, event_publishing, 1",
            "event/delivery-delay.json, delivery_delay, event_publishing, 1",
            "event/subscription.json, subscription, event_publishing, 1"})
    void everyEventTypeOfBothFormatsBecomesOneRowPerRecipient(String fixture, String type, String format, int rows) {
        Row parsed = parseWrapped(fixture);
        assertEquals(SesLineParser.EVENT, parsed.getAs("status"), parsed.<String>getAs("reason"));
        assertEquals("sns-" + fixture, parsed.getAs("sns_message_id"));
        List<Row> events = events(parsed);
        assertEquals(rows, events.size());
        for (Row event : events) {
            assertEquals(type, event.getAs("event_type"));
            assertEquals(format, event.getAs("source_format"));
            assertEquals(LambdaEvents.json(LambdaEvents.ses(fixture)).path("mail").path("messageId").asText(),
                    event.getAs("message_id"));
            assertEquals("sender@example.com", event.getAs("source_address"));
            assertEquals("example.com", event.getAs("source_domain"));
            assertTrue(event.<Instant>getAs("event_time") != null);
            assertEquals(LocalDate.ofInstant(event.getAs("event_time"), java.time.ZoneOffset.UTC), event.getAs("event_date"));
        }
    }

    @Test
    void displayNameAndUpperCaseSourcesAreNormalizedAndKeptAsSent() {
        Row send = events(parseWrapped("event/send.json")).get(0);
        assertEquals("sender@example.com", send.getAs("source_address"));
        assertEquals("example.com", send.getAs("source_domain"));
        assertEquals("Sender Name", send.getAs("source_display_name"));
        assertEquals("Sender Name <Sender@Example.com>", send.getAs("source_raw"));
        assertEquals("ConfigSet", send.getAs("configuration_set"));
        assertEquals(List.of("recipient@example.com", "other@example.org", "third@gmail.com"),
                events(parseWrapped("event/send.json")).stream().map(r -> r.<String>getAs("recipient")).toList());
        assertEquals("gmail.com", events(parseWrapped("event/send.json")).get(2).getAs("recipient_domain"));
    }

    @Test
    void bounceDetailsComeFromTheBouncedRecipient() {
        Row bounce = events(parseWrapped("identity/bounce.json")).get(0);
        assertEquals("Permanent", bounce.getAs("bounce_type"));
        assertEquals("General", bounce.getAs("bounce_subtype"));
        assertEquals("5.1.1", bounce.getAs("bounce_status"));
        assertEquals("recipient@example.com", bounce.getAs("recipient"));
        assertTrue(bounce.<String>getAs("diagnostic_code").contains("5.1.1"), bounce.<String>getAs("diagnostic_code"));
        assertNull(bounce.getAs("configuration_set"));
    }

    @Test
    void theSameEventInBothFormatsHasOneRecordKey() {
        ObjectNode published = (ObjectNode) LambdaEvents.json(LambdaEvents.ses("event/bounce.json"));
        ObjectNode identity = published.deepCopy();
        identity.remove("eventType");
        identity.put("notificationType", "Bounce");
        ((ObjectNode) identity.path("mail")).remove("tags");
        Row fromEvents = parser.parse(1L, published.toString(), CAPTURED, "f");
        Row fromIdentity = parser.parse(2L, identity.toString(), CAPTURED, "f");
        assertEquals(fromEvents.<String>getAs("record_key"), fromIdentity.getAs("record_key"));
        assertEquals(0, fromEvents.<Integer>getAs("format_rank"));
        assertEquals(1, fromIdentity.<Integer>getAs("format_rank"));
        assertNull(fromEvents.getAs("sns_message_id"));
        Row otherDelivery = parser.parse(3L, LambdaEvents.ses("event/delivery.json"), CAPTURED, "f");
        assertNotEquals(fromEvents.<String>getAs("record_key"), otherDelivery.getAs("record_key"));
    }

    @Test
    void receiptNotificationsBecomeReceivedRows() {
        Row parsed = parseWrapped("received/received-s3-action.json");
        assertEquals(SesLineParser.RECEIVED, parsed.getAs("status"));
        Row received = parsed.getAs("received");
        assertEquals("S3", received.getAs("action_type"));
        assertEquals("example-inbound-mail", received.getAs("s3_bucket"));
        assertEquals("PASS", received.getAs("spam_verdict"));
        assertEquals(2, received.getList(received.fieldIndex("destinations")).size());
        assertEquals(LocalDate.parse("2026-11-24"), received.getAs("receipt_date"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "{\"Type\":\"Notification\",\"MessageId\":\"m\",\"TopicArn\":\"t\",\"Message\":\"{oops\"}|sns_message_not_json|SNS Message is not JSON: Unexpected character",
            "{\"eventType\":\"Teleport\",\"mail\":{\"messageId\":\"x\"}}|unknown_event_type|Teleport",
            "{\"eventType\":\"Send\",\"send\":{}}|no_message_id|no mail.messageId",
            "{\"eventType\":\"Send\",\"mail\":{\"messageId\":\"x\",\"timestamp\":\"yesterday\"}}|bad_timestamp|bad timestamp in timestamp: 'yesterday'",
            "{\"eventType\":\"Bounce\",\"mail\":{\"messageId\":\"x\",\"timestamp\":\"2026-11-24T00:00:00Z\"},\"bounce\":{\"timestamp\":\"2026-11-24T00:00:01Z\"}}|no_recipients|bounce without recipient addresses",
            "{\"notificationType\":\"AmazonSnsSubscriptionSucceeded\",\"message\":\"ok\"}|unknown_notification_type|AmazonSnsSubscriptionSucceeded",
            "{\"truncated\": |not_json|not JSON: Unexpected end-of-input",
            "{\"eventType\":\"Teleport\",\"mail\":{},\"reason\":\"r\",\"raw\":\"x\"}|unknown_event_type|Teleport"})
    void badLinesAreQuarantinedWithTheirReasonAndKeptWhole(String line, String reason, String detail) {
        Row parsed = parser.parse(7L, line, CAPTURED, "file:/raw/y.ndjson.gz");
        assertEquals(SesLineParser.QUARANTINE, parsed.getAs("status"));
        assertEquals(reason, parsed.getAs("reason"));
        // The detail starts with what the test names; Jackson's messages go on to say where.
        assertTrue(parsed.<String>getAs("reason_detail").startsWith(detail), parsed.<String>getAs("reason_detail"));
        assertEquals(line, parsed.getAs("raw_line"));
        assertEquals(CAPTURED, parsed.getAs("capture_date"));
    }

    @Test
    void linesTheLambdaCouldNotRecogniseKeepItsReason() {
        String line = "{\"reason\":\"not JSON: Unexpected character\",\"source\":\"sqs\",\"sourceId\":\"m3\","
                + "\"capturedAt\":\"2026-11-24T01:00:00Z\",\"raw\":\"garbage\"}";
        Row parsed = parser.parse(1L, line, CAPTURED, "f");
        assertEquals("capture_unparsed", parsed.getAs("reason"));
        assertEquals("not JSON: Unexpected character", parsed.getAs("reason_detail"));
    }

    @Test
    void readingOnlyTheFieldsTheRowsTakeGivesTheRowsOfReadingEverything() throws IOException {
        SesLineParser everything = new SesLineParser(JsonFields.ALL);
        List<String> lines = new ArrayList<>();
        for (String fixture : FIXTURES) {
            lines.add(LambdaEvents.ses(fixture));
            lines.add(LambdaEvents.snsMessage(LambdaEvents.ses(fixture), "sns-" + fixture).toString());
        }
        try (Stream<Path> files = Files.walk(Path.of("../sample/raw"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ndjson.gz")).toList()) {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
                    reader.lines().forEach(lines::add);
                }
            }
        }
        assertTrue(lines.size() > 1_000, "lines read: " + lines.size());
        for (String line : lines) {
            assertEquals(everything.parse(1L, line, CAPTURED, "f"), parser.parse(1L, line, CAPTURED, "f"), line);
        }
    }

    @Test
    void aLineThatIsNotValidUtf8IsReadAsSparkDecodesIt() {
        byte[] prefix = "{\"eventType\":\"Send\",\"mail\":{\"messageId\":\"m1\",\"timestamp\":\"2026-11-24T00:00:00Z\",\"source\":\"Caf".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = " <cafe@example.com>\",\"destination\":[\"a@example.org\"]},\"send\":{}}".getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[prefix.length + 1 + suffix.length];
        System.arraycopy(prefix, 0, line, 0, prefix.length);
        line[prefix.length] = (byte) 0xE9; // Latin-1 "é", not UTF-8
        System.arraycopy(suffix, 0, line, prefix.length + 1, suffix.length);
        Row parsed = PARSED_LINE.toRow(parser.parseToInternalRow(1L, UTF8String.fromBytes(line), CAPTURED,
                UTF8String.fromString("f")));
        assertEquals(SesLineParser.EVENT, parsed.getAs("status"), parsed.<String>getAs("reason"));
        assertEquals("Caf\uFFFD", events(parsed).get(0).getAs("source_display_name"));

        byte[] bad = Arrays.copyOf(prefix, prefix.length + 1);
        bad[prefix.length] = (byte) 0xE9;
        InternalRow quarantined = parser.parseToInternalRow(2L, UTF8String.fromBytes(bad), CAPTURED,
                UTF8String.fromString("f"));
        assertEquals(SesLineParser.QUARANTINE, PARSED_LINE.toRow(quarantined).getAs("status"));
        // Stored as valid UTF-8, as Spark decodes the line.
        assertArrayEquals((new String(prefix, StandardCharsets.UTF_8) + "\uFFFD").getBytes(StandardCharsets.UTF_8),
                quarantined.getUTF8String(Schemas.PARSED_LINE.fieldIndex("raw_line")).getBytes());
    }
}
