package io.sesanalytics.capture;

import io.sesanalytics.raw.CapturedLine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SQS batches whose bodies are SNS messages (raw delivery off) or bare SES JSON (raw delivery on).
 * Answers with a partial batch response naming only the records that were not stored, so SQS
 * redelivers just those (the event source mapping must enable {@code ReportBatchItemFailures}).
 */
final class SqsBatchCapture {
    private final NotificationClassifier classifier;
    private final CaptureWriter writer;

    SqsBatchCapture(NotificationClassifier classifier, CaptureWriter writer) {
        this.classifier = classifier;
        this.writer = writer;
    }

    Map<String, Object> handle(List<Object> records, String requestId, Instant now) {
        List<CapturedLine> lines = new ArrayList<>();
        for (Object record : records) {
            Map<String, Object> fields = JsonTree.object(record);
            String messageId = JsonTree.text(fields, "messageId", "");
            CapturedLine line = JsonTree.member(record, "body") instanceof String body
                    ? classifier.fromText(body, "sqs", messageId, now)
                    : classifier.unparsed("SQS record has no body", JsonTree.write(record), "sqs", messageId, now);
            if (line != null) { // null: an SES set-up message, logged and not stored
                lines.add(line);
            }
        }
        CaptureWriter.WriteResult result = writer.write(lines, requestId, now);
        List<Object> failures = result.failedSourceIds().stream().sorted()
                .<Object>map(id -> Map.of("itemIdentifier", id))
                .toList();
        return Map.of("batchItemFailures", failures);
    }
}
