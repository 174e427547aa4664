package io.sesanalytics.capture;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** HTTPS posts of SNS messages: signature, certificate host and topic checks before anything is stored. */
class HttpsSnsCaptureTest {
    private static final Instant NOW = Instant.parse("2026-11-25T03:04:05.678Z");
    private static final String OTHER_TOPIC = "arn:aws:sns:us-east-1:999999999999:someone-else";

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
        String bucket = "https-" + BUCKETS.incrementAndGet();
        s3.createBucket(bucket);
        return bucket;
    }

    private static CaptureHandler handler(String bucket, SnsUrlPolicy policy) {
        return new CaptureHandler(new CaptureConfig(bucket, "raw", Set.of(LambdaEvents.TOPIC_ARN)),
                new S3CaptureStore(s3.client(), bucket), policy, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static ObjectNode signedNotification(String fixture, int version) throws Exception {
        return sns.sign(LambdaEvents.snsMessage(LambdaEvents.ses(fixture), "msg-" + fixture.hashCode()), version);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void validSignatureIsStored(int signatureVersion) throws Exception {
        String bucket = newBucket();
        ObjectNode message = signedNotification("event/bounce.json", signatureVersion);

        Map<String, Object> response = handler(bucket, sns.policy())
                .handle(LambdaEvents.functionUrlPost(message.toString(), signatureVersion == 2), "req-h");

        assertEquals(200, response.get("statusCode"), response.toString());
        String key = "raw/dt=2026-11-25/20261125T030405678Z-req-h.ndjson.gz";
        assertEquals(List.of(key), s3.keys(bucket, "raw/"));
        assertEquals(List.of(message), s3.lines(bucket, key).stream().map(LambdaEvents::json).toList());
    }

    @Test
    void forgedSignatureIsRefused() throws Exception {
        String bucket = newBucket();
        ObjectNode message = signedNotification("event/complaint.json", 2);
        message.put("Message", LambdaEvents.ses("event/delivery.json"));

        Map<String, Object> response = handler(bucket, sns.policy()).handle(LambdaEvents.functionUrlPost(message.toString(), false), "r");

        assertEquals(403, response.get("statusCode"));
        assertEquals("signature does not match the message", response.get("body"));
        assertEquals(List.of(), s3.keys(bucket, ""));
    }

    @Test
    void certificateFromAHostOtherThanSnsIsRefused() throws Exception {
        String bucket = newBucket();
        // Validly signed, but the certificate lives on a host the production policy does not trust.
        ObjectNode message = signedNotification("event/delivery.json", 1);

        Map<String, Object> response = handler(bucket, SnsUrlPolicy.snsEndpointsOnly())
                .handle(LambdaEvents.functionUrlPost(message.toString(), false), "r");

        assertEquals(403, response.get("statusCode"));
        assertEquals("signing certificate URL is not an SNS endpoint: " + sns.certificateUrl(), response.get("body"));
        assertEquals(List.of(), s3.keys(bucket, ""));
    }

    @Test
    void topicNotAllowedIsRefused() throws Exception {
        String bucket = newBucket();
        ObjectNode message = LambdaEvents.snsMessage(LambdaEvents.ses("event/send.json"), "m-other");
        message.put("TopicArn", OTHER_TOPIC);
        sns.sign(message, 2);

        Map<String, Object> response = handler(bucket, sns.policy()).handle(LambdaEvents.functionUrlPost(message.toString(), false), "r");

        assertEquals(403, response.get("statusCode"));
        assertEquals("topic is not allowed", response.get("body"));
        assertEquals(List.of(), s3.keys(bucket, ""));
    }

    @Test
    void subscriptionIsConfirmedOnlyForAllowedTopics() throws Exception {
        String bucket = newBucket();
        CaptureHandler handler = handler(bucket, sns.policy());
        int before = sns.confirmations();

        Map<String, Object> allowed = handler.handle(LambdaEvents.functionUrlPost(subscription(LambdaEvents.TOPIC_ARN).toString(), false), "r");
        Map<String, Object> refused = handler.handle(LambdaEvents.functionUrlPost(subscription(OTHER_TOPIC).toString(), false), "r");

        assertEquals(200, allowed.get("statusCode"), allowed.toString());
        assertEquals(403, refused.get("statusCode"));
        assertEquals(before + 1, sns.confirmations());
        assertEquals(List.of(), s3.keys(bucket, ""));
    }

    @Test
    void requestsThatAreNotSnsPostsAreRefused() {
        String bucket = newBucket();
        CaptureHandler handler = handler(bucket, sns.policy());

        assertEquals(400, handler.handle(LambdaEvents.functionUrlPost("not json", false), "r").get("statusCode"));
        assertEquals(400, handler.handle(LambdaEvents.functionUrlPost("{\"hello\":1}", false), "r").get("statusCode"));
        ObjectNode get = (ObjectNode) LambdaEvents.json(new String(LambdaEvents.functionUrlPost("{}", false)));
        ((ObjectNode) get.path("requestContext").path("http")).put("method", "GET");
        assertEquals(405, handler.handle(get.toString().getBytes(), "r").get("statusCode"));
    }

    private static ObjectNode subscription(String topicArn) throws Exception {
        ObjectNode message = LambdaEvents.MAPPER.createObjectNode();
        message.put("Type", "SubscriptionConfirmation");
        message.put("MessageId", "sub-" + topicArn.hashCode());
        message.put("Token", "2336412f37fb687f5d51e6e2425c464de12884");
        message.put("TopicArn", topicArn);
        message.put("Message", "You have chosen to subscribe to the topic " + topicArn + ".");
        message.put("SubscribeURL", sns.confirmUrl().toString());
        message.put("Timestamp", "2026-11-24T08:00:00.000Z");
        return sns.sign(message, 2);
    }
}
