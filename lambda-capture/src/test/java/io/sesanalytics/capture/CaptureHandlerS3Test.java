package io.sesanalytics.capture;

import com.fasterxml.jackson.databind.JsonNode;
import io.sesanalytics.raw.UnparsedLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SNS events, SQS batches and unknown invocations stored in a real local S3 server. */
class CaptureHandlerS3Test {
    private static final Instant NOW = Instant.parse("2026-11-25T03:04:05.678Z");
    private static final String PREFIX = "ses/raw";

    private static LocalS3 s3;
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    /** Fails every S3 request, as an unavailable S3 would. */
    private static final ExecutionInterceptor EVERY_PUT_FAILS = new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            throw SdkClientException.create("injected: S3 unavailable");
        }
    };

    @BeforeAll
    static void startS3() {
        s3 = LocalS3.start();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    private static String newBucket() {
        String bucket = "capture-" + BUCKETS.incrementAndGet();
        s3.createBucket(bucket);
        return bucket;
    }

    private static CaptureHandler handler(String bucket, ExecutionInterceptor... faults) {
        return new CaptureHandler(new CaptureConfig(bucket, PREFIX, Set.of()),
                new S3CaptureStore(s3.client(faults), bucket),
                SnsUrlPolicy.snsEndpointsOnly(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void snsEventOfEveryTypeIsStoredAsDeliveredInOneObject() {
        String bucket = newBucket();
        List<String> sending = new ArrayList<>(LambdaEvents.IDENTITY_FIXTURES);
        sending.addAll(LambdaEvents.EVENT_FIXTURES);
        List<String> messages = new ArrayList<>(sending.stream().map(LambdaEvents::ses).toList());
        messages.addAll(LambdaEvents.RECEIVED_FIXTURES.stream().map(LambdaEvents::ses).toList());
        byte[] event = LambdaEvents.snsEvent(messages);

        PutCounter puts = new PutCounter();
        handler(bucket, puts).handle(event, "req-1");

        String key = PREFIX + "/dt=2026-11-25/20261125T030405678Z-req-1.ndjson.gz";
        assertEquals(List.of(key), s3.keys(bucket, PREFIX + "/"));
        assertEquals(1, puts.count.get(), "one PUT for the whole invocation");
        JsonNode records = LambdaEvents.json(new String(event, StandardCharsets.UTF_8)).path("Records");
        List<String> lines = s3.lines(bucket, key);
        assertEquals(messages.size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = LambdaEvents.json(lines.get(i));
            assertEquals(records.get(i).path("Sns"), line, "line " + i);
            // The Message string is kept byte for byte, and with it what the jobs deduplicate on.
            assertEquals(messages.get(i), line.path("Message").asText());
        }
    }

    @Test
    void sqsBatchOfMixedKindsIsStoredInOnePut() {
        String bucket = newBucket();
        String wrappedBounce = LambdaEvents.snsMessage(LambdaEvents.ses("identity/bounce.json"), UUID.randomUUID().toString()).toString();
        String rawDelivery = LambdaEvents.ses("event/delivery.json");
        String received = LambdaEvents.snsMessage(LambdaEvents.ses("received/received-s3-action.json"), "r-1").toString();
        String notJson = "this is not json";
        PutCounter puts = new PutCounter();

        Map<String, Object> response = handler(bucket, puts)
                .handle(LambdaEvents.sqsEvent(List.of(wrappedBounce, rawDelivery, received, notJson)), "req-2");

        assertEquals(Map.of("batchItemFailures", List.of()), response);
        assertEquals(1, puts.count.get(), "one PUT for the whole batch");
        String key = PREFIX + "/dt=2026-11-25/20261125T030405678Z-req-2.ndjson.gz";
        assertEquals(List.of(key), s3.keys(bucket, PREFIX + "/"));
        List<JsonNode> lines = s3.lines(bucket, key).stream().map(LambdaEvents::json).toList();
        assertEquals(List.of(LambdaEvents.json(wrappedBounce), LambdaEvents.json(rawDelivery), LambdaEvents.json(received)),
                lines.subList(0, 3));
        JsonNode quarantined = lines.get(3);
        assertEquals(notJson, quarantined.path(UnparsedLine.RAW).asText());
        assertEquals("m3", quarantined.path(UnparsedLine.SOURCE_ID).asText());
        assertEquals("sqs", quarantined.path(UnparsedLine.SOURCE).asText());
        assertTrue(quarantined.path(UnparsedLine.REASON).asText().startsWith("not JSON"), quarantined.toString());
    }

    @Test
    void sqsBatchNamesEveryRecordWhenItsObjectCannotBeStored() {
        String bucket = newBucket();
        String bounce = LambdaEvents.snsMessage(LambdaEvents.ses("identity/bounce.json"), "b-1").toString();

        Map<String, Object> response = handler(bucket, EVERY_PUT_FAILS)
                .handle(LambdaEvents.sqsEvent(List.of(bounce, "this is not json")), "req-6");

        assertEquals(Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "m0"), Map.of("itemIdentifier", "m1"))),
                response);
        assertEquals(List.of(), s3.keys(bucket, PREFIX + "/"));
    }

    @Test
    void snsEventIsRetriedWhenItsObjectCannotBeStored() {
        String bucket = newBucket();
        byte[] event = LambdaEvents.snsEvent(List.of(LambdaEvents.ses("event/send.json")));

        assertThrows(CaptureFailedException.class, () -> handler(bucket, EVERY_PUT_FAILS).handle(event, "req-3"));
        assertEquals(List.of(), s3.keys(bucket, PREFIX + "/"));
    }

    @Test
    void malformedAndUnknownMessagesAreKeptWithTheirReason() {
        String bucket = newBucket();
        List<String> messages = List.of(
                "{\"not\": \"ses\"",
                "{\"eventType\":\"Teleport\",\"mail\":{}}",
                "{\"notificationType\":\"Bounced\",\"mail\":{}}",
                "{\"eventType\":\"Send\"}");

        handler(bucket).handle(LambdaEvents.snsEvent(messages), "req-4");
        handler(bucket).handle("definitely not an invocation".getBytes(StandardCharsets.UTF_8), "req-5");

        List<String> keys = s3.keys(bucket, PREFIX + "/");
        assertEquals(List.of(
                PREFIX + "/dt=2026-11-25/20261125T030405678Z-req-4.ndjson.gz",
                PREFIX + "/dt=2026-11-25/20261125T030405678Z-req-5.ndjson.gz"), keys);
        List<String> reasons = s3.lines(bucket, keys.get(0)).stream()
                .map(line -> LambdaEvents.json(line).path("reason").asText()).toList();
        assertTrue(reasons.get(0).startsWith("SNS Message is not JSON"), reasons.get(0));
        assertEquals(List.of("unknown eventType 'Teleport'", "unknown notificationType 'Bounced'",
                "no mail object"), reasons.subList(1, 4));
        JsonNode kept = LambdaEvents.json(s3.lines(bucket, keys.get(0)).get(0));
        assertEquals(messages.get(0), LambdaEvents.json(kept.path("raw").asText()).path("Message").asText());
        JsonNode invocation = LambdaEvents.json(s3.lines(bucket, keys.get(1)).get(0));
        assertEquals("invocation payload is not a JSON object", invocation.path("reason").asText());
        assertEquals("definitely not an invocation", invocation.path("raw").asText());
    }

    @Test
    void sesSetUpMessagesAreRecognisedNotQuarantined() {
        String bucket = newBucket();
        String subscribed = "{\"notificationType\":\"AmazonSnsSubscriptionSucceeded\",\"message\":\"You have successfully"
                + " subscribed your Amazon SNS topic '" + LambdaEvents.TOPIC_ARN + "' to receive 'Bounce' notifications from"
                + " Amazon SES for identity 'example.com'.\"}";
        String validated = "Successfully validated SNS topic for Amazon SES event publishing.";

        Map<String, Object> sns = handler(bucket).handle(LambdaEvents.snsEvent(List.of(subscribed, validated)), "req-6");
        Map<String, Object> sqs = handler(bucket).handle(LambdaEvents.sqsEvent(List.of(
                LambdaEvents.snsMessage(subscribed, "s1").toString(),
                LambdaEvents.snsMessage(validated, "s2").toString(),
                subscribed,
                LambdaEvents.snsMessage(LambdaEvents.ses("event/send.json"), "s3").toString())), "req-7");

        assertEquals(Map.of("stored", 0), sns);
        assertEquals(Map.of("batchItemFailures", List.of()), sqs);
        String key = PREFIX + "/dt=2026-11-25/20261125T030405678Z-req-7.ndjson.gz";
        assertEquals(List.of(key), s3.keys(bucket, PREFIX + "/"));
        assertEquals(List.of("s3"), s3.lines(bucket, key).stream()
                .map(line -> LambdaEvents.json(line).path("MessageId").asText()).toList());
    }

    /** Counts the PUT requests the handler sends. */
    private static final class PutCounter implements ExecutionInterceptor {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof PutObjectRequest) {
                count.incrementAndGet();
            }
        }
    }
}
