package io.sesanalytics.capture;

import io.sesanalytics.raw.CaptureKind;
import io.sesanalytics.raw.CapturedLine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Invocations by an SES receipt rule's Lambda action ({@code Records[].ses} with {@code eventSource} {@code aws:ses}).
 * Each record's {@code ses} object holds the {@code mail} and {@code receipt} of a received mail, as in an SNS
 * action's notification but without {@code notificationType} or content; it is stored as that notification,
 * {@code notificationType} {@code Received} first, so the jobs read both alike. SES invokes with invocation type
 * Event (asynchronously) or RequestResponse: a failed write is thrown so that Lambda retries, and the answer
 * lets the receipt rule set go on ({@code CONTINUE}).
 */
final class SesReceiptCapture {
    private final NotificationClassifier classifier;
    private final CaptureWriter writer;

    SesReceiptCapture(NotificationClassifier classifier, CaptureWriter writer) {
        this.classifier = classifier;
        this.writer = writer;
    }

    Map<String, Object> handle(List<Object> records, String requestId, Instant now) {
        List<CapturedLine> lines = new ArrayList<>();
        for (Object record : records) {
            Map<String, Object> ses = JsonTree.object(JsonTree.member(record, "ses"));
            String messageId = JsonTree.text(JsonTree.object(ses == null ? null : ses.get("mail")), "messageId", "");
            lines.add(line(record, ses, messageId, now));
        }
        CaptureWriter.WriteResult result = writer.write(lines, requestId, now);
        if (!result.allStored()) {
            throw new CaptureFailedException(result.failedSourceIds().size() + " received mail(s) could not be stored");
        }
        return Map.of("disposition", "CONTINUE");
    }

    private CapturedLine line(Object record, Map<String, Object> ses, String messageId, Instant now) {
        if (ses == null) {
            return classifier.unparsed("SES record has no ses object", JsonTree.write(record), "ses", messageId, now);
        }
        Map<String, Object> received = new LinkedHashMap<>();
        received.put("notificationType", "Received");
        ses.forEach((name, value) -> {
            if (!"notificationType".equals(name)) {
                received.put(name, value);
            }
        });
        SesMessageTypes.Classification classification = SesMessageTypes.classify(received);
        if (!classification.isAccepted() || classification.kind() != CaptureKind.RECEIVED) {
            return classifier.unparsed(classification.isAccepted() ? "SES record is not a received mail" : classification.rejection(),
                    JsonTree.write(record), "ses", messageId, now);
        }
        return new CapturedLine(CaptureKind.RECEIVED, JsonTree.write(received), messageId);
    }
}
