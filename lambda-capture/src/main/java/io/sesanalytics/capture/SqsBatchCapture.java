package io.sesanalytics.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SQS batches whose bodies are SNS messages (raw delivery off) or bare SES JSON (raw delivery on).
 * Answers with a partial batch response naming only the records that were not stored, so SQS
 * redelivers just those (the event source mapping must enable {@code ReportBatchItemFailures}).
 */
final class SqsBatchCapture {
    private final NotificationClassifier classifier;
    private final CaptureWriter writer;
    private final ObjectMapper mapper;

    SqsBatchCapture(NotificationClassifier classifier, CaptureWriter writer, ObjectMapper mapper) {
        this.classifier = classifier;
        this.writer = writer;
        this.mapper = mapper;
    }

    JsonNode handle(JsonNode records, String requestId, Instant now) {
        List<CapturedLine> lines = new ArrayList<>();
        for (JsonNode record : records) {
            String messageId = record.path("messageId").asText("");
            JsonNode body = record.get("body");
            lines.add(body != null && body.isTextual()
                    ? classifier.fromText(body.asText(), "sqs", messageId, now)
                    : classifier.unparsed("SQS record has no body", record.toString(), "sqs", messageId, now));
        }
        CaptureWriter.WriteResult result = writer.write(lines, requestId, now);
        ObjectNode response = mapper.createObjectNode();
        ArrayNode failures = response.putArray("batchItemFailures");
        result.failedSourceIds().stream().sorted()
                .forEach(id -> failures.addObject().put("itemIdentifier", id));
        return response;
    }
}
