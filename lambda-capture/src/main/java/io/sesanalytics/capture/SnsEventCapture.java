package io.sesanalytics.capture;

import io.sesanalytics.raw.CapturedLine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SNS-triggered invocations ({@code Records[].Sns}). SNS invokes asynchronously, so a failed write is
 * thrown: Lambda retries the whole event, and the jobs drop the repeated lines by SNS MessageId.
 */
final class SnsEventCapture {
    private final NotificationClassifier classifier;
    private final CaptureWriter writer;

    SnsEventCapture(NotificationClassifier classifier, CaptureWriter writer) {
        this.classifier = classifier;
        this.writer = writer;
    }

    Map<String, Object> handle(List<Object> records, String requestId, Instant now) {
        List<CapturedLine> lines = new ArrayList<>();
        for (Object record : records) {
            Map<String, Object> sns = JsonTree.object(JsonTree.member(record, "Sns"));
            String sourceId = JsonTree.text(sns, "MessageId", "");
            CapturedLine line = sns != null
                    ? classifier.fromSnsMessage(sns, "sns", sourceId, now)
                    : classifier.unparsed("SNS record has no Sns object", JsonTree.write(record), "sns", sourceId, now);
            if (line != null) { // null: an SES set-up message, logged and not stored
                lines.add(line);
            }
        }
        CaptureWriter.WriteResult result = writer.write(lines, requestId, now);
        if (!result.allStored()) {
            throw new CaptureFailedException(result.failedSourceIds().size() + " SNS message(s) could not be stored");
        }
        return Map.of("stored", lines.size());
    }
}
