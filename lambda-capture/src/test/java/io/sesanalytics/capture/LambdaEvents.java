package io.sesanalytics.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SES fixtures and the Lambda invocation payloads that carry them, shaped as AWS documents them for
 * SNS events, SQS events and Lambda function URL requests.
 */
public final class LambdaEvents {
    /** Reads decimals exactly, as the handler keeps them. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    public static final String TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:ses-notifications";
    public static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:ses-notifications";

    public static final List<String> IDENTITY_FIXTURES = List.of(
            "identity/bounce.json", "identity/complaint.json", "identity/delivery.json");
    public static final List<String> EVENT_FIXTURES = List.of(
            "event/send.json", "event/reject.json", "event/bounce.json", "event/complaint.json",
            "event/delivery.json", "event/open.json", "event/click.json", "event/rendering-failure.json",
            "event/delivery-delay.json", "event/subscription.json");
    public static final List<String> RECEIVED_FIXTURES = List.of(
            "received/received-sns-action.json", "received/received-s3-action.json");

    private LambdaEvents() {
    }

    public static List<String> receivedFixtures() {
        return RECEIVED_FIXTURES;
    }

    /** An SES fixture as compact JSON text, the way SES puts it in an SNS Message. */
    public static String ses(String fixture) {
        try (InputStream in = LambdaEvents.class.getResourceAsStream("/ses/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return MAPPER.writeValueAsString(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An SNS message as SNS posts it over HTTPS or delivers it to SQS (SigningCertURL spelling). */
    public static ObjectNode snsMessage(String message, String messageId) {
        ObjectNode sns = MAPPER.createObjectNode();
        sns.put("Type", "Notification");
        sns.put("MessageId", messageId);
        sns.put("TopicArn", TOPIC_ARN);
        sns.put("Message", message);
        sns.put("Timestamp", "2026-11-24T08:00:02.000Z");
        sns.put("SignatureVersion", "1");
        sns.put("Signature", "c2lnbmF0dXJl");
        sns.put("SigningCertURL", "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem");
        sns.put("UnsubscribeURL", "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=" + TOPIC_ARN + ":1");
        return sns;
    }

    /** An SNS-triggered invocation ({@code Records[].Sns}); Lambda spells the URLs SigningCertUrl and UnsubscribeUrl. */
    public static byte[] snsEvent(List<String> messages) {
        ObjectNode event = MAPPER.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (String message : messages) {
            ObjectNode record = records.addObject();
            record.put("EventVersion", "1.0");
            record.put("EventSubscriptionArn", TOPIC_ARN + ":2bcfbf39-05c3-41de-beaa-fcfcc21c8f55");
            record.put("EventSource", "aws:sns");
            ObjectNode sns = record.putObject("Sns");
            sns.put("SignatureVersion", "1");
            sns.put("Timestamp", "2026-11-24T08:00:02.000Z");
            sns.put("Signature", "c2lnbmF0dXJl");
            sns.put("SigningCertUrl", "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0000.pem");
            sns.put("MessageId", UUID.randomUUID().toString());
            sns.put("Message", message);
            sns.putObject("MessageAttributes");
            sns.put("Type", "Notification");
            sns.put("UnsubscribeUrl", "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe");
            sns.put("TopicArn", TOPIC_ARN);
            sns.putNull("Subject");
        }
        return bytes(event);
    }

    /** An SQS-triggered invocation whose record bodies are the given texts, with message ids m0, m1, ... */
    public static byte[] sqsEvent(List<String> bodies) {
        ObjectNode event = MAPPER.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (int i = 0; i < bodies.size(); i++) {
            ObjectNode record = records.addObject();
            record.put("messageId", "m" + i);
            record.put("receiptHandle", "AQEB-receipt-" + i);
            record.put("body", bodies.get(i));
            ObjectNode attributes = record.putObject("attributes");
            attributes.put("ApproximateReceiveCount", "1");
            attributes.put("SentTimestamp", "1795507202000");
            attributes.put("SenderId", "AIDAIENQZJOLO23YVJ4VO");
            attributes.put("ApproximateFirstReceiveTimestamp", "1795507202010");
            record.putObject("messageAttributes");
            record.put("md5OfBody", "0");
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", QUEUE_ARN);
            record.put("awsRegion", "us-east-1");
        }
        return bytes(event);
    }

    /** A Lambda function URL request (payload format 2.0) posting the given body. */
    public static byte[] functionUrlPost(String body, boolean base64) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", "/");
        event.put("rawQueryString", "");
        ObjectNode headers = event.putObject("headers");
        headers.put("content-type", "text/plain; charset=UTF-8");
        headers.put("x-amz-sns-message-type", "Notification");
        headers.put("user-agent", "Amazon Simple Notification Service Agent");
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "anonymous");
        context.put("domainName", "abcdefg.lambda-url.us-east-1.on.aws");
        ObjectNode http = context.putObject("http");
        http.put("method", "POST");
        http.put("path", "/");
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "54.240.197.1");
        http.put("userAgent", "Amazon Simple Notification Service Agent");
        context.put("requestId", UUID.randomUUID().toString());
        event.put("body", base64
                ? java.util.Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))
                : body);
        event.put("isBase64Encoded", base64);
        return bytes(event);
    }

    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON text as the handler reads it; null for JSON that is not an object. */
    public static Map<String, Object> tree(String text) {
        try {
            return JsonTree.object(JsonTree.parse(text));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
