package io.sesanalytics.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The handler fed the invocation payloads Lambda really sends, loaded from fixtures in the shapes AWS
 * documents (see ses/SOURCES.md): an SNS event, an SQS batch, a function URL request and an SES
 * receipt rule's Lambda action.
 */
class LambdaEventFixturesTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:05.123Z");
    private static final String KEY = "raw/dt=2026-11-24/20261124T120005123Z-req.ndjson.gz";

    private static LocalS3 s3;
    private static TestSnsSigner sns;
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        s3 = LocalS3.start();
        sns = new TestSnsSigner();
    }

    @AfterAll
    static void stop() throws Exception {
        sns.close();
        s3.close();
    }

    private static String newBucket() {
        String bucket = "fixtures-" + BUCKETS.incrementAndGet();
        s3.createBucket(bucket);
        return bucket;
    }

    private static CaptureHandler handler(String bucket) {
        return new CaptureHandler(new CaptureConfig(bucket, "raw", Set.of(LambdaEvents.TOPIC_ARN)),
                new S3CaptureStore(s3.client(), bucket), sns.policy(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static String fixture(String name) {
        try (InputStream in = LambdaEventFixturesTest.class.getResourceAsStream("/lambda/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> stored(String bucket) {
        assertEquals(List.of(KEY), s3.keys(bucket, "raw/"));
        return s3.lines(bucket, KEY).stream().map(LambdaEvents::json).toList();
    }

    @Test
    void snsEvent() {
        String bucket = newBucket();
        JsonNode event = LambdaEvents.json(fixture("sns-event.json"));

        Map<String, Object> response = handler(bucket).handle(event.toString().getBytes(), "req");

        assertEquals(Map.of("stored", 1), response);
        assertEquals(List.of(event.path("Records").path(0).path("Sns")), stored(bucket));
        assertEquals(LambdaEvents.json(LambdaEvents.ses("event/delivery.json")),
                LambdaEvents.json(stored(bucket).get(0).path("Message").asText()));
    }

    @Test
    void sqsBatch() {
        String bucket = newBucket();
        JsonNode event = LambdaEvents.json(fixture("sqs-event.json"));

        Map<String, Object> response = handler(bucket).handle(event.toString().getBytes(), "req");

        assertEquals(Map.of("batchItemFailures", List.of()), response);
        assertEquals(List.of(LambdaEvents.json(event.path("Records").path(0).path("body").asText())), stored(bucket));
    }

    @Test
    void functionUrlPost() throws Exception {
        String bucket = newBucket();
        ObjectNode event = (ObjectNode) LambdaEvents.json(fixture("function-url-event.json"));
        ObjectNode message = (ObjectNode) LambdaEvents.json(event.path("body").asText());
        sns.sign(message, 1);
        event.put("body", message.toPrettyString());

        Map<String, Object> response = handler(bucket).handle(event.toString().getBytes(), "req");

        assertEquals(200, response.get("statusCode"), response.toString());
        assertEquals(List.of(message), stored(bucket));
    }

    @Test
    void sesReceiptLambdaAction() {
        String bucket = newBucket();
        JsonNode event = LambdaEvents.json(fixture("ses-receipt-event.json"));
        JsonNode ses = event.path("Records").path(0).path("ses");

        Map<String, Object> response = handler(bucket).handle(event.toString().getBytes(), "req");

        assertEquals(Map.of("disposition", "CONTINUE"), response);
        List<JsonNode> lines = stored(bucket);
        assertEquals(1, lines.size());
        assertEquals("Received", lines.get(0).path("notificationType").asText());
        assertEquals(ses.path("mail"), lines.get(0).path("mail"));
        assertEquals(ses.path("receipt"), lines.get(0).path("receipt"));
        assertEquals("Lambda", lines.get(0).path("receipt").path("action").path("type").asText());
    }

    @Test
    void sesReceiptRecordWithoutMailIsKeptWithItsReason() {
        String bucket = newBucket();
        ObjectNode event = (ObjectNode) LambdaEvents.json(fixture("ses-receipt-event.json"));
        ((ObjectNode) event.path("Records").path(0).path("ses")).remove("mail");

        handler(bucket).handle(event.toString().getBytes(), "req");

        assertEquals("no mail object", stored(bucket).get(0).path("reason").asText());
    }
}
