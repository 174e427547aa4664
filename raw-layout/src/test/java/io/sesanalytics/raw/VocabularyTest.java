package io.sesanalytics.raw;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VocabularyTest {
    @Test
    void eventTypesReadBothWaysAndNameTheirDetailObject() {
        for (SesEventType type : SesEventType.values()) {
            assertEquals(type, SesEventType.fromEventType(type.eventType()).orElseThrow());
            assertEquals(type, SesEventType.fromTableName(type.tableName()).orElseThrow());
        }
        assertEquals("rendering_failure", SesEventType.fromEventType("Rendering Failure").orElseThrow().tableName());
        assertEquals("failure", SesEventType.RENDERING_FAILURE.detailKey());
        assertEquals("deliveryDelay", SesEventType.DELIVERY_DELAY.detailKey());
        assertTrue(SesEventType.fromEventType("send").isEmpty(), "SES spells event types with a capital");
    }

    @Test
    void identityNotificationsReportThreeSendingEventsAndReceiptNone() {
        assertEquals(SesEventType.BOUNCE, SesNotificationType.fromText("Bounce").orElseThrow().eventType());
        assertEquals(SesEventType.COMPLAINT, SesNotificationType.fromText("Complaint").orElseThrow().eventType());
        assertEquals(SesEventType.DELIVERY, SesNotificationType.fromText("Delivery").orElseThrow().eventType());
        assertNull(SesNotificationType.RECEIVED.eventType());
        assertTrue(SesNotificationType.fromText("Open").isEmpty());
    }

    @Test
    void anEnvelopeHasItsThreeIdentifyingStrings() {
        Map<String, Object> sns = Map.of("Type", "Notification", "MessageId", "m", "TopicArn", "arn:aws:sns:eu-west-1:1:t");
        assertTrue(SnsEnvelope.isEnvelope(field -> sns.get(field) instanceof String));
        Map<String, Object> ses = Map.of("eventType", "Send", "mail", Map.of());
        assertFalse(SnsEnvelope.isEnvelope(field -> ses.get(field) instanceof String));
    }

    @Test
    void keysArePartitionedByUtcCaptureDate() {
        assertEquals("dt=2026-11-20", CaptureKeys.dateFolder(LocalDate.parse("2026-11-20")));
        assertEquals("raw/dt=2026-11-24/20261124T235959999Z-abc.ndjson.gz",
                new CaptureKeys("raw").key(java.time.Instant.parse("2026-11-24T23:59:59.999Z"), "abc"));
    }

    @Test
    void ndjsonGzipWritesOneLineEachAndRefusesLineBreaks() throws IOException {
        byte[] gzip = NdjsonGzip.encode(List.of("{\"a\":1}", "{\"b\":\"é\"}"));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            assertEquals("{\"a\":1}\n{\"b\":\"é\"}\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThrows(IllegalArgumentException.class, () -> NdjsonGzip.encode(List.of("{\n}")));
    }
}
