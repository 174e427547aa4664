package io.sesanalytics.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SNS-triggered invocations ({@code Records[].Sns}). SNS invokes asynchronously, so a failed write is
 * thrown: Lambda retries the whole event, and the jobs drop the repeated lines by SNS MessageId.
 */
final class SnsEventCapture {
    private final NotificationClassifier classifier;
    private final CaptureWriter writer;
    private final ObjectMapper mapper;

    SnsEventCapture(NotificationClassifier classifier, CaptureWriter writer, ObjectMapper mapper) {
        this.classifier = classifier;
        this.writer = writer;
        this.mapper = mapper;
    }

    JsonNode handle(JsonNode records, String requestId, Instant now) {
        List<CapturedLine> lines = new ArrayList<>();
        for (JsonNode record : records) {
            JsonNode sns = record.path("Sns");
            String sourceId = sns.path("MessageId").asText("");
            lines.add(sns.isObject()
                    ? classifier.fromSnsMessage(sns, "sns", sourceId, now)
                    : classifier.unparsed("SNS record has no Sns object", record.toString(), "sns", sourceId, now));
        }
        CaptureWriter.WriteResult result = writer.write(lines, requestId, now);
        if (!result.allStored()) {
            throw new CaptureFailedException(result.failedSourceIds().size() + " SNS message(s) could not be stored");
        }
        return mapper.createObjectNode().put("stored", lines.size());
    }
}
