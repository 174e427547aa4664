package io.sesanalytics.jobs.normalize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesanalytics.capture.LambdaEvents;
import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.common.EventTimeWindow;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every quarantine code, each for a line that means what the code says. */
class QuarantineReasonTest {
    private static final LocalDate CAPTURED = LocalDate.parse("2026-11-24");
    private static final String SNS = "{\"Type\":\"Notification\",\"MessageId\":\"m\",\"TopicArn\":\"t\"";
    /** Codes the reading of raw objects gives, not the parser: tested where objects are read. */
    private static final Set<QuarantineReason> READING = EnumSet.of(QuarantineReason.TRUNCATED_GZIP, QuarantineReason.NOT_GZIP);

    @BeforeAll
    static void readRowsAsTheJobsDo() {
        SparkTestSession.get();
    }

    /** A line for each code the parser gives, with the detail it gives. */
    private static Map<QuarantineReason, String[]> cases() {
        Map<QuarantineReason, String[]> cases = new LinkedHashMap<>();
        cases.put(QuarantineReason.NOT_JSON, new String[] {"this is not json", "not JSON: Unrecognized token 'this'"});
        cases.put(QuarantineReason.NOT_AN_OBJECT, new String[] {"[1,2,3]", "SES message is not a JSON object"});
        cases.put(QuarantineReason.SNS_NOT_NOTIFICATION, new String[] {
                "{\"Type\":\"SubscriptionConfirmation\",\"MessageId\":\"m\",\"TopicArn\":\"t\",\"Message\":\"confirm\"}",
                "SubscriptionConfirmation"});
        cases.put(QuarantineReason.SNS_MESSAGE_MISSING, new String[] {SNS + "}", "SNS message has no Message string"});
        cases.put(QuarantineReason.SNS_MESSAGE_NOT_JSON, new String[] {SNS + ",\"Message\":\"Test message\"}",
                "SNS Message is not JSON: Unrecognized token 'Test'"});
        cases.put(QuarantineReason.UNKNOWN_EVENT_TYPE, new String[] {
                "{\"eventType\":\"Teleport\",\"mail\":{\"messageId\":\"x\"}}", "Teleport"});
        cases.put(QuarantineReason.UNKNOWN_NOTIFICATION_TYPE, new String[] {
                "{\"notificationType\":\"AmazonSnsSubscriptionSucceeded\",\"message\":\"ok\"}", "AmazonSnsSubscriptionSucceeded"});
        cases.put(QuarantineReason.NO_EVENT_TYPE, new String[] {
                "{\"mail\":{\"messageId\":\"x\"}}", "neither eventType nor notificationType is present"});
        cases.put(QuarantineReason.NO_MESSAGE_ID, new String[] {"{\"eventType\":\"Send\",\"send\":{}}", "no mail.messageId"});
        cases.put(QuarantineReason.NO_RECIPIENTS, new String[] {
                "{\"eventType\":\"Bounce\",\"mail\":{\"messageId\":\"x\",\"timestamp\":\"2026-11-24T00:00:00Z\"},"
                        + "\"bounce\":{\"timestamp\":\"2026-11-24T00:00:01Z\",\"bouncedRecipients\":[]}}",
                "bounce without recipient addresses"});
        cases.put(QuarantineReason.NO_RECEIPT, new String[] {
                "{\"notificationType\":\"Received\",\"mail\":{\"messageId\":\"x\"}}", "Received notification without receipt"});
        cases.put(QuarantineReason.BAD_TIMESTAMP, new String[] {
                "{\"eventType\":\"Send\",\"mail\":{\"messageId\":\"x\",\"timestamp\":\"24/11/2026 10:00\"}}",
                "bad timestamp in timestamp: '24/11/2026 10:00'"});
        cases.put(QuarantineReason.IMPLAUSIBLE_TIME, new String[] {withMailTime("1970-01-01T00:00:00.000Z"),
                "event time 1970-01-01T00:00:00Z lies outside the window 2026-11-10..2026-11-25 of capture date 2026-11-24"});
        cases.put(QuarantineReason.CAPTURE_UNPARSED, new String[] {
                "{\"reason\":\"not JSON: Unrecognized token 'Test'\",\"source\":\"sns\",\"sourceId\":\"s1\","
                        + "\"capturedAt\":\"2026-11-24T01:00:00Z\",\"raw\":\"Test message\"}",
                "not JSON: Unrecognized token 'Test'"});
        return cases;
    }

    private static String withMailTime(String timestamp) {
        ObjectNode send = (ObjectNode) LambdaEvents.json(LambdaEvents.ses("event/send.json"));
        ((ObjectNode) send.path("mail")).put("timestamp", timestamp);
        return send.toString();
    }

