package io.sesanalytics.capture;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTPS posts of SNS messages: signature, certificate host and topic checks before anything is stored. */
class HttpsSnsCaptureTest {
    private static final Instant NOW = Instant.parse("2026-11-25T03:04:05.678Z");
    private static final String OTHER_TOPIC = "arn:aws:sns:us-east-1:999999999999:someone-else";
    /** Sent by SNS a few seconds before the function runs. */
    private static final String RECENT = "2026-11-25T03:04:01.000Z";
    private static final String HEX = "f3ecfb7224c7233fe7bb5f59f96de52f";

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
        return sns.sign(notification(fixture), version);
    }

    private static ObjectNode notification(String fixture) {
        ObjectNode message = LambdaEvents.snsMessage(LambdaEvents.ses(fixture), "msg-" + fixture.hashCode());
        message.put("Timestamp", RECENT);
        return message;
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
        ObjectNode message = notification("event/send.json");
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
        assertEquals(List.of(), s3.keys(bucket, ""));
    }

    @Test
    void bodylessGetIsRefusedAndNothingIsStored() {
        String bucket = newBucket();
        ObjectNode get = (ObjectNode) LambdaEvents.json(new String(LambdaEvents.functionUrlPost("", false)));
        ((ObjectNode) get.path("requestContext").path("http")).put("method", "GET");
        get.remove("body");
        get.remove("isBase64Encoded");

        Map<String, Object> response = handler(bucket, sns.policy()).handle(get.toString().getBytes(), "r");

        assertEquals(405, response.get("statusCode"), response.toString());
        assertEquals(List.of(), s3.keys(bucket, ""));
    }

    @Test
    void bodylessPostIsRefusedAndNothingIsStored() {
        String bucket = newBucket();
        ObjectNode post = (ObjectNode) LambdaEvents.json(new String(LambdaEvents.functionUrlPost("", false)));
        post.remove("body");

        Map<String, Object> response = handler(bucket, sns.policy()).handle(post.toString().getBytes(), "r");

        assertEquals(400, response.get("statusCode"), response.toString());
        assertEquals("POST without a body", response.get("body"));
        assertEquals(List.of(), s3.keys(bucket, ""));
    }

    @Test
    void replayedMessageIsRefused() throws Exception {
        String bucket = newBucket();
        // Validly signed, but sent two minutes ago: past SNS's default retries (60 s) and the clock skew (30 s).
        ObjectNode message = notification("event/bounce.json");
        message.put("Timestamp", "2026-11-25T03:02:05.678Z");
        sns.sign(message, 2);

        Map<String, Object> response = handler(bucket, sns.policy()).handle(LambdaEvents.functionUrlPost(message.toString(), false), "r");

        assertEquals(403, response.get("statusCode"));
        assertEquals("message is older than 60 s (a replay?)", response.get("body"));
        assertEquals(List.of(), s3.keys(bucket, ""));
    }

    @Test
    void messageAsOldAsTheRetriesIsStored() throws Exception {
        String bucket = newBucket();
        ObjectNode message = notification("event/bounce.json");
        message.put("Timestamp", "2026-11-25T03:03:05.678Z");
        sns.sign(message, 2);

        Map<String, Object> response = handler(bucket, sns.policy()).handle(LambdaEvents.functionUrlPost(message.toString(), false), "r");

        assertEquals(200, response.get("statusCode"), response.toString());
    }

    @Test
    void maximumAgeIsConfigurable() throws Exception {
        String bucket = newBucket();
        ObjectNode message = notification("event/bounce.json");
        message.put("Timestamp", "2026-11-25T03:02:05.678Z");
        sns.sign(message, 2);
        CaptureConfig config = CaptureConfig.fromEnvironment(Map.of(CaptureConfig.BUCKET, bucket,
                CaptureConfig.ALLOWED_TOPIC_ARNS, LambdaEvents.TOPIC_ARN, CaptureConfig.MAX_MESSAGE_AGE_SECONDS, "3600"));
        CaptureHandler handler = new CaptureHandler(config, new S3CaptureStore(s3.client(), bucket), sns.policy(),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertEquals(200, handler.handle(LambdaEvents.functionUrlPost(message.toString(), false), "r").get("statusCode"));
    }

    @Test
    void messageFromTheFutureIsRefused() throws Exception {
        String bucket = newBucket();
        ObjectNode message = notification("event/delivery.json");
        message.put("Timestamp", "2026-11-25T03:05:05.678Z");
        sns.sign(message, 1);

        Map<String, Object> response = handler(bucket, sns.policy()).handle(LambdaEvents.functionUrlPost(message.toString(), false), "r");

        assertEquals(403, response.get("statusCode"));
        assertEquals("message Timestamp is in the future", response.get("body"));
        assertEquals(List.of(), s3.keys(bucket, ""));
    }

    /** Validly signed messages whose SigningCertURL is not SNS's endpoint in the topic's Region (us-east-1). */
    @ParameterizedTest
    @ValueSource(strings = {
            "https://sns.s3.amazonaws.com/SimpleNotificationService-" + HEX + ".pem",
            "https://sns.s3-us-west-2.amazonaws.com/SimpleNotificationService-" + HEX + ".pem",
            "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-" + HEX + ".pem",
            "https://sns.us-east-1.amazonaws.com.cn/SimpleNotificationService-" + HEX + ".pem",
            "https://sns.us-east-1.amazonaws.com.example.com/SimpleNotificationService-" + HEX + ".pem",
            "https://SNS.US-EAST-1.AMAZONAWS.COM/SimpleNotificationService-" + HEX + ".pem",
            "http://sns.us-east-1.amazonaws.com/SimpleNotificationService-" + HEX + ".pem",
            "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-" + HEX + ".pem?x=1",
            "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-" + HEX + ".pem#x",
            "https://user@sns.us-east-1.amazonaws.com/SimpleNotificationService-" + HEX + ".pem",
            "https://sns.us-east-1.amazonaws.com:443/SimpleNotificationService-" + HEX + ".pem",
            "https://sns.us-east-1.amazonaws.com:8443/SimpleNotificationService-" + HEX + ".pem",
            "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-" + HEX + ".crt",
            "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-not-hex.pem",
            "https://sns.us-east-1.amazonaws.com/bucket/SimpleNotificationService-" + HEX + ".pem",
            "https://sns.us-east-1.amazonaws.com/../SimpleNotificationService-" + HEX + ".pem"})
    void certificateUrlOtherThanSnsInTheTopicsRegionIsRefused(String certificateUrl) throws Exception {
        String bucket = newBucket();
        ObjectNode message = signedNotification("event/delivery.json", 2);
        message.put("SigningCertURL", certificateUrl); // not part of the signed text

        Map<String, Object> response = handler(bucket, SnsUrlPolicy.snsEndpointsOnly())
                .handle(LambdaEvents.functionUrlPost(message.toString(), false), "r");

        assertEquals(403, response.get("statusCode"), response.toString());
        assertEquals("signing certificate URL is not an SNS endpoint: " + certificateUrl, response.get("body"));
        assertEquals(List.of(), s3.keys(bucket, ""));
    }

    @Test
    void snsEndpointsOfTheTopicsRegionAreAllowed() {
        SnsUrlPolicy policy = SnsUrlPolicy.snsEndpointsOnly();
        assertTrue(policy.allowsCertificate(URI.create("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-" + HEX + ".pem"),
                LambdaEvents.TOPIC_ARN));
        assertTrue(policy.allowsCertificate(URI.create("https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-" + HEX + ".pem"),
                "arn:aws-cn:sns:cn-north-1:123456789012:ses"));
        assertTrue(policy.allowsCertificate(URI.create("https://sns.us-gov-west-1.amazonaws.com/SimpleNotificationService-" + HEX + ".pem"),
                "arn:aws-us-gov:sns:us-gov-west-1:123456789012:ses"));
        assertFalse(policy.allowsCertificate(URI.create("https://sns.cn-north-1.amazonaws.com/SimpleNotificationService-" + HEX + ".pem"),
                "arn:aws-cn:sns:cn-north-1:123456789012:ses"));
        assertFalse(policy.allowsCertificate(URI.create("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-" + HEX + ".pem"),
                "not an arn"));
        assertTrue(policy.allowsSubscribeUrl(URI.create("https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn="
                + LambdaEvents.TOPIC_ARN + "&Token=2336412f37f"), LambdaEvents.TOPIC_ARN));
        assertFalse(policy.allowsSubscribeUrl(URI.create("https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&Token=t"),
                LambdaEvents.TOPIC_ARN));
        assertFalse(policy.allowsSubscribeUrl(URI.create("https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&Token=t"),
                LambdaEvents.TOPIC_ARN));
    }

    @Test
    void certificateNotIssuedToSnsIsRefused() throws Exception {
        String bucket = newBucket();
        try (TestSnsSigner impostor = new TestSnsSigner("CN=sns.example.com")) {
            ObjectNode message = impostor.sign(notification("event/open.json"), 2);

            Map<String, Object> response = handler(bucket, impostor.policy())
                    .handle(LambdaEvents.functionUrlPost(message.toString(), false), "r");

            assertEquals(403, response.get("statusCode"));
            assertEquals("signing certificate " + impostor.certificateUrl() + " is not issued to sns.amazonaws.com",
                    response.get("body"));
            assertEquals(List.of(), s3.keys(bucket, ""));
        }
    }

    private static ObjectNode subscription(String topicArn) throws Exception {
        ObjectNode message = LambdaEvents.MAPPER.createObjectNode();
        message.put("Type", "SubscriptionConfirmation");
        message.put("MessageId", "sub-" + topicArn.hashCode());
        message.put("Token", "2336412f37fb687f5d51e6e2425c464de12884");
        message.put("TopicArn", topicArn);
        message.put("Message", "You have chosen to subscribe to the topic " + topicArn + ".");
        message.put("SubscribeURL", sns.confirmUrl().toString());
        message.put("Timestamp", RECENT);
        return sns.sign(message, 2);
    }
}
