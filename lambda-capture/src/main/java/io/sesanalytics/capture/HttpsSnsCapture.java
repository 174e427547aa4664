package io.sesanalytics.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * SNS messages posted over HTTPS to a Lambda function URL or API Gateway. Every message is checked
 * before anything is stored or confirmed: its topic must be allowed and its signature must verify.
 * A refused message gets a 4xx answer and one WARN line naming the reason, never the body.
 */
final class HttpsSnsCapture {
    private static final Logger LOG = LoggerFactory.getLogger(HttpsSnsCapture.class);

    private final Set<String> allowedTopicArns;
    private final SnsSignatureVerifier verifier;
    private final SubscriptionConfirmer confirmer;
    private final NotificationClassifier classifier;
    private final CaptureWriter writer;
    private final ObjectMapper mapper;

    HttpsSnsCapture(Set<String> allowedTopicArns, SnsSignatureVerifier verifier, SubscriptionConfirmer confirmer,
                    NotificationClassifier classifier, CaptureWriter writer, ObjectMapper mapper) {
        this.allowedTopicArns = allowedTopicArns;
        this.verifier = verifier;
        this.confirmer = confirmer;
        this.classifier = classifier;
        this.writer = writer;
        this.mapper = mapper;
    }

    JsonNode handle(JsonNode request, String requestId, Instant now) {
        String method = request.path("requestContext").path("http").path("method")
                .asText(request.path("httpMethod").asText(""));
        if (!"POST".equalsIgnoreCase(method)) {
            return refuse(405, "only POST is accepted", "-", "-");
        }
        JsonNode message;
        try {
            message = mapper.readTree(body(request));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return refuse(400, "body is not JSON", "-", "-");
        }
        if (message == null || !NotificationClassifier.isSnsMessage(message)) {
            return refuse(400, "body is not an SNS message", "-", "-");
        }
        String messageId = message.path("MessageId").asText();
        String topicArn = message.path("TopicArn").asText();
        if (!allowedTopicArns.contains(topicArn)) {
            return refuse(403, "topic is not allowed", messageId, topicArn);
        }
        try {
            verifier.verify(message);
        } catch (SnsVerificationException e) {
            return refuse(403, e.getMessage(), messageId, topicArn);
        }
        return switch (message.path("Type").asText()) {
            case "SubscriptionConfirmation" -> confirm(message, messageId, topicArn);
            case "UnsubscribeConfirmation" -> {
                LOG.info("unsubscribed from {} (message {})", topicArn, messageId);
                yield answer(200, "unsubscribe noted");
            }
            default -> store(message, messageId, requestId, now);
        };
    }

    private JsonNode confirm(JsonNode message, String messageId, String topicArn) {
        try {
            confirmer.confirm(message.path("SubscribeURL").asText());
        } catch (SnsVerificationException e) {
            return refuse(403, e.getMessage(), messageId, topicArn);
        } catch (IOException e) {
            LOG.error("could not confirm the subscription to {}: {}", topicArn, e.getMessage());
            return answer(502, "subscription could not be confirmed");
        }
        LOG.info("confirmed the subscription to {}", topicArn);
        return answer(200, "subscription confirmed");
    }

    private JsonNode store(JsonNode message, String messageId, String requestId, Instant now) {
        CapturedLine line = classifier.fromSnsMessage(message, "https", messageId, now);
        CaptureWriter.WriteResult result = writer.write(List.of(line), requestId, now);
        // A 5xx makes SNS retry the delivery under its delivery policy.
        return result.allStored() ? answer(200, "stored") : answer(500, "not stored, retry");
    }

    private JsonNode refuse(int status, String reason, String messageId, String topicArn) {
        LOG.warn("refused HTTPS post: {} (status {}, message {}, topic {})", reason, status, messageId, topicArn);
        return answer(status, reason);
    }

    private JsonNode answer(int status, String text) {
        ObjectNode response = mapper.createObjectNode();
        response.put("statusCode", status);
        response.putObject("headers").put("content-type", "text/plain; charset=utf-8");
        response.put("body", text);
        return response;
    }

    private static String body(JsonNode request) {
        String body = request.path("body").asText("");
        return request.path("isBase64Encoded").asBoolean(false)
                ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8)
                : body;
    }
}