    @Test
    void everyCodeTheParserGivesIsGivenForWhatItMeans() {
        Map<QuarantineReason, String[]> cases = cases();
        SesLineParser parser = new SesLineParser();
        for (Map.Entry<QuarantineReason, String[]> c : cases.entrySet()) {
            Row row = parser.parse(1L, c.getValue()[0], CAPTURED, "f");
            assertEquals(SesLineParser.QUARANTINE, row.getAs("status"), c.getValue()[0]);
            assertEquals(c.getKey().code(), row.getAs("reason"), c.getValue()[0]);
            String detail = row.getAs("reason_detail");
            assertTrue(detail.startsWith(c.getValue()[1]), c.getKey() + ": " + detail);
            assertEquals(c.getValue()[0], row.getAs("raw_line"));
        }
        // A line whose capture date is not known fails in a way the parser does not foresee; it is kept all the same.
        Row unexpected = parser.parse(1L, withMailTime("2026-11-24T10:00:00.000Z"), null, "f");
        assertEquals(QuarantineReason.UNEXPECTED_ERROR.code(), unexpected.getAs("reason"));
        assertTrue(unexpected.<String>getAs("reason_detail").startsWith("NullPointerException"), unexpected.<String>getAs("reason_detail"));

        Set<QuarantineReason> asserted = EnumSet.copyOf(cases.keySet());
        asserted.add(QuarantineReason.UNEXPECTED_ERROR);
        asserted.addAll(READING);
        assertEquals(EnumSet.allOf(QuarantineReason.class), asserted, "a code without a case here");
    }

    @Test
    void codesAreStableLowerCaseWordsAndEachHasAMeaning() {
        Pattern code = Pattern.compile("[a-z]+(_[a-z]+)*");
        for (QuarantineReason reason : QuarantineReason.values()) {
            assertTrue(code.matcher(reason.code()).matches(), reason.code());
            assertEquals(reason, QuarantineReason.fromCode(reason.code()).orElseThrow());
            assertTrue(!reason.meaning().isBlank(), reason.code());
        }
        assertEquals("not_json", QuarantineReason.NOT_JSON.code());
        assertEquals("capture_unparsed", QuarantineReason.CAPTURE_UNPARSED.code());
        assertEquals("truncated_gzip", QuarantineReason.TRUNCATED_GZIP.code());
    }

    @Test
    void theWindowAroundTheCaptureDateIsConfigurable() {
        String twentyDaysOld = withMailTime("2026-11-04T10:00:00.000Z");
        assertEquals(QuarantineReason.IMPLAUSIBLE_TIME.code(), new SesLineParser().parse(1L, twentyDaysOld, CAPTURED, "f").getAs("reason"));
        assertEquals(SesLineParser.EVENT, new SesLineParser(new EventTimeWindow(30, 1)).parse(1L, twentyDaysOld, CAPTURED, "f").getAs("status"));
        // The edges: 14 days before and 1 day after are in; a millisecond beyond either is out.
        SesLineParser parser = new SesLineParser();
        assertEquals(SesLineParser.EVENT, parser.parse(1L, withMailTime("2026-11-10T00:00:00.000Z"), CAPTURED, "f").getAs("status"));
        assertEquals(SesLineParser.EVENT, parser.parse(1L, withMailTime("2026-11-25T23:59:59.999Z"), CAPTURED, "f").getAs("status"));
        assertEquals("implausible_time", parser.parse(1L, withMailTime("2026-11-09T23:59:59.999Z"), CAPTURED, "f").getAs("reason"));
        assertEquals("implausible_time", parser.parse(1L, withMailTime("2026-11-26T00:00:00.000Z"), CAPTURED, "f").getAs("reason"));
        assertEquals("implausible_time", parser.parse(1L, withMailTime("9999-12-31T23:59:59.999Z"), CAPTURED, "f").getAs("reason"));
        // The window is of the UTC date: 23:30 on the 25th at -01:00 is the 26th in UTC.
        assertEquals("implausible_time", parser.parse(1L, withMailTime("2026-11-25T23:30:00 -0100"), CAPTURED, "f").getAs("reason"));
        // A receipt is held to the same window.
        ObjectNode received = (ObjectNode) LambdaEvents.json(LambdaEvents.ses("received/received-s3-action.json"));
        ((ObjectNode) received.path("receipt")).put("timestamp", "1970-01-01T00:00:00.000Z");
        Row row = parser.parse(1L, received.toString(), CAPTURED, "f");
        assertEquals("implausible_time", row.getAs("reason"));
        assertTrue(row.<String>getAs("reason_detail").startsWith("receipt time 1970-01-01T00:00:00Z"), row.<String>getAs("reason_detail"));
    }

    @Test
    void theWindowIsValidatedNamingTheOption() {
        IllegalArgumentException age = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new EventTimeWindow(-1, 1));
        assertEquals("--max-event-age-days must be between 0 and 366, not -1", age.getMessage());
        IllegalArgumentException lead = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new EventTimeWindow(14, 40));
        assertEquals("--max-event-lead-days must be between 0 and 31, not 40", lead.getMessage());
    }
}
