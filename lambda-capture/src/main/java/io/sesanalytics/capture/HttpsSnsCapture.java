package io.sesanalytics.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sesanalytics.raw.CapturedLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SNS messages posted over HTTPS to a Lambda function URL or API Gateway. Every message is checked
 * before anything is stored or confirmed: its topic must be allowed, its signed Timestamp recent (not a
 * replay, not from the future) and its signature must verify.
 * A refused message gets a 4xx answer and one WARN line naming the reason, never the body.
 */
final class HttpsSnsCapture {
    private static final Logger LOG = LoggerFactory.getLogger(HttpsSnsCapture.class);

    /** How far SNS's clock may run ahead of ours, or our clock behind its. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final Set<String> allowedTopicArns;
    private final Duration maxMessageAge;
    private final SnsSignatureVerifier verifier;
    private final SubscriptionConfirmer confirmer;
    private final NotificationClassifier classifier;
    private final CaptureWriter writer;

    HttpsSnsCapture(Set<String> allowedTopicArns, Duration maxMessageAge, SnsSignatureVerifier verifier, SubscriptionConfirmer confirmer,
                    NotificationClassifier classifier, CaptureWriter writer) {
        this.allowedTopicArns = allowedTopicArns;
        this.maxMessageAge = maxMessageAge;
        this.verifier = verifier;
        this.confirmer = confirmer;
        this.classifier = classifier;
        this.writer = writer;
    }

    Map<String, Object> handle(Map<String, Object> request, String requestId, Instant now) {
        if (!"POST".equalsIgnoreCase(method(request))) {
            return refuse(405, "only POST is accepted", "-", "-");
        }
        String body;
        try {
            body = body(request);
        } catch (IllegalArgumentException e) {
            return refuse(400, "body is not base64", "-", "-");
        }
        if (body.isEmpty()) {
            return refuse(400, "POST without a body", "-", "-");
        }
        Map<String, Object> message;
        try {
            message = JsonTree.object(JsonTree.parse(body));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return refuse(400, "body is not JSON", "-", "-");
        }
        if (message == null || !NotificationClassifier.isSnsMessage(message)) {
            return refuse(400, "body is not an SNS message", "-", "-");
        }
        String messageId = (String) message.get("MessageId");
        String topicArn = (String) message.get("TopicArn");
        if (!allowedTopicArns.contains(topicArn)) {
            return refuse(403, "topic is not allowed", messageId, topicArn);
        }
        String staleness = staleness(JsonTree.text(message, "Timestamp"), now);
        if (staleness != null) {
            return refuse(403, staleness, messageId, topicArn);
        }
        try {
            verifier.verify(message);
        } catch (SnsVerificationException e) {
            return refuse(403, e.getMessage(), messageId, topicArn);
        }
        return switch ((String) message.get("Type")) {
            case "SubscriptionConfirmation" -> confirm(message, messageId, topicArn);
            case "UnsubscribeConfirmation" -> {
                LOG.info("unsubscribed from {} (message {})", topicArn, messageId);
                yield answer(200, "unsubscribe noted");
            }
            default -> store(message, messageId, requestId, now);
        };
    }

    private Map<String, Object> confirm(Map<String, Object> message, String messageId, String topicArn) {
        try {
            confirmer.confirm(JsonTree.text(message, "SubscribeURL"), topicArn);
        } catch (SnsVerificationException e) {
            return refuse(403, e.getMessage(), messageId, topicArn);
        } catch (IOException e) {
            LOG.error("could not confirm the subscription to {}: {}", topicArn, e.getMessage());
            return answer(502, "subscription could not be confirmed");
        }
        LOG.info("confirmed the subscription to {}", topicArn);
        return answer(200, "subscription confirmed");
    }

    private Map<String, Object> store(Map<String, Object> message, String messageId, String requestId, Instant now) {
        CapturedLine line = classifier.fromSnsMessage(message, "https", messageId, now);
        if (line == null) {
            return answer(200, "set-up message noted");
        }
        CaptureWriter.WriteResult result = writer.write(List.of(line), requestId, now);
        // A 5xx makes SNS retry the delivery under its delivery policy.
        return result.allStored() ? answer(200, "stored") : answer(500, "not stored, retry");
    }

    /** Why the signed Timestamp is not acceptable now, or null if it is. */
    private String staleness(String timestamp, Instant now) {
        Instant sent;
        try {
            sent = Instant.parse(timestamp);
        } catch (DateTimeParseException | NullPointerException e) {
            return "Timestamp is not an ISO-8601 instant";
        }
        if (sent.isBefore(now.minus(maxMessageAge).minus(CLOCK_SKEW))) {
            return "message is older than " + maxMessageAge.toSeconds() + " s (a replay?)";
        }
        if (sent.isAfter(now.plus(CLOCK_SKEW))) {
            return "message Timestamp is in the future";
        }
        return null;
    }

    private Map<String, Object> refuse(int status, String reason, String messageId, String topicArn) {
        LOG.warn("refused HTTPS post: {} (status {}, message {}, topic {})", reason, status, messageId, topicArn);
        return answer(status, reason);
    }

    private static Map<String, Object> answer(int status, String text) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("statusCode", status);
        response.put("headers", Map.of("content-type", "text/plain; charset=utf-8"));
        response.put("body", text);
        return response;
    }

    /** A function URL names the method in requestContext.http, an API Gateway REST API in httpMethod. */
    private static String method(Map<String, Object> request) {
        Object method = JsonTree.member(request, "requestContext", "http", "method");
        return method != null ? JsonTree.text(method) : JsonTree.text(request, "httpMethod", "");
    }

    private static String body(Map<String, Object> request) {
        if (!(request.get("body") instanceof String body)) {
            return "";
        }
        return isBase64Encoded(request.get("isBase64Encoded"))
                ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8)
                : body;
    }

    /** True for the boolean true, the text "true" and whole numbers other than 0. */
    private static boolean isBase64Encoded(Object flag) {
        if (flag instanceof Boolean bool) {
            return bool;
        }
        if (flag instanceof String text) {
            return text.trim().equals("true");
        }
        if (flag instanceof Integer || flag instanceof Long) {
            return ((Number) flag).longValue() != 0;
        }
        return flag instanceof BigInteger number && number.signum() != 0;
    }
}
