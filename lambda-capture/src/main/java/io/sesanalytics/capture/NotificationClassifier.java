package io.sesanalytics.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * Turns what arrived (an SNS message, or bare SES JSON from an SQS queue with raw delivery) into one
 * {@link CapturedLine}. Recognised messages are kept as they came; anything else becomes an
 * {@link CaptureKind#UNPARSED} line holding the original text and the reason.
 */
public final class NotificationClassifier {
    private final ObjectMapper mapper;

    public NotificationClassifier(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** An SNS message already parsed, as in {@code Records[].Sns} of an SNS-triggered invocation. */
    public CapturedLine fromSnsMessage(JsonNode sns, String source, String sourceId, Instant capturedAt) {
        String line = compact(sns);
        if (!"Notification".equals(sns.path("Type").asText())) {
            return unparsed("SNS message of Type '" + sns.path("Type").asText() + "' is not a Notification",
                    line, source, sourceId, capturedAt);
        }
        JsonNode message = sns.get("Message");
        if (message == null || !message.isTextual()) {
            return unparsed("SNS message has no Message string", line, source, sourceId, capturedAt);
        }
        JsonNode ses;
        try {
            ses = mapper.readTree(message.asText());
        } catch (JsonProcessingException e) {
            return unparsed("SNS Message is not JSON: " + e.getOriginalMessage(), line, source, sourceId, capturedAt);
        }
        SesMessageTypes.Classification classification = SesMessageTypes.classify(ses);
        return classification.isAccepted()
                ? new CapturedLine(classification.kind(), line, sourceId)
                : unparsed(classification.rejection(), line, source, sourceId, capturedAt);
    }

    /** Text that should be an SNS message or bare SES JSON, such as an SQS message body. */
    public CapturedLine fromText(String text, String source, String sourceId, Instant capturedAt) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return unparsed("not JSON: " + e.getOriginalMessage(), text, source, sourceId, capturedAt);
        }
        if (node == null || !node.isObject()) {
            return unparsed("not a JSON object", text, source, sourceId, capturedAt);
        }
        if (isSnsMessage(node)) {
            return fromSnsMessage(node, source, sourceId, capturedAt);
        }
        SesMessageTypes.Classification classification = SesMessageTypes.classify(node);
        return classification.isAccepted()
                ? new CapturedLine(classification.kind(), compact(node), sourceId)
                : unparsed(classification.rejection(), text, source, sourceId, capturedAt);
    }

    /** A line for input that could not be recognised at all, such as an invocation of unknown shape. */
    public CapturedLine unparsed(String reason, String raw, String source, String sourceId, Instant capturedAt) {
        ObjectNode line = mapper.createObjectNode();
        line.put("reason", reason);
        line.put("source", source);
        line.put("sourceId", sourceId);
        line.put("capturedAt", capturedAt.toString());
        line.put("raw", raw);
        return new CapturedLine(CaptureKind.UNPARSED, compact(line), sourceId);
    }

    static boolean isSnsMessage(JsonNode node) {
        return node.path("Type").isTextual() && node.path("MessageId").isTextual() && node.path("TopicArn").isTextual();
    }

    private String compact(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree could not be written back", e);
        }
    }
}
